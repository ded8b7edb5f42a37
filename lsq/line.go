package lsq

import (
	"fmt"
	"math"
)

// Line is a reusable least squares fit of a straight line y = a + b·x,
// computed in closed form about the weighted mean of x:
//
//	x̄ = Σwx/Σw, ȳ = Σwy/Σw, Sxx = Σw(x − x̄)², Sxy = Σw(x − x̄)(y − ȳ),
//	b = Sxy/Sxx, a = ȳ − b·x̄.
//
// It gives the same estimates, standard errors and intervals as OLS on the
// design [1 x] (to rounding) and applies the same rank check, but Fit,
// FitTrend, Predict, PredictTo and TrendTo do not allocate: a caller that
// keeps one Line fits and forecasts any number of series with no
// allocation per call. The zero value is an empty Line ready to Fit.
//
// Fit and FitTrend change the Line; Predict, PredictTo, TrendTo and
// Leverage only read it, so any number of goroutines may call them at once
// on a Line that is not being fit. The t quantile of the intervals comes
// from TQuantile, whose cache all goroutines share.
//
// When DF is zero (two points) the standard errors and Sigma are NaN and
// the interval bounds NaN, as for OLS.
type Line struct {
	Intercept, Slope     float64 // a and b
	InterceptSE, SlopeSE float64 // their standard errors
	Sigma                float64 // residual standard error sqrt(RSS/DF)
	N, DF                int     // observations with nonzero weight; N − 2

	xbar, sxx, sw float64 // weighted mean of x, Sxx, Σw
	end           int     // last year of a trend fit by FitTrend
	trend         bool    // the last fit was by FitTrend
}

// Fit fits y = a + b·x, weighted when weights != nil (as OLS: zero weights
// drop out, negative or non-finite weights are an error). Errors wrap
// ErrNotFinite, ErrWeight, ErrTooFew or ErrSingular and name the row. It
// panics if y or a non-nil weights differs in length from x. On error the
// receiver is left unusable until the next successful fit.
func (l *Line) Fit(x, y, weights []float64) error {
	if len(y) != len(x) {
		panic("lsq: length of y does not match x")
	}
	if weights != nil && len(weights) != len(x) {
		panic("lsq: length of weights does not match x")
	}
	l.N, l.DF = 0, 0
	var sw, swx, swy float64
	n := 0
	for i, xv := range x {
		if math.IsNaN(xv) || math.IsInf(xv, 0) {
			return notFinite("x at row %d is %v", i, xv)
		}
		if v := y[i]; math.IsNaN(v) || math.IsInf(v, 0) {
			return notFinite("y at row %d is %v", i, v)
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
			if !(w >= 0) || math.IsInf(w, 1) {
				return fmt.Errorf("%w: row %d has weight %v", ErrWeight, i, w)
			}
		}
		if w > 0 {
			n++
			sw += w
			swx += w * xv
			swy += w * y[i]
		}
	}
	if n < 2 {
		return fmt.Errorf("%w: %d rows with nonzero weight for 2 columns", ErrTooFew, n)
	}
	xbar, ybar := swx/sw, swy/sw
	var sxx, sxy, sxsq float64
	for i, xv := range x {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		dx := xv - xbar
		sxx += w * dx * dx
		sxy += w * dx * (y[i] - ybar)
		sxsq += w * xv * xv
	}
	return l.finish(n, sw, xbar, ybar, sxx, sxy, sxsq, x, y, weights)
}

