package series

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Errors wrapped by a *CSVError from ReadCSV, one per kind of problem.
var (
	ErrCSVHeader   = errors.New("bad header")             // empty input, no year column first, no series column, empty or duplicate name, carriage return
	ErrCSVYear     = errors.New("bad year")               // not an integer, duplicate, or not following the previous row's year
	ErrCSVValue    = errors.New("bad value")              // not a number, or infinite
	ErrCSVRagged   = errors.New("wrong number of fields") // a row with more or fewer fields than the header
	ErrCSVGap      = errors.New("empty cell inside a series")
	ErrCSVNoValues = errors.New("column has no values")
)

// CSVError is a problem in a CSV table read by ReadCSV. Line is the 1-based
// line of the input (the header is line 1). Column is the 1-based field
// (the year is column 1), or 0 when the problem is not in one field, such
// as a syntax error found by encoding/csv (whose byte column Err names).
// Header is the column's header as written, when known.
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
		return fmt.Sprintf("series: csv line %d: %v", e.Line, e.Err)
	case e.Header == "":
		return fmt.Sprintf("series: csv line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("series: csv line %d, column %d (%q): %v", e.Line, e.Column, e.Header, e.Err)
}

// Unwrap returns e.Err.
func (e *CSVError) Unwrap() error { return e.Err }

// column is the state of one series column while reading.
type column struct {
	s       Series
	header  string
	state   int // before, inside or after the series' values
	gapLine int // the line of the first empty cell after the values
}

const (
	before = iota
	inside
	after
)

// ReadCSV reads a table in the format described in the package
// documentation and returns one Series per column after the year column,
// in order. Each Series covers the years from its first to its last
// non-empty cell. Problems in the input are reported as a *CSVError.
func ReadCSV(r io.Reader) ([]Series, error) {
	cr, head, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(head[0], "\ufeff")), "year") {
		return nil, &CSVError{Line: 1, Column: 1, Header: head[0], Err: fmt.Errorf("%w: first column must be \"year\"", ErrCSVHeader)}
	}
	if len(head) == 1 {
		return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: no series column", ErrCSVHeader)}
	}
	cols := make([]column, len(head)-1)
	seen := make(map[string]int, len(cols))
	for j, h := range head[1:] {
		c := &cols[j]
		c.header = h
		c.s.Name, c.s.Unit = parseHeader(strings.TrimRight(h, " \t"))
		c.s.Name, c.s.Unit = strings.TrimSpace(c.s.Name), strings.TrimSpace(c.s.Unit)
		if strings.ContainsRune(h, '\r') {
			return nil, &CSVError{Line: 1, Column: j + 2, Header: h, Err: fmt.Errorf("%w: carriage return in column name", ErrCSVHeader)}
		}
		if c.s.Name == "" {
			return nil, &CSVError{Line: 1, Column: j + 2, Header: h, Err: fmt.Errorf("%w: empty column name", ErrCSVHeader)}
		}
		if k, dup := seen[c.s.Name]; dup {
			return nil, &CSVError{Line: 1, Column: j + 2, Header: h, Err: fmt.Errorf("%w: duplicate column name %q (also column %d)", ErrCSVHeader, c.s.Name, k+2)}
		}
		seen[c.s.Name] = j
	}

	var first, prev int
	for row := 0; ; row++ {
		rec, line, err := readRecord(cr, len(head))
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		year, reason := parseYear(rec[0])
		switch {
		case reason != "":
			return nil, &CSVError{Line: line, Column: 1, Header: head[0], Err: fmt.Errorf("%w: %s", ErrCSVYear, reason)}
		case row == 0:
			first = year
		case year >= first && year <= prev:
			return nil, &CSVError{Line: line, Column: 1, Header: head[0], Err: fmt.Errorf("%w: duplicate year %d", ErrCSVYear, year)}
		case year != prev+1:
			return nil, &CSVError{Line: line, Column: 1, Header: head[0], Err: fmt.Errorf("%w: %d does not follow %d; years must be consecutive", ErrCSVYear, year, prev)}
		}
		prev = year
		for j, cell := range rec[1:] {
			c := &cols[j]
			if strings.TrimSpace(cell) == "" {
				if c.state == inside {
					c.state, c.gapLine = after, line
				}
				continue
			}
			v, reason := parseCell(cell)
			if reason != "" {
				return nil, &CSVError{Line: line, Column: j + 2, Header: c.header, Err: fmt.Errorf("%w: %s", ErrCSVValue, reason)}
			}
			switch c.state {
			case before:
				c.s.Start, c.state = year, inside
			case after:
				return nil, &CSVError{Line: c.gapLine, Column: j + 2, Header: c.header, Err: fmt.Errorf("%w: values resume at year %d; write NaN for a missing year", ErrCSVGap, year)}
			}
			c.s.Values = append(c.s.Values, v)
		}
	}

	ss := make([]Series, len(cols))
	for j, c := range cols {
		if c.state == before {
			return nil, &CSVError{Line: 1, Column: j + 2, Header: c.header, Err: ErrCSVNoValues}
		}
		ss[j] = c.s
	}
	return ss, nil
}

// parseCell parses a non-empty value cell: NaN (any case) or a number as
// ParseNumber reads it, with what is wrong ("" if nothing is).
func parseCell(cell string) (float64, string) {
	if IsNaNText(cell) {
		return math.NaN(), ""
	}
	return parseNumber(cell)
}

