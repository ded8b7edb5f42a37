// Package smooth holds the numerics of the exponential smoothing state
// space models shared by the ets and theta packages: the recursions of the
// non-seasonal models, their likelihood, the maximum likelihood estimation
// of their parameters by Nelder–Mead, the forecast means and variances,
// and the checks of a history both packages make. The ets package documents
// the models and formulas.
package smooth

import (
	"errors"
	"math"
)

// Kind is one of the six non-seasonal models: additive or multiplicative
// error, no trend or an additive trend, damped or not.
type Kind struct {
	Mult   bool // multiplicative error
	Trend  bool // additive trend
	Damped bool // damped trend; only with Trend
}

// States returns the number of initial states: 1 (level) or 2 (level and
// slope).
func (k Kind) States() int {
	if k.Trend {
		return 2
	}
	return 1
}

// effective returns the parameters the recursions of model k run with: p,
// with φ = 1 if k is not damped, and β = φ = b0 = 0 if it has no trend.
func (k Kind) effective(p Params) Params {
	if !k.Damped {
		p.Phi = 1
	}
	if !k.Trend {
		p.Beta, p.Phi, p.B0 = 0, 0, 0
	}
	return p
}

// Crit is the criterion the estimation minimises.
type Crit int

const (
	Lik Crit = iota // n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative error)
	MSE             // the mean squared one-step error
)

// MaxSmoothing is the upper limit of the smoothing parameters α, β and γ
// the estimation tries, R forecast::ets's.
const MaxSmoothing = 0.9999

// Bounds of R forecast::ets: lower and upper limits of α, β, γ and φ.
var (
	lowerBounds = [4]float64{1e-4, 1e-4, 1e-4, 0.8}
	upperBounds = [4]float64{MaxSmoothing, MaxSmoothing, MaxSmoothing, 0.98}
)

// Params are the parameters of a model: the smoothing parameters α and β,
// the damping parameter φ (1 for an undamped trend) and the initial level
// and slope. Beta and B0 are 0 for a model without trend.
type Params struct {
	Alpha, Beta, Phi float64
	L0, B0           float64
}

// Result is the outcome of running the recursions over a history.
type Result struct {
	Lik  float64 // n·log(Σe²), plus 2·Σlog|ŷ_t| for multiplicative error
	MSE  float64 // mean squared one-step error y − ŷ (a running mean, as R's etscalc)
	SSE  float64 // Σe², e the innovations (relative for multiplicative error)
	N    int     // observed years
	L, B float64 // the level and slope after the last year
}

// Filter runs the recursions of model k with parameters p over y (NaN
// where a year is missing: its innovation is taken as 0) and writes the
// innovations into e (NaN at missing years), which must be as long as y.
// The states are updated as ℓ_t = ŷ_t + α d_t, b_t = φ b_{t−1} + β d_t,
// d_t = y_t − ŷ_t, which equals R forecast's etscalc (ℓ_t = q + α(y_t − q),
// b_t = φb + (β/α)(ℓ_t − ℓ_{t−1} − φb)) to rounding, with a shorter chain of
// dependent operations; Σlog|ŷ_t| is computed as the logarithm of the
// product (renormalised by its binary exponent, so that it cannot
// overflow), one logarithm instead of n.
func Filter(y []float64, k Kind, p Params, e []float64) Result {
	return filter(y, k, p, e, true)
}

// filter is Filter, computing Result.MSE only if mse is set.
func filter(y []float64, k Kind, p Params, e []float64, wantMSE bool) Result {
	q := k.effective(p)
	l, b := q.L0, q.B0
	alpha, beta, phi := q.Alpha, q.Beta, q.Phi
	var sse, mse, denom float64
	prod, exp := 1.0, 0
	n := 0
	for i, yi := range y {
		phib := phi * b
		f := l + phib // the one-step forecast; b = 0 without trend
		d := yi - f
		if math.IsNaN(yi) {
			d = 0
			e[i] = math.NaN()
		} else {
			ei := d
			if k.Mult {
				ei = d / f
				prod, exp = mulAbs(prod, exp, f)
			}
			e[i] = ei
			sse += ei * ei
			n++
		}
		if wantMSE {
			denom++
			mse = (mse*(denom-1) + d*d) / denom
		}
		l = f + alpha*d
		b = phib + beta*d
	}
	lik := float64(n) * math.Log(sse)
	if k.Mult {
		lik += 2 * (math.Log(prod) + float64(exp)*math.Ln2)
	}
	return Result{Lik: lik, MSE: mse, SSE: sse, N: n, L: l, B: b}
}

