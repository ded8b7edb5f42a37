package regression

import (
	"fmt"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Spec selects the regression a Method fits. Q is the history (demand),
// t the year and D the driver.
type Spec int

// The specifications. The zero value, OnDriver, is the plan reproduction's
// default: Q on GDP in levels.
const (
	OnDriver  Spec = iota // Q = a + b·D
	Linear                // Q = a + b·t
	LogLinear             // ln Q = a + b·t
	LogLog                // ln Q = a + b·ln D; b is the elasticity of Q to D
)

// String returns the lower-case name of the spec: "ondriver", "linear",
// "loglinear" or "loglog".
func (s Spec) String() string {
	if s < 0 || int(s) >= len(specNames) {
		return fmt.Sprintf("Spec(%d)", int(s))
	}
	return specNames[s]
}

var specNames = [...]string{OnDriver: "ondriver", Linear: "linear", LogLinear: "loglinear", LogLog: "loglog"}

func (s Spec) logY() bool       { return s == LogLinear || s == LogLog }
func (s Spec) usesDriver() bool { return s == OnDriver || s == LogLog }

// Method is the linear regression forecasting method: an OLS (or WLS) fit
// of one regressor and an intercept over the observed years of the
// history, extrapolated with t-based prediction intervals.
//
// The zero value fits Q on GDP in levels (OnDriver with forecast.GDP), the
// plan reproduction's default.
//
// For LogLinear and LogLog the point forecast is exp(ŷ), the median of Q
// under log-normal errors; with BiasAdjust it is exp(ŷ + σ̂²/2), the mean.
// The interval bounds are always exp of the bounds on the log scale; with
// a very large σ̂ the mean can lie above the upper bound (see the package
// documentation).
//
// The forecast interval is NaN when the fit has no residual degrees of
// freedom (only two observed years). BiasAdjust then has no σ̂ to use and
// Fit returns an error.
type Method struct {
	// Label, when not empty, is the Method's Name, for callers who set
	// apart configurations Name does not tell apart (two sets of weights).
	Label string

	Spec Spec

	// Driver names the driver of OnDriver and LogLog; "" means
	// forecast.GDP. Linear and LogLinear ignore it.
	Driver string

	// BiasAdjust selects the mean rather than the median back-transform
	// for LogLinear and LogLog. Other specs ignore it.
	BiasAdjust bool

	// Anchor shifts the fitted path through the last observation: the
	// forecast and its bounds move by the last year's residual, r = y_T − ŷ_T
	// (in ln Q for LogLinear and LogLog, so a factor there), so that the
	// first forecast year does not jump from the last observed one to the
	// line. The interval is then the textbook one shifted, no longer R's
	// predict.lm; false, the zero value, keeps the line.
	Anchor bool

	// Weights, when it has any value, holds a weight for each observed
	// history year and the fit is weighted as R's lm(weights = w): a zero
	// weight drops the year from the fit and its degrees of freedom. An
	// empty series means equal weights.
	Weights series.Series
}

var _ forecast.Method = Method{}

// Parameter names reported by Model.Parameters.
const (
	// ParamIntercept is the intercept a of the fit.
	ParamIntercept = "intercept"
	// ParamSlope is the slope b of the fit: per year (Linear, LogLinear),
	// per unit of the driver (OnDriver), or the elasticity of Q to the
	// driver (LogLog).
	ParamSlope = "slope"
)

// pkg names the package in its errors.
const pkg = "regression"

// Name returns the Label if there is one. Otherwise it is "regression"
// for OnDriver and "regression-" followed by the spec ("regression-linear",
// "regression-loglinear", "regression-loglog"), followed by "-" and the
// driver if a spec that uses one has a driver other than forecast.GDP,
// "-mean" with BiasAdjust for a log spec, "-weighted" with Weights and
// "-anchored" with Anchor: for example "regression-loglog-mean",
// "regression-weighted" or "regression-linear-anchored". Every
// configuration has its own Name but for two Methods that differ only in
// their weights, which need a Label to be told apart.
func (m Method) Name() string {
	if m.Label != "" {
		return m.Label
	}
	name := "regression"
	if m.Spec != OnDriver {
		name += "-" + m.Spec.String()
	}
	if m.Spec.usesDriver() {
		name += forecast.DriverSuffix(m.Driver)
	}
	if m.BiasAdjust && m.Spec.logY() {
		name += "-mean"
	}
	if m.Weights.Len() > 0 {
		name += "-weighted"
	}
	if m.Anchor {
		name += "-anchored"
	}
	return name
}

func (m Method) driver() string { return forecast.DriverName(m.Driver) }

// CalibrationScaling returns forecast.ScaleSqrtH for LogLinear and
// forecast.ScaleH for the other specs (forecast.CalibrationScaler): the
// Scaling by which forecast.Calibrated pools the method's k-step errors.
// For the log-linear trend the choice is measured, not derived from a
// model of its errors: it was measured on M1 yearly (demand evaluate
// -holdout 6; coverage at 80 / 95 %, MSIS at 95 %; with the median-based
// Laplace tail then in forecast.Calibrated): anchored, √k gave
// 84.7 % / 96.6 %, 64.57 against 86.8 % / 96.7 %, 65.83 with k; not
// anchored 78.9 % / 96.7 %, 98.98 against 82.4 % / 96.7 %, 108.04. On
// the 37 annual series of benchmarks/testdata/annual37.csv: anchored
// 86.6 % / 100 %, 41.28 against 89.8 % / 100 %, 43.83; not anchored
// 77.3 % / 99.5 %, 44.56 against 83.8 % / 99.1 %, 51.48. For the linear
// trend k was the better on M1 (anchored: 79.7 % / 92.4 %, 52.38
// against 73.7 % / 92.4 %, 52.55 with √k).
func (m Method) CalibrationScaling() forecast.Scaling {
	if m.Spec == LogLinear {
		return forecast.ScaleSqrtH
	}
	return forecast.ScaleH
}

// Fit fits the regression to the observed years of history. It returns an
// error for an unknown spec (wrapping forecast.ErrSetting), fewer than two
// observed years with nonzero weight (forecast.ErrTooFew), a missing last
// year (forecast.ErrLastMissing), an infinite value or a fit that
// overflows (forecast.ErrNotFinite), a non-positive value under a log
// (forecast.ErrNonPositive), a weight missing, negative or not finite for
// an observed year (forecast.ErrSetting), a driver absent
// (forecast.ErrMissingDriver) or not covering an observed year
// (forecast.ErrDriverYears), and a design without spread in the regressor
// (lsq.ErrSingular).
//
// The model it returns is a forecast.Refitter: Fit is Refit on a new Model.
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return forecast.Refitted(&Model{method: m}, history, drivers)
}
