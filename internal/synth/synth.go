package synth

import (
	"math"
	"math/rand/v2"
)

// The series start in Start and are forecast Horizon years ahead; Seed
// seeds every Source.
const (
	Start   = 2001
	Horizon = 5
	Seed    = 20110101
)

// Source draws synthetic series from a fixed stream of random numbers. A
// Source is not safe for concurrent use.
type Source struct {
	r *rand.Rand
}

// New returns a Source on the PCG generator seeded with Seed and stream
// points, so that the series of each length have their own fixed numbers
// (the benchmarks pass the number of points of their series).
func New(points int) *Source {
	return &Source{r: rand.New(rand.NewPCG(Seed, uint64(points)))}
}

// Trend returns n values y_k = a + b·k + 3·ε_k, k = 0, …, n−1: a level a
// uniform on [50, 150), a slope b uniform on [1, 5) and standard normal
// noise ε_k, drawn in that order.
func (s *Source) Trend(n int) []float64 {
	y := make([]float64, n)
	level, slope := 50+100*s.r.Float64(), 1+4*s.r.Float64()
	for k := range y {
		y[k] = level + slope*float64(k) + 3*s.r.NormFloat64()
	}
	return y
}

// GDP returns an index path of n values from 100, each year the last
// times a growth factor uniform on [1.04, 1.10).
func (s *Source) GDP(n int) []float64 {
	g := make([]float64, n)
	if n == 0 {
		return g
	}
	g[0] = 100
	for k := 1; k < n; k++ {
		g[k] = g[k-1] * (1.04 + 0.06*s.r.Float64())
	}
	return g
}

// TrendTo writes into dstMean, dstLower and dstUpper the closed-form
// linear-trend forecast of y, observed in the years start, start+1, …, for
// the len(dstMean) years after its last: OLS of y on the year about the mean
// year, and the prediction interval
//
//	ŷ₀ ± q σ̂ sqrt(1 + 1/n + (x₀ − x̄)²/Sxx),
//
// σ̂² = RSS/(n − 2), with q the t quantile, computed once by the caller
// (lsq.TQuantile). It is the lower bound on the work of a linear-trend
// forecast and checks nothing: y must be complete and finite, n ≥ 3, and
// dstLower and dstUpper at least as long as dstMean.
func TrendTo(dstMean, dstLower, dstUpper []float64, start int, y []float64, q float64) {
	n := float64(len(y))
	xbar := float64(start) + (n-1)/2
	var ybar float64
	for _, v := range y {
		ybar += v
	}
	ybar /= n
	var sxx, sxy float64
	for i, v := range y {
		dx := float64(start+i) - xbar
		sxx += dx * dx
		sxy += dx * (v - ybar)
	}
	b := sxy / sxx
	a := ybar - b*xbar
	var rss float64
	for i, v := range y {
		r := v - a - b*float64(start+i)
		rss += r * r
	}
	s := q * math.Sqrt(rss/(n-2))
	end := start + len(y) - 1
	for k := range dstMean {
		x0 := float64(end + 1 + k)
		dx := x0 - xbar
		m := a + b*x0
		h := s * math.Sqrt(1+1/n+dx*dx/sxx)
		dstMean[k], dstLower[k], dstUpper[k] = m, m-h, m+h
	}
}
