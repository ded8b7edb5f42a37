package elasticity

import (
	"math"

	"github.com/nonferrous/demand/forecast"
)

// Implied returns the constant elasticity E under which the forecast for
// year reaches target under the scenario, as the Parameter "elasticity"
// (ParamElasticity) with a NaN standard error. The target path of the
// Method, if any, is ignored: E is held constant from the first forecast
// year.
//
// With g_t the driver's growth rates over the n years from t₀ to year,
// E solves
//
//	f(E) = Σ ln(1 + E·g_t) − ln(target/Q₀) = 0,  with 1 + E·g_t > 0.
//
// When every g_t equals g (to a relative 1e-12) the solution is the closed
// form E = ((target/Q₀)^(1/n) − 1)/g with g the driver's compound growth.
// Otherwise f is solved by bisection to full precision: f is increasing
// when no g_t is negative and decreasing when none is positive, so the
// root is unique; when the growth changes sign f is concave, there may be
// no root or two, and the one of smaller magnitude is returned.
//
// year must be a forecast year of the scenario (forecast.ErrSetting
// otherwise) and target positive and finite (forecast.CheckTarget), and
// the driver must be positive at t₀ and every year to year
// (forecast.ErrNonPositive otherwise, naming the year). It is an error
// wrapping ErrNoGrowth if the driver does not grow at all, ErrUnreachable
// if no E reaches the target, and forecast.ErrNotFitted if the model holds
// no fit (its last Refit failed).
func (mod *Model) Implied(s forecast.Scenario, year int, target float64) (forecast.Parameter, error) {
	if s.Horizon < 1 || s.Horizon > forecast.HorizonLimit {
		return forecast.Parameter{}, forecast.Errorf(pkg, "", 0, forecast.ErrHorizon, "have %d", s.Horizon)
	}
	if !mod.ok {
		return forecast.Parameter{}, forecast.NotFitted(pkg)
	}
	from, to := s.Years(mod.last)
	if year < from || year > to {
		return forecast.Parameter{}, forecast.Errorf(pkg, mod.name, year, forecast.ErrSetting, "the target year is not a forecast year (%d–%d)", from, to)
	}
	if err := forecast.CheckTarget(pkg, target); err != nil {
		return forecast.Parameter{}, err
	}
	g, err := mod.growth(s, year)
	if err != nil {
		return forecast.Parameter{}, err
	}
	e, err := solve(g, math.Log(target/mod.q0))
	if err == nil && (math.IsNaN(e) || math.IsInf(e, 0)) {
		err = ErrUnreachable
	}
	if err != nil {
		return forecast.Parameter{}, forecast.Errorf(pkg, mod.name, year, err, "target %g from %g in %d", target, mod.q0, mod.last)
	}
	return forecast.Parameter{Name: ParamElasticity, Value: e, StdErr: math.NaN()}, nil
}

// solve returns the E with Σ ln(1 + E·g_i) = r.
func solve(g []float64, r float64) (float64, error) {
	var gmin, gmax = math.Inf(1), math.Inf(-1)
	for _, v := range g {
		gmin = math.Min(gmin, v)
		gmax = math.Max(gmax, v)
	}
	switch {
	case gmin == 0 && gmax == 0:
		return 0, ErrNoGrowth
	case gmax-gmin <= 1e-12*math.Max(math.Abs(gmin), math.Abs(gmax)):
		// Constant growth: closed form with the compound rate.
		n := float64(len(g))
		var lg float64
		for _, v := range g {
			lg += math.Log1p(v)
		}
		gc := math.Expm1(lg / n)
		e := math.Expm1(r/n) / gc
		return e, nil
	case gmin >= 0:
		return solveIncreasing(g, r)
	case gmax <= 0:
		// f(E; g) = f(−E; −g): solve the mirrored increasing problem.
		neg := make([]float64, len(g))
		for i, v := range g {
			neg[i] = -v
		}
		e, err := solveIncreasing(neg, r)
		return -e, err
	}
	return solveConcave(g, r, -1/gmax, -1/gmin)
}

func sumLog(g []float64, e float64) float64 {
	var s float64
	for _, v := range g {
		s += math.Log1p(e * v)
	}
	return s
}

// solveIncreasing solves f(E) = sumLog(g, E) − r = 0 when no g_i is
// negative: f rises from −∞ at E = −1/max g to +∞.
func solveIncreasing(g []float64, r float64) (float64, error) {
	gmax := math.Inf(-1)
	for _, v := range g {
		gmax = math.Max(gmax, v)
	}
	lo := -1 / gmax
	hi := 1.0
	for sumLog(g, hi) < r {
		if hi > math.MaxFloat64/4 {
			return 0, ErrUnreachable
		}
		lo, hi = hi, 2*hi
	}
	f := func(e float64) float64 { return sumLog(g, e) - r }
	return bisect(f, lo, hi), nil
}

// solveConcave handles growth rates of both signs on the domain (a, b):
// f is concave there and tends to −∞ at both ends.
func solveConcave(g []float64, r, a, b float64) (float64, error) {
	df := func(e float64) float64 {
		var s float64
		for _, v := range g {
			s += v / (1 + e*v)
		}
		return s
	}
	// f' decreases from +∞ to −∞: its root is f's maximum.
	peak := bisect(func(e float64) float64 { return -df(e) }, a, b)
	f := func(e float64) float64 { return sumLog(g, e) - r }
	fp := f(peak)
	switch {
	case fp < 0:
		return 0, ErrUnreachable
	case fp == 0:
		return peak, nil
	}
	left := bisect(f, a, peak)
	right := bisect(func(e float64) float64 { return -f(e) }, peak, b)
	if math.Abs(left) <= math.Abs(right) {
		return left, nil
	}
	return right, nil
}

// bisect returns the root of an increasing f on the open interval
// (lo, hi), with f(lo) ≤ 0 ≤ f(hi) understood at the ends (which are not
// evaluated), to the resolution of float64.
func bisect(f func(float64) float64, lo, hi float64) float64 {
	for range 2100 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		v := f(mid)
		switch {
		case v == 0:
			return mid
		case v < 0 || math.IsNaN(v):
			lo = mid
		default:
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}
