package expert

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/nonferrous/demand/forecast"
)

// Judgment is one expert's judgment, in one Delphi round, of the value for
// one year: the lowest plausible, most likely and highest plausible values,
// and the weight the expert's judgment carries in the panel's aggregates.
// A zero Weight means 1, so that an unweighted panel needs no weights.
type Judgment struct {
	Expert string
	Round  int // 1 for the first round
	Year   int
	Low    float64
	Likely float64
	High   float64
	Weight float64 // ≥ 0; 0 means 1
}

// Errors returned, wrapped with detail, for problems of this method
// alone. The errors the methods share are those of package forecast: a
// judgment's value that is not finite wraps forecast.ErrNotFinite, a low
// value that is not positive forecast.ErrNonPositive, a bad Aggregate or
// Interval forecast.ErrSetting, and the history's problems the errors of
// forecast.CheckHistory.
var (
	ErrName        = errors.New("expert name is empty or holds a carriage return")
	ErrRound       = errors.New("round must be at least 1")
	ErrOrder       = errors.New("need low ≤ likely ≤ high")
	ErrWeight      = errors.New("weight must be finite and not negative")
	ErrDuplicate   = errors.New("duplicate judgment")
	ErrHeader      = errors.New("bad CSV header")
	ErrNoJudgments = errors.New("no judgments")
	ErrTargetYear  = errors.New("target year is not after the history")
)

// pkg names the package in its errors.
const pkg = "expert"

// judgmentError is a problem with one judgment:
//
//	expert: line 3: cause: expert "a", round 1, year 2015: detail
//
// with the line of the CSV it was read from, if any, and the detail, if
// any. It unwraps to the cause.
type judgmentError struct {
	line   int // 0 when the judgment was not read from CSV
	j      Judgment
	err    error
	detail string
}

func (e *judgmentError) Error() string {
	var b strings.Builder
	b.WriteString("expert: ")
	if e.line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.line)
	}
	b.WriteString(e.err.Error())
	b.WriteString(": ")
	b.WriteString(e.j.where())
	if e.detail != "" {
		b.WriteString(": ")
		b.WriteString(e.detail)
	}
	return b.String()
}

func (e *judgmentError) Unwrap() error { return e.err }

// W returns the judgment's effective weight: Weight, or 1 when Weight is 0.
func (j Judgment) W() float64 {
	if j.Weight == 0 {
		return 1
	}
	return j.Weight
}

// PERT returns the PERT mean (Low + 4·Likely + High)/6, the mean of the
// beta-PERT distribution on [Low, High] with mode Likely.
func (j Judgment) PERT() float64 { return (j.Low + 4*j.Likely + j.High) / 6 }

func (j Judgment) where() string {
	return fmt.Sprintf("expert %q, round %d, year %d", j.Expert, j.Round, j.Year)
}

// Validate reports the first problem with j: an empty expert name or one
// holding a carriage return (which CSV cannot carry unchanged), a round
// below 1, a non-finite value, low > likely or likely > high, or a
// negative or non-finite weight. The error names the expert and round.
func (j Judgment) Validate() error {
	switch {
	case j.Expert == "" || strings.ContainsRune(j.Expert, '\r'):
		return &judgmentError{j: j, err: ErrName}
	case j.Round < 1:
		return &judgmentError{j: j, err: ErrRound}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"low", j.Low}, {"likely", j.Likely}, {"high", j.High}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return &judgmentError{j: j, err: forecast.ErrNotFinite, detail: fmt.Sprintf("%s is %g", f.name, f.v)}
		}
	}
	if j.Low > j.Likely {
		return &judgmentError{j: j, err: ErrOrder, detail: fmt.Sprintf("low %g > likely %g", j.Low, j.Likely)}
	}
	if j.Likely > j.High {
		return &judgmentError{j: j, err: ErrOrder, detail: fmt.Sprintf("likely %g > high %g", j.Likely, j.High)}
	}
	if !(j.Weight >= 0) || math.IsInf(j.Weight, 1) {
		return &judgmentError{j: j, err: ErrWeight, detail: fmt.Sprintf("weight %g", j.Weight)}
	}
	return nil
}

