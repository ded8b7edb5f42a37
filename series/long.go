package series

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ErrCSVUnit is wrapped by a *CSVError from ReadLongCSV when the rows of
// one series give different units.
var ErrCSVUnit = errors.New("unit differs within a series")

// MaxLongSpan is the most years one series of a long table may span, from
// its first to its last year. A larger span is almost always a typing error
// in a year (20010 for 2010), and would make ReadLongCSV allocate a value
// for every year in between.
const MaxLongSpan = 10000

// The columns of a long table.
const (
	longSeries = iota
	longYear
	longValue
	longUnit
	longColumns
)

var longNames = [longColumns]string{"series", "year", "value", "unit"}

// longHeader returns the index of each long-table column in head, -1 for an
// absent unit, and whether head is a long-table header: the names series,
// year and value, and optionally unit, each once, in any order and any case,
// and nothing else (a leading byte order mark is ignored). bad is the
// 0-based field of the first name that is not a long-table column or is
// repeated, -1 if none.
func longHeader(head []string) (idx [longColumns]int, ok bool, bad int) {
	for i := range idx {
		idx[i] = -1
	}
	bad = -1
	for j, h := range head {
		if j == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		k := -1
		for i, n := range longNames {
			if strings.EqualFold(strings.TrimSpace(h), n) {
				k = i
			}
		}
		if k < 0 || idx[k] >= 0 {
			if bad < 0 {
				bad = j
			}
			continue
		}
		idx[k] = j
	}
	ok = bad < 0 && idx[longSeries] >= 0 && idx[longYear] >= 0 && idx[longValue] >= 0
	return idx, ok, bad
}

// ReadLongCSV reads a long (tidy) table, one row per series and year, in
// the format described in the package documentation, and returns one
// Series per distinct series name, in the order of their first rows. Each
// Series covers the years from its first to its last row; a year with no
// row, or whose value is empty, NA or NaN, is missing (NaN). Problems in
// the input are reported as a *CSVError.
func ReadLongCSV(r io.Reader) ([]Series, error) {
	cr, head, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	idx, ok, bad := longHeader(head)
	if !ok {
		if bad >= 0 {
			return nil, &CSVError{Line: 1, Column: bad + 1, Header: head[bad], Err: fmt.Errorf("%w: %q is not a column of a long table (series, year, value and optionally unit, each once)", ErrCSVHeader, head[bad])}
		}
		for _, k := range []int{longSeries, longYear, longValue} {
			if idx[k] < 0 {
				return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: no %q column; a long table has series, year, value and optionally unit", ErrCSVHeader, longNames[k])}
			}
		}
	}

	type point struct {
		year  int
		value float64
	}
	type state struct {
		s         Series
		unitLine  int
		first     int // first and last year so far
		last      int
		firstLine int // their lines
		lastLine  int
		points    []point
		lines     map[int]int // year → line, for duplicates
		observed  bool
	}
	var order []*state
	byName := make(map[string]*state)
	for {
		rec, line, err := readRecord(cr, len(head))
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		cell := func(k int) (string, int, string) { return rec[idx[k]], idx[k] + 1, head[idx[k]] }

		name, col, h := cell(longSeries)
		name = strings.TrimSpace(name)
		switch {
		case name == "":
			return nil, &CSVError{Line: line, Column: col, Header: h, Err: fmt.Errorf("%w: empty series name", ErrCSVValue)}
		case strings.ContainsRune(name, '\r'):
			return nil, &CSVError{Line: line, Column: col, Header: h, Err: fmt.Errorf("%w: carriage return in series name", ErrCSVValue)}
		}
		ytext, ycol, yh := cell(longYear)
		year, reason := parseYear(ytext)
		if reason != "" {
			return nil, &CSVError{Line: line, Column: ycol, Header: yh, Err: fmt.Errorf("%w: %s", ErrCSVYear, reason)}
		}
		vtext, vcol, vh := cell(longValue)
		v := math.NaN()
		if t := strings.TrimSpace(vtext); t != "" && t != "NA" {
			var reason string
			if v, reason = parseCell(vtext); reason != "" {
				return nil, &CSVError{Line: line, Column: vcol, Header: vh, Err: fmt.Errorf("%w: %s", ErrCSVValue, reason)}
			}
		}
		unit := ""
		if idx[longUnit] >= 0 {
			var ucol int
			var uh string
			unit, ucol, uh = cell(longUnit)
			unit = strings.TrimSpace(unit)
			if strings.ContainsRune(unit, '\r') {
				return nil, &CSVError{Line: line, Column: ucol, Header: uh, Err: fmt.Errorf("%w: carriage return in unit", ErrCSVValue)}
			}
		}

		st := byName[name]
		if st == nil {
			name = strings.Clone(name) // rec is reused
			st = &state{s: Series{Name: name, Unit: strings.Clone(unit)}, unitLine: line,
				first: year, last: year, firstLine: line, lastLine: line, lines: make(map[int]int)}
			byName[name] = st
			order = append(order, st)
		} else {
			if unit != st.s.Unit {
				_, ucol, uh := cell(longUnit)
				return nil, &CSVError{Line: line, Column: ucol, Header: uh, Err: fmt.Errorf("%w: series %q has unit %q here and %q on line %d", ErrCSVUnit, name, unit, st.s.Unit, st.unitLine)}
			}
			if l, dup := st.lines[year]; dup {
				return nil, &CSVError{Line: line, Column: ycol, Header: yh, Err: fmt.Errorf("%w: duplicate year %d of series %q (also line %d)", ErrCSVYear, year, name, l)}
			}
			// The span is checked before first and last move; the
			// difference of two ints, the larger first, is exact in uint64.
			if year < st.first {
				if uint64(st.last)-uint64(year) >= MaxLongSpan {
					return nil, &CSVError{Line: line, Column: ycol, Header: yh, Err: fmt.Errorf("%w: year %d of series %q is more than %d years before its year %d (line %d)", ErrCSVYear, year, name, MaxLongSpan-1, st.last, st.lastLine)}
				}
				st.first, st.firstLine = year, line
			}
			if year > st.last {
				if uint64(year)-uint64(st.first) >= MaxLongSpan {
					return nil, &CSVError{Line: line, Column: ycol, Header: yh, Err: fmt.Errorf("%w: year %d of series %q is more than %d years after its year %d (line %d)", ErrCSVYear, year, name, MaxLongSpan-1, st.first, st.firstLine)}
				}
				st.last, st.lastLine = year, line
			}
		}
		st.lines[year] = line
		st.points = append(st.points, point{year, v})
		if !math.IsNaN(v) {
			st.observed = true
		}
	}
	if len(order) == 0 {
		return nil, &CSVError{Line: 1, Err: fmt.Errorf("%w: the table has no rows", ErrCSVNoValues)}
	}
	ss := make([]Series, len(order))
	for i, st := range order {
		if !st.observed {
			return nil, &CSVError{Line: st.firstLine, Column: idx[longValue] + 1, Header: head[idx[longValue]], Err: fmt.Errorf("%w: series %q has no value that is not missing", ErrCSVNoValues, st.s.Name)}
		}
		s := st.s
		s.Start = st.first
		s.Values = make([]float64, st.last-st.first+1)
		for k := range s.Values {
			s.Values[k] = math.NaN()
		}
		for _, p := range st.points {
			s.Values[p.year-st.first] = p.value
		}
		ss[i] = s
	}
	return ss, nil
}

