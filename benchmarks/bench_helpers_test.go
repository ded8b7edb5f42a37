package benchmarks

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// The synthetic data of the speed benchmarks: annual series from 2001 with
// a linear trend, noise and a GDP index growing 4–10 % a year, generated
// from a fixed seed so that every run sees the same numbers.
const (
	synthStart   = 2001
	synthHorizon = 5
	synthSeed    = 20110101
)

// synthJobs returns n jobs of points annual values each; the GDP index
// covers the history and the synthHorizon forecast years.
func synthJobs(n, points int) []forecast.Job {
	r := rand.New(rand.NewPCG(synthSeed, uint64(points)))
	jobs := make([]forecast.Job, n)
	for i := range jobs {
		q := make([]float64, points)
		g := make([]float64, points+synthHorizon)
		level, slope := 50+100*r.Float64(), 1+4*r.Float64()
		for k := range q {
			q[k] = level + slope*float64(k) + 3*r.NormFloat64()
		}
		g[0] = 100
		for k := 1; k < len(g); k++ {
			g[k] = g[k-1] * (1.04 + 0.06*r.Float64())
		}
		jobs[i] = forecast.Job{
			History:  series.Series{Name: fmt.Sprintf("s%d", i), Unit: "10kt", Start: synthStart, Values: q},
			Drivers:  forecast.Drivers{forecast.GDP: series.Series{Name: forecast.GDP, Start: synthStart, Values: g}},
			Scenario: forecast.Scenario{Horizon: synthHorizon},
		}
	}
	return jobs
}

// limitTrend is the closed-form lower bound on the work of a linear-trend
// forecast: OLS of y on the years start, start+1, … about their mean, and
// the forecast with its prediction interval for the len(mean) years after,
//
//	ŷ₀ ± q σ̂ sqrt(1 + 1/n + (x₀ − x̄)²/Sxx),
//
// q the t quantile, computed once by the caller. It checks nothing: the
// data must be complete and finite, n ≥ 3.
func limitTrend(mean, lower, upper []float64, start int, y []float64, q float64) {
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
	for k := range mean {
		x0 := float64(end + 1 + k)
		dx := x0 - xbar
		m := a + b*x0
		h := s * math.Sqrt(1+1/n+dx*dx/sxx)
		mean[k], lower[k], upper[k] = m, m-h, m+h
	}
}
