package ets

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// FuzzFit checks that no history makes Fit or Forecast panic, and that a
// forecast made has finite points and intervals around them (or NaN
// bounds), for Auto and every valid Spec.
func FuzzFit(f *testing.F) {
	forecasttest.FuzzMethod(f, func(uint8) int { return 0 }, func(mode uint8, _ series.Series, _ forecast.Drivers) forecasttest.FuzzCase {
		var m forecast.Method = Auto{}
		if s := Spec(mode % 7); s.valid() {
			m = Method{Spec: s}
		}
		return forecasttest.FuzzCase{Method: m, Scenario: forecast.Scenario{Horizon: 4}}
	})
}