// WriteLongCSV writes ss as a long table, in the format described in the
// package documentation: a header "series,year,value", followed by ",unit"
// if any series has a unit, then one row per series and year covered, the
// series in order and each one's years in increasing order. A missing value
// is written "NaN", others as by WriteCSV, so that ReadLongCSV gives back
// every series bit for bit (NaN payloads aside).
//
// WriteLongCSV returns an error, before writing anything, if there is no
// series, a series has no values, an empty name, a name already used, a
// carriage return in its name or unit, or an infinite value (a *YearError
// naming series and year).
func WriteLongCSV(w io.Writer, ss ...Series) error {
	err := checkWritable(ss, func(s Series) error {
		switch {
		case len(s.Values) > MaxLongSpan:
			return fmt.Errorf("series: csv: %s spans %d years, more than a long table's %d (MaxLongSpan)", s.label(), len(s.Values), MaxLongSpan)
		case !slices.ContainsFunc(s.Values, func(v float64) bool { return !math.IsNaN(v) }):
			return fmt.Errorf("series: csv: %s: %w (every value is missing; ReadLongCSV refuses such a series)", s.label(), ErrCSVNoValues)
		}
		return nil
	})
	if err != nil {
		return err
	}
	units := slices.ContainsFunc(ss, func(s Series) bool { return s.Unit != "" })
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	head := []string{"series", "year", "value"}
	if units {
		head = append(head, "unit")
	}
	cw.Write(head) // errors are kept by bw
	rec := make([]string, len(head))
	for _, s := range ss {
		rec[0] = s.Name
		if units {
			rec[3] = s.Unit
		}
		for k, v := range s.Values {
			rec[1] = strconv.Itoa(s.Start + k)
			rec[2] = strconv.FormatFloat(v, 'g', -1, 64)
			cw.Write(rec)
		}
	}
	cw.Flush()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("series: csv: %w", err)
	}
	return nil
}

// ReadAnyCSV reads a table in either format of the package documentation
// and returns its series: a long table (ReadLongCSV) if its header holds
// exactly the columns series, year and value, and optionally unit, in any
// order and case; otherwise a wide table (ReadCSV), whose first column is
// year. Problems in the input are reported as a *CSVError; a header that
// is neither names both formats.
//
// ReadAnyCSV reads the whole input into memory before parsing it.
func ReadAnyCSV(r io.Reader) ([]Series, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("series: csv: %w", err)
	}
	long, err := isLongCSV(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if long {
		return ReadLongCSV(bytes.NewReader(data))
	}
	return ReadCSV(bytes.NewReader(data))
}

// isLongCSV reads the header of a table and reports whether it is a long
// table: whether it holds exactly the columns series, year and value, and
// optionally unit, in any order and case. It returns a *CSVError if the
// header is unreadable or, when it is not long, its first column is not
// year (so that it is neither format).
func isLongCSV(r io.Reader) (bool, error) {
	_, head, err := readHeader(r)
	if err != nil {
		return false, err
	}
	if _, ok, _ := longHeader(head); ok {
		return true, nil
	}
	if !strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(head[0], "\ufeff")), "year") {
		return false, &CSVError{Line: 1, Column: 1, Header: head[0], Err: fmt.Errorf("%w: neither a wide table (first column \"year\") nor a long one (columns series, year, value and optionally unit)", ErrCSVHeader)}
	}
	return false, nil
}