// errNoStart is returned by Estimate when the objective cannot be
// evaluated at the starting values (R: "function cannot be evaluated at
// initial parameters").
var errNoStart = errors.New("the likelihood cannot be evaluated at the starting values")

// Estimator estimates the parameters of one model by minimising Crit with
// Nelder–Mead from R's starting values, within R's bounds. It keeps its
// buffers between calls: once they have grown, Estimate allocates nothing.
// The zero value is ready to use; an Estimator is not for concurrent use.
type Estimator struct {
	// Fixed smoothing parameters; 0 means estimated.
	Alpha, Beta, Phi float64
	Crit             Crit

	y, e  []float64
	gaps  bool // y has missing values
	kind  Kind
	lower [4]float64
	upper [4]float64
	x     []float64 // the free parameters: α, β, φ (those estimated), l0, b0
	nm    NelderMead
	obj   func([]float64) float64
}

// Free returns the number of free parameters Estimate would fit for k:
// the smoothing parameters not fixed and the initial states.
func (est *Estimator) Free(k Kind) int {
	n := k.States()
	if est.Alpha == 0 {
		n++
	}
	if k.Trend && est.Beta == 0 {
		n++
	}
	if k.Damped && est.Phi == 0 {
		n++
	}
	return n
}

// initStates returns R's starting values of the initial states for y (whose
// first value must be observed): the mean of the first up to ten observed
// values for the level, or the intercept and slope of their regression
// on the year index 1, 2, … with a trend (initstate).
func initStates(y []float64, k Kind) (l0, b0 float64) {
	maxn := min(10, len(y))
	if !k.Trend {
		var s float64
		n := 0
		for _, v := range y[:maxn] {
			if !math.IsNaN(v) {
				s += v
				n++
			}
		}
		m := s / float64(n)
		var t float64
		for _, v := range y[:maxn] {
			if !math.IsNaN(v) {
				t += v - m
			}
		}
		return m + t/float64(n), 0
	}
	var sx, sy float64
	n := 0
	for i, v := range y[:maxn] {
		if !math.IsNaN(v) {
			sx += float64(i + 1)
			sy += v
			n++
		}
	}
	mx, my := sx/float64(n), sy/float64(n)
	var sxx, sxy float64
	for i, v := range y[:maxn] {
		if !math.IsNaN(v) {
			dx := float64(i+1) - mx
			sxx += dx * dx
			sxy += dx * (v - my)
		}
	}
	b0 = sxy / sxx
	if n < 2 || sxx == 0 {
		b0 = 0
	}
	l0 = my - b0*mx
	if math.Abs(l0+b0) < 1e-8 {
		l0 *= 1 + 0.001
		b0 *= 1 - 0.001
	}
	return l0, b0
}

// Estimate fits model k to y, whose first and last values must be
// observed, and returns the estimated parameters and the number of free
// parameters. It returns errNoStart if the objective is not finite at the
// starting values. The caller checks that y has enough observations.
func (est *Estimator) Estimate(y []float64, k Kind) (Params, int, error) {
	est.y = append(est.y[:0], y...)
	est.gaps = false
	for _, v := range y {
		if math.IsNaN(v) {
			est.gaps = true
		}
	}
	if cap(est.e) < len(y) {
		est.e = make([]float64, len(y))
	}
	est.e = est.e[:len(y)]
	est.kind = k
	lower, upper := lowerBounds, upperBounds
	if est.Alpha != 0 {
		upper[1] = min(est.Alpha, upper[1])
		upper[2] = min(1-est.Alpha, upper[2])
	}
	if est.Beta != 0 {
		lower[0] = max(est.Beta, lower[0])
	}
	est.lower, est.upper = lower, upper

	// initparam
	x := est.x[:0]
	alpha := est.Alpha
	if alpha == 0 {
		alpha = lower[0] + 0.2*(upper[0]-lower[0])
		if alpha > 1 || alpha < 0 {
			alpha = lower[0] + 0.002
		}
		x = append(x, alpha)
	}
	if k.Trend && est.Beta == 0 {
		up := min(upper[1], alpha)
		beta := lower[1] + 0.1*(up-lower[1])
		if beta < 0 || beta > alpha {
			beta = alpha - 0.001
		}
		x = append(x, beta)
	}
	if k.Damped && est.Phi == 0 {
		phi := lower[3] + 0.99*(upper[3]-lower[3])
		if phi < 0 || phi > 1 {
			phi = upper[3] - 0.001
		}
		x = append(x, phi)
	}
	l0, b0 := initStates(y, k)
	x = append(x, l0)
	if k.Trend {
		x = append(x, b0)
	}
	est.x = x
	if est.obj == nil {
		est.obj = est.objective
	}
	if !est.nm.Minimize(est.obj, x) {
		return Params{}, 0, errNoStart
	}
	return est.params(x), len(x), nil
}