// trimmed reports whether s has no space at either end, so that a reader,
// which trims them, gives it back.
func trimmed(s string) bool { return strings.TrimSpace(s) == s }

// checkWritable returns the first problem, before anything is written,
// that keeps ss from being written as a table and read back: no series, or
// a series with an empty name, a name used before, a carriage return in its
// name or unit, a space at an end of them, no values, or an infinite value.
// own, if not nil, adds the checks of one table format.
func checkWritable(ss []Series, own func(Series) error) error {
	if len(ss) == 0 {
		return errors.New("series: csv: no series to write")
	}
	seen := make(map[string]bool, len(ss))
	for i, s := range ss {
		switch {
		case s.Name == "":
			return fmt.Errorf("series: csv: series %d has an empty name", i+1)
		case seen[s.Name]:
			return fmt.Errorf("series: csv: duplicate series name %s", s.label())
		case strings.ContainsRune(s.Name+s.Unit, '\r'):
			return fmt.Errorf("series: csv: %s: carriage return in name or unit %q", s.label(), s.Unit)
		case !trimmed(s.Name) || !trimmed(s.Unit):
			return fmt.Errorf("series: csv: %s: space at an end of its name or unit %q (readers trim them)", s.label(), s.Unit)
		case len(s.Values) == 0:
			return fmt.Errorf("%w: %s", ErrEmpty, s.label())
		}
		seen[s.Name] = true
		if own != nil {
			if err := own(s); err != nil {
				return err
			}
		}
		if err := s.writable("write CSV"); err != nil {
			return err
		}
	}
	return nil
}

// readHeader returns a reader of the records of r, which may differ in
// their number of fields and share one slice, and a copy of the first
// record, the header. An empty input is a *CSVError wrapping ErrCSVHeader.
func readHeader(r io.Reader) (*csv.Reader, []string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return nil, nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: empty input", ErrCSVHeader)}
	}
	if err != nil {
		return nil, nil, readErr(err)
	}
	return cr, append([]string(nil), head...), nil // Read reuses the slice
}

// readRecord reads the next record of cr, whose rows have width fields,
// and the line it starts on. It returns io.EOF at the end of the input, a
// *CSVError for a malformed or ragged row.
func readRecord(cr *csv.Reader, width int) ([]string, int, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		return nil, 0, readErr(err)
	}
	line, _ := cr.FieldPos(0)
	if len(rec) != width {
		col := min(len(rec), width) + 1
		return nil, line, &CSVError{Line: line, Column: col, Err: fmt.Errorf("%w: have %d, header has %d", ErrCSVRagged, len(rec), width)}
	}
	return rec, line, nil
}

// readErr converts an error from encoding/csv.
func readErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{Line: pe.Line, Err: fmt.Errorf("byte %d: %w", pe.Column, pe.Err)}
	}
	return fmt.Errorf("series: csv: %w", err)
}

// parseHeader splits "name [unit]" at the last " [". A header without a
// trailing bracketed unit is a name alone.
func parseHeader(h string) (name, unit string) {
	if i := strings.LastIndex(h, " ["); i >= 0 && strings.HasSuffix(h, "]") {
		return h[:i], h[i+2 : len(h)-1]
	}
	return h, ""
}

// header is the inverse of parseHeader for a valid name and unit. A name
// that ends in "]" gets an explicit empty unit so that it reads back whole.
func header(s Series) string {
	if s.Unit == "" && !strings.HasSuffix(s.Name, "]") {
		return s.Name
	}
	return s.Name + " [" + s.Unit + "]"
}

// WriteCSV writes ss as a table in the format described in the package
// documentation: a header, then one row per year from the earliest Start to
// the latest End. A cell is empty where the year is outside its series,
// "NaN" where the value is missing, and otherwise the shortest decimal that
// reads back as the same float64.
//
// WriteCSV returns an error, before writing anything, if there is no series,
// a series has no values, an empty name, a name already used, a unit
// containing " [", a carriage return in its name or unit (encoding/csv
// reads "\r\n" back as "\n"), or an infinite value (a *YearError naming
// series and year).
func WriteCSV(w io.Writer, ss ...Series) error {
	err := checkWritable(ss, func(s Series) error {
		if strings.Contains(s.Unit, " [") {
			return fmt.Errorf("series: csv: %s: unit %q contains \" [\"", s.label(), s.Unit)
		}
		return nil
	})
	if err != nil {
		return err
	}
	head := make([]string, len(ss)+1)
	head[0] = "year"
	from, to := ss[0].Start, ss[0].End()
	for i, s := range ss {
		head[i+1] = header(s)
		from, to = min(from, s.Start), max(to, s.End())
	}

	// Only the header may need quoting; the rows are formatted directly.
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Write(head) // errors are kept by bw
	cw.Flush()
	var line []byte
	for y := from; ; y++ {
		line = strconv.AppendInt(line[:0], int64(y), 10)
		for _, s := range ss {
			line = append(line, ',')
			if v, ok := s.At(y); ok {
				line = strconv.AppendFloat(line, v, 'g', -1, 64)
			}
		}
		line = append(line, '\n')
		bw.Write(line)
		if y == to {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("series: csv: %w", err)
	}
	return nil
}
