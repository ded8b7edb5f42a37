package intensity_test

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/intensity"
)

// FuzzFitForecastLong complements FuzzFitForecast with histories of 1 to
// 12 years, driver paths drawn from the input and every trajectory: no
// input makes Fit, Forecast or Implied panic, and a forecast, when made,
// covers the horizon with finite points and well-ordered finite (or NaN)
// bounds.
func FuzzFitForecastLong(f *testing.F) {
	forecasttest.AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		horizon := 1 + int(mode%5)
		h, d := forecasttest.FuzzInput(data, n, start, horizon)
		m := intensity.Method{Trajectory: intensity.Trajectory(mode / 5 % 3)}
		mod, err := m.Fit(h, d)
		if err != nil {
			return
		}
		scen := forecast.Scenario{Horizon: horizon, Drivers: d}
		fc, err := mod.Forecast(scen, 0.9)
		if err == nil {
			forecasttest.CheckFuzzForecast(t, fc, h, horizon, false)
		}
		if p, err := mod.(forecast.Implier).Implied(scen, h.End()+horizon, 2*h.Values[h.Len()-1]); err == nil && (math.IsNaN(p.Value) || math.IsInf(p.Value, 0)) {
			t.Fatalf("Implied gave %g and no error", p.Value)
		}
	})
}
