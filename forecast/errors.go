package forecast

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// Errors shared by every method package. A method returns them wrapped
// (with %w, usually inside an *Error that says where), so that callers
// test for them with errors.Is whatever the method:
//
//	if errors.Is(err, forecast.ErrTooFew) { … }
//
// The sentinels' texts carry no package name: the *Error or the wrapping
// message that holds one names the method (or the forecast function) once.
// The checks below (CheckHistory, CheckPositive, ObservedDriver,
// DriverAt, NotFitted) build these errors, so that the same bad input
// gets the same message from every method, but for the method's name.
var (
	// ErrTooFew: the history has fewer observed years than the method needs.
	ErrTooFew = errors.New("too few observed years")
	// ErrLastMissing: the last year of the history is missing (NaN); it
	// anchors every forecast.
	ErrLastMissing = errors.New("last year missing")
	// ErrNotFinite: a value is infinite (or NaN where a value is required).
	ErrNotFinite = errors.New("value not finite")
	// ErrNonPositive: a value is zero or negative where the method takes
	// its logarithm or divides by it.
	ErrNonPositive = errors.New("value not positive")
	// ErrNotFitted: the model holds no fit (a failed Refit, or the zero
	// value of a model type).
	ErrNotFitted = errors.New("model holds no fit")
	// ErrSetting: a setting of the method is invalid.
	ErrSetting = errors.New("invalid setting")

	// ErrLevel: an interval level outside (0, 1).
	ErrLevel = errors.New("interval level must be in (0, 1)")
	// ErrHorizon: a horizon below 1 or above HorizonLimit.
	ErrHorizon = errors.New("horizon must be from 1 to 1000 years")
	// ErrBelowZero: a point forecast below zero for a quantity that cannot
	// be negative (see AnalysisSettings.NonNegative).
	ErrBelowZero = errors.New("forecast below zero")
	// ErrNilMethod: a nil Method given where a method is needed.
	ErrNilMethod = errors.New("nil method")
	// ErrMissingDriver: a driver the method needs is absent.
	ErrMissingDriver = errors.New("driver missing")
	// ErrDriverYears: a driver does not cover the years needed.
	ErrDriverYears = errors.New("driver does not cover the years needed")
	// ErrDriverMismatch: the scenario's path of a driver and the observed
	// series are in different units, so splicing them would be wrong.
	ErrDriverMismatch = errors.New("scenario and observed driver disagree")
)

// Error is an error about a method's input, saying where it arose. Err is
// the cause, usually one of the sentinels above, and Unwrap returns it, so
// errors.Is and errors.As see through an *Error.
//
// Its message is
//
//	method: series "name", scenario "low", year 2003: cause: detail
//
// with the parts that are empty or zero left out.
type Error struct {
	Method   string // the method's package name, such as "regression"; "" if none
	Series   string // the series' name; "" if none
	Scenario string // the scenario's name; "" if none
	Year     int    // the year concerned; 0 if none
	Err      error  // the cause
	Detail   string // more detail, such as the offending value; "" if none
}

// Error returns the message described on the type.
func (e *Error) Error() string {
	var b []byte
	if e.Method != "" {
		b = append(b, e.Method...)
		b = append(b, ": "...)
	}
	where := false // a part of the place has been written
	sep := func() {
		if where {
			b = append(b, ", "...)
		}
		where = true
	}
	if e.Series != "" {
		sep()
		b = append(b, "series "...)
		b = strconv.AppendQuote(b, e.Series)
	}
	if e.Scenario != "" {
		sep()
		b = append(b, "scenario "...)
		b = strconv.AppendQuote(b, e.Scenario)
	}
	if e.Year != 0 {
		sep()
		b = append(b, "year "...)
		b = strconv.AppendInt(b, int64(e.Year), 10)
	}
	if where {
		b = append(b, ": "...)
	}
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "error"...)
	}
	if e.Detail != "" {
		b = append(b, ": "...)
		b = append(b, e.Detail...)
	}
	return string(b)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error for method, series and year whose cause is err
// and whose detail is formatted from format and args ("" for none).
func Errorf(method, series string, year int, err error, format string, args ...any) *Error {
	e := &Error{Method: method, Series: series, Year: year, Err: err}
	if format != "" {
		e.Detail = fmt.Sprintf(format, args...)
	}
	return e
}

// namedBy returns err for a message that names the method label (and the
// series, if series is not ""): if err is an *Error whose Method is
// label's package — label itself, or its part before a "-", as
// "regression" of "regression-loglog" — a copy without it (and without
// the Series equal to series), so that the message does not name them
// twice. Any other error, a member's inside a combination among them,
// is returned as it is.
func namedBy(err error, label, series string) error {
	e, ok := err.(*Error)
	if !ok {
		return err
	}
	c := *e
	if c.Method == label || strings.HasPrefix(label, c.Method+"-") {
		c.Method = ""
	}
	if series != "" && c.Series == series {
		c.Series = ""
	}
	return &c
}

