package series

import (
	"errors"
	"fmt"
	"math"
)

// Series is an annual time series: Values[i] is the value for year Start+i.
// A NaN value marks a missing year. Name and Unit are free text carried
// through operations and written to CSV headers.
//
// The zero value is an empty series: Len is 0, it covers no year, every
// lookup reports the year as absent, and operations that need data return
// an error wrapping ErrEmpty. Values is owned by the Series; operations never modify their
// receiver or arguments and always return newly allocated slices.
type Series struct {
	Name   string
	Unit   string
	Start  int
	Values []float64
}

// New returns a Series starting at start that holds a copy of values.
func New(name, unit string, start int, values ...float64) Series {
	return Series{Name: name, Unit: unit, Start: start, Values: append([]float64(nil), values...)}
}

// Len returns the number of years the series covers, missing ones included.
func (s Series) Len() int { return len(s.Values) }

// End returns the last year the series covers. For an empty series it is
// Start-1, so that End-Start+1 is always Len.
func (s Series) End() int { return s.Start + len(s.Values) - 1 }

// Contains reports whether year lies within [Start, End]. It is exact even
// for a series whose End would overflow an int (which Validate rejects).
func (s Series) Contains(year int) bool {
	return year >= s.Start && uint(year)-uint(s.Start) < uint(len(s.Values))
}

// At returns the value at year and whether year lies within the series.
// A missing year inside the series returns NaN, true.
func (s Series) At(year int) (float64, bool) {
	if !s.Contains(year) {
		return math.NaN(), false
	}
	return s.Values[year-s.Start], true
}

// Years returns the years the series covers, in order.
func (s Series) Years() []int {
	ys := make([]int, len(s.Values))
	for i := range ys {
		ys[i] = s.Start + i
	}
	return ys
}

// Clone returns a deep copy of s.
func (s Series) Clone() Series {
	c := s
	c.Values = append([]float64(nil), s.Values...)
	return c
}

// Observed returns the years and values that are not missing, in order.
func (s Series) Observed() (years []int, values []float64) {
	for i, v := range s.Values {
		if !math.IsNaN(v) {
			years = append(years, s.Start+i)
			values = append(values, v)
		}
	}
	return years, values
}

// Window returns a copy of s restricted to the years from through to,
// inclusive. It returns an error wrapping ErrEmpty if s is empty, and an
// error if the window is empty or not within s.
func (s Series) Window(from, to int) (Series, error) {
	if s.Len() == 0 {
		return Series{}, emptyErr("window", s)
	}
	if from > to {
		return Series{}, fmt.Errorf("series: %s: window %d–%d is empty", s.label(), from, to)
	}
	if !s.Contains(from) || !s.Contains(to) {
		return Series{}, fmt.Errorf("series: %s: window %d–%d is not within %s", s.label(), from, to, s.span())
	}
	w := s
	w.Start = from
	w.Values = append([]float64(nil), s.Values[from-s.Start:to-s.Start+1]...)
	return w, nil
}

// Align returns copies of a and b restricted to the years both cover.
// It returns an error wrapping ErrEmpty if either is empty (naming the
// first that is), and an error if they share no year.
func Align(a, b Series) (Series, Series, error) {
	return align("align", a, b)
}

// align is Align, with op naming the operation in the error for an empty
// series.
func align(op string, a, b Series) (Series, Series, error) {
	for _, s := range [2]Series{a, b} {
		if s.Len() == 0 {
			return Series{}, Series{}, emptyErr(op, s)
		}
	}
	from, to := max(a.Start, b.Start), min(a.End(), b.End())
	if from > to {
		return Series{}, Series{}, fmt.Errorf("series: %s (%s) and %s (%s) share no year", a.label(), a.span(), b.label(), b.span())
	}
	wa, _ := a.Window(from, to)
	wb, _ := b.Window(from, to)
	return wa, wb, nil
}

// Ratio returns num/den on the years both cover, named after num with unit
// "num-unit/den-unit". A missing value in either gives a missing result.
// Both series must pass Validate; an empty one is an error wrapping
// ErrEmpty. A zero denominator where the numerator is present, or a
// quotient too large for a float64, is an error naming the year.
func Ratio(num, den Series) (Series, error) {
	a, b, err := alignValid("ratio", num, den)
	if err != nil {
		return Series{}, err
	}
	r := Series{Name: num.Name, Unit: unitOp(num.Unit, "/", den.Unit), Start: a.Start, Values: a.Values}
	for i, d := range b.Values {
		n := a.Values[i]
		if d == 0 && !math.IsNaN(n) {
			return Series{}, &YearError{Op: "ratio", Name: den.Name, Year: a.Start + i, Value: d, Reason: "zero denominator"}
		}
		if r.Values[i] = n / d; math.IsInf(r.Values[i], 0) {
			return Series{}, overflow("ratio", num, a.Start+i)
		}
	}
	return r, nil
}

