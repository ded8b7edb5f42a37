package intensity_test

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/series"
)

// FuzzFitForecastLong complements FuzzFitForecast with histories of 1 to
// 12 years, driver paths drawn from the input and every trajectory: no
// input makes Fit, Forecast or Implied panic, and a forecast, when made,
// covers the horizon with finite points and well-ordered finite (or NaN)
// bounds.
func FuzzFitForecastLong(f *testing.F) {
	horizon := func(mode uint8) int { return 1 + int(mode%5) }
	forecasttest.FuzzMethod(f, horizon, func(mode uint8, _ series.Series, d forecast.Drivers) forecasttest.FuzzCase {
		return forecasttest.FuzzCase{
			Method:   intensity.Method{Trajectory: intensity.Trajectory(mode / 5 % 3)},
			Drivers:  d,
			Scenario: forecast.Scenario{Horizon: horizon(mode), Drivers: d},
			Implied:  true,
		}
	})
}
