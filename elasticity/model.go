package elasticity

import (
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// Model is a fitted elasticity model.
//
// Model implements forecast.Refitter: Refit and ForecastTo reuse the
// model's buffers and, once they have grown to the size of the data,
// allocate nothing. A Model being refit is not for concurrent use; one
// that is only forecast (Forecast, or ForecastTo into each caller's own
// Forecast) is.
type Model struct {
	method  Method
	mname   string // the method's name
	ok      bool   // the model holds a fit
	name    string // history name and unit, carried into forecasts
	unit    string
	last    int     // t₀, the last observed year
	q0      float64 // Q at t₀
	e0      float64 // E₀
	se      float64 // standard error of E₀, NaN when unknown
	sigma2  float64 // σ², the annual scatter of ln Q about the relation, NaN when unknown
	sdf     int     // its degrees of freedom
	drivers forecast.Drivers
	drv     []float64 // values of the driver in drivers, owned by the model
	lx, ly  []float64 // buffers of the point estimate
	line    lsq.Line  // the point estimate's fit
}

var _ forecast.Refitter = (*Model)(nil)

// Refit estimates E₀ in place, as Fit does, with the same results and
// errors, under the settings of the Method that made the model. After an
// error the model holds no fit until the next successful Refit.
func (mod *Model) Refit(history series.Series, drivers forecast.Drivers) error {
	mod.ok = false
	m := &mod.method
	if mod.mname == "" {
		mod.mname = m.Name()
	}
	if err := forecast.CheckHistory(pkg, history, 2); err != nil {
		return err
	}
	if err := forecast.CheckPositive(pkg, history); err != nil {
		return err
	}
	if m.Window < 0 {
		return forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "arc window %d is negative", m.Window)
	}
	last := history.End()
	q0 := history.Values[history.Len()-1]
	if m.TargetYear != 0 {
		if m.TargetYear <= last {
			return forecast.Errorf(pkg, history.Name, 0, forecast.ErrSetting, "target year %d is not after the last observed year %d", m.TargetYear, last)
		}
		if math.IsNaN(m.Target) || math.IsInf(m.Target, 0) {
			return forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "target elasticity %g is not finite", m.Target)
		}
	}
	var est estimate
	var err error
	switch m.Estimator {
	case Arc:
		est, err = fitArc(m, history, drivers)
	case Point:
		est, err = fitPoint(m, history, drivers, mod.lx[:0], mod.ly[:0], &mod.line)
		mod.lx, mod.ly = est.lx, est.ly
	case Given:
		if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			return forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "given elasticity %g is not finite", m.Value)
		}
		est = estimate{e0: m.Value, se: math.NaN()}
	default:
		return forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "unknown estimator %d", int(m.Estimator))
	}
	if err != nil {
		return err
	}
	// The fit succeeded: record it.
	mod.name, mod.unit = history.Name, history.Unit
	mod.last, mod.q0 = last, q0
	mod.e0, mod.se = est.e0, est.se
	mod.sigma2, mod.sdf = math.NaN(), 0
	if m.Estimator != Given {
		mod.sigma2, mod.sdf = scatter(history, drivers, m.driver(), est.e0)
	}
	name := m.driver()
	if d, ok := drivers[name]; ok {
		mod.drv = append(mod.drv[:0], d.Values...)
		if mod.drivers == nil {
			mod.drivers = make(forecast.Drivers, 1)
		}
		mod.drivers[name] = series.Series{Name: d.Name, Unit: d.Unit, Start: d.Start, Values: mod.drv}
	} else {
		delete(mod.drivers, name)
	}
	mod.ok = true
	return nil
}

