package forecast

import (
	"errors"
	"fmt"
	"testing"
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