// Product returns a·b on the years both cover, named after a with unit
// "a-unit·b-unit". A missing value in either gives a missing result.
// Both series must pass Validate; an empty one is an error wrapping
// ErrEmpty. A product too large for a float64 is an error naming the year.
func Product(a, b Series) (Series, error) {
	x, y, err := alignValid("product", a, b)
	if err != nil {
		return Series{}, err
	}
	p := Series{Name: a.Name, Unit: unitOp(a.Unit, "·", b.Unit), Start: x.Start, Values: x.Values}
	for i, v := range y.Values {
		if p.Values[i] *= v; math.IsInf(p.Values[i], 0) {
			return Series{}, overflow("product", a, x.Start+i)
		}
	}
	return p, nil
}

// alignValid validates a and b and aligns them; op names the operation in
// the error for an empty series.
func alignValid(op string, a, b Series) (Series, Series, error) {
	for _, s := range [2]Series{a, b} {
		if s.Len() == 0 {
			return Series{}, Series{}, emptyErr(op, s)
		}
	}
	if err := a.Validate(); err != nil {
		return Series{}, Series{}, err
	}
	if err := b.Validate(); err != nil {
		return Series{}, Series{}, err
	}
	return align(op, a, b)
}

// Log returns the natural logarithm of s. Missing values stay missing. An
// empty series is an error wrapping ErrEmpty; s must pass Validate, and a
// value ≤ 0 is a *YearError of operation "log" naming its year.
func (s Series) Log() (Series, error) {
	if s.Len() == 0 {
		return Series{}, emptyErr("log", s)
	}
	if err := s.Validate(); err != nil {
		return Series{}, err
	}
	if err := s.rejectFirst("log", notPositive, "value must be positive"); err != nil {
		return Series{}, err
	}
	l := s.Clone()
	l.Unit = "ln(" + s.Unit + ")"
	for i, v := range l.Values {
		l.Values[i] = ln(v)
	}
	return l, nil
}

// Growth returns the year-on-year growth rate g_t = s_t/s_{t-1} − 1, as a
// fraction, for the years Start+1 through End. A missing value on either
// side gives a missing rate. An empty series is an error wrapping ErrEmpty,
// and a series of one year an error. An infinite value, a zero value before
// a present one, or a rate too large for a float64 gives an error naming
// the year.
func (s Series) Growth() (Series, error) {
	if s.Len() == 0 {
		return Series{}, emptyErr("growth", s)
	}
	if s.Len() < 2 {
		return Series{}, fmt.Errorf("series: %s: growth needs at least 2 years, have %d", s.label(), s.Len())
	}
	if err := s.Validate(); err != nil {
		return Series{}, err
	}
	g := Series{Name: s.Name, Unit: "growth", Start: s.Start + 1, Values: make([]float64, s.Len()-1)}
	for i := range g.Values {
		prev, cur := s.Values[i], s.Values[i+1]
		if prev == 0 && !math.IsNaN(cur) {
			return Series{}, &YearError{Op: "growth", Name: s.Name, Year: s.Start + i, Value: prev, Reason: "zero base"}
		}
		if g.Values[i] = cur/prev - 1; math.IsInf(g.Values[i], 0) {
			return Series{}, overflow("growth", s, s.Start+i+1)
		}
	}
	return g, nil
}

// CAGR returns the compound annual growth rate between the years from and
// to, (s_to/s_from)^(1/(to−from)) − 1, as a fraction. Both values must be
// present, positive and finite, and from < to. It is computed as
// expm1(ln(s_to/s_from)/(to−from)), which does not overflow when only the
// ratio s_to/s_from would; a rate too large for a float64 is an error. An
// empty series is an error wrapping ErrEmpty.
func (s Series) CAGR(from, to int) (float64, error) {
	if s.Len() == 0 {
		return math.NaN(), emptyErr("CAGR", s)
	}
	if from >= to {
		return math.NaN(), fmt.Errorf("series: %s: CAGR needs from < to, have %d and %d", s.label(), from, to)
	}
	var v [2]float64
	for i, y := range [2]int{from, to} {
		x, ok := s.At(y)
		if !ok {
			return math.NaN(), &YearError{Op: "CAGR", Name: s.Name, Year: y, Value: math.NaN(), Reason: "year outside " + s.span()}
		}
		if !(x > 0) || math.IsInf(x, 1) {
			return math.NaN(), &YearError{Op: "CAGR", Name: s.Name, Year: y, Value: x, Reason: "value must be positive and finite"}
		}
		v[i] = x
	}
	r := v[1] / v[0]
	l := ln(r)
	if math.IsInf(r, 0) || r < 0x1p-1022 {
		l = ln(v[1]) - ln(v[0]) // the ratio overflows or loses precision
	}
	g := math.Expm1(l / float64(to-from))
	if math.IsInf(g, 0) {
		return math.NaN(), overflow("CAGR", s, to)
	}
	return g, nil
}

// Extend returns a copy of s with values appended for the years End+1
// onward.
func (s Series) Extend(values ...float64) Series {
	e := s
	e.Values = make([]float64, 0, len(s.Values)+len(values))
	e.Values = append(append(e.Values, s.Values...), values...)
	return e
}