// scatter returns σ², the annual variance of the growth of ln Q about the
// relation with elasticity e, and its degrees of freedom. Over each gap
// between consecutive observed years a < b (n = b − a years, one for
// annual data), with g the driver's compound annual growth over the gap,
// the residual is r = ln(Q_b/Q_a) − n·ln(1 + e·g), the gap's shocks
// summed, of variance n·σ² if the annual shocks are independent. Over J
// gaps σ² = Σ (r²/n) / (J − 1), one degree of freedom going to e, which
// Arc and Point estimate from the history. It returns NaN and 0 when
// J < 2 or the driver or a factor 1 + e·g is not positive at some
// observed year.
func scatter(history series.Series, drivers forecast.Drivers, name string, e float64) (float64, int) {
	d, ok := drivers[name]
	if !ok {
		return math.NaN(), 0
	}
	var sum float64
	j := 0
	prevYear, prevQ, prevY := 0, math.NaN(), math.NaN()
	for i, q := range history.Values {
		if math.IsNaN(q) {
			continue
		}
		yr := history.Start + i
		y, ok := d.At(yr)
		if !ok || !(y > 0) || !(q > 0) {
			return math.NaN(), 0
		}
		if !math.IsNaN(prevQ) {
			n := float64(yr - prevYear)
			g := math.Pow(y/prevY, 1/n) - 1
			f := 1 + e*g
			if !(f > 0) {
				return math.NaN(), 0
			}
			r := math.Log(q/prevQ) - n*math.Log(f)
			sum += r * r / n
			j++
		}
		prevYear, prevQ, prevY = yr, q, y
	}
	if j < 2 {
		return math.NaN(), 0
	}
	return sum / float64(j-1), j - 1
}

// estimate is the result of an estimator: E₀, its standard error (NaN
// when unknown), and for Point the buffers it filled.
type estimate struct {
	e0, se float64
	lx, ly []float64
}

// fitArc returns the arc elasticity of m's window.
func fitArc(m *Method, history series.Series, drivers forecast.Drivers) (estimate, error) {
	from, to := m.From, m.To
	if to == 0 {
		// The last year is observed, checked by Refit.
		to = history.End()
	}
	if from == 0 {
		// The latest observed year at or before to − window, else the
		// first observed year before to.
		w := m.Window
		if w == 0 {
			w = DefaultArcWindow
		}
		from = min(to-w, history.End())
		for from >= history.Start && math.IsNaN(history.Values[from-history.Start]) {
			from--
		}
		if from < history.Start {
			from = history.Start
			for from < to && math.IsNaN(history.Values[from-history.Start]) {
				from++
			}
		}
		if from >= to || from < history.Start {
			return estimate{}, forecast.Errorf(pkg, history.Name, 0, forecast.ErrTooFew, "arc window: no observed year before %d", to)
		}
	}
	if from >= to {
		return estimate{}, forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "arc window %d–%d is empty", from, to)
	}
	name := m.driver()
	var q, y [2]float64
	for i, yr := range [2]int{from, to} {
		v, _ := history.At(yr)
		if math.IsNaN(v) {
			return estimate{}, forecast.Errorf(pkg, history.Name, yr, forecast.ErrTooFew, "arc window year not observed")
		}
		q[i] = v
		d, err := forecast.DriverAt(pkg, drivers, name, yr, true)
		if err != nil {
			return estimate{}, err
		}
		y[i] = d
	}
	n := float64(to - from)
	gq := math.Pow(q[1]/q[0], 1/n) - 1
	gy := math.Pow(y[1]/y[0], 1/n) - 1
	if gy == 0 {
		return estimate{}, forecast.Errorf(pkg, "", 0, ErrNoGrowth, "%q is %g at both %d and %d", name, y[0], from, to)
	}
	return estimate{e0: gq / gy, se: math.NaN()}, nil
}

