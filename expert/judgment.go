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
	"github.com/nonferrous/demand/series"
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
//	expert: cause: expert "a", round 1, year 2015: detail
//
// with the detail, if any (read from CSV, it is the Err of a *CSVError,
// which gives the line). It unwraps to the cause.
type judgmentError struct {
	j      Judgment
	err    error
	detail string
	field  string // the CSV column at fault, "" for the whole judgment
}

func (e *judgmentError) Error() string {
	var b strings.Builder
	b.WriteString("expert: ")
	b.WriteString(e.body())
	return b.String()
}

// body is the message without the package.
func (e *judgmentError) body() string {
	var b strings.Builder
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
		return &judgmentError{j: j, err: ErrName, field: "expert"}
	case j.Round < 1:
		return &judgmentError{j: j, err: ErrRound, field: "round"}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"low", j.Low}, {"likely", j.Likely}, {"high", j.High}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return &judgmentError{j: j, err: forecast.ErrNotFinite, detail: fmt.Sprintf("%s is %g", f.name, f.v), field: f.name}
		}
	}
	if j.Low > j.Likely {
		return &judgmentError{j: j, err: ErrOrder, detail: fmt.Sprintf("low %g > likely %g", j.Low, j.Likely), field: "low"}
	}
	if j.Likely > j.High {
		return &judgmentError{j: j, err: ErrOrder, detail: fmt.Sprintf("likely %g > high %g", j.Likely, j.High), field: "high"}
	}
	if !(j.Weight >= 0) || math.IsInf(j.Weight, 1) {
		return &judgmentError{j: j, err: ErrWeight, detail: fmt.Sprintf("weight %g", j.Weight), field: "weight"}
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

// CSVError is a problem in a panel CSV read by ReadCSV, in the form of
// series.CSVError: Line is the 1-based line of the input (the header is
// line 1), Column the 1-based field (0 when the problem is not in one
// field, such as a syntax error or a duplicate judgment), Header the
// column's header as written, when known. Err is the cause: ErrHeader, a
// judgment's error (ErrOrder, forecast.ErrNotFinite, …), or an error
// wrapping series.ErrNumber for a field that is not a number.
type CSVError struct {
	Line, Column int
	Header       string
	Err          error
}

// Error returns the message: the line, the column and its header, and
// what is wrong.
func (e *CSVError) Error() string {
	msg := e.Err.Error()
	var je *judgmentError
	var ne *series.NumberError
	switch {
	case errors.As(e.Err, &je):
		msg = je.body()
	case errors.As(e.Err, &ne):
		msg = ne.Reason
	}
	switch {
	case e.Column == 0:
		return fmt.Sprintf("expert: csv line %d: %s", e.Line, msg)
	case e.Header == "":
		return fmt.Sprintf("expert: csv line %d, column %d: %s", e.Line, e.Column, msg)
	}
	return fmt.Sprintf("expert: csv line %d, column %d (%q): %s", e.Line, e.Column, e.Header, msg)
}

// Unwrap returns e.Err.
func (e *CSVError) Unwrap() error { return e.Err }

// ReadCSV reads judgments from CSV with the columns
//
//	expert,round,year,low,likely,high,weight
//
// in any order, names matched without regard to case or surrounding
// spaces (a leading UTF-8 byte order mark is ignored); weight may be left
// out. Each record is one judgment. Round and year are integers; low,
// likely, high and weight are decimal numbers as series.ParseNumber reads
// them (no hexadecimal, digit separators or Inf; spaces around them
// ignored), NaN is read as a missing value and rejected by Validate, and
// an empty weight means 0, that is weight 1. Each judgment is validated as
// by Validate. Every problem is a *CSVError naming the line and, where one
// field is at fault, its column.
func ReadCSV(r io.Reader) ([]Judgment, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: empty input", ErrHeader)}
	}
	if err != nil {
		return nil, readErr(err)
	}
	col := [len(header)]int{} // col[k] is the field of header[k], -1 if absent
	for k := range col {
		col[k] = -1
	}
	for i, h := range head {
		name := strings.TrimSpace(h)
		if i == 0 {
			name = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		}
		k := -1
		for n, want := range header {
			if strings.EqualFold(name, want) {
				k = n
			}
		}
		switch {
		case k < 0:
			return nil, &CSVError{Line: 1, Column: i + 1, Header: h, Err: fmt.Errorf("%w: unknown column %q (the columns are %s)", ErrHeader, h, strings.Join(header[:], ", "))}
		case col[k] >= 0:
			return nil, &CSVError{Line: 1, Column: i + 1, Header: h, Err: fmt.Errorf("%w: column %q twice (also column %d)", ErrHeader, header[k], col[k]+1)}
		}
		col[k] = i
	}
	var missing []string
	for k, c := range col[:len(col)-1] { // weight may be absent
		if c < 0 {
			missing = append(missing, header[k])
		}
	}
	if len(missing) > 0 {
		return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: no column %s (the columns are %s; weight may be left out)", ErrHeader, strings.Join(missing, ", "), strings.Join(header[:], ", "))}
	}
	column := func(field string) int {
		for k, n := range header {
			if n == field {
				return col[k]
			}
		}
		return -1
	}

	var js []Judgment
	seen := make(map[key]int)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return js, nil
		}
		if err != nil {
			return nil, readErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(head) {
			return nil, &CSVError{Line: line, Column: min(len(rec), len(head)) + 1, Err: fmt.Errorf("wrong number of fields: have %d, header has %d", len(rec), len(head))}
		}
		fieldErr := func(k int, err error) error {
			return &CSVError{Line: line, Column: col[k] + 1, Header: head[col[k]], Err: err}
		}
		j := Judgment{Expert: rec[col[0]]}
		for k, p := range []*int{&j.Round, &j.Year} {
			v, err := parseInt(rec[col[k+1]])
			if err != nil {
				return nil, fieldErr(k+1, err)
			}
			*p = v
		}
		for k, p := range []*float64{&j.Low, &j.Likely, &j.High, &j.Weight} {
			if col[k+3] < 0 {
				continue // no weight column
			}
			text := rec[col[k+3]]
			switch {
			case strings.TrimSpace(text) == "" && k == 3:
				continue
			case series.IsNaNText(text):
				*p = math.NaN()
				continue
			}
			v, err := series.ParseNumber(text)
			if err != nil {
				return nil, fieldErr(k+3, err)
			}
			*p = v
		}
		if err := j.Validate(); err != nil {
			e := &CSVError{Line: line, Err: err}
			var je *judgmentError
			if errors.As(err, &je) {
				if c := column(je.field); c >= 0 {
					e.Column, e.Header = c+1, head[c]
				}
			}
			return nil, e
		}
		k := key{j.Expert, j.Round, j.Year}
		if prev, ok := seen[k]; ok {
			return nil, &CSVError{Line: line, Err: &judgmentError{j: j, err: ErrDuplicate, detail: fmt.Sprintf("first on line %d", prev)}}
		}
		seen[k] = line
		js = append(js, j)
	}
}

// parseInt parses a round or a year: an optional sign and decimal digits,
// spaces around them ignored. The error wraps series.ErrNumber.
func parseInt(text string) (int, error) {
	s := strings.TrimSpace(text)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) <= 1 && digits != "" && strings.Trim(digits, "0123456789") == "" {
		if v, err := strconv.Atoi(s); err == nil {
			return v, nil
		}
	}
	return 0, &series.NumberError{Text: text, Reason: fmt.Sprintf("%q is not an integer", text)}
}

// readErr converts an error from encoding/csv.
func readErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{Line: pe.Line, Err: fmt.Errorf("byte %d: %w", pe.Column, pe.Err)}
	}
	return fmt.Errorf("expert: csv: %w", err)
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
