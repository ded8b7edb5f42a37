package baseline

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// FuzzFitForecast checks that no history makes Fit or Forecast panic, and
// that a forecast, when made, covers the horizon with finite points and
// well-ordered finite (or NaN) bounds, for each of the three methods.
func FuzzFitForecast(f *testing.F) {
	horizon := func(mode uint8) int { return 1 + int(mode%7) }
	forecasttest.FuzzMethod(f, horizon, func(mode uint8, _ series.Series, _ forecast.Drivers) forecasttest.FuzzCase {
		return forecasttest.FuzzCase{
			Method:   [...]forecast.Method{Naive{}, Drift{}, Mean{}}[mode/7%3],
			Scenario: forecast.Scenario{Horizon: horizon(mode)},
		}
	})
}