// FitTrend fits the linear trend y = a + b·t on the years t = start,
// start+1, … of y, skipping NaN (missing) values. Infinite values are an
// error naming the year; the last value must not be missing.
func (l *Line) FitTrend(start int, y []float64) error {
	l.N, l.DF = 0, 0
	if len(y) == 0 || math.IsNaN(y[len(y)-1]) {
		return fmt.Errorf("%w: the last year of the trend (%d) is missing", ErrTooFew, start+len(y)-1)
	}
	// Sums over the observed years, the year taken relative to start so
	// that the sums of i and i² are exact.
	var sw, swi, swy float64
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		if math.IsInf(v, 0) {
			return notFinite("%d is %v", start+i, v)
		}
		sw++
		swi += float64(i)
		swy += v
	}
	n := int(sw)
	if n < 2 {
		return fmt.Errorf("%w: %d observed years, need 2", ErrTooFew, n)
	}
	ibar, ybar := swi/sw, swy/sw
	var sxx, sxy float64
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		di := float64(i) - ibar
		sxx += di * di
		sxy += di * (v - ybar)
	}
	// Fit's rank check, with Σx² = Sxx + n·x̄².
	xbar := float64(start) + ibar
	if err := checkSpread(sxx, sxx+sw*xbar*xbar); err != nil {
		return err
	}
	b := sxy / sxx
	var rss float64
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		r := v - ybar - b*(float64(i)-ibar)
		rss += r * r
	}
	a := ybar - b*xbar
	if !finite(a, b, rss) {
		return notFinite("the fit overflows (intercept %v, slope %v, RSS %v)", a, b, rss)
	}
	l.set(n, a, b, rss, sw, xbar, sxx)
	l.end = start + len(y) - 1
	l.trend = true
	return nil
}

// finish completes Fit's regression of y on x from the weighted sums.
func (l *Line) finish(n int, sw, xbar, ybar, sxx, sxy, sxsq float64, x, y, weights []float64) error {
	if err := checkSpread(sxx, sxsq); err != nil {
		return err
	}
	b := sxy / sxx
	a := ybar - b*xbar
	var rss float64
	for i, v := range y {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		r := v - (a + b*x[i])
		rss += w * r * r
	}
	if !finite(a, b, rss) {
		return notFinite("the fit overflows (intercept %v, slope %v, RSS %v)", a, b, rss)
	}
	l.set(n, a, b, rss, sw, xbar, sxx)
	l.trend = false
	return nil
}

// checkSpread is the rank check of Fit and FitTrend: R[1,1] = sqrt(Sxx)
// against the column norm sqrt(Σwx²) = sqrt(sxsq), as OLS does. It returns
// an error wrapping ErrSingular if x has (nearly) no spread.
func checkSpread(sxx, sxsq float64) error {
	if !(math.Sqrt(sxx) > RankTol*math.Sqrt(sxsq)) {
		return fmt.Errorf("%w: column 1 is (nearly) a linear combination of the columns before it (x has no spread)", ErrSingular)
	}
	return nil
}

// set stores a fit of n observations with Σw = sw.
func (l *Line) set(n int, a, b, rss, sw, xbar, sxx float64) {
	l.Intercept, l.Slope = a, b
	l.N, l.DF = n, n-2
	l.xbar, l.sxx, l.sw = xbar, sxx, sw
	if l.DF == 0 {
		nan := math.NaN()
		l.Sigma, l.InterceptSE, l.SlopeSE = nan, nan, nan
		return
	}
	l.Sigma = math.Sqrt(rss / float64(l.DF))
	l.SlopeSE = l.Sigma / math.Sqrt(sxx)
	l.InterceptSE = l.Sigma * math.Sqrt(1/sw+xbar*xbar/sxx)
}

// Predict returns the fitted mean a + b·x0 and the t-based prediction
// interval at level for a new observation of unit weight:
//
//	ŷ₀ ± t σ̂ sqrt(1 + 1/Σw + (x₀ − x̄)²/Sxx),
//
// which equals the OLS interval since x₀ᵀ(RᵀR)⁻¹x₀ = 1/Σw + (x₀ − x̄)²/Sxx.
// The bounds are NaN when DF is zero. It returns an error wrapping
// ErrLevel if level is not in (0, 1), or ErrTooFew if the Line
// holds no fit.
func (l *Line) Predict(x0, level float64) (mean, lower, upper float64, err error) {
	var m, lo, up [1]float64
	var xs = [1]float64{x0}
	err = l.PredictTo(m[:], lo[:], up[:], xs[:], level)
	return m[0], lo[0], up[0], err
}

