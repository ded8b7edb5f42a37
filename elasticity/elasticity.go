package elasticity

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Estimator selects how Fit obtains the base elasticity E₀.
type Estimator int

const (
	// Arc is the arc elasticity E = g_Q/g_Y from the compound annual
	// growth rates of consumption and the driver between two observed
	// years. It is the zero value and the default.
	Arc Estimator = iota
	// Point is the point elasticity: the OLS slope of ln Q on ln Y over
	// the observed years, with its standard error when there are at least
	// three of them.
	Point
	// Given takes E₀ from Method.Value as it is.
	Given
)

// String returns the estimator's name.
func (e Estimator) String() string {
	switch e {
	case Arc:
		return "arc"
	case Point:
		return "point"
	case Given:
		return "given"
	}
	return fmt.Sprintf("Estimator(%d)", int(e))
}

// Errors returned (wrapped with detail) by Fit, Forecast and Implied.
var (
	ErrTooFew      = errors.New("elasticity: too few observed years")
	ErrLastMissing = errors.New("elasticity: last year of the history is missing")
	ErrNonPositive = errors.New("elasticity: value must be positive")
	ErrNoGrowth    = errors.New("elasticity: driver does not grow")
	ErrSingular    = errors.New("elasticity: driver is constant over the fitting years")
	ErrValue       = errors.New("elasticity: invalid setting")
	ErrUnreachable = errors.New("elasticity: no elasticity reaches the target")
)

// Method is the elasticity coefficient method. The zero value estimates
// the arc elasticity against GDP over the last two observed years and
// keeps it constant over the forecast.
type Method struct {
	// Driver names the explanatory series; "" means forecast.GDP.
	Driver string

	// Estimator selects how E₀ is obtained; the zero value is Arc.
	Estimator Estimator

	// From and To bound the fitting window, inclusive. For Arc they are
	// the two years whose growth rates are compared and both must be
	// observed; zero values mean the last two observed years. For Point
	// they restrict the regression to the observed years in [From, To];
	// a zero From means the first year and a zero To the last year of the
	// history. Given ignores them.
	From, To int

	// Value is E₀ for the Given estimator; it must be finite.
	Value float64

	// TargetYear, when not zero, makes E move linearly from E₀ at the
	// last observed year t₀ to Target at TargetYear and stay there:
	//
	//	E_t = E₀ + (Target − E₀)·min(1, (t − t₀)/(TargetYear − t₀)).
	//
	// TargetYear must then be after t₀. Zero keeps E constant at E₀.
	TargetYear int
	// Target is the elasticity reached at TargetYear.
	Target float64
}

var (
	_ forecast.Method            = (*Method)(nil)
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
	_ forecast.Implier           = (*Model)(nil)
)

// Name returns "elasticity".
func (m *Method) Name() string { return "elasticity" }

func (m *Method) driver() string {
	if m.Driver == "" {
		return forecast.GDP
	}
	return m.Driver
}

// Model is a fitted elasticity model.
type Model struct {
	method  Method
	name    string // history name and unit, carried into forecasts
	unit    string
	last    int     // t₀, the last observed year
	q0      float64 // Q at t₀
	e0      float64 // E₀
	se      float64 // standard error of E₀, NaN when unknown
	df      int     // residual degrees of freedom of the point estimate
	n       int     // observations used
	drivers forecast.Drivers
}

