package expert

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
)

func BenchmarkFitForecast(b *testing.B) {
	panel := readPanel(b)
	h := copperHistory()
	s := forecast.Scenario{Horizon: 5}
	for _, m := range []struct {
		name string
		m    *Method
	}{{"median", &Method{Panel: panel}}, {"weighted", weighted(panel)}} {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				mod, err := m.m.Fit(h, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := mod.Forecast(s, 0.8); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func weighted(panel []Judgment) *Method {
	p := append([]Judgment(nil), panel...)
	for i := range p {
		p[i].Weight = float64(1 + i%3)
	}
	return &Method{Panel: p}
}