// fitPoint returns the point elasticity of m's window, fit by line, using
// lx and ly (of length 0) as buffers; the estimate carries them, grown,
// even on error.
func fitPoint(m *Method, history series.Series, drivers forecast.Drivers, lx, ly []float64, line *lsq.Line) (estimate, error) {
	from, to := m.From, m.To
	if from == 0 {
		from = history.Start
	}
	if to == 0 {
		to = history.End()
	}
	est := estimate{lx: lx, ly: ly}
	if from >= to {
		return est, forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "point window %d–%d is empty", from, to)
	}
	name := m.driver()
	for yr := max(from, history.Start); yr <= min(to, history.End()); yr++ {
		v, _ := history.At(yr)
		if math.IsNaN(v) {
			continue
		}
		d, err := forecast.DriverAt(pkg, drivers, name, yr, true)
		if err != nil {
			return est, err
		}
		lx = append(lx, math.Log(d))
		ly = append(ly, math.Log(v))
	}
	est.lx, est.ly = lx, ly
	if len(lx) < 2 {
		return est, forecast.Errorf(pkg, history.Name, 0, forecast.ErrTooFew, "point window %d–%d: need 2, have %d", from, to, len(lx))
	}
	// The OLS slope of ln Q on ln Y, with its standard error (NaN with two
	// points).
	if err := line.Fit(lx, ly, nil); err != nil {
		return est, forecast.Errorf(pkg, history.Name, 0, forecast.LSQCause(err), "driver %q over %d–%d", name, from, to)
	}
	est.e0, est.se = line.Slope, line.SlopeSE
	return est, nil
}

// Elasticity returns E₀, the fitted (or given) base elasticity, or NaN
// when the model holds no fit (its last Refit failed).
func (mod *Model) Elasticity() float64 {
	if !mod.ok {
		return math.NaN()
	}
	return mod.e0
}

// StdErr returns the standard error of E₀: NaN unless the Point
// estimator was fitted on at least three years, and NaN when the model
// holds no fit.
func (mod *Model) StdErr() float64 {
	if !mod.ok {
		return math.NaN()
	}
	return mod.se
}

// Parameters reports E₀ as "elasticity" with its standard error, and,
// when E moves to a target, the target as "target elasticity" with a NaN
// standard error. It returns nil when the model holds no fit (its last
// Refit failed).
func (mod *Model) Parameters() []forecast.Parameter {
	if !mod.ok {
		return nil
	}
	p := []forecast.Parameter{{Name: ParamElasticity, Value: mod.e0, StdErr: mod.se}}
	if mod.method.TargetYear != 0 {
		p = append(p, forecast.Parameter{Name: ParamTarget, Value: mod.method.Target, StdErr: math.NaN()})
	}
	return p
}

// elasticityAt returns E_t on the path starting at e0.
func (mod *Model) elasticityAt(e0 float64, t int) float64 {
	T := mod.method.TargetYear
	if T == 0 {
		return e0
	}
	f := math.Min(1, float64(t-mod.last)/float64(T-mod.last))
	return e0 + (mod.method.Target-e0)*f
}

// growth returns the driver's growth rates g_t for the years last+1
// through to.
func (mod *Model) growth(s forecast.Scenario, to int) ([]float64, error) {
	g := make([]float64, to-mod.last)
	if err := mod.growthTo(g, s); err != nil {
		return nil, err
	}
	return g, nil
}

// growthTo writes the driver's growth rates g_t for the len(dst) years
// after the last observed year into dst. The driver must be positive at the
// last observed year and at each of those years: an error wrapping
// forecast.ErrNonPositive names the first year where it is not.
func (mod *Model) growthTo(dst []float64, s forecast.Scenario) error {
	name := mod.method.driver()
	if err := forecast.CheckDriverPath(name, mod.drivers, s, mod.last, mod.last+len(dst), true); err != nil {
		return forecast.Wrap(pkg, err)
	}
	prev, _ := forecast.DriverValue(name, mod.drivers, s, mod.last)
	for i := range dst {
		next, _ := forecast.DriverValue(name, mod.drivers, s, mod.last+1+i)
		dst[i] = next/prev - 1
		prev = next
	}
	return nil
}

// path writes Q_t = Q_{t−1}(1 + E_t g_t) for the path from e0 into dst.
func (mod *Model) path(dst, g []float64, e0 float64) {
	q := mod.q0
	for i, gi := range g {
		q *= 1 + mod.elasticityAt(e0, mod.last+1+i)*gi
		dst[i] = q
	}
}

