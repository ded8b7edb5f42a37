package regression

import (
	"fmt"
	"math"

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
// The interval bounds are always exp of the bounds on the log scale.
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
// year, a driver absent (wrapping forecast.ErrMissingDrv) or not covering an
// observed year (wrapping forecast.ErrDriverYears), and a design without
// spread in the regressor (wrapping ErrSingular).
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return m.fit(history, drivers)
}

func (m Method) fit(history series.Series, drivers forecast.Drivers) (*Model, error) {
	if m.Spec < OnDriver || m.Spec > LogLog {
		return nil, fmt.Errorf("regression: unknown spec %d", int(m.Spec))
	}
	if history.Len() == 0 {
		return nil, fmt.Errorf("regression: %w", series.ErrEmpty)
	}
	end := history.End()
	if v := history.Values[len(history.Values)-1]; math.IsNaN(v) {
		return nil, fmt.Errorf("regression: %s: last year %d is missing", label(history), end)
	}
	years, values := history.Observed()
	var drv series.Series
	if m.Spec.usesDriver() {
		var ok bool
		drv, ok = drivers[m.driver()]
		if !ok {
			return nil, fmt.Errorf("regression: %w: %q", forecast.ErrMissingDrv, m.driver())
		}
	}
	weighted := m.Weights.Len() > 0
	n := len(years)
	x := mat.NewDense(n, 2, nil)
	y := make([]float64, n)
	var w []float64
	if weighted {
		w = make([]float64, n)
	}
	for i, yr := range years {
		v := values[i]
		if math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: %s: %d is %v", ErrNotFinite, label(history), yr, v)
		}
		if m.Spec.logY() {
			if !(v > 0) {
				return nil, fmt.Errorf("%w: %s: %d is %v", ErrNonPos, label(history), yr, v)
			}
			v = math.Log(v)
		}
		y[i] = v
		var xv float64
		if m.Spec.usesDriver() {
			d, ok := drv.At(yr)
			if !ok || math.IsNaN(d) || math.IsInf(d, 0) {
				return nil, fmt.Errorf("regression: %w: %q has no finite value for %d", forecast.ErrDriverYears, m.driver(), yr)
			}
			if m.Spec == LogLog {
				if !(d > 0) {
					return nil, fmt.Errorf("%w: driver %q: %d is %v", ErrNonPos, m.driver(), yr, d)
				}
				d = math.Log(d)
			}
			xv = d
		} else {
			xv = float64(yr)
		}
		x.Set(i, 0, 1)
		x.Set(i, 1, xv)
		if weighted {
			wv, ok := m.Weights.At(yr)
			if !ok || !(wv >= 0) || math.IsInf(wv, 1) {
				return nil, fmt.Errorf("%w: %d has weight %v", ErrWeight, yr, wv)
			}
			w[i] = wv
		}
	}
	f, err := OLS(x, y, w)
	if err != nil {
		if n < 2 {
			return nil, fmt.Errorf("regression: %s: %d observed years, need at least 2: %w", label(history), n, err)
		}
		return nil, fmt.Errorf("regression: %s, spec %v: %w", label(history), m.Spec, err)
	}
	if m.BiasAdjust && m.Spec.logY() && f.DF == 0 {
		return nil, fmt.Errorf("%w: %s: bias adjustment needs a residual variance, and %d observations leave 0 residual degrees of freedom",
			ErrTooFew, label(history), f.N)
	}
	mod := &Model{method: m, fit: f, end: end, name: history.Name, unit: history.Unit}
	if m.Spec.usesDriver() {
		mod.drivers = forecast.Drivers{m.driver(): drv.Clone()}
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
type Model struct {
	method  Method
	fit     *Fit
	end     int    // last history year
	name    string // history name and unit, for the forecast
	unit    string
	drivers forecast.Drivers // the driver fit on, for DriverPath
}

var (
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
)

// Fit returns the underlying least squares fit: column 0 of its design is
// the intercept, column 1 the regressor (year, driver or ln driver), the
// response Q or ln Q. The caller must not modify it.
func (m *Model) Fit() *Fit { return m.fit }

// Parameters returns the intercept and the slope with their standard
// errors (NaN with no residual degrees of freedom). For LogLog the slope is
// the elasticity of Q to the driver.
func (m *Model) Parameters() []forecast.Parameter {
	return []forecast.Parameter{
		{Name: "intercept", Value: m.fit.Coef[0], StdErr: m.fit.StdErr[0]},
		{Name: "slope", Value: m.fit.Coef[1], StdErr: m.fit.StdErr[1]},
	}
}

// Forecast returns the forecast for the Horizon years after the last
// history year and its prediction interval at level. Driver values come
// from forecast.DriverPath: the scenario's path, falling back to the
// drivers the model was fit on.
func (m *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, fmt.Errorf("regression: %w", err)
	}
	from, to := s.Years(m.end)
	var drv series.Series
	spec := m.method.Spec
	if spec.usesDriver() {
		var err error
		drv, err = forecast.DriverPath(m.method.driver(), m.drivers, s, from, to)
		if err != nil {
			return forecast.Forecast{}, fmt.Errorf("regression: %w", err)
		}
	}
	name := m.method.Name()
	fc := forecast.Forecast{
		Method: name,
		Point:  series.Series{Name: m.name, Unit: m.unit, Start: from, Values: make([]float64, s.Horizon)},
		Lower:  series.Series{Name: m.name, Unit: m.unit, Start: from, Values: make([]float64, s.Horizon)},
		Upper:  series.Series{Name: m.name, Unit: m.unit, Start: from, Values: make([]float64, s.Horizon)},
		Level:  level,
	}
	half := math.NaN()
	var q float64
	if m.fit.DF > 0 {
		q = tQuantile(level, m.fit.DF)
	}
	var row [2]float64
	row[0] = 1
	for i := range s.Horizon {
		yr := from + i
		switch spec {
		case Linear, LogLinear:
			row[1] = float64(yr)
		case OnDriver:
			row[1] = drv.Values[i]
		case LogLog:
			d := drv.Values[i]
			if !(d > 0) {
				return forecast.Forecast{}, fmt.Errorf("%w: driver %q: %d is %v", ErrNonPos, m.method.driver(), yr, d)
			}
			row[1] = math.Log(d)
		}
		mean := m.fit.Coef[0] + m.fit.Coef[1]*row[1]
		if m.fit.DF > 0 {
			half = q * m.fit.Sigma * math.Sqrt(1+m.fit.Leverage(row[:]))
		}
		lo, up := mean-half, mean+half
		if spec.logY() {
			pt := mean
			if m.method.BiasAdjust {
				pt += m.fit.Sigma * m.fit.Sigma / 2
			}
			mean, lo, up = math.Exp(pt), math.Exp(lo), math.Exp(up)
		}
		if !finite(mean) {
			return forecast.Forecast{}, fmt.Errorf("%w: the forecast for %d overflows", ErrNotFinite, yr)
		}
		fc.Point.Values[i], fc.Lower.Values[i], fc.Upper.Values[i] = mean, lo, up
	}
	return fc, nil
}
