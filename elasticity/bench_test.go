package elasticity

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func benchmarkFitForecast(b *testing.B, m *Method) {
	h := series.New("q", "", 2004, pointQ...)
	y := series.New(forecast.GDP, "", 2004, pointY...)
	for range 5 {
		y = y.Extend(y.Values[y.Len()-1] * 1.07)
	}
	d := forecast.Drivers{forecast.GDP: y}
	s := forecast.Scenario{Horizon: 5}
	b.ReportAllocs()
	for b.Loop() {
		mod, err := m.Fit(h, d)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := mod.Forecast(s, 0.95); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFitForecastArc(b *testing.B)   { benchmarkFitForecast(b, &Method{}) }
func BenchmarkFitForecastPoint(b *testing.B) { benchmarkFitForecast(b, &Method{Estimator: Point}) }

func BenchmarkImplied(b *testing.B) {
	h := series.New("q", "", 2009, 90, 100)
	s := forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2010, 1, 1.08, 1.15, 1.23, 1.31, 1.4)}}
	mod, err := (&Method{Estimator: Given}).Fit(h, nil)
	if err != nil {
		b.Fatal(err)
	}
	im := mod.(*Model)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := im.Implied(s, 2015, 150); err != nil {
			b.Fatal(err)
		}
	}
}
