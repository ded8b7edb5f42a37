package lsq_test

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/lsq"
)

// trend is a trend with a deterministic wobble, n values.
func trend(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 100 + 5*float64(i) + 3*math.Sin(1.7*float64(i))
	}
	return v
}

var sink float64

// BenchmarkLineTrend fits a trend with a reused Line and forecasts five
// years with a 95 % interval: FitTrend + TrendTo, 0 allocs/op.
func BenchmarkLineTrend(b *testing.B) {
	for _, n := range []int{10, 20, 50, 200} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			y := trend(n)
			var l lsq.Line
			var mean, lower, upper [5]float64
			b.ReportAllocs()
			for b.Loop() {
				if err := l.FitTrend(1900, y); err != nil {
					b.Fatal(err)
				}
				if err := l.TrendTo(mean[:], lower[:], upper[:], 0.95); err != nil {
					b.Fatal(err)
				}
				sink = upper[4]
			}
		})
	}
}

func BenchmarkOLS(b *testing.B) {
	for _, n := range []int{10, 50} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			y := trend(n)
			x := mat.NewDense(n, 3, nil)
			for i := range n {
				t := float64(i)
				x.SetRow(i, []float64{1, t, t * t})
			}
			b.ReportAllocs()
			for b.Loop() {
				f, err := lsq.OLS(x, y, nil)
				if err != nil {
					b.Fatal(err)
				}
				sink = f.Coef[2]
			}
		})
	}
}
