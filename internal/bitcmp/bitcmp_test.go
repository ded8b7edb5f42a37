package bitcmp

import (
	"math"
	"testing"
)

func TestFloats(t *testing.T) {
	nan, negZero := math.NaN(), math.Copysign(0, -1)
	for _, tc := range []struct {
		a, b []float64
		want bool
	}{
		{nil, []float64{}, true},
		{[]float64{1, nan, negZero, 5e-324}, []float64{1, math.Float64frombits(0x7ff8000000000001), negZero, 5e-324}, true},
		{[]float64{0}, []float64{negZero}, false},
		{[]float64{nan}, []float64{0}, false},
		{[]float64{1}, []float64{1, 2}, false},
		{[]float64{5e-324}, []float64{1e-323}, false},
	} {
		if got := Floats(tc.a, tc.b); got != tc.want {
			t.Errorf("Floats(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
