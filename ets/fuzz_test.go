package ets

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

// FuzzFit checks that no history makes Fit or Forecast panic, and that a
// forecast made has finite points and intervals around them (or NaN
// bounds).
func FuzzFit(f *testing.F) {
	forecasttest.AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		h, _ := forecasttest.FuzzInput(data, n, start, 0)
		var m forecast.Method = Auto{}
		if s := Spec(mode % 7); s.valid() {
			m = Method{Spec: s}
		}
		mod, err := m.Fit(h, nil)
		if err != nil {
			return
		}
		fc, err := mod.Forecast(forecast.Scenario{Horizon: 4}, 0.9)
		if err != nil {
			return
		}
		forecasttest.CheckFuzzForecast(t, fc, h, 4, false)
	})
}
