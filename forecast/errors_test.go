package forecast

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

func TestError(t *testing.T) {
	for _, tc := range []struct {
		err  *Error
		want string
	}{
		{Errorf("regression", "cu", 2003, ErrLastMissing, ""), `regression: series "cu", year 2003: last year missing`},
		{Errorf("elasticity", "cu", 0, ErrTooFew, "need %d, have %d", 2, 1), `elasticity: series "cu": too few observed years: need 2, have 1`},
		{Errorf("intensity", "", 2001, ErrNonPositive, "consumption is %g", 0.0), `intensity: year 2001: value not positive: consumption is 0`},
		{Errorf("", "", 0, ErrNotFitted, ""), `model holds no fit`},
		{&Error{Method: "x"}, `x: error`},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	wrapped := fmt.Errorf("batch: %w", Errorf("regression", "cu", 2003, ErrLastMissing, ""))
	if !errors.Is(wrapped, ErrLastMissing) {
		t.Error("errors.Is does not see the cause through *Error")
	}
	var e *Error
	if !errors.As(wrapped, &e) || e.Series != "cu" || e.Year != 2003 || e.Method != "regression" {
		t.Errorf("errors.As = %+v", e)
	}
}

// TestCheckHistory checks each problem CheckHistory reports, in its order.
func TestCheckHistory(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		h    series.Series
		is   error
		want string
	}{
		{series.Series{Name: "e"}, series.ErrEmpty, `m: series "e": series: empty series`},
		{series.New("q", "", 2000, nan, nan), ErrTooFew, `m: series "q": too few observed years: need 3, have 0 (every year is missing)`},
		{series.New("q", "", 2000, 1, 2, nan), ErrLastMissing, `m: series "q", year 2002: last year missing`},
		{series.New("q", "", 2000, 1, inf, 3), ErrNotFinite, `m: series "q", year 2001: value not finite: +Inf`},
		{series.New("q", "", 2000, nan, 2, 3), ErrTooFew, `m: series "q": too few observed years: need 3, have 2`},
		{series.New("q", "", 2000, 1, 2, 3), nil, ""},
	} {
		err := CheckHistory("m", tc.h, 3)
		if !errors.Is(err, tc.is) || err != nil && err.Error() != tc.want || err == nil && tc.is != nil {
			t.Errorf("CheckHistory(%v) = %v, want %q", tc.h.Values, err, tc.want)
		}
	}
}

// TestLSQCause checks that an lsq.ErrNotFinite becomes a cause wrapping
// ErrNotFinite (and still the lsq error) worded without lsq's package name,
// and that other lsq errors pass unchanged.
func TestLSQCause(t *testing.T) {
	inner := &lsq.NotFiniteError{Detail: "the fit overflows (intercept +Inf)"} // as lsq returns it
	err := Errorf("regression", "cu", 0, LSQCause(inner), "spec %v", "linear")
	if !errors.Is(err, ErrNotFinite) || !errors.Is(err, lsq.ErrNotFinite) {
		t.Errorf("error %v does not wrap both ErrNotFinite and lsq.ErrNotFinite", err)
	}
	if want := `regression: series "cu": value not finite: the fit overflows (intercept +Inf): spec linear`; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	singular := fmt.Errorf("%w: x has no spread", lsq.ErrSingular)
	if got := LSQCause(singular); got != singular {
		t.Errorf("LSQCause(%v) = %v, want it unchanged", singular, got)
	}
	if LSQCause(nil) != nil {
		t.Error("LSQCause(nil) is not nil")
	}
}
