package elasticity

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

func refitMethods() []*Method {
	return []*Method{
		{},
		{Estimator: Point},
		{Estimator: Given, Value: 0.8},
		{Estimator: Point, TargetYear: 2020, Target: 0.5},
	}
}

// TestRefitMatchesFit checks that one model refit over several data sets
// reports the elasticity and standard error of a fresh Fit. (Its
// forecasts, through ForecastTo, and its allocations are checked by the
// forecasttest kit in TestConformance.)
func TestRefitMatchesFit(t *testing.T) {
	for _, m := range refitMethods() {
		var mod forecast.Refitter
		for _, c := range conformanceCases(false) {
			fresh, err := m.Fit(c.History, c.Drivers)
			if err != nil {
				if m.TargetYear != 0 {
					continue // the target year is not after the plan's last year
				}
				t.Fatalf("%v %s: Fit: %v", m.Estimator, c.Name, err)
			}
			if mod == nil {
				mod = fresh.(forecast.Refitter)
			} else if err := mod.Refit(c.History, c.Drivers); err != nil {
				t.Fatalf("%v %s: Refit: %v", m.Estimator, c.Name, err)
			}
			fm, rm := fresh.(*Model), mod.(*Model)
			if fm.Elasticity() != rm.Elasticity() || !same(fm.StdErr(), rm.StdErr()) {
				t.Errorf("%v %s: refit E₀ %v (SE %v), fresh %v (SE %v)", m.Estimator, c.Name, rm.Elasticity(), rm.StdErr(), fm.Elasticity(), fm.StdErr())
			}
		}
	}
}

func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// TestRefitError checks that Fit and a failed Refit of a history with a
// zero value give the same forecast.ErrNonPositive, and that the model then refuses
// to forecast with forecast.ErrNotFitted. (That a failed Refit gives Fit's error and
// leaves nothing stale, and that the next Refit recovers, is checked by
// the forecasttest kit in TestConformance on its bad histories.)
func TestRefitError(t *testing.T) {
	c := conformanceCases(false)[1]
	bad := c.History.Clone()
	bad.Values[3] = 0
	forecasttest.CheckFailedRefit(t, &Method{Estimator: Point}, c.History, bad, c.Drivers, c.Scenario, forecast.ErrNonPositive)
}

// TestNoFitAfterFailedRefit checks that a model whose last Refit failed
// reports nothing stale: no parameters, a NaN elasticity and standard
// error, and errors from Forecast, ForecastTo and Implied saying it holds
// no fit.
func TestNoFitAfterFailedRefit(t *testing.T) {
	c := conformanceCases(false)[1]
	for _, m := range refitMethods() {
		fitted, err := m.Fit(c.History, c.Drivers)
		if err != nil {
			t.Fatal(err)
		}
		mod := fitted.(*Model)
		bad := c.History.Clone()
		bad.Values[len(bad.Values)-1] = math.NaN()
		if err := mod.Refit(bad, c.Drivers); err == nil {
			t.Fatalf("%v: Refit of a history whose last year is missing: no error", m.Estimator)
		}
		if p := mod.Parameters(); p != nil {
			t.Errorf("%v: Parameters after a failed Refit = %v, want nil", m.Estimator, p)
		}
		if e, se := mod.Elasticity(), mod.StdErr(); !math.IsNaN(e) || !math.IsNaN(se) {
			t.Errorf("%v: Elasticity, StdErr after a failed Refit = %v, %v, want NaN", m.Estimator, e, se)
		}
		var dst forecast.Forecast
		_, ferr := mod.Forecast(c.Scenario, 0.95)
		_, ierr := mod.Implied(c.Scenario, 2011, 100)
		for _, err := range []error{ferr, mod.ForecastTo(&dst, c.Scenario, 0.95), ierr} {
			if !errors.Is(err, forecast.ErrNotFitted) || !strings.Contains(err.Error(), "holds no fit") {
				t.Errorf("%v: after a failed Refit: error %v, want forecast.ErrNotFitted saying the model holds no fit", m.Estimator, err)
			}
		}
	}
}
