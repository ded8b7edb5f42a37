package lsq

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// RankTol is the tolerance of the rank check. Column j of the (weighted)
// design is taken as a linear combination of the columns before it, and the
// design as rank deficient, when the diagonal element R[j,j] of the R
// factor of its QR decomposition — the distance of column j from the span
// of the earlier columns — is at most RankTol times the Euclidean norm of
// column j. The check is invariant to the scale of each column; RankTol is
// the default tolerance of R's lm.
const RankTol = 1e-7

// Errors returned, wrapped with detail, by the fitting and prediction
// functions.
var (
	ErrSingular  = errors.New("lsq: design matrix is rank deficient")
	ErrTooFew    = errors.New("lsq: too few observations")
	ErrNotFinite = errors.New("lsq: value not finite")
	ErrWeight    = errors.New("lsq: weight negative or not finite")
	ErrLevel     = errors.New("lsq: interval level must be in (0, 1)")
)

// NotFiniteError is the error of a fit that meets a value that is not
// finite or overflows: it wraps ErrNotFinite, and Detail says where (the
// row and column, or the fit's coefficients).
type NotFiniteError struct {
	Detail string
}

func (e *NotFiniteError) Error() string { return ErrNotFinite.Error() + ": " + e.Detail }

// Unwrap returns ErrNotFinite.
func (e *NotFiniteError) Unwrap() error { return ErrNotFinite }

// notFinite returns a *NotFiniteError with the Detail of format and args.
func notFinite(format string, args ...any) error {
	return &NotFiniteError{Detail: fmt.Sprintf(format, args...)}
}

// Result is an ordinary (or weighted) least squares fit of y on the
// columns of a design matrix, computed by QR decomposition.
//
// N counts the observations with nonzero weight, P the columns and DF the
// residual degrees of freedom N − P. When DF is zero the fit interpolates
// the data: Sigma, StdErr, T, AdjR2, LogLik, AIC, AICc and BIC are NaN and
// Predict gives NaN interval bounds. AICc is +Inf when N − P − 2 ≤ 0
// (its correction term is undefined there).
//
// LogLik, AIC and BIC follow R's logLik, AIC and BIC for an lm fit: the
// number of estimated parameters is k = P + 1, the coefficients and σ.
type Result struct {
	Coef   []float64 // estimated coefficients β̂, one per column
	StdErr []float64 // standard errors of Coef
	T      []float64 // t statistics Coef/StdErr

	R2     float64 // coefficient of determination
	AdjR2  float64 // R² adjusted for the degrees of freedom
	Sigma  float64 // residual standard error σ̂ = sqrt(RSS/DF)
	LogLik float64 // Gaussian log-likelihood at the maximum
	AIC    float64 // −2 LogLik + 2k
	AICc   float64 // AIC + 2k(k+1)/(N−k−1)
	BIC    float64 // −2 LogLik + k ln N

	N, P, DF int

	rss  float64   // weighted residual sum of squares
	rinv []float64 // P×P row-major inverse of the R factor (upper triangular)
}

