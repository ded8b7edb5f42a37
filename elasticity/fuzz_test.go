package elasticity_test

import (
	"testing"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// FuzzFitForecast checks that no history and drivers make Fit, Forecast or
// Implied panic, and that a forecast, when made, covers the horizon with
// finite points and well-ordered finite (or NaN) bounds.
func FuzzFitForecast(f *testing.F) {
	horizon := func(mode uint8) int { return 1 + int(mode%5) }
	forecasttest.FuzzMethod(f, horizon, func(mode uint8, h series.Series, d forecast.Drivers) forecasttest.FuzzCase {
		m := &elasticity.Method{Estimator: elasticity.Estimator(mode / 5 % 4)}
		if m.Estimator == elasticity.Given {
			m.Value = float64(int(mode)-128) / 50
		}
		if mode&0x80 != 0 {
			m.TargetYear, m.Target = h.End()+2, 0.5
		}
		scen := forecast.Scenario{Horizon: horizon(mode), Drivers: forecast.Drivers{forecast.GDP: d[forecast.GDP]}}
		delete(d, forecast.Population)
		return forecasttest.FuzzCase{Method: m, Drivers: d, Scenario: scen, Implied: true}
	})
}