type key struct {
	expert      string
	round, year int
}

// Validate validates each judgment and reports an expert who judged the
// same year twice in one round (ErrDuplicate).
func Validate(js []Judgment) error {
	seen := make(map[key]bool, len(js))
	for _, j := range js {
		if err := j.Validate(); err != nil {
			return err
		}
		k := key{j.Expert, j.Round, j.Year}
		if seen[k] {
			return &judgmentError{j: j, err: ErrDuplicate}
		}
		seen[k] = true
	}
	return nil
}

// header is the CSV header ReadCSV expects and WriteCSV writes.
var header = [...]string{"expert", "round", "year", "low", "likely", "high", "weight"}

// Header returns (a copy of) the CSV header ReadCSV expects and WriteCSV
// writes: expert, round, year, low, likely, high, weight.
func Header() []string { return append([]string(nil), header[:]...) }

// ReadCSV reads judgments from CSV with the header
//
//	expert,round,year,low,likely,high,weight
//
// (names matched without regard to case or surrounding spaces) and one
// judgment a record. An empty weight field means 0, that is weight 1.
// Each judgment is validated as by Validate. Errors name the line, and
// the column and field where one is at fault.
func ReadCSV(r io.Reader) ([]Judgment, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(header)
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("expert: %w: empty input", ErrHeader)
	}
	if err != nil {
		return nil, fmt.Errorf("expert: %w", err)
	}
	for i, h := range head {
		if !strings.EqualFold(strings.TrimSpace(h), header[i]) {
			line, col := cr.FieldPos(i)
			return nil, fmt.Errorf("expert: %w: line %d, column %d: have %q, want %q", ErrHeader, line, col, h, header[i])
		}
	}
	var js []Judgment
	seen := make(map[key]int)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return js, nil
		}
		if err != nil {
			return nil, fmt.Errorf("expert: %w", err)
		}
		line, _ := cr.FieldPos(0)
		fieldErr := func(i int, err error) error {
			l, c := cr.FieldPos(i)
			return fmt.Errorf("expert: line %d, column %d (%s): %w", l, c, header[i], err)
		}
		j := Judgment{Expert: rec[0]}
		for i, p := range []*int{&j.Round, &j.Year} {
			v, err := strconv.Atoi(strings.TrimSpace(rec[i+1]))
			if err != nil {
				return nil, fieldErr(i+1, err)
			}
			*p = v
		}
		for i, p := range []*float64{&j.Low, &j.Likely, &j.High, &j.Weight} {
			s := strings.TrimSpace(rec[i+3])
			if s == "" && i == 3 {
				continue
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fieldErr(i+3, err)
			}
			*p = v
		}
		if err := j.Validate(); err != nil {
			var je *judgmentError
			if !errors.As(err, &je) {
				return nil, err
			}
			e := *je
			e.line = line
			return nil, &e
		}
		k := key{j.Expert, j.Round, j.Year}
		if prev, ok := seen[k]; ok {
			return nil, &judgmentError{line: line, j: j, err: ErrDuplicate, detail: fmt.Sprintf("first on line %d", prev)}
		}
		seen[k] = line
		js = append(js, j)
	}
}

// WriteCSV validates js as Validate does and writes them as CSV with the
// header ReadCSV reads. Numbers are written in the shortest form that
// reads back to the same float64, so ReadCSV returns exactly js.
func WriteCSV(w io.Writer, js []Judgment) error {
	if err := Validate(js); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header[:]); err != nil {
		return fmt.Errorf("expert: %w", err)
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for _, j := range js {
		rec := []string{j.Expert, strconv.Itoa(j.Round), strconv.Itoa(j.Year), f(j.Low), f(j.Likely), f(j.High), f(j.Weight)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("expert: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("expert: %w", err)
	}
	return nil
}