// Fit estimates E₀ from history and the observed drivers.
//
// The history must have at least two observed years, the last year among
// them, and every observed value finite and positive. (Given uses only the
// last value, but like every method of the module it rejects a history
// of a single observation.) Arc and Point need the driver observed, finite
// and positive at the years they use; Given needs no driver at Fit, but
// Forecast needs the driver's value at the last observed year from the
// scenario or from drivers.
func (m *Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	if err := history.Validate(); err != nil {
		return nil, fmt.Errorf("elasticity: %w", err)
	}
	last := history.End()
	q0 := history.Values[history.Len()-1]
	if math.IsNaN(q0) {
		return nil, fmt.Errorf("%w: %d", ErrLastMissing, last)
	}
	if err := history.Positive(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNonPositive, err)
	}
	if years, _ := history.Observed(); len(years) < 2 {
		return nil, fmt.Errorf("%w: need 2, have %d in %q", ErrTooFew, len(years), history.Name)
	}
	if m.TargetYear != 0 {
		if m.TargetYear <= last {
			return nil, fmt.Errorf("%w: target year %d is not after the last observed year %d", ErrValue, m.TargetYear, last)
		}
		if math.IsNaN(m.Target) || math.IsInf(m.Target, 0) {
			return nil, fmt.Errorf("%w: target elasticity %g is not finite", ErrValue, m.Target)
		}
	}
	mod := &Model{
		method: *m,
		name:   history.Name,
		unit:   history.Unit,
		last:   last,
		q0:     q0,
		se:     math.NaN(),
	}
	name := m.driver()
	if d, ok := drivers[name]; ok {
		mod.drivers = forecast.Drivers{name: d.Clone()}
	}
	var err error
	switch m.Estimator {
	case Arc:
		err = mod.fitArc(history, drivers)
	case Point:
		err = mod.fitPoint(history, drivers)
	case Given:
		if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			return nil, fmt.Errorf("%w: given elasticity %g is not finite", ErrValue, m.Value)
		}
		mod.e0 = m.Value
	default:
		return nil, fmt.Errorf("%w: unknown estimator %d", ErrValue, int(m.Estimator))
	}
	if err != nil {
		return nil, err
	}
	return mod, nil
}

// driverAt returns the observed driver at year, checking it is present,
// finite and positive.
func driverAt(drivers forecast.Drivers, name string, year int) (float64, error) {
	d, ok := drivers[name]
	if !ok {
		return 0, fmt.Errorf("elasticity: %w: %q", forecast.ErrMissingDrv, name)
	}
	v, _ := d.At(year)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("elasticity: %w: %q has no finite value for %d", forecast.ErrDriverYears, name, year)
	}
	if v <= 0 {
		return 0, fmt.Errorf("%w: driver %q is %g at %d", ErrNonPositive, name, v, year)
	}
	return v, nil
}

func (mod *Model) fitArc(history series.Series, drivers forecast.Drivers) error {
	from, to := mod.method.From, mod.method.To
	if from == 0 && to == 0 {
		years, _ := history.Observed() // at least 2, checked by Fit
		from, to = years[len(years)-2], years[len(years)-1]
	}
	if from >= to {
		return fmt.Errorf("%w: arc window %d–%d is empty", ErrValue, from, to)
	}
	name := mod.method.driver()
	var q, y [2]float64
	for i, yr := range [2]int{from, to} {
		v, _ := history.At(yr)
		if math.IsNaN(v) {
			return fmt.Errorf("%w: arc window year %d is not observed in %q", ErrTooFew, yr, history.Name)
		}
		q[i] = v
		d, err := driverAt(drivers, name, yr)
		if err != nil {
			return err
		}
		y[i] = d
	}
	n := float64(to - from)
	gq := math.Pow(q[1]/q[0], 1/n) - 1
	gy := math.Pow(y[1]/y[0], 1/n) - 1
	if gy == 0 {
		return fmt.Errorf("%w: %q is %g at both %d and %d", ErrNoGrowth, name, y[0], from, to)
	}
	mod.e0 = gq / gy
	mod.n = 2
	return nil
}

func (mod *Model) fitPoint(history series.Series, drivers forecast.Drivers) error {
	from, to := mod.method.From, mod.method.To
	if from == 0 {
		from = history.Start
	}
	if to == 0 {
		to = history.End()
	}
	if from >= to {
		return fmt.Errorf("%w: point window %d–%d is empty", ErrValue, from, to)
	}
	name := mod.method.driver()
	var lx, ly []float64
	for yr := max(from, history.Start); yr <= min(to, history.End()); yr++ {
		v, _ := history.At(yr)
		if math.IsNaN(v) {
			continue
		}
		d, err := driverAt(drivers, name, yr)
		if err != nil {
			return err
		}
		lx = append(lx, math.Log(d))
		ly = append(ly, math.Log(v))
	}
	if len(lx) < 2 {
		return fmt.Errorf("%w: point elasticity needs 2 in %d–%d, have %d", ErrTooFew, from, to, len(lx))
	}
	slope, se, ok := olsSlope(lx, ly)
	if !ok {
		return fmt.Errorf("%w: %q over %d–%d", ErrSingular, name, from, to)
	}
	mod.e0, mod.se = slope, se
	mod.n = len(lx)
	mod.df = len(lx) - 2
	return nil
}

