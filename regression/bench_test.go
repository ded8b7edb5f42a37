package regression

import (
	"fmt"
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

var benchSizes = []int{10, 20, 50, 200}

// benchHistory is a trend with a deterministic wobble, n years from 1900.
func benchHistory(n int) series.Series {
	v := make([]float64, n)
	for i := range v {
		v[i] = 100 + 5*float64(i) + 3*math.Sin(1.7*float64(i))
	}
	return series.Series{Name: "q", Start: 1900, Values: v}
}

var sink float64

// BenchmarkMethod fits the linear trend with the Method API and forecasts
// five years with a 95 % interval.
func BenchmarkMethod(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			h := benchHistory(n)
			s := forecast.Scenario{Horizon: 5}
			m := Method{Spec: Linear}
			b.ReportAllocs()
			for b.Loop() {
				mod, err := m.Fit(h, nil)
				if err != nil {
					b.Fatal(err)
				}
				fc, err := mod.Forecast(s, 0.95)
				if err != nil {
					b.Fatal(err)
				}
				sink = fc.Upper.Values[4]
			}
		})
	}
}
