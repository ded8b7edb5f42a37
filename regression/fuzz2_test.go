package regression_test

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// FuzzFitForecastLong complements FuzzMethod with histories of 1 to 12
// years, driver paths drawn from the input and every spec: no input makes
// Fit or Forecast panic, and a forecast, when made, covers the horizon
// with finite points and well-ordered finite (or NaN) bounds.
func FuzzFitForecastLong(f *testing.F) {
	horizon := func(mode uint8) int { return 1 + int(mode%5) }
	forecasttest.FuzzMethod(f, horizon, func(mode uint8, _ series.Series, d forecast.Drivers) forecasttest.FuzzCase {
		delete(d, forecast.Population)
		m := regression.Method{Spec: regression.Spec(mode / 5 % 4), BiasAdjust: mode&0x80 != 0}
		return forecasttest.FuzzCase{
			Method:    m,
			Drivers:   d,
			Scenario:  forecast.Scenario{Horizon: horizon(mode), Drivers: d},
			MeanPoint: m.BiasAdjust && m.Spec != regression.OnDriver && m.Spec != regression.Linear,
		}
	})
}
