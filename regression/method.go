package regression

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"

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
	switch s {
	case OnDriver:
		return "ondriver"
	case Linear:
		return "linear"
	case LogLinear:
		return "loglinear"
	case LogLog:
		return "loglog"
	}
	return fmt.Sprintf("Spec(%d)", int(s))
}

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
	Spec Spec

	// Driver names the driver of OnDriver and LogLog; "" means
	// forecast.GDP. Linear and LogLinear ignore it.
	Driver string

	// BiasAdjust selects the mean rather than the median back-transform
	// for LogLinear and LogLog. Other specs ignore it.
	BiasAdjust bool

	// Weights, when it has any value, holds a weight for each observed
	// history year and the fit is weighted as R's lm(weights = w): a zero
	// weight drops the year from the fit and its degrees of freedom. An
	// empty series means equal weights.
	Weights series.Series
}

var _ forecast.Method = Method{}

// Name returns "regression" for OnDriver and "regression-" followed by the
// spec otherwise: "regression-linear", "regression-loglinear",
// "regression-loglog".
func (m Method) Name() string {
	if m.Spec == OnDriver {
		return "regression"
	}
	return "regression-" + m.Spec.String()
}

func (m Method) driver() string {
	if m.Driver == "" {
		return forecast.GDP
	}
	return m.Driver
}

// Fit fits the regression to the observed years of history. It returns an
// error for an unknown spec, fewer than two observed years (with nonzero
// weight), a missing last year, an infinite value, a non-positive value
// under a log, a weight missing, negative or not finite for an observed
// year, a driver absent (wrapping forecast.ErrMissingDriver) or not covering an
// observed year (wrapping forecast.ErrDriverYears), and a design without
// spread in the regressor (wrapping ErrSingular).
//
// The model it returns is a forecast.Refitter: Fit is Refit on a new Model.
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	mod := &Model{method: m}
	if err := mod.Refit(history, drivers); err != nil {
		return nil, err
	}
	return mod, nil
}

func label(s series.Series) string {
	if s.Name == "" {
		return "history"
	}
	return s.Name
}

// Model is a fitted regression Method.
//
// The fit is computed in closed form by a Line (the one-regressor case of
// OLS). Model implements forecast.Refitter: Refit and ForecastTo reuse the
// model's buffers and, once they have grown to the size of the data,
// allocate nothing. A Model being refit is not for concurrent use; one
// that is only forecast (Forecast, or ForecastTo into each caller's own
// Forecast) is.
type Model struct {
	method Method
	line   Line
	mname  string // the method's name
	ok     bool   // the model holds a fit
	trend  bool   // y holds the response over every history year, NaN where missing, for FitTrend
	end    int    // last history year
	name   string // history name and unit, for the forecast
	unit   string

	drivers forecast.Drivers // the driver fit on, for DriverValue
	drv     []float64        // its values, owned by the model
	x, y, w []float64        // the regressor, response and weights of the observed years
}

var (
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
	_ forecast.Refitter          = (*Model)(nil)
)

// Refit fits the model's Method to history and drivers in place, as Fit
// does, with the same results and errors. After an error the model holds no
// fit until the next successful Refit.
func (mod *Model) Refit(history series.Series, drivers forecast.Drivers) error {
	mod.ok = false
	m := mod.method
	if m.Spec < OnDriver || m.Spec > LogLog {
		return fmt.Errorf("regression: unknown spec %d", int(m.Spec))
	}
	if history.Len() == 0 {
		return fmt.Errorf("regression: %w", series.ErrEmpty)
	}
	end := history.End()
	if v := history.Values[len(history.Values)-1]; math.IsNaN(v) {
		return fmt.Errorf("regression: %s: last year %d is missing", label(history), end)
	}
	var drv series.Series
	if m.Spec.usesDriver() {
		var ok bool
		drv, ok = drivers[m.driver()]
		if !ok {
			return fmt.Errorf("regression: %w: %q", forecast.ErrMissingDriver, m.driver())
		}
	}
	weighted := m.Weights.Len() > 0
	if !weighted && !m.Spec.usesDriver() {
		return mod.refitTrend(history)
	}
	mod.trend = false
	x, y, w := mod.x[:0], mod.y[:0], mod.w[:0]
	for i, v := range history.Values {
		if math.IsNaN(v) {
			continue
		}
		yr := history.Start + i
		if math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s: %d is %v", ErrNotFinite, label(history), yr, v)
		}
		if m.Spec.logY() {
			if !(v > 0) {
				return fmt.Errorf("%w: %s: %d is %v", ErrNonPositive, label(history), yr, v)
			}
			v = math.Log(v)
		}
		var xv float64
		if m.Spec.usesDriver() {
			d, ok := drv.At(yr)
			if !ok || math.IsNaN(d) || math.IsInf(d, 0) {
				return fmt.Errorf("regression: %w: %q has no finite value for %d", forecast.ErrDriverYears, m.driver(), yr)
			}
			if m.Spec == LogLog {
				if !(d > 0) {
					return fmt.Errorf("%w: driver %q: %d is %v", ErrNonPositive, m.driver(), yr, d)
				}
				d = math.Log(d)
			}
			xv = d
		} else {
			xv = float64(yr)
		}
		if weighted {
			wv, ok := m.Weights.At(yr)
			if !ok || !(wv >= 0) || math.IsInf(wv, 1) {
				return fmt.Errorf("%w: %d has weight %v", ErrWeight, yr, wv)
			}
			w = append(w, wv)
		}
		x = append(x, xv)
		y = append(y, v)
	}
	mod.x, mod.y, mod.w = x, y, w
	var wts []float64
	if weighted {
		wts = w
	}
	return mod.finish(history, mod.line.Fit(x, y, wts), len(x), drv)
}

