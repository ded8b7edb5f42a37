// Package bitcmp compares float64 values bit for bit, any NaN equal to any
// NaN, for the round-trip tests of the packages that write and read them:
// a value must come back with its sign (−0) and every bit of a subnormal.
// Random draws the values such a test writes.
package bitcmp

import (
	"math"
	"math/rand/v2"
)

// Floats reports whether a and b have the same length and, at each index,
// the same bits or both a NaN.
func Floats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i, v := range a {
		w := b[i]
		if math.IsNaN(v) != math.IsNaN(w) || !math.IsNaN(v) && math.Float64bits(v) != math.Float64bits(w) {
			return false
		}
	}
	return true
}

// Random returns a finite float64 or NaN for a round-trip test, each kind
// one time in eight: NaN, −0, a subnormal (or +0), any finite bit pattern,
// a value of magnitude up to math.MaxFloat64; otherwise a normal deviate
// scaled by 10^k, k uniform in −15…14. It never returns an infinity.
func Random(r *rand.Rand) float64 {
	switch r.IntN(8) {
	case 0:
		return math.NaN()
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return math.Float64frombits(r.Uint64N(1 << 52))
	case 3:
		for {
			if v := math.Float64frombits(r.Uint64()); !math.IsNaN(v) && !math.IsInf(v, 0) {
				return v
			}
		}
	case 4:
		return math.MaxFloat64 * (2*r.Float64() - 1)
	}
	return r.NormFloat64() * math.Pow(10, float64(r.IntN(30)-15))
}
