package forecast

import (
	"errors"
	"fmt"
	"strconv"
)

// Errors shared by every method package. A method returns them wrapped
// (with %w, usually inside an *Error that says where), so that callers
// test for them with errors.Is whatever the method:
//
//	if errors.Is(err, forecast.ErrTooFew) { … }
//
// The sentinels' texts carry no package name: the *Error or the wrapping
// message that holds one names the method once.
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
	ErrLevel = errors.New("forecast: interval level must be in (0, 1)")
	// ErrHorizon: a horizon below 1.
	ErrHorizon = errors.New("forecast: horizon must be at least 1")
	// ErrMissingDriver: a driver the method needs is absent.
	ErrMissingDriver = errors.New("forecast: driver missing")
	// ErrDriverYears: a driver does not cover the years needed.
	ErrDriverYears = errors.New("forecast: driver does not cover the years needed")
	// ErrDriverMismatch: the scenario's path of a driver and the observed
	// series are in different units, so splicing them would be wrong.
	ErrDriverMismatch = errors.New("forecast: scenario and observed driver disagree")
)

// Error is an error about a method's input, saying where it arose. Err is
// the cause, usually one of the sentinels above, and Unwrap returns it, so
// errors.Is and errors.As see through an *Error.
//
// Its message is
//
//	method: series "name", year 2003: cause: detail
//
// with the parts that are empty or zero left out.
type Error struct {
	Method string // the method's name, such as "regression"; "" if none
	Series string // the series' name; "" if none
	Year   int    // the year concerned; 0 if none
	Err    error  // the cause
	Detail string // more detail, such as the offending value; "" if none
}

// Error returns the message described on the type.
func (e *Error) Error() string {
	var b []byte
	if e.Method != "" {
		b = append(b, e.Method...)
		b = append(b, ": "...)
	}
	if e.Series != "" {
		b = append(b, "series "...)
		b = strconv.AppendQuote(b, e.Series)
		if e.Year != 0 {
			b = append(b, ", "...)
		} else {
			b = append(b, ": "...)
		}
	}
	if e.Year != 0 {
		b = append(b, "year "...)
		b = strconv.AppendInt(b, int64(e.Year), 10)
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
