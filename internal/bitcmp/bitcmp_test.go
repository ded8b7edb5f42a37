package bitcmp

import (
	"math"
	"math/rand/v2"
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

// TestRandom checks that Random never gives an infinity and gives every
// kind of value it promises in 4000 draws.
func TestRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var nan, negZero, subnormal, huge, ordinary int
	for range 4000 {
		v := Random(r)
		a := math.Abs(v)
		switch {
		case math.IsInf(v, 0):
			t.Fatalf("Random gave %v", v)
		case math.IsNaN(v):
			nan++
		case v == 0 && math.Signbit(v):
			negZero++
		case a > 0 && a < 0x1p-1022:
			subnormal++
		case a > 1e300:
			huge++
		case a > 1e-16 && a < 1e16:
			ordinary++
		}
	}
	for name, n := range map[string]int{"NaN": nan, "−0": negZero, "subnormal": subnormal, "above 1e300": huge, "ordinary": ordinary} {
		if n < 100 {
			t.Errorf("%d %s values in 4000 draws, want at least 100", n, name)
		}
	}
}