// refitTrend is Refit for the unweighted trends Linear and LogLinear: the
// response, NaN at the missing years, goes to Line.FitTrend.
func (mod *Model) refitTrend(history series.Series) error {
	mod.trend = true
	if !mod.method.Spec.logY() {
		// Line.FitTrend checks the values.
		mod.y = append(mod.y[:0], history.Values...)
		err := mod.line.FitTrend(history.Start, mod.y)
		n := mod.line.N
		if err != nil {
			n = 0
			for _, v := range history.Values {
				if !math.IsNaN(v) {
					n++
				}
			}
		}
		return mod.finish(history, err, n, series.Series{})
	}
	y := mod.y[:0]
	n := 0
	for i, v := range history.Values {
		if math.IsNaN(v) {
			y = append(y, v)
			continue
		}
		if math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s: %d is %v", ErrNotFinite, label(history), history.Start+i, v)
		}
		if !(v > 0) {
			return fmt.Errorf("%w: %s: %d is %v", ErrNonPositive, label(history), history.Start+i, v)
		}
		y = append(y, math.Log(v))
		n++
	}
	mod.y = y
	return mod.finish(history, mod.line.FitTrend(history.Start, y), n, series.Series{})
}

// contextError is an error of the package's fitting functions, err, with
// the context in which a Model met it, giving the package name once:
// "regression: context: " followed by err's message without its
// "regression: " prefix. It unwraps to err.
type contextError struct {
	context string
	err     error
}

func (e *contextError) Error() string {
	return "regression: " + e.context + ": " + strings.TrimPrefix(e.err.Error(), "regression: ")
}

func (e *contextError) Unwrap() error { return e.err }

// finish completes Refit after the line fit, which returned err, on n
// observations; drv is the driver of the specs that use one.
func (mod *Model) finish(history series.Series, err error, n int, drv series.Series) error {
	m := &mod.method
	end := history.End()
	if err != nil {
		if n < 2 && errors.Is(err, ErrTooFew) {
			return fmt.Errorf("%w: %s: need at least 2 observed years, have %d", ErrTooFew, label(history), n)
		}
		return &contextError{context: fmt.Sprintf("%s, spec %v", label(history), m.Spec), err: err}
	}
	if m.BiasAdjust && m.Spec.logY() && mod.line.DF == 0 {
		return fmt.Errorf("%w: %s: bias adjustment needs a residual variance, and %d observations leave 0 residual degrees of freedom",
			ErrTooFew, label(history), mod.line.N)
	}
	mod.end, mod.name, mod.unit = end, history.Name, history.Unit
	if mod.mname == "" {
		mod.mname = m.Name()
	}
	if m.Spec.usesDriver() {
		mod.drv = append(mod.drv[:0], drv.Values...)
		if mod.drivers == nil {
			mod.drivers = make(forecast.Drivers, 1)
		}
		mod.drivers[m.driver()] = series.Series{Name: drv.Name, Unit: drv.Unit, Start: drv.Start, Values: mod.drv}
	}
	mod.ok = true
	return nil
}