// params returns the parameters of the free vector x.
func (est *Estimator) params(x []float64) Params {
	k := est.kind
	p := Params{Alpha: est.Alpha, Beta: est.Beta, Phi: est.Phi}
	j := 0
	if est.Alpha == 0 {
		p.Alpha = x[j]
		j++
	}
	if !k.Trend {
		p.Beta = 0
	} else if est.Beta == 0 {
		p.Beta = x[j]
		j++
	}
	if !k.Damped {
		p.Phi = 1
	} else if est.Phi == 0 {
		p.Phi = x[j]
		j++
	}
	p.L0 = x[j]
	if k.Trend {
		p.B0 = x[j+1]
	}
	return p
}

// mulAbs multiplies the product prod·2^exp by |f|, renormalising |f|
// outside 1e-100 … 1e100 and the product outside 1e-200 … 1e200 by their
// binary exponents (math.Frexp), which go into exp, so that a product of
// many factors cannot overflow or underflow.
func mulAbs(prod float64, exp int, f float64) (float64, int) {
	af := math.Abs(f)
	if af > 1e100 || af < 1e-100 {
		var x int
		af, x = math.Frexp(af)
		exp += x
	}
	prod *= af
	if prod > 1e200 || prod < 1e-200 {
		var x int
		prod, x = math.Frexp(prod)
		exp += x
	}
	return prod, exp
}

// likelihood returns Filter(y, k, p, ·).Lik for a y without missing
// values, with the same operations, storing no innovations.
func likelihood(y []float64, k Kind, p Params) float64 {
	q := k.effective(p)
	l, b := q.L0, q.B0
	alpha, beta, phi := q.Alpha, q.Beta, q.Phi
	var sse float64
	if !k.Mult {
		for _, yi := range y {
			phib := phi * b
			f := l + phib
			d := yi - f
			sse += d * d
			l = f + alpha*d
			b = phib + beta*d
		}
		return float64(len(y)) * math.Log(sse)
	}
	prod, exp := 1.0, 0
	for _, yi := range y {
		phib := phi * b
		f := l + phib
		d := yi - f
		ei := d / f
		prod, exp = mulAbs(prod, exp, f)
		sse += ei * ei
		l = f + alpha*d
		b = phib + beta*d
	}
	return float64(len(y))*math.Log(sse) + 2*(math.Log(prod)+float64(exp)*math.Ln2)
}

// objective is R's EtsTargetFunction::eval: +Inf outside the bounds, else
// the criterion.
func (est *Estimator) objective(x []float64) float64 {
	p := est.params(x)
	if !est.admits(p) {
		return math.Inf(1)
	}
	var lik float64
	if est.Crit == Lik && !est.gaps {
		lik = likelihood(est.y, est.kind, p)
	} else {
		r := filter(est.y, est.kind, p, est.e, est.Crit == MSE)
		if est.Crit == MSE {
			return r.MSE
		}
		lik = r.Lik
	}
	if lik < -1e10 {
		lik = -1e10 // avoid perfect fits
	}
	if math.IsNaN(lik) {
		lik = math.Inf(1)
	}
	return lik
}

// admits reports whether p lies within R's "both" bounds: the usual ones
// on the estimated parameters and the admissible region.
func (est *Estimator) admits(p Params) bool {
	k := est.kind
	lo, up := &est.lower, &est.upper
	if est.Alpha == 0 && (p.Alpha < lo[0] || p.Alpha > up[0]) {
		return false
	}
	if k.Trend && est.Beta == 0 && (p.Beta < lo[1] || p.Beta > p.Alpha || p.Beta > up[1]) {
		return false
	}
	if k.Damped && est.Phi == 0 && (p.Phi < lo[3] || p.Phi > up[3]) {
		return false
	}
	return admissible(p, k)
}

// admissible reports whether p lies in the admissible (forecastable)
// region of a non-seasonal model: 0 ≤ φ ≤ 1, 1 − 1/φ < α < 1 + 1/φ and,
// with a trend, α(φ − 1) < β < (1 + φ)(2 − α).
func admissible(p Params, k Kind) bool {
	phi := p.Phi
	if !k.Damped {
		phi = 1
	}
	if phi < 0 || phi > 1+1e-8 {
		return false
	}
	if p.Alpha < 1-1/phi || p.Alpha > 1+1/phi {
		return false
	}
	if k.Trend && (p.Beta < p.Alpha*(phi-1) || p.Beta > (1+phi)*(2-p.Alpha)) {
		return false
	}
	return true
}
