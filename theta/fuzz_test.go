package theta

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// FuzzFit checks that no history makes Fit or Forecast panic, and that a
// forecast made has finite points and intervals around them (or NaN
// bounds).
func FuzzFit(f *testing.F) {
	forecasttest.FuzzMethod(f, func(uint8) int { return 0 }, func(uint8, series.Series, forecast.Drivers) forecasttest.FuzzCase {
		return forecasttest.FuzzCase{Method: Method{}, Scenario: forecast.Scenario{Horizon: 4}}
	})
}
