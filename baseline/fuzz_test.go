package baseline

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

// FuzzFitForecast checks that no history makes Fit or Forecast panic, and
// that a forecast, when made, covers the horizon with finite points and
// well-ordered finite (or NaN) bounds, for each of the three methods.
func FuzzFitForecast(f *testing.F) {
	forecasttest.AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		horizon := 1 + int(mode%7)
		h, _ := forecasttest.FuzzInput(data, n, start, horizon)
		m := [...]forecast.Method{Naive{}, Drift{}, Mean{}}[mode/7%3]
		mod, err := m.Fit(h, nil)
		if err != nil {
			return
		}
		fc, err := mod.Forecast(forecast.Scenario{Horizon: horizon}, 0.9)
		if err == nil {
			forecasttest.CheckFuzzForecast(t, fc, h, horizon, false)
		}
	})
}