// OLS fits y on the columns of the n×p design x (the caller adds an
// intercept column) by QR, weighted when weights != nil. Rank-deficient
// design, too few rows, NaN/Inf: error.
//
// With weights, OLS minimises Σ wᵢ (yᵢ − xᵢβ)² as R's lm(weights = w)
// does: rows with zero weight take no part in the fit and do not count in
// N or the degrees of freedom; negative or non-finite weights are an error.
// R² is centred (about the weighted mean) when x has a constant nonzero
// column over the rows with nonzero weight, and uncentred otherwise, as R
// does for models with and without an intercept.
//
// The returned errors wrap ErrNotFinite (naming the row and column),
// ErrWeight (naming the row), ErrTooFew or ErrSingular. OLS panics if x
// is nil or if y or a non-nil weights does not have one element per row of
// x. It does not modify its arguments.
func OLS(x *mat.Dense, y, weights []float64) (*Result, error) {
	n, p := x.Dims()
	if len(y) != n {
		panic("lsq: length of y does not match the rows of x")
	}
	if weights != nil && len(weights) != n {
		panic("lsq: length of weights does not match the rows of x")
	}
	if p == 0 {
		return nil, fmt.Errorf("%w: design has no columns", ErrTooFew)
	}
	m := 0
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			if v := x.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, notFinite("x at row %d, column %d is %v", i, j, v)
			}
		}
		if v := y[i]; math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, notFinite("y at row %d is %v", i, v)
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
			if !(w >= 0) || math.IsInf(w, 1) {
				return nil, fmt.Errorf("%w: row %d has weight %v", ErrWeight, i, w)
			}
		}
		if w > 0 {
			m++
		}
	}
	if m < p {
		return nil, fmt.Errorf("%w: %d rows with nonzero weight for %d columns", ErrTooFew, m, p)
	}

	// Factorize the weighted design √W X = QR over the rows with nonzero
	// weight; β̂ is the least squares solution of √W X β = √W y, and the
	// standard errors and leverages come from R⁻¹.
	a := mat.NewDense(m, p, nil)
	b := mat.NewDense(m, 1, nil)
	k := 0
	for i := 0; i < n; i++ {
		sw := 1.0
		if weights != nil {
			if weights[i] == 0 {
				continue
			}
			sw = math.Sqrt(weights[i])
		}
		for j := 0; j < p; j++ {
			a.Set(k, j, sw*x.At(i, j))
		}
		b.Set(k, 0, sw*y[i])
		k++
	}
	var qr mat.QR
	qr.Factorize(a)
	var r mat.Dense
	qr.RTo(&r)

	for j := 0; j < p; j++ {
		norm := mat.Norm(a.ColView(j), 2)
		if norm == 0 {
			return nil, fmt.Errorf("%w: column %d is all zero (over the rows with nonzero weight)", ErrSingular, j)
		}
		if d := math.Abs(r.At(j, j)); !(d > RankTol*norm) {
			return nil, fmt.Errorf("%w: column %d is (nearly) a linear combination of the columns before it (|R[%d,%d]|/‖column‖ = %.3g)",
				ErrSingular, j, j, j, d/norm)
		}
	}

	f := &Result{
		Coef:   make([]float64, p),
		StdErr: make([]float64, p),
		T:      make([]float64, p),
		N:      m,
		P:      p,
		DF:     m - p,
		rinv:   make([]float64, p*p),
	}
	// The rank check above has passed, so a mat.Condition error of the
	// solvers only warns of a large condition number: the solution stands.
	var beta mat.Dense
	if err := qr.SolveTo(&beta, false, b); !conditionOnly(err) {
		return nil, fmt.Errorf("%w: %w", ErrSingular, err)
	}
	mat.Col(f.Coef, 0, &beta)
	rp := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			rp.SetTri(i, j, r.At(i, j))
		}
	}
	var rinv mat.TriDense
	if err := rinv.InverseTri(rp); !conditionOnly(err) {
		return nil, fmt.Errorf("%w: %w", ErrSingular, err)
	}
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			f.rinv[i*p+j] = rinv.At(i, j)
		}
	}

	// Residuals on the original scale, their weighted sums of squares, and
	// the terms of R's summary.lm and logLik.lm.
	intercept := hasConstColumn(x, weights)
	var sw, swf, sumLogW float64
	eachFitted(x, weights, f.Coef, func(i int, w, fit float64) {
		res := y[i] - fit
		f.rss += w * res * res
		sw += w
		swf += w * fit
		sumLogW += math.Log(w)
	})
	if !finite(f.Coef...) || !finite(f.rss) {
		return nil, notFinite("the fit overflows (coefficients %v, RSS %v)", f.Coef, f.rss)
	}
	mean := swf / sw
	var mss float64
	eachFitted(x, weights, f.Coef, func(_ int, w, fit float64) {
		if intercept {
			fit -= mean
		}
		mss += w * fit * fit
	})
	f.R2 = mss / (mss + f.rss)

	nan := math.NaN()
	if f.DF == 0 {
		f.Sigma, f.AdjR2 = nan, nan
		f.LogLik, f.AIC, f.AICc, f.BIC = nan, nan, nan, nan
		for j := range f.StdErr {
			f.StdErr[j], f.T[j] = nan, nan
		}
		return f, nil
	}
	df := float64(f.DF)
	nf := float64(m)
	f.Sigma = math.Sqrt(f.rss / df)
	dfInt := 0.0
	if intercept {
		dfInt = 1
	}
	f.AdjR2 = 1 - (1-f.R2)*(nf-dfInt)/df
	for j := 0; j < p; j++ {
		s := 0.0
		for c := j; c < p; c++ {
			v := f.rinv[j*p+c]
			s += v * v
		}
		f.StdErr[j] = f.Sigma * math.Sqrt(s)
		f.T[j] = f.Coef[j] / f.StdErr[j]
	}
	f.LogLik = 0.5 * (sumLogW - nf*(math.Log(2*math.Pi)+1-math.Log(nf)+math.Log(f.rss)))
	kf := float64(p + 1)
	f.AIC = -2*f.LogLik + 2*kf
	f.BIC = -2*f.LogLik + math.Log(nf)*kf
	if d := nf - kf - 1; d > 0 {
		f.AICc = f.AIC + 2*kf*(kf+1)/d
	} else {
		f.AICc = math.Inf(1)
	}
	return f, nil
}

