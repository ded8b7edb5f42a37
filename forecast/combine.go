package forecast

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/series"
)

// Errors returned (wrapped) by Combine and the weighting functions.
var (
	ErrNoForecasts = errors.New("forecast: no forecasts to combine")
	ErrMismatch    = errors.New("forecast: forecasts do not match")
	ErrWeights     = errors.New("forecast: invalid weights")
	ErrDuplicate   = errors.New("forecast: two members share a method name")
)

// DefaultCombinationName is the Method of a Combination whose caller gives
// no name.
const DefaultCombinationName = "combination"

// Combination is a weighted combination of forecasts of the same years at
// the same level.
type Combination struct {
	Forecast // the combined forecast; Method is the combination's name

	// Members holds the Method of each combined forecast and Weights its
	// weight, normalised to sum to 1, in the order given to Combine. In
	// JSON they are members and weights, beside the Forecast's fields.
	Members []string  `json:"members"`
	Weights []float64 `json:"weights"`
}

// Combine returns the weighted combination of members, all forecasts of the
// same years at the same level. A nil weights gives equal weights; otherwise
// weights holds one weight per member, each finite and ≥ 0 with a positive
// sum, and is normalised to sum to 1. name is the combination's Method,
// DefaultCombinationName if empty.
//
// At each year the combined point is Σ w_i f_i / Σ w_i over the members
// with a positive weight whose point is not NaN there (so a member missing
// a year drops out of that year and the others' weights are renormalised).
//
// The combined interval is centred on the combined point: its half-width
// is the weighted mean of the members' half-widths,
// p ± Σ w_i (U_i − L_i)/2 / Σ w_i, over the members (positive weight,
// point not NaN) that give both bounds at that year, NaN bounds if none
// does. The stated model: if each member's interval is ±z·σ_i about its
// point and the combined error is Σ w_i e_i, its standard deviation is at
// most Σ w_i σ_i, with equality when the members' errors are perfectly
// correlated — the usual case for forecasts of one series by similar
// methods. The interval is therefore conservative when the members'
// intervals are honest and their errors imperfectly correlated, and it
// ignores the members' disagreement, which a combination's own
// out-of-sample errors measure: Calibrated(Combined(…)) sets the interval
// from those. The point lies strictly inside unless every half-width is
// 0. (The older quantile average, the mean of the bounds, put the point
// on an edge whenever the members' intervals were skewed about it.)
//
// The members must have distinct Methods, so that Members tells them
// apart: give variants of one method distinct names (their Label).
//
// Combine returns an error wrapping ErrNoForecasts if members is empty, one
// wrapping ErrDuplicate if two members share a Method, one wrapping
// ErrWeights for invalid weights, one wrapping ErrMismatch if the
// members differ in series (the point's Name), unit, years or level or an
// interval does not cover the
// point's years, and an error naming the year where a point or bound is
// infinite or every weighted member's point is NaN.
func Combine(name string, weights []float64, members ...Forecast) (Combination, error) {
	if len(members) == 0 {
		return Combination{}, ErrNoForecasts
	}
	if name == "" {
		name = DefaultCombinationName
	}
	var err error
	if weights == nil {
		weights = EqualWeights(len(members))
	} else if weights, err = normalise(weights, len(members)); err != nil {
		return Combination{}, err
	}
	first := members[0]
	if !(first.Level > 0 && first.Level < 1) {
		return Combination{}, fmt.Errorf("forecast: combine: %w: %s has level %g", ErrLevel, label(first, 0), first.Level)
	}
	if first.Point.Len() == 0 {
		return Combination{}, fmt.Errorf("%w: %s has an empty point forecast", ErrMismatch, label(first, 0))
	}
	for i, m := range members {
		if m.Point.Start != first.Point.Start || m.Point.Len() != first.Point.Len() {
			return Combination{}, fmt.Errorf("%w: %s covers %s, %s covers %s",
				ErrMismatch, label(first, 0), span(first.Point), label(m, i), span(m.Point))
		}
		if m.Point.Name != first.Point.Name {
			return Combination{}, fmt.Errorf("%w: %s forecasts %q, %s forecasts %q",
				ErrMismatch, label(first, 0), first.Point.Name, label(m, i), m.Point.Name)
		}
		if m.Point.Unit != first.Point.Unit {
			return Combination{}, fmt.Errorf("%w: %s is in %q, %s in %q",
				ErrMismatch, label(first, 0), first.Point.Unit, label(m, i), m.Point.Unit)
		}
		if m.Level != first.Level {
			return Combination{}, fmt.Errorf("%w: %s has level %g, %s has level %g",
				ErrMismatch, label(first, 0), first.Level, label(m, i), m.Level)
		}
		for _, b := range [...]series.Series{m.Lower, m.Upper} {
			if b.Len() != 0 && (b.Start != m.Point.Start || b.Len() != m.Point.Len()) {
				return Combination{}, fmt.Errorf("%w: %s has an interval over %s and a point over %s",
					ErrMismatch, label(m, i), span(b), span(m.Point))
			}
		}
		for _, s := range [...]series.Series{m.Point, m.Lower, m.Upper} {
			for j, v := range s.Values {
				if math.IsInf(v, 0) {
					return Combination{}, fmt.Errorf("forecast: combine: %s has an infinite value at year %d", label(m, i), s.Start+j)
				}
			}
		}
	}

	n := first.Point.Len()
	point := series.Series{Name: first.Point.Name, Unit: first.Point.Unit, Start: first.Point.Start, Values: make([]float64, n)}
	lower := series.Series{Name: first.Point.Name, Unit: first.Point.Unit, Start: first.Point.Start, Values: make([]float64, n)}
	upper := lower
	upper.Values = make([]float64, n)
	for j := range n {
		var sw, sp, swi, sl float64
		for i, m := range members {
			w, f := weights[i], m.Point.Values[j]
			if w == 0 || math.IsNaN(f) {
				continue
			}
			sw += w
			sp += w * f
			l, u := bound(m.Lower, j), bound(m.Upper, j)
			if math.IsNaN(l) || math.IsNaN(u) {
				continue
			}
			swi += w
			sl += w * (u - l) / 2
		}
		if sw == 0 {
			return Combination{}, fmt.Errorf("forecast: combine: every weighted member's point is NaN at year %d", point.Start+j)
		}
		p := sp / sw
		point.Values[j] = p
		if swi == 0 {
			lower.Values[j], upper.Values[j] = math.NaN(), math.NaN()
			continue
		}
		hw := sl / swi
		lower.Values[j] = p - hw
		upper.Values[j] = p + hw
	}

	for i, m := range members {
		for j := range i {
			if members[j].Method == m.Method {
				return Combination{}, fmt.Errorf("%w: members %d and %d are both %q", ErrDuplicate, j, i, m.Method)
			}
		}
	}
	c := Combination{
		Forecast: Forecast{Method: name, Point: point, Lower: lower, Upper: upper, Level: first.Level},
		Members:  make([]string, len(members)),
		Weights:  weights,
	}
	for i, m := range members {
		c.Members[i] = m.Method
	}
	return c, nil
}