// PredictTo writes the fitted means at x into dstMean and the prediction
// interval bounds at level into dstLower and dstUpper. It panics if the
// four slices differ in length. Errors are as for Predict, plus ErrNotFinite
// naming the element of x.
func (l *Line) PredictTo(dstMean, dstLower, dstUpper, x []float64, level float64) error {
	if len(dstMean) != len(x) || len(dstLower) != len(x) || len(dstUpper) != len(x) {
		panic("lsq: slice lengths do not match")
	}
	if err := l.check(level); err != nil {
		return err
	}
	q := l.quantile(level)
	for i, xv := range x {
		if math.IsNaN(xv) || math.IsInf(xv, 0) {
			return notFinite("x at %d is %v", i, xv)
		}
		dstMean[i], dstLower[i], dstUpper[i] = l.At(xv, q)
	}
	return nil
}

// TrendTo writes the forecast of a trend fit by FitTrend for the
// len(dstMean) years after its last year into dstMean, with the prediction
// interval at level into dstLower and dstUpper. It panics if the three slices
// differ in length. Errors are as for Predict, and one wrapping ErrTooFew
// if the last fit was not by FitTrend.
func (l *Line) TrendTo(dstMean, dstLower, dstUpper []float64, level float64) error {
	if len(dstLower) != len(dstMean) || len(dstUpper) != len(dstMean) {
		panic("lsq: slice lengths do not match")
	}
	if err := l.check(level); err != nil {
		return err
	}
	if !l.trend {
		return fmt.Errorf("%w: TrendTo needs a fit by FitTrend", ErrTooFew)
	}
	q := l.quantile(level)
	for i := range dstMean {
		dstMean[i], dstLower[i], dstUpper[i] = l.At(float64(l.end+1+i), q)
	}
	return nil
}

// Leverage returns 1/Σw + (x₀ − x̄)²/Sxx, which is x₀ᵀ(RᵀR)⁻¹x₀ for the
// design row [1 x₀]: the variance of the fitted mean at x₀ in units of σ².
// The prediction interval at level is a + b·x₀ ± t σ̂ sqrt(1 + Leverage(x₀)),
// t the 1 − (1 − level)/2 quantile of Student's t with DF degrees of
// freedom. It is NaN when the Line holds no fit.
func (l *Line) Leverage(x0 float64) float64 {
	if l.N < 2 {
		return math.NaN()
	}
	dx := x0 - l.xbar
	return 1/l.sw + dx*dx/l.sxx
}

func (l *Line) check(level float64) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("%w: have %g", ErrLevel, level)
	}
	if l.N < 2 {
		return fmt.Errorf("%w: the Line holds no fit", ErrTooFew)
	}
	return nil
}

// quantile returns the t quantile of the intervals at level, NaN when the
// fit has no residual degrees of freedom; level has been checked.
func (l *Line) quantile(level float64) float64 {
	if l.DF == 0 {
		return math.NaN()
	}
	return TQuantile(level, l.DF)
}

// At returns the fitted mean a + b·x0 and the prediction interval at x0
// with the t quantile q, TQuantile(level, DF), which a caller who predicts
// many points computes once. It checks nothing: the Line must hold a fit.
// The bounds are NaN when DF is zero.
func (l *Line) At(x0, q float64) (mean, lower, upper float64) {
	mean = l.Intercept + l.Slope*x0
	if l.DF == 0 {
		return mean, math.NaN(), math.NaN()
	}
	dx := x0 - l.xbar
	half := q * l.Sigma * math.Sqrt(1+1/l.sw+dx*dx/l.sxx)
	return mean, mean - half, mean + half
}
