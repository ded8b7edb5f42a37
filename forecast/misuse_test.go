package forecast_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// panicName is a method whose Name and Fit panic.
type panicName struct{}

func (panicName) Name() string { panic("Name") }
func (panicName) Fit(series.Series, forecast.Drivers) (forecast.Model, error) {
	panic("Fit")
}

// TestNilMethods checks that a nil method, or one that panics, gives an
// error from Backtest, Batch and Evaluation rather than a panic, and that
// absurd horizons and hold-outs are rejected.
func TestNilMethods(t *testing.T) {
	h := series.New("q", "kt", 2000, 1, 2, 3, 4, 5, 6, 7, 8)
	if _, err := forecast.Backtest(nil, h, nil, 1, forecast.BacktestSettings{}); !errors.Is(err, forecast.ErrNilMethod) {
		t.Errorf("Backtest(nil): %v, want ErrNilMethod", err)
	}
	rs := forecast.Batch{Methods: []forecast.Method{nil, drift{}, panicName{}}}.Run([]forecast.Job{{History: h, Scenario: forecast.Scenario{Horizon: 2}}})
	if len(rs) != 1 || !errors.Is(rs[0].Errs[0], forecast.ErrNilMethod) || rs[0].Errs[1] != nil ||
		rs[0].Errs[2] == nil || !strings.Contains(rs[0].Errs[2].Error(), "method #3: panic: Fit") {
		t.Errorf("Batch with a nil and a panicking method: %v", rs[0].Errs)
	}
	for _, c := range []struct {
		e    forecast.Evaluation
		want error
	}{
		{forecast.Evaluation{Methods: []forecast.Method{drift{}, nil}, Holdout: 2}, forecast.ErrNilMethod},
		{forecast.Evaluation{Methods: []forecast.Method{drift{}}, Holdout: forecast.HorizonLimit + 1}, forecast.ErrHorizon},
		{forecast.Evaluation{Methods: []forecast.Method{drift{}}, Holdout: math.MaxInt}, forecast.ErrHorizon},
	} {
		if _, err := c.e.Run([]forecast.EvalSeries{{History: h}}); !errors.Is(err, c.want) {
			t.Errorf("Evaluation %+v: %v, want %v", c.e, err, c.want)
		}
	}
	rs = forecast.Batch{Methods: []forecast.Method{drift{}}}.Run([]forecast.Job{{History: h, Scenario: forecast.Scenario{Horizon: math.MaxInt}}})
	if !errors.Is(rs[0].Errs[0], forecast.ErrHorizon) {
		t.Errorf("Batch at horizon MaxInt: %v, want ErrHorizon", rs[0].Errs[0])
	}
}
