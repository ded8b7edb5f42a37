package regression_test

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"

	"github.com/nonferrous/demand/regression"
)

// FuzzFitForecastLong complements FuzzMethod with histories of 1 to 12
// years, driver paths drawn from the input and every spec: no input makes
// Fit or Forecast panic, and a forecast, when made, covers the horizon
// with finite points and well-ordered finite (or NaN) bounds.
func FuzzFitForecastLong(f *testing.F) {
	forecasttest.AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		horizon := 1 + int(mode%5)
		h, d := forecasttest.FuzzInput(data, n, start, horizon)
		delete(d, forecast.Population)
		m := regression.Method{Spec: regression.Spec(mode / 5 % 4), BiasAdjust: mode&0x80 != 0}
		mod, err := m.Fit(h, d)
		if err != nil {
			return
		}
		fc, err := mod.Forecast(forecast.Scenario{Horizon: horizon, Drivers: d}, 0.9)
		if err == nil {
			forecasttest.CheckFuzzForecast(t, fc, h, horizon, m.BiasAdjust && m.Spec != regression.OnDriver && m.Spec != regression.Linear)
		}
	})
}
