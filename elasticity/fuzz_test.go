package elasticity_test

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

// FuzzFitForecast checks that no history and drivers make Fit, Forecast or
// Implied panic, and that a forecast, when made, covers the horizon with
// finite points and well-ordered finite (or NaN) bounds.
func FuzzFitForecast(f *testing.F) {
	forecasttest.AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		horizon := 1 + int(mode%5)
		h, d := forecasttest.FuzzInput(data, n, start, horizon)
		m := &elasticity.Method{Estimator: elasticity.Estimator(mode / 5 % 4)}
		if m.Estimator == elasticity.Given {
			m.Value = float64(int(mode)-128) / 50
		}
		if mode&0x80 != 0 {
			m.TargetYear, m.Target = h.End()+2, 0.5
		}
		scen := forecast.Scenario{Horizon: horizon, Drivers: forecast.Drivers{forecast.GDP: d[forecast.GDP]}}
		delete(d, forecast.Population)
		mod, err := m.Fit(h, d)
		if err != nil {
			return
		}
		fc, err := mod.Forecast(scen, 0.9)
		if err == nil {
			forecasttest.CheckFuzzForecast(t, fc, h, horizon, false)
		}
		if im, ok := mod.(forecast.Implier); ok {
			if p, err := im.Implied(scen, h.End()+horizon, 2*h.Values[h.Len()-1]); err == nil && (math.IsNaN(p.Value) || math.IsInf(p.Value, 0)) {
				t.Fatalf("Implied gave %g and no error", p.Value)
			}
		}
	})
}
