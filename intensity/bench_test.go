package intensity

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// BenchmarkFitForecast fits each trajectory and forecasts five years.
func BenchmarkFitForecast(b *testing.B) {
	hm, dm, sm := malenbaumData()
	for _, bc := range []struct {
		name string
		m    Method
		h    series.Series
		d    forecast.Drivers
		s    forecast.Scenario
	}{
		{"log-trend", Method{}, copper(), planDrivers(), planScenario()},
		{"cagr", Method{Trajectory: CAGR}, copper(), planDrivers(), planScenario()},
		{"malenbaum", Method{Trajectory: Malenbaum}, hm, dm, sm},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				md, err := bc.m.Fit(bc.h, bc.d)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := md.Forecast(bc.s, 0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
