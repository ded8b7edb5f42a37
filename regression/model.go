package regression

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// Model is a fitted regression Method.
//
// The fit is computed in closed form by an lsq.Line (the one-regressor
// case of OLS). Model implements forecast.Refitter: Refit and ForecastTo
// reuse the model's buffers and, once they have grown to the size of the
// data, allocate nothing. A Model being refit is not for concurrent use;
// one that is only forecast (Forecast, or ForecastTo into each caller's
// own Forecast) is.
type Model struct {
	method Method
	line   lsq.Line
	mname  string  // the method's name
	ok     bool    // the model holds a fit
	anchor float64 // the last residual added to the path when Method.Anchor
	trend  bool    // y holds the response over every history year, NaN where missing, for FitTrend
	end    int     // last history year
	name   string  // history name and unit, for the forecast
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
	if mod.mname == "" {
		mod.mname = m.Name()
	}
	if m.Spec < OnDriver || m.Spec > LogLog {
		return forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "unknown spec %d", int(m.Spec))
	}
	if err := forecast.CheckHistory(pkg, history, 2); err != nil {
		return err
	}
	if m.Spec.logY() {
		if err := forecast.CheckPositive(pkg, history); err != nil {
			return err
		}
	}
	var drv series.Series
	if m.Spec.usesDriver() {
		var err error
		if drv, err = forecast.ObservedDriver(pkg, drivers, m.driver(), history, m.Spec == LogLog); err != nil {
			return err
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
		if m.Spec.logY() {
			v = math.Log(v)
		}
		var xv float64
		if m.Spec.usesDriver() {
			xv, _ = drv.At(yr)
			if m.Spec == LogLog {
				xv = math.Log(xv)
			}
		} else {
			xv = float64(yr)
		}
		if weighted {
			wv, ok := m.Weights.At(yr)
			if !ok || !(wv >= 0) || math.IsInf(wv, 1) {
				return forecast.Errorf(pkg, history.Name, yr, forecast.ErrSetting, "weight %v", wv)
			}
			w = append(w, wv)
		}
		x = append(x, xv)
		y = append(y, v)
	}
	mod.x, mod.y, mod.w = x, y, w
	var wts []float64
	if weighted {
		n := 0
		for _, v := range w {
			if v > 0 {
				n++
			}
		}
		if n < 2 {
			return forecast.Errorf(pkg, history.Name, 0, forecast.ErrTooFew, "need 2 with nonzero weight, have %d", n)
		}
		wts = w
	}
	return mod.finish(history, mod.line.Fit(x, y, wts), drv)
}

// refitTrend is Refit for the unweighted trends Linear and LogLinear: the
// response, NaN at the missing years, goes to Line.FitTrend.
func (mod *Model) refitTrend(history series.Series) error {
	mod.trend = true
	y := append(mod.y[:0], history.Values...)
	if mod.method.Spec.logY() {
		for i, v := range y {
			y[i] = math.Log(v) // NaN stays NaN: a missing year
		}
	}
	mod.y = y
	return mod.finish(history, mod.line.FitTrend(history.Start, y), series.Series{})
}

// finish completes Refit after the line fit, which returned err; drv is
// the driver of the specs that use one. The history has been checked, so
// err is that of a design without spread or a fit that overflows.
func (mod *Model) finish(history series.Series, err error, drv series.Series) error {
	m := &mod.method
	if err != nil {
		return forecast.Errorf(pkg, history.Name, 0, forecast.LSQCause(err), "spec %v", m.Spec)
	}
	if m.BiasAdjust && m.Spec.logY() && mod.line.DF == 0 {
		return forecast.Errorf(pkg, history.Name, 0, forecast.ErrTooFew,
			"bias adjustment needs a residual variance, and %d observations leave 0 residual degrees of freedom", mod.line.N)
	}
	mod.end, mod.name, mod.unit = history.End(), history.Name, history.Unit
	mod.anchor = 0
	if m.Anchor {
		l := &mod.line
		if mod.trend {
			mod.anchor = mod.y[len(mod.y)-1] - (l.Intercept + l.Slope*float64(mod.end))
		} else {
			mod.anchor = mod.y[len(mod.y)-1] - (l.Intercept + l.Slope*mod.x[len(mod.x)-1])
		}
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

// OLS returns the least squares fit by lsq.OLS (QR) of the model's data:
// column 0 of its design is the intercept, column 1 the regressor (year,
// driver or ln driver), the response Q or ln Q. Its coefficients, standard
// errors and intervals equal the model's to rounding. Each call computes a
// new Result; it is nil when the model holds no fit.
func (mod *Model) OLS() *lsq.Result {
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
	f, err := lsq.OLS(x, ys, w)
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
		{Name: ParamIntercept, Value: mod.line.Intercept, StdErr: mod.line.InterceptSE},
		{Name: ParamSlope, Value: mod.line.Slope, StdErr: mod.line.SlopeSE},
	}
}

// Forecast returns the forecast for the Horizon years after the last
// history year and its prediction interval at level. Driver values come
// from forecast.DriverValue: the scenario's path, falling back to the
// drivers the model was fit on. It returns an error wrapping
// forecast.ErrNotFitted if the model holds no fit (its last Refit failed).
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	return forecast.Forecasted(mod, s, level)
}

// ForecastTo writes the forecast Forecast returns into dst, reusing its
// slices (see forecast.Refitter). Like Forecast it does not change the
// model.
func (mod *Model) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	if err := forecast.CheckForecast(pkg, mod.ok, s, level); err != nil {
		return err
	}
	from, _ := s.Years(mod.end)
	spec := mod.method.Spec
	dst.Prepare(mod.mname, mod.name, mod.unit, from, s.Horizon, level)
	l := &mod.line
	q := math.NaN()
	if l.DF > 0 {
		q = lsq.TQuantile(level, l.DF)
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
				return forecast.Wrap(pkg, err)
			}
			xv = d
			if spec == LogLog {
				if !(d > 0) {
					return forecast.Errorf(pkg, "", yr, forecast.ErrNonPositive, "driver %q is %g", mod.method.driver(), d)
				}
				xv = math.Log(d)
			}
		}
		mean, lo, up := l.At(xv, q)
		mean, lo, up = mean+mod.anchor, lo+mod.anchor, up+mod.anchor
		if spec.logY() {
			pt := mean
			if mod.method.BiasAdjust {
				pt += l.Sigma * l.Sigma / 2
			}
			mean, lo, up = math.Exp(pt), math.Exp(lo), math.Exp(up)
		}
		if math.IsNaN(mean) || math.IsInf(mean, 0) {
			return forecast.Errorf(pkg, mod.name, yr, forecast.ErrNotFinite, "the forecast overflows")
		}
		if math.IsInf(lo, 0) || math.IsInf(up, 0) {
			return forecast.Errorf(pkg, mod.name, yr, forecast.ErrNotFinite, "the prediction interval overflows ([%g, %g])", lo, up)
		}
		dst.Point.Values[i], dst.Lower.Values[i], dst.Upper.Values[i] = mean, lo, up
	}
	return nil
}
