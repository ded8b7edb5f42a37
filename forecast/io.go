package forecast

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/nonferrous/demand/series"
)

// csvHeader is the header of the forecast table.
var csvHeader = [...]string{"method", "level", "series", "unit", "year", "point", "lower", "upper"}

// CSVHeader returns (a copy of) the header of the forecast table that
// WriteCSV writes and ReadCSV reads: method, level, series, unit, year,
// point, lower, upper.
func CSVHeader() []string { return append([]string(nil), csvHeader[:]...) }

// Errors wrapped by a *CSVError from ReadCSV, one per kind of problem.
var (
	ErrCSVHeader = errors.New("bad header")             // empty input, or not CSVHeader()
	ErrCSVRagged = errors.New("wrong number of fields") // a row with more or fewer fields than the header
	ErrCSVField  = errors.New("bad field")              // a level, year or value that does not parse or is out of range
	ErrCSVOrder  = errors.New("rows out of order")      // a forecast's years not consecutive, or a forecast split or repeated
	ErrCSVEmpty  = errors.New("no forecast")            // a header and no row
)

// CSVError is a problem in a forecast table read by ReadCSV. Line is the
// 1-based line of the input (the header is line 1); Column is the 1-based
// field, or 0 when the problem is not in one field. Header names the
// column when Column is set.
type CSVError struct {
	Line, Column int
	Header       string
	Err          error
}