// bound returns the j-th value of an interval bound, NaN for an empty bound.
func bound(b series.Series, j int) float64 {
	if b.Len() == 0 {
		return math.NaN()
	}
	return b.Values[j]
}

func label(f Forecast, i int) string {
	if f.Method == "" {
		return fmt.Sprintf("forecast %d", i)
	}
	return fmt.Sprintf("forecast %d (%q)", i, f.Method)
}

// normalise returns a copy of w scaled to sum to 1, checking that it has n
// finite non-negative elements with a positive sum.
func normalise(w []float64, n int) ([]float64, error) {
	if len(w) != n {
		return nil, fmt.Errorf("%w: %d weights for %d forecasts", ErrWeights, len(w), n)
	}
	var sum float64
	for i, v := range w {
		if !(v >= 0) || math.IsInf(v, 1) {
			return nil, fmt.Errorf("%w: weight %d is %g, want finite and ≥ 0", ErrWeights, i, v)
		}
		sum += v
	}
	if !(sum > 0) || math.IsInf(sum, 1) {
		return nil, fmt.Errorf("%w: weights sum to %g, want finite and > 0", ErrWeights, sum)
	}
	out := make([]float64, n)
	for i, v := range w {
		out[i] = v / sum
	}
	return out, nil
}

// EqualWeights returns n weights of 1/n. It panics if n < 1.
func EqualWeights(n int) []float64 {
	if n < 1 {
		panic("forecast: EqualWeights needs n ≥ 1")
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	return w
}

// InverseMSEWeights returns the Bates–Granger weights w_i = (1/MSE_i) / Σ_j (1/MSE_j)
// for members with mean squared errors mse. If some MSE are zero, those
// members share the weight equally and the others get none (the limit of
// the formula). Each MSE must be finite and ≥ 0; otherwise, or for an empty
// mse, it returns an error wrapping ErrWeights.
func InverseMSEWeights(mse ...float64) ([]float64, error) {
	if len(mse) == 0 {
		return nil, fmt.Errorf("%w: no MSE given", ErrWeights)
	}
	inv := make([]float64, len(mse))
	zeros := 0
	for i, v := range mse {
		if !(v >= 0) || math.IsInf(v, 1) {
			return nil, fmt.Errorf("%w: MSE %d is %g, want finite and ≥ 0", ErrWeights, i, v)
		}
		if v == 0 {
			zeros++
		}
	}
	for i, v := range mse {
		switch {
		case zeros > 0 && v == 0:
			inv[i] = 1
		case zeros > 0:
			inv[i] = 0
		default:
			inv[i] = 1 / v
		}
	}
	return normalise(inv, len(inv))
}

// BacktestWeights returns the Bates–Granger weights (see InverseMSEWeights)
// from the pooled MSE of each backtest. The backtests must be comparable:
// the same horizon, origins and number of errors compared; otherwise it
// returns an error wrapping ErrMismatch.
func BacktestWeights(results ...*BacktestResult) ([]float64, error) {
	if len(results) == 0 {
		return nil, fmt.Errorf("%w: no backtest given", ErrWeights)
	}
	mse := make([]float64, len(results))
	r0 := results[0]
	for i, r := range results {
		if r == nil || r0 == nil {
			return nil, fmt.Errorf("%w: backtest %d is nil", ErrWeights, i)
		}
		if r.Horizon != r0.Horizon || len(r.Origins) != len(r0.Origins) || r.Measures.N != r0.Measures.N {
			return nil, fmt.Errorf("%w: backtest %d (%q: horizon %d, %d origins, %d errors) and backtest 0 (%q: horizon %d, %d origins, %d errors) are not comparable",
				ErrMismatch, i, r.Method, r.Horizon, len(r.Origins), r.Measures.N, r0.Method, r0.Horizon, len(r0.Origins), r0.Measures.N)
		}
		for k := range r.Origins {
			if r.Origins[k].Year != r0.Origins[k].Year {
				return nil, fmt.Errorf("%w: backtest %d has origin %d where backtest 0 has %d",
					ErrMismatch, i, r.Origins[k].Year, r0.Origins[k].Year)
			}
		}
		mse[i] = r.Measures.MSE()
	}
	return InverseMSEWeights(mse...)
}
