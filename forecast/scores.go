package forecast

import (
	"fmt"
	"math"

	"github.com/nonferrous/demand/series"
)

// IntervalScore returns the interval score (Winkler 1972; Gneiting and
// Raftery 2007) of the central prediction interval [lower, upper] at level
// L for the actual value y, with α = 1 − L:
//
//	IS = (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}.
//
// It is the width of the interval plus a penalty for an actual outside it;
// lower is better. It returns NaN if any argument is NaN or level is not in
// (0, 1).
func IntervalScore(y, lower, upper, level float64) float64 {
	if !(level > 0 && level < 1) || math.IsNaN(y) || math.IsNaN(lower) || math.IsNaN(upper) {
		return math.NaN()
	}
	a := 1 - level
	s := upper - lower
	if y < lower {
		s += 2 / a * (lower - y)
	}
	if y > upper {
		s += 2 / a * (y - upper)
	}
	return s
}

// Pinball returns the pinball (quantile) loss of q as the quantile at
// probability tau in (0, 1) for the actual value y:
//
//	ρ_τ(y, q) = τ (y − q)       if y ≥ q,
//	            (1 − τ)(q − y)  if y < q.
//
// It returns NaN if any argument is NaN or tau is not in (0, 1).
func Pinball(y, q, tau float64) float64 {
	if !(tau > 0 && tau < 1) || math.IsNaN(y) || math.IsNaN(q) {
		return math.NaN()
	}
	if y >= q {
		return tau * (y - q)
	}
	return (1 - tau) * (q - y)
}

// IntervalMeasures are the scores of central prediction intervals at one
// level over N years. See the package documentation for the formulas.
//
// The bounds of an interval at level L are the quantiles at (1 − L)/2 and
// (1 + L)/2, and the interval score is 2/α times the sum of their pinball
// losses: Winkler = (4/α)·Pinball.
type IntervalMeasures struct {
	N        int     // number of years with an actual value and both bounds
	Level    float64 // the intervals' level L
	Coverage float64 // fraction of actual values within [lower, upper], bounds included
	Winkler  float64 // mean interval score
	MSIS     float64 // mean scaled interval score: the interval score over the scale (M4)
	Pinball  float64 // mean pinball loss of the two bounds as quantiles, averaged over the two
}

// intervalAcc sums the terms of IntervalMeasures.
type intervalAcc struct {
	n                      int
	covered                int
	score, scaled, pinball float64
}

// add adds a year with actual y, bounds lo and up at level (in (0, 1))
// and MSIS scale. A year where y or a bound is NaN is skipped.
func (a *intervalAcc) add(y, lo, up, level, scale float64) {
	if math.IsNaN(y) || math.IsNaN(lo) || math.IsNaN(up) {
		return
	}
	a.n++
	if y >= lo && y <= up {
		a.covered++
	}
	is := IntervalScore(y, lo, up, level)
	a.score += is
	a.scaled += is / scale
	alpha := 1 - level
	a.pinball += (Pinball(y, lo, alpha/2) + Pinball(y, up, 1-alpha/2)) / 2
}

// measures returns the means at level; NaN measures when a.n is 0.
func (a *intervalAcc) measures(level float64) IntervalMeasures {
	if a.n == 0 {
		nan := math.NaN()
		return IntervalMeasures{Level: level, Coverage: nan, Winkler: nan, MSIS: nan, Pinball: nan}
	}
	n := float64(a.n)
	return IntervalMeasures{
		N:        a.n,
		Level:    level,
		Coverage: float64(a.covered) / n,
		Winkler:  a.score / n,
		MSIS:     a.scaled / n,
		Pinball:  a.pinball / n,
	}
}

// IntervalAccuracy returns the interval scores of the forecast f against
// actual over the years both cover where the actual value and both bounds
// are observed, at f.Level. MSIS is scaled by the in-sample mean absolute
// lag-1 difference of training, as MASE is (see Accuracy): NaN if training
// has no two consecutive observed years, ±Inf or NaN if it is constant.
//
// It returns an error wrapping ErrLevel for f.Level outside (0, 1), one
// wrapping ErrNoOverlap if no year is scored, and one naming the year if
// actual, a bound or training holds an infinite value.
func IntervalAccuracy(actual series.Series, f Forecast, training series.Series) (IntervalMeasures, error) {
	if !(f.Level > 0 && f.Level < 1) {
		return IntervalMeasures{}, fmt.Errorf("forecast: interval accuracy: %w: have %g", ErrLevel, f.Level)
	}
	for _, s := range [...]struct {
		what string
		s    series.Series
	}{{"actual", actual}, {"lower", f.Lower}, {"upper", f.Upper}, {"training", training}} {
		if err := finite(s.s, s.what); err != nil {
			return IntervalMeasures{}, fmt.Errorf("forecast: interval accuracy: %w", err)
		}
	}
	scale := naiveScale(training)
	var a intervalAcc
	for y := max(actual.Start, f.Lower.Start, f.Upper.Start); y <= min(actual.End(), f.Lower.End(), f.Upper.End()); y++ {
		v, _ := actual.At(y)
		lo, _ := f.Lower.At(y)
		up, _ := f.Upper.At(y)
		a.add(v, lo, up, f.Level, scale)
	}
	if a.n == 0 {
		return IntervalMeasures{}, fmt.Errorf("%w with an interval: actual %s, interval %s", ErrNoOverlap, span(actual), span(f.Lower))
	}
	return a.measures(f.Level), nil
}