// Forecast returns Q_t = Q_{t−1}(1 + E_t·g_t) for the scenario's forecast
// years, where g_t is the driver's growth from t−1 to t (the driver at the
// last observed year comes from the scenario if it covers it, otherwise
// from the drivers given to Fit).
//
// The interval of Arc and Point holds the scatter of demand about the
// relation and, for Point, the uncertainty of E₀. With σ² the annual
// variance of ln Q's growth about ln(1 + E·g) over the history (see
// scatter: each gap between observed years a residual, J gaps, J − 1
// degrees of freedom), SE the standard error of E₀ (0 for Arc, which
// carries no sampling distribution), D_h = Σ_{i≤h} (∂E_i/∂E₀)·g_i/(1 + E_i·g_i)
// the sensitivity of ln Q_{t₀+h} to E₀, and q the (1+level)/2 quantile of
// Student's t with J − 1 degrees of freedom, the bounds h years ahead are
//
//	Q̂_{t₀+h}·exp(±q·√(h·σ² + D_h²·SE²)),
//
// the shocks of the h years compounding in ln Q (independent annual
// shocks: persistent ones make it too narrow, which forecast.Calibrated
// corrects from the series' own errors). The bounds are NaN with fewer
// than two gaps (three observed years) or a driver missing at an observed
// year. The interval ignores the uncertainty of the driver's path: the
// forecast is conditional on the scenario.
//
// A Given E₀ has NaN bounds: it comes from outside the model, which
// cannot tell how it was chosen, so the scatter of the history about it
// is no sampling statement. The plan's reproduction gives E₀ from the
// published 2006–2010 growth rates: on its three points (2000, 2005,
// 2010) the 2005–2010 residual is 0 by construction and one five-year
// gap would be left, too little for an interval (and too short for
// forecast.Calibrated), so the plan's elasticity has none.
//
// The driver must be positive at the last observed year and every
// forecast year. A path that reaches zero or below, or overflows, is an
// error naming the year. A model whose last Refit failed holds no fit:
// Forecast then returns an error wrapping forecast.ErrNotFitted.
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
	from, _ := s.Years(mod.last)
	dst.Prepare(mod.mname, mod.name, mod.unit, from, s.Horizon, level)
	// The growth rates go in Upper until the bounds overwrite them.
	g := dst.Upper.Values
	if err := mod.growthTo(g, s); err != nil {
		return err
	}
	mod.path(dst.Point.Values, g, mod.e0)
	for i, v := range dst.Point.Values {
		if !(v > 0) {
			return forecast.Errorf(pkg, mod.name, from+i, forecast.ErrNonPositive, "the forecast is %g (E = %g, growth %g)",
				v, mod.elasticityAt(mod.e0, from+i), g[i])
		}
		if math.IsInf(v, 1) {
			return forecast.Errorf(pkg, mod.name, from+i, forecast.ErrNotFinite, "the forecast overflows (E = %g, growth %g)", mod.elasticityAt(mod.e0, from+i), g[i])
		}
	}
	if math.IsNaN(mod.sigma2) {
		for i := range g {
			dst.Lower.Values[i] = math.NaN()
			dst.Upper.Values[i] = math.NaN()
		}
		return nil
	}
	// Both bounds in one pass, reading g_t before Upper overwrites it.
	q := lsq.TQuantile(level, mod.sdf)
	se2 := 0.0
	if !math.IsNaN(mod.se) {
		se2 = mod.se * mod.se
	}
	var dlnq float64 // ∂ ln Q_t / ∂E₀
	for i := range g {
		t := mod.last + 1 + i
		gi := g[i]
		w := mod.elasticityAt(1, t) - mod.elasticityAt(0, t) // ∂E_t/∂E₀
		dlnq += w * gi / (1 + mod.elasticityAt(mod.e0, t)*gi)
		half := q * math.Sqrt(float64(i+1)*mod.sigma2+dlnq*dlnq*se2)
		p := dst.Point.Values[i]
		dst.Lower.Values[i], dst.Upper.Values[i] = p*math.Exp(-half), p*math.Exp(half)
		if math.IsInf(dst.Upper.Values[i], 0) {
			return forecast.Errorf(pkg, mod.name, t, forecast.ErrNotFinite, "the prediction interval overflows")
		}
	}
	return nil
}