// Fit returns the least squares fit by OLS (QR) of the model's data:
// column 0 of its design is the intercept, column 1 the regressor (year,
// driver or ln driver), the response Q or ln Q. Its coefficients, standard
// errors and intervals equal the model's to rounding. Each call computes a
// new Fit; it is nil when the model holds no fit.
func (mod *Model) Fit() *Fit {
	if !mod.ok {
		return nil
	}
	xs, ys := mod.x, mod.y
	if mod.trend {
		xs, ys = nil, nil
		for i, v := range mod.y {
			if !math.IsNaN(v) {
				xs, ys = append(xs, float64(mod.end-len(mod.y)+1+i)), append(ys, v)
			}
		}
	}
	x := mat.NewDense(len(xs), 2, nil)
	for i, v := range xs {
		x.Set(i, 0, 1)
		x.Set(i, 1, v)
	}
	var w []float64
	if mod.method.Weights.Len() > 0 {
		w = mod.w
	}
	f, err := OLS(x, ys, w)
	if err != nil {
		return nil
	}
	return f
}

// Parameters returns the intercept and the slope with their standard
// errors (NaN with no residual degrees of freedom). For LogLog the slope is
// the elasticity of Q to the driver. It returns nil when the model holds
// no fit (its last Refit failed).
func (mod *Model) Parameters() []forecast.Parameter {
	if !mod.ok {
		return nil
	}
	return []forecast.Parameter{
		{Name: "intercept", Value: mod.line.Intercept, StdErr: mod.line.InterceptSE},
		{Name: "slope", Value: mod.line.Slope, StdErr: mod.line.SlopeSE},
	}
}

// Forecast returns the forecast for the Horizon years after the last
// history year and its prediction interval at level. Driver values come
// from forecast.DriverValue: the scenario's path, falling back to the
// drivers the model was fit on. It returns an error wrapping ErrTooFew if
// the model holds no fit (its last Refit failed).
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	var fc forecast.Forecast
	if err := mod.ForecastTo(&fc, s, level); err != nil {
		return forecast.Forecast{}, err
	}
	return fc, nil
}

// ForecastTo writes the forecast Forecast returns into dst, reusing its
// slices (see forecast.Refitter). Like Forecast it does not change the
// model.
func (mod *Model) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	if err := forecast.CheckRequest(s, level); err != nil {
		return fmt.Errorf("regression: %w", err)
	}
	if !mod.ok {
		return fmt.Errorf("%w: the model holds no fit", ErrTooFew)
	}
	from, _ := s.Years(mod.end)
	spec := mod.method.Spec
	dst.Prepare(mod.mname, mod.name, mod.unit, from, s.Horizon, level)
	l := &mod.line
	var sigma, lev0 float64
	if l.DF > 0 {
		sigma = forecast.TQuantile(level, l.DF) * l.Sigma
		lev0 = 1 + 1/l.sw
	}
	for i := range s.Horizon {
		yr := from + i
		var xv float64
		switch spec {
		case Linear, LogLinear:
			xv = float64(yr)
		case OnDriver, LogLog:
			d, err := forecast.DriverValue(mod.method.driver(), mod.drivers, s, yr)
			if err != nil {
				return fmt.Errorf("regression: %w", err)
			}
			xv = d
			if spec == LogLog {
				if !(d > 0) {
					return fmt.Errorf("%w: driver %q: %d is %v", ErrNonPositive, mod.method.driver(), yr, d)
				}
				xv = math.Log(d)
			}
		}
		mean := l.Intercept + l.Slope*xv
		half := math.NaN()
		if l.DF > 0 {
			dx := xv - l.xbar
			half = sigma * math.Sqrt(lev0+dx*dx/l.sxx)
		}
		lo, up := mean-half, mean+half
		if spec.logY() {
			pt := mean
			if mod.method.BiasAdjust {
				pt += l.Sigma * l.Sigma / 2
			}
			mean, lo, up = math.Exp(pt), math.Exp(lo), math.Exp(up)
		}
		if !finite(mean) {
			return fmt.Errorf("%w: the forecast for %d overflows", ErrNotFinite, yr)
		}
		if math.IsInf(lo, 0) || math.IsInf(up, 0) {
			return fmt.Errorf("%w: the prediction interval for %d overflows ([%g, %g])", ErrNotFinite, yr, lo, up)
		}
		dst.Point.Values[i], dst.Lower.Values[i], dst.Upper.Values[i] = mean, lo, up
	}
	return nil
}