// eachFitted calls do, row by row in order, with the index i, the weight w
// (1 when weights is nil) and the fitted value xᵢβ of each row of x whose
// weight is nonzero.
func eachFitted(x *mat.Dense, weights, coef []float64, do func(i int, w, fit float64)) {
	n, p := x.Dims()
	for i := 0; i < n; i++ {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		if w == 0 {
			continue
		}
		fit := 0.0
		for j := 0; j < p; j++ {
			fit += x.At(i, j) * coef[j]
		}
		do(i, w, fit)
	}
}

// hasConstColumn reports whether some column of x holds one nonzero value
// over all rows with nonzero weight.
func hasConstColumn(x *mat.Dense, weights []float64) bool {
	n, p := x.Dims()
	for j := 0; j < p; j++ {
		c, set, ok := 0.0, false, true
		for i := 0; i < n && ok; i++ {
			if weights != nil && weights[i] == 0 {
				continue
			}
			v := x.At(i, j)
			if !set {
				c, set = v, true
			}
			ok = v == c
		}
		if ok && set && c != 0 {
			return true
		}
	}
	return false
}

// RSS returns the (weighted) residual sum of squares Σ wᵢ eᵢ².
func (f *Result) RSS() float64 { return f.rss }

// Leverage returns x₀ᵀ(RᵀR)⁻¹x₀ for the design row x0, the variance of
// the fitted mean at x0 in units of σ². It panics if len(x0) != f.P.
func (f *Result) Leverage(x0 []float64) float64 {
	if len(x0) != f.P {
		panic("lsq: length of design row does not match the fit")
	}
	// ‖R⁻ᵀx₀‖²: element c of R⁻ᵀx₀ is Σ_{j≤c} R⁻¹[j,c] x₀[j].
	p := f.P
	h := 0.0
	for c := 0; c < p; c++ {
		s := 0.0
		for j := 0; j <= c; j++ {
			s += f.rinv[j*p+c] * x0[j]
		}
		h += s * s
	}
	return h
}

// Predict returns the fitted mean at the design row x and the t-based
// prediction interval at level (NaN bounds when DF == 0).
//
// The interval is x₀ᵀβ̂ ± t σ̂ sqrt(1 + x₀ᵀ(RᵀR)⁻¹x₀), t the 1 − (1 − level)/2
// quantile of Student's t with DF degrees of freedom: the interval for a
// new observation of unit weight, as R's predict.lm gives with
// interval = "prediction".
// It returns an error wrapping ErrLevel if level is not in (0, 1)
// and one wrapping ErrNotFinite if x holds NaN or Inf. It panics if
// len(x) != f.P.
func (f *Result) Predict(x []float64, level float64) (mean, lower, upper float64, err error) {
	if len(x) != f.P {
		panic("lsq: length of design row does not match the fit")
	}
	if !(level > 0 && level < 1) {
		return math.NaN(), math.NaN(), math.NaN(), fmt.Errorf("%w: have %g", ErrLevel, level)
	}
	for j, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.NaN(), math.NaN(), math.NaN(), notFinite("design row at column %d is %v", j, v)
		}
		mean += v * f.Coef[j]
	}
	if f.DF == 0 {
		return mean, math.NaN(), math.NaN(), nil
	}
	q := TQuantile(level, f.DF)
	half := q * f.Sigma * math.Sqrt(1+f.Leverage(x))
	return mean, mean - half, mean + half, nil
}

// finite reports whether every v is neither NaN nor infinite.
func finite(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// conditionOnly reports whether err is nil or a finite mat.Condition: a
// warning that the matrix is ill-conditioned, not a failure to solve.
func conditionOnly(err error) bool {
	if err == nil {
		return true
	}
	var c mat.Condition
	return errors.As(err, &c) && !math.IsInf(float64(c), 1)
}