// Error returns the message: the line, the column and its header, and
// what is wrong.
func (e *CSVError) Error() string {
	switch {
	case e.Column == 0:
		return fmt.Sprintf("forecast: csv line %d: %v", e.Line, e.Err)
	case e.Header == "":
		return fmt.Sprintf("forecast: csv line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("forecast: csv line %d, column %d (%s): %v", e.Line, e.Column, e.Header, e.Err)
}

// Unwrap returns e.Err.
func (e *CSVError) Unwrap() error { return e.Err }

// WriteCSV writes forecasts as a long table, one row per forecast and
// year, with the header CSVHeader():
//
//	method,level,series,unit,year,point,lower,upper
//	regression,0.95,copper,kt,2021,1204.5,1101.25,1307.75
//	regression,0.95,copper,kt,2022,1250,1130,1370
//	elasticity,0.95,copper,kt,2021,1198,NaN,NaN
//
// method is Forecast.Method, series and unit are the Name and Unit of the
// point path (shared by its bounds), and point, lower and upper the
// values at year. Numbers are written with strconv.FormatFloat(v, 'g', -1,
// 64), the shortest decimal that reads back as the same float64, and a
// missing value as NaN, so that ReadCSV gives back every forecast bit for
// bit, negative zero included (NaN payloads are not kept). A Combination
// is written as its Forecast; its weights are not part of the table.
//
// The rows of one forecast are consecutive and its years increase by one.
// No two forecasts may share method, level, series and unit, since they
// would read back as one. WriteCSV returns an error, before writing
// anything, for no forecasts, an empty Method, a level outside (0, 1),
// an empty point path, bounds whose name, unit or years differ from the
// point's, a carriage return in a method, name or unit (encoding/csv reads
// "\r\n" back as "\n"), an infinite value, or a repeated forecast.
func WriteCSV(w io.Writer, fs ...Forecast) error {
	if len(fs) == 0 {
		return errors.New("forecast: csv: no forecasts to write")
	}
	seen := make(map[[4]string]int, len(fs))
	for i, f := range fs {
		if err := checkWritable(f); err != nil {
			return fmt.Errorf("forecast: csv: forecast %d (%q): %w", i+1, f.Method, err)
		}
		k := key(f)
		if j, dup := seen[k]; dup {
			return fmt.Errorf("forecast: csv: forecast %d repeats forecast %d (method %q, level %s, series %q, unit %q)", i+1, j+1, k[0], k[1], k[2], k[3])
		}
		seen[k] = i
	}

	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Write(csvHeader[:]) // errors are kept by bw
	rec := make([]string, len(csvHeader))
	for _, f := range fs {
		k := key(f)
		copy(rec, k[:])
		for j, p := range f.Point.Values {
			rec[4] = strconv.Itoa(f.Point.Start + j)
			rec[5] = formatValue(p)
			rec[6] = formatValue(f.Lower.Values[j])
			rec[7] = formatValue(f.Upper.Values[j])
			cw.Write(rec)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("forecast: csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("forecast: csv: %w", err)
	}
	return nil
}

// checkWritable reports why f cannot be written, nil if it can.
func checkWritable(f Forecast) error {
	p := f.Point
	switch {
	case f.Method == "":
		return errors.New("empty Method")
	case !(f.Level > 0 && f.Level < 1):
		return fmt.Errorf("%w: have %g", ErrLevel, f.Level)
	case p.Len() == 0:
		return errors.New("empty point path")
	case strings.ContainsRune(f.Method+p.Name+p.Unit, '\r'):
		return errors.New("carriage return in method, series name or unit")
	}
	for _, b := range []struct {
		what string
		s    series.Series
	}{{"lower", f.Lower}, {"upper", f.Upper}} {
		if b.s.Name != p.Name || b.s.Unit != p.Unit || b.s.Start != p.Start || b.s.Len() != p.Len() {
			return fmt.Errorf("%w: %s bound %q [%s] does not match the point path %q [%s] (years %d–%d)",
				ErrMismatch, b.what, b.s.Name, b.s.Unit, p.Name, p.Unit, p.Start, p.End())
		}
	}
	for _, s := range []series.Series{f.Point, f.Lower, f.Upper} {
		for j, v := range s.Values {
			if math.IsInf(v, 0) {
				return fmt.Errorf("infinite value %g at %d", v, s.Start+j)
			}
		}
	}
	return nil
}

// key returns the first four fields of f's rows.
func key(f Forecast) [4]string {
	return [4]string{f.Method, strconv.FormatFloat(f.Level, 'g', -1, 64), f.Point.Name, f.Point.Unit}
}

func formatValue(v float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// ReadCSV reads a table written by WriteCSV and returns its forecasts in
// the order of their first rows. The header must be CSVHeader() (matched
// without regard to case; a leading UTF-8 byte order mark is ignored).
// Every row has eight fields: the level a number in (0, 1), the year an
// integer, point, lower and upper numbers or NaN (not infinite; no space
// is trimmed). A row continues the forecast of the row before when its
// first four fields are the same and its year is the next; otherwise it
// starts a new forecast, and it is an error if a forecast with the same
// first four fields was read before. Problems are reported as a *CSVError
// naming the line and column.
func ReadCSV(r io.Reader) ([]Forecast, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: empty input", ErrCSVHeader)}
	}
	if err != nil {
		return nil, csvReadErr(err)
	}
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\ufeff")
	}
	if len(head) != len(csvHeader) {
		return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: have %d fields, want %d: %s", ErrCSVHeader, len(head), len(csvHeader), strings.Join(csvHeader[:], ","))}
	}
	for j, h := range head {
		if !strings.EqualFold(h, csvHeader[j]) {
			return nil, &CSVError{Line: 1, Column: j + 1, Header: csvHeader[j], Err: fmt.Errorf("%w: have %q, want %q", ErrCSVHeader, h, csvHeader[j])}
		}
	}

	var fs []Forecast
	started := make(map[[4]string]int) // key → line of its first row
	var cur [4]string
	var prevYear int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvReadErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(csvHeader) {
			return nil, &CSVError{Line: line, Column: min(len(rec), len(csvHeader)) + 1, Err: fmt.Errorf("%w: have %d, header has %d", ErrCSVRagged, len(rec), len(csvHeader))}
		}
		fieldErr := func(j int, format string, args ...any) error {
			return &CSVError{Line: line, Column: j + 1, Header: csvHeader[j], Err: fmt.Errorf("%w: "+format, append([]any{ErrCSVField}, args...)...)}
		}
		if rec[0] == "" {
			return nil, fieldErr(0, "empty method")
		}
		level, err := strconv.ParseFloat(rec[1], 64)
		if err != nil || !(level > 0 && level < 1) {
			return nil, fieldErr(1, "%q is not a level in (0, 1)", rec[1])
		}
		year, err := strconv.Atoi(rec[4])
		if err != nil {
			return nil, fieldErr(4, "%q is not an integer year", rec[4])
		}
		var v [3]float64
		for i := range v {
			x, err := strconv.ParseFloat(rec[5+i], 64)
			if err != nil || math.IsInf(x, 0) {
				return nil, fieldErr(5+i, "%q is not a finite number or NaN", rec[5+i])
			}
			v[i] = x
		}
		// The level as written, so that "0.950" and "0.95" are one forecast.
		k := [4]string{rec[0], strconv.FormatFloat(level, 'g', -1, 64), rec[2], rec[3]}
		if len(fs) > 0 && k == cur {
			if prevYear == math.MaxInt || year != prevYear+1 {
				return nil, &CSVError{Line: line, Column: 5, Header: csvHeader[4], Err: fmt.Errorf("%w: year %d does not follow %d in forecast %q of %q", ErrCSVOrder, year, prevYear, rec[0], rec[2])}
			}
			f := &fs[len(fs)-1]
			f.Point.Values = append(f.Point.Values, v[0])
			f.Lower.Values = append(f.Lower.Values, v[1])
			f.Upper.Values = append(f.Upper.Values, v[2])
		} else {
			if first, dup := started[k]; dup {
				return nil, &CSVError{Line: line, Err: fmt.Errorf("%w: forecast %q of %q at level %s, unit %q, began at line %d and was interrupted", ErrCSVOrder, rec[0], rec[2], k[1], rec[3], first)}
			}
			started[k] = line
			mk := func(x float64) series.Series {
				return series.Series{Name: rec[2], Unit: rec[3], Start: year, Values: []float64{x}}
			}
			fs = append(fs, Forecast{Method: rec[0], Point: mk(v[0]), Lower: mk(v[1]), Upper: mk(v[2]), Level: level})
			cur = k
		}
		prevYear = year
	}
	if len(fs) == 0 {
		return nil, &CSVError{Line: 2, Err: ErrCSVEmpty}
	}
	return fs, nil
}

// csvReadErr converts an error from encoding/csv.
func csvReadErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{Line: pe.Line, Err: fmt.Errorf("byte %d: %w", pe.Column, pe.Err)}
	}
	return fmt.Errorf("forecast: csv: %w", err)
}