// CheckHistory checks the history a method fits: it must hold at least
// minObs observed (not NaN) years, its last year must be observed, and no
// value may be infinite. The error, an *Error naming method, the series
// and the year where there is one, wraps ErrTooFew, ErrLastMissing or
// ErrNotFinite, checked in that order but for the count, which comes
// last (but first for a history with no observed year); an empty history
// is series.ErrEmpty.
func CheckHistory(method string, history series.Series, minObs int) error {
	if history.Len() == 0 {
		return Errorf(method, history.Name, 0, series.ErrEmpty, "")
	}
	if math.IsNaN(history.Values[history.Len()-1]) {
		if !slices.ContainsFunc(history.Values, func(v float64) bool { return !math.IsNaN(v) }) {
			return Errorf(method, history.Name, 0, ErrTooFew, "need %d, have 0 (every year is missing)", max(minObs, 1))
		}
		return Errorf(method, history.Name, history.End(), ErrLastMissing, "")
	}
	n := 0
	for i, v := range history.Values {
		if math.IsInf(v, 0) {
			return Errorf(method, history.Name, history.Start+i, ErrNotFinite, "%g", v)
		}
		if !math.IsNaN(v) {
			n++
		}
	}
	if n < minObs {
		return Errorf(method, history.Name, 0, ErrTooFew, "need %d, have %d", minObs, n)
	}
	return nil
}

// CheckPositive returns an *Error wrapping ErrNonPositive, naming method,
// the series and the year, for the first observed value of s that is not
// positive, and nil if there is none.
func CheckPositive(method string, s series.Series) error {
	for i, v := range s.Values {
		if !math.IsNaN(v) && !(v > 0) {
			return Errorf(method, s.Name, s.Start+i, ErrNonPositive, "%g", v)
		}
	}
	return nil
}

// DriverAt returns the observed driver name at year from drivers. The
// error, an *Error naming method and the year, wraps ErrMissingDriver if
// drivers has no such driver, ErrDriverYears if it has no finite value for
// the year, and, when positive is set, ErrNonPositive if the value is not
// positive.
func DriverAt(method string, drivers Drivers, name string, year int, positive bool) (float64, error) {
	d, ok := drivers[name]
	if !ok {
		return math.NaN(), Errorf(method, "", 0, ErrMissingDriver, "%q", name)
	}
	v, ok := d.At(year)
	if err := checkDriver(method, name, year, v, ok, positive); err != nil {
		return math.NaN(), err
	}
	return v, nil
}

// ObservedDriver returns drivers[name] after checking, as DriverAt does,
// that it holds a finite (and, when positive is set, positive) value at
// every observed year of history.
func ObservedDriver(method string, drivers Drivers, name string, history series.Series, positive bool) (series.Series, error) {
	d, ok := drivers[name]
	if !ok {
		return series.Series{}, Errorf(method, "", 0, ErrMissingDriver, "%q", name)
	}
	for i, q := range history.Values {
		if math.IsNaN(q) {
			continue
		}
		year := history.Start + i
		v, ok := d.At(year)
		if err := checkDriver(method, name, year, v, ok, positive); err != nil {
			return series.Series{}, err
		}
	}
	return d, nil
}

// checkDriver returns the error of DriverAt for the value v of driver
// name at year, ok false if the driver does not cover the year.
func checkDriver(method, name string, year int, v float64, ok, positive bool) error {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return Errorf(method, "", year, ErrDriverYears, "%q has no finite value", name)
	}
	if positive && !(v > 0) {
		return Errorf(method, "", year, ErrNonPositive, "driver %q is %g", name, v)
	}
	return nil
}

// NotFitted returns the error of a model of method that holds no fit: an
// *Error wrapping ErrNotFitted.
func NotFitted(method string) error { return &Error{Method: method, Err: ErrNotFitted} }

// Wrap returns err as an *Error of method, for errors of this package's
// functions (CheckRequest, DriverValue, DriverPath), which name no package
// so that the method calling them names itself once. An *Error without a
// method gets method; other errors become the cause of a new *Error.
func Wrap(method string, err error) error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Error); ok && e.Method == "" {
		c := *e
		c.Method = method
		return &c
	}
	return &Error{Method: method, Err: err}
}

// CheckTarget checks the target of an implied-parameter request
// (Implier.Implied): an *Error of method wrapping ErrNotFinite if it is
// NaN or infinite, ErrNonPositive if it is not positive.
func CheckTarget(method string, target float64) error {
	if math.IsNaN(target) || math.IsInf(target, 0) {
		return Errorf(method, "", 0, ErrNotFinite, "target %g", target)
	}
	if !(target > 0) {
		return Errorf(method, "", 0, ErrNonPositive, "target %g", target)
	}
	return nil
}

// LSQCause returns err, an error of a fit by package lsq, for a method to
// give as the cause of its *Error. An lsq.NotFiniteError (a
// fit that overflows, or a transformed value that is infinite) becomes one
// wrapping ErrNotFinite, worded as that sentinel with lsq's detail, so that
// errors.Is finds the shared error and the message names the method's
// package alone; it still wraps the lsq error. Other errors, such as
// lsq.ErrSingular, which the methods document, are returned unchanged.
func LSQCause(err error) error {
	var nf *lsq.NotFiniteError
	if !errors.As(err, &nf) {
		return err
	}
	return &lsqNotFinite{detail: ": " + nf.Detail, err: err}
}

// lsqNotFinite is the error of LSQCause for an lsq.NotFiniteError: its text
// is ErrNotFinite's followed by detail, the NotFiniteError's Detail.
type lsqNotFinite struct {
	detail string
	err    error
}

func (e *lsqNotFinite) Error() string   { return ErrNotFinite.Error() + e.detail }
func (e *lsqNotFinite) Unwrap() []error { return []error{ErrNotFinite, e.err} }
