// Package bitcmp compares float64 values bit for bit, any NaN equal to any
// NaN, for the round-trip tests of the packages that write and read them:
// a value must come back with its sign (−0) and every bit of a subnormal.
package bitcmp

import "math"

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
