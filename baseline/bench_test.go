package baseline

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
)

// BenchmarkRefitForecast refits and forecasts six years at 95 % on a
// 12-year history, reusing the model and the Forecast.
func BenchmarkRefitForecast(b *testing.B) {
	sc := forecast.Scenario{Horizon: 6}
	for _, m := range []forecast.Method{Naive{}, Drift{}, Mean{}} {
		b.Run(m.Name(), func(b *testing.B) {
			mod, err := m.Fit(history(), nil)
			if err != nil {
				b.Fatal(err)
			}
			rf := mod.(forecast.Refitter)
			var fc forecast.Forecast
			h := history()
			b.ReportAllocs()
			for b.Loop() {
				if err := rf.Refit(h, nil); err != nil {
					b.Fatal(err)
				}
				if err := rf.ForecastTo(&fc, sc, 0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