// olsSlope returns the OLS slope of y on x with an intercept and its
// standard error (NaN when len(x) < 3), computed on centred data:
//
//	b = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²,
//	s² = Σ(y − ȳ − b(x−x̄))² / (n−2),  SE(b) = s/√Σ(x−x̄)².
//
// ok is false when x is constant.
func olsSlope(x, y []float64) (slope, se float64, ok bool) {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxx, sxy float64
	for i := range x {
		dx := x[i] - mx
		sxx += dx * dx
		sxy += dx * (y[i] - my)
	}
	if sxx == 0 {
		return math.NaN(), math.NaN(), false
	}
	slope = sxy / sxx
	if len(x) < 3 {
		return slope, math.NaN(), true
	}
	var rss float64
	for i := range x {
		r := y[i] - my - slope*(x[i]-mx)
		rss += r * r
	}
	return slope, math.Sqrt(rss / (n - 2) / sxx), true
}

// Elasticity returns E₀, the fitted (or given) base elasticity.
func (mod *Model) Elasticity() float64 { return mod.e0 }

// StdErr returns the standard error of E₀: NaN unless the Point
// estimator was fitted on at least three years.
func (mod *Model) StdErr() float64 { return mod.se }

// Parameters reports E₀ as "elasticity" with its standard error, and,
// when E moves to a target, the target as "target elasticity" with a NaN
// standard error.
func (mod *Model) Parameters() []forecast.Parameter {
	p := []forecast.Parameter{{Name: forecast.ParamElasticity, Value: mod.e0, StdErr: mod.se}}
	if mod.method.TargetYear != 0 {
		p = append(p, forecast.Parameter{Name: "target elasticity", Value: mod.method.Target, StdErr: math.NaN()})
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
	name := mod.method.driver()
	p, err := forecast.DriverPath(name, mod.drivers, s, mod.last, to)
	if err != nil {
		return nil, fmt.Errorf("elasticity: %w", err)
	}
	g := make([]float64, len(p.Values)-1)
	for i := range g {
		if p.Values[i] <= 0 {
			return nil, fmt.Errorf("%w: driver %q is %g at %d", ErrNonPositive, name, p.Values[i], p.Start+i)
		}
		g[i] = p.Values[i+1]/p.Values[i] - 1
	}
	return g, nil
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
// The interval exists only for the Point estimator fitted on at least
// three years. With q the (1+level)/2 quantile of Student's t with n−2
// degrees of freedom, the bounds are, year by year, the smaller and the
// larger of the paths started from E₀ − q·SE and E₀ + q·SE (the target, if
// any, unchanged). They reflect only the uncertainty of E₀, not the
// scatter of demand around the relation nor that of the driver's path.
// Arc and Given estimates carry no sampling distribution: their bounds
// are NaN.
//
// A path that reaches zero or below is an error naming the year.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, fmt.Errorf("elasticity: %w", err)
	}
	from, to := s.Years(mod.last)
	g, err := mod.growth(s, to)
	if err != nil {
		return forecast.Forecast{}, err
	}
	mk := func() series.Series {
		return series.Series{Name: mod.name, Unit: mod.unit, Start: from, Values: make([]float64, len(g))}
	}
	f := forecast.Forecast{Method: "elasticity", Point: mk(), Lower: mk(), Upper: mk(), Level: level}
	mod.path(f.Point.Values, g, mod.e0)
	for i, v := range f.Point.Values {
		if !(v > 0) {
			return forecast.Forecast{}, fmt.Errorf("%w: forecast is %g at %d (E = %g, growth %g)",
				ErrNonPositive, v, from+i, mod.elasticityAt(mod.e0, from+i), g[i])
		}
	}
	if math.IsNaN(mod.se) {
		for i := range g {
			f.Lower.Values[i] = math.NaN()
			f.Upper.Values[i] = math.NaN()
		}
		return f, nil
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(mod.df)}.Quantile((1 + level) / 2)
	mod.path(f.Lower.Values, g, mod.e0-q*mod.se)
	mod.path(f.Upper.Values, g, mod.e0+q*mod.se)
	for i := range g {
		lo, hi := f.Lower.Values[i], f.Upper.Values[i]
		f.Lower.Values[i], f.Upper.Values[i] = math.Min(lo, hi), math.Max(lo, hi)
	}
	return f, nil
}