// MinYear and MaxYear bound the years of a valid series (Validate), and
// the years the CSV readers accept: far beyond any annual data, and far
// enough inside the range of an int that year arithmetic (End, a year plus
// a horizon) cannot overflow.
const (
	MinYear = -1_000_000
	MaxYear = 1_000_000
)

// ErrYears is returned (wrapped) by Validate for a series whose years lie
// outside MinYear … MaxYear.
var ErrYears = fmt.Errorf("series: years outside %d … %d", MinYear, MaxYear)

// Validate reports the first problem that makes s unusable as data: no
// values (ErrEmpty), years outside MinYear … MaxYear (ErrYears), or an
// infinite value (a *YearError naming its year). Missing (NaN) values are
// allowed.
func (s Series) Validate() error {
	if len(s.Values) == 0 {
		return fmt.Errorf("%w: %s", ErrEmpty, s.label())
	}
	if err := s.checkYears(); err != nil {
		return err
	}
	return s.rejectFirst("validate", isInf, "infinite value")
}

// checkYears returns an error wrapping ErrYears if s's years leave
// MinYear … MaxYear.
func (s Series) checkYears() error {
	if s.Start < MinYear || s.Start > MaxYear || len(s.Values)-1 > MaxYear-s.Start {
		return fmt.Errorf("%w: %s starts in %d and has %d values", ErrYears, s.label(), s.Start, len(s.Values))
	}
	return nil
}

// ValidateComplete is Validate and also rejects missing values, naming the first
// missing year.
func (s Series) ValidateComplete() error {
	if err := s.Validate(); err != nil {
		return err
	}
	return s.rejectFirst("validate", math.IsNaN, "missing value")
}

// ValidatePositive is Validate and also rejects values ≤ 0, naming the first such
// year. Missing values are allowed.
func (s Series) ValidatePositive() error {
	if err := s.Validate(); err != nil {
		return err
	}
	return s.rejectFirst("validate", notPositive, "value must be positive")
}

// rejectFirst returns the *YearError of op for the first value of s that
// is bad, with reason as its Reason, or nil if there is none.
func (s Series) rejectFirst(op string, bad func(float64) bool, reason string) error {
	for i, v := range s.Values {
		if bad(v) {
			return &YearError{Op: op, Name: s.Name, Year: s.Start + i, Value: v, Reason: reason}
		}
	}
	return nil
}

func isInf(v float64) bool { return math.IsInf(v, 0) }

func notPositive(v float64) bool { return v <= 0 }

// writable is the error of writer op (write CSV, write JSON) for a series
// its reader would refuse: years outside MinYear … MaxYear (ErrYears), or
// an infinite value, which is not data; nil if s has neither.
func (s Series) writable(op string) error {
	if err := s.checkYears(); err != nil {
		return err
	}
	return s.rejectFirst(op, isInf, "infinite value; series data must be finite")
}

// ErrEmpty is returned (wrapped) by operations that need at least one value.
var ErrEmpty = errors.New("series: empty series")

// emptyError is the error of an operation on an empty series: it names the
// operation and the series, "series: log: \"cu\" is empty", and wraps
// ErrEmpty.
type emptyError struct {
	op    string // the operation, e.g. "window", "CAGR"
	label string // the series' label
}

func (e *emptyError) Error() string { return "series: " + e.op + ": " + e.label + " is empty" }

func (e *emptyError) Unwrap() error { return ErrEmpty }

// emptyErr returns the error of operation op on the empty series s.
func emptyErr(op string, s Series) error { return &emptyError{op: op, label: s.label()} }

// YearError is a data problem at one year of a series.
type YearError struct {
	Op     string  // the operation, e.g. "log", "CAGR"
	Name   string  // the series' name
	Year   int     // the year of the offending value
	Value  float64 // the offending value (NaN when absent)
	Reason string  // what is wrong
}

// Error returns the message, naming the operation, the series, the year
// and the value.
func (e *YearError) Error() string {
	name := e.Name
	if name == "" {
		name = "unnamed series"
	}
	if math.IsNaN(e.Value) {
		return fmt.Sprintf("series: %s: %s: %s at year %d", e.Op, name, e.Reason, e.Year)
	}
	return fmt.Sprintf("series: %s: %s: %s at year %d (value %g)", e.Op, name, e.Reason, e.Year, e.Value)
}

// ln is math.Log, made accurate for subnormal x: on amd64 math.Log
// returns about −709 for every subnormal (Go issue 56600).
func ln(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p52) - 52*math.Ln2
	}
	return math.Log(x)
}

func overflow(op string, s Series, year int) error {
	return &YearError{Op: op, Name: s.Name, Year: year, Value: math.NaN(), Reason: "result overflows float64"}
}

func (s Series) label() string {
	if s.Name == "" {
		return "unnamed series"
	}
	return fmt.Sprintf("%q", s.Name)
}

func (s Series) span() string {
	if len(s.Values) == 0 {
		return "no years"
	}
	return fmt.Sprintf("%d–%d", s.Start, s.End())
}

func unitOp(a, op, b string) string {
	if a == "" && b == "" {
		return ""
	}
	return a + op + b
}
