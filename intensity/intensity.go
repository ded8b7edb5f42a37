package intensity

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// Trajectory selects how the intensity is projected beyond the history.
// The zero value is LogTrend.
type Trajectory int

const (
	// LogTrend fits ln I_t = a + b·t by OLS over the observed years and
	// extrapolates Î_T = exp(a + b·T). It is the default.
	LogTrend Trajectory = iota
	// CAGR continues the compound annual rate of change of I over a
	// window ending in the last observed year: Î_T = I_last·(1+r)^(T−t_last).
	// It gives no prediction interval.
	CAGR
	// Malenbaum fits Malenbaum's inverted U,
	// ln I = a + b·ln y + c·(ln y)², y the driver per head of population,
	// and projects I from the scenario's income per head.
	Malenbaum
)

// String returns the trajectory's name: "log-trend", "cagr" or "malenbaum".
func (tr Trajectory) String() string {
	switch tr {
	case LogTrend:
		return "log-trend"
	case CAGR:
		return "cagr"
	case Malenbaum:
		return "malenbaum"
	}
	return fmt.Sprintf("Trajectory(%d)", int(tr))
}

// Parameter names reported by Model.Parameters and Model.Implied.
const (
	// ParamIntercept is the constant a of the log-intensity fit.
	ParamIntercept = "intercept"
	// ParamTrend is the slope b of ln I on the year (LogTrend), per year.
	ParamTrend = "trend"
	// ParamLnIncome is the coefficient b of ln y (Malenbaum).
	ParamLnIncome = "ln-income"
	// ParamLnIncome2 is the coefficient c of (ln y)² (Malenbaum).
	ParamLnIncome2 = "ln-income-squared"
	// ParamPeakIncome is the income per head at the top of the inverted
	// U, y* = exp(−b/(2c)); NaN when c ≥ 0 (no peak) (Malenbaum).
	ParamPeakIncome = "peak-income"
	// ParamChange is an annual intensity change, a fraction per year: the
	// continued rate of the CAGR trajectory, and the implied rate of
	// Model.Implied.
	ParamChange = forecast.ParamIntensityChange
	// ParamHistChange is the compound annual intensity change from the
	// first to the last observed year of the history, a fraction per year.
	ParamHistChange = "historical-intensity-change"
)

// Errors returned, wrapped with detail, for data the method cannot use.
var (
	ErrTooFew      = errors.New("intensity: too few observed years")
	ErrLastMissing = errors.New("intensity: last year of history is missing")
	ErrNonPositive = errors.New("intensity: value must be positive")
	ErrWindow      = errors.New("intensity: bad CAGR window")
	ErrTarget      = errors.New("intensity: bad implied-parameter request")
)

// Method is the consumption intensity method (消费强度法). The zero value
// fits the default: intensity against forecast.GDP, projected by the log
// trend.
type Method struct {
	// Driver names the driver consumption is measured against; "" means
	// forecast.GDP.
	Driver string
	// Trajectory selects the projection; the zero value is LogTrend.
	Trajectory Trajectory
	// From is the first year of the CAGR window, which ends in the last
	// observed year (Trajectory CAGR only). It must be an observed year
	// before the last; 0 means the observed year before the last.
	From int
}

var (
	_ forecast.Method            = (*Method)(nil)
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
	_ forecast.Implier           = (*Model)(nil)
)

// Name returns "intensity" for the default trajectory and
// "intensity-cagr" or "intensity-malenbaum" for the others.
func (m Method) Name() string {
	if m.Trajectory == LogTrend {
		return "intensity"
	}
	return "intensity-" + m.Trajectory.String()
}

func (m Method) driver() string {
	if m.Driver == "" {
		return forecast.GDP
	}
	return m.Driver
}

// Model is a fitted intensity model.
type Model struct {
	name       string
	traj       Trajectory
	driverName string
	drivers    forecast.Drivers // copies of the observed drivers used, for DriverPath
	qName      string
	qUnit      string

	intensity series.Series // I_t over first..last observed year
	last      int
	iLast     float64
	hist      float64 // historical annual intensity change

	fit      *regression.Fit // LogTrend and Malenbaum
	rate     float64         // CAGR: the continued rate
	rateFrom int             // CAGR: first year of the window
}

// Fit computes the intensity I_t = Q_t / driver_t on the observed years of
// history and fits the trajectory. Missing years before the last are
// skipped; the last year must be observed. Consumption, the driver and,
// for Malenbaum, population must be positive and finite at every observed
// year. LogTrend and CAGR need two observed years, Malenbaum three.
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return m.fit(history, drivers)
}

func (m Method) fit(history series.Series, drivers forecast.Drivers) (*Model, error) {
	switch m.Trajectory {
	case LogTrend, CAGR, Malenbaum:
	default:
		return nil, fmt.Errorf("intensity: unknown trajectory %d", int(m.Trajectory))
	}
	if err := history.Validate(); err != nil {
		return nil, fmt.Errorf("intensity: history: %w", err)
	}
	if math.IsNaN(history.Values[history.Len()-1]) {
		return nil, fmt.Errorf("%w: %s, year %d", ErrLastMissing, label(history.Name), history.End())
	}
	years, q := history.Observed()
	minObs := 2
	if m.Trajectory == Malenbaum {
		minObs = 3
	}
	if len(years) < minObs {
		return nil, fmt.Errorf("%w: %s trajectory needs %d, %s has %d", ErrTooFew, m.Trajectory, minObs, label(history.Name), len(years))
	}
	for i, y := range years {
		if !(q[i] > 0) {
			return nil, fmt.Errorf("%w: consumption %s is %g in %d", ErrNonPositive, label(history.Name), q[i], y)
		}
	}
	first, last := years[0], years[len(years)-1]
	dName := m.driver()
	d, err := observedDriver(drivers, dName, years)
	if err != nil {
		return nil, err
	}
	h, _ := history.Window(first, last)
	dw, _ := d.Window(first, last)
	in, err := series.Ratio(h, dw)
	if err != nil {
		return nil, fmt.Errorf("intensity: %w", err)
	}
	mod := &Model{
		name:       m.Name(),
		traj:       m.Trajectory,
		driverName: dName,
		drivers:    forecast.Drivers{dName: d.Clone()},
		qName:      history.Name,
		qUnit:      history.Unit,
		intensity:  in,
		last:       last,
		iLast:      in.Values[last-first],
		hist:       math.Pow(in.Values[last-first]/in.Values[0], 1/float64(last-first)) - 1,
	}
	lnI := make([]float64, len(years))
	for i, y := range years {
		lnI[i] = math.Log(in.Values[y-first])
	}

	switch m.Trajectory {
	case LogTrend:
		x := mat.NewDense(len(years), 2, nil)
		for i, y := range years {
			x.Set(i, 0, 1)
			x.Set(i, 1, float64(y))
		}
		mod.fit, err = regression.OLS(x, lnI, nil)
		if err != nil {
			return nil, fmt.Errorf("intensity: log-trend fit of %s: %w", label(history.Name), err)
		}
	case CAGR:
		from := m.From
		if from == 0 {
			from = years[len(years)-2]
		}
		if from >= last {
			return nil, fmt.Errorf("%w: window starts in %d, not before the last observed year %d", ErrWindow, from, last)
		}
		v, ok := in.At(from)
		if !ok || math.IsNaN(v) {
			return nil, fmt.Errorf("%w: window start %d is not an observed year of %s", ErrWindow, from, label(history.Name))
		}
		mod.rateFrom = from
		mod.rate = math.Pow(mod.iLast/v, 1/float64(last-from)) - 1
	case Malenbaum:
		p, err := observedDriver(drivers, forecast.Population, years)
		if err != nil {
			return nil, fmt.Errorf("%w (Malenbaum needs income per head)", err)
		}
		mod.drivers[forecast.Population] = p.Clone()
		x := mat.NewDense(len(years), 3, nil)
		for i, y := range years {
			dv, _ := d.At(y)
			pv, _ := p.At(y)
			ly := math.Log(dv / pv)
			x.Set(i, 0, 1)
			x.Set(i, 1, ly)
			x.Set(i, 2, ly*ly)
		}
		mod.fit, err = regression.OLS(x, lnI, nil)
		if err != nil {
			return nil, fmt.Errorf("intensity: Malenbaum fit of %s: %w", label(history.Name), err)
		}
	}
	return mod, nil
}

// observedDriver returns drivers[name] after checking that it holds a
// positive finite value at every one of years.
func observedDriver(drivers forecast.Drivers, name string, years []int) (series.Series, error) {
	d, ok := drivers[name]
	if !ok {
		return series.Series{}, fmt.Errorf("intensity: %w: %q", forecast.ErrMissingDrv, name)
	}
	for _, y := range years {
		v, ok := d.At(y)
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			return series.Series{}, fmt.Errorf("intensity: %w: %q has no finite value for %d", forecast.ErrDriverYears, name, y)
		}
		if !(v > 0) {
			return series.Series{}, fmt.Errorf("%w: driver %q is %g in %d", ErrNonPositive, name, v, y)
		}
	}
	return d, nil
}

// Intensity returns the historical intensity I_t = Q_t / driver_t from the
// first to the last observed year, NaN where consumption is missing. Its
// unit is "Q-unit/driver-unit".
func (md *Model) Intensity() series.Series { return md.intensity.Clone() }

// Fitted returns the regression of ln I behind the LogTrend and Malenbaum
// trajectories, or nil for CAGR.
func (md *Model) Fitted() *regression.Fit { return md.fit }

// PeakIncome returns the income per head at the top of Malenbaum's
// inverted U, y* = exp(−b/(2c)), and true; it returns NaN and false when
// c ≥ 0 (the fitted curve has no peak) or the trajectory is not Malenbaum.
func (md *Model) PeakIncome() (float64, bool) {
	if md.traj != Malenbaum {
		return math.NaN(), false
	}
	b, c := md.fit.Coef[1], md.fit.Coef[2]
	if !(c < 0) {
		return math.NaN(), false
	}
	return math.Exp(-b / (2 * c)), true
}

// Forecast returns Q_T = Î_T · driver_T for the scenario's forecast years,
// the driver path taken by forecast.DriverPath. For LogTrend and Malenbaum
// the interval is the t-based prediction interval of ln I at the forecast
// year, transformed: [exp(lower)·driver_T, exp(upper)·driver_T]; it is NaN
// when the fit has no residual degrees of freedom. CAGR gives NaN
// intervals: a rate read off two years carries no error estimate.
// Malenbaum also needs forecast.Population in the scenario.
func (md *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, err
	}
	from, to := s.Years(md.last)
	d, err := md.path(md.driverName, s, from, to)
	if err != nil {
		return forecast.Forecast{}, err
	}
	var pop series.Series
	if md.traj == Malenbaum {
		pop, err = md.path(forecast.Population, s, from, to)
		if err != nil {
			return forecast.Forecast{}, fmt.Errorf("%w (Malenbaum needs income per head)", err)
		}
	}
	mk := func() series.Series {
		return series.Series{Name: md.qName, Unit: md.qUnit, Start: from, Values: make([]float64, s.Horizon)}
	}
	f := forecast.Forecast{Method: md.name, Point: mk(), Lower: mk(), Upper: mk(), Level: level}
	var x []float64
	for i, dv := range d.Values {
		t := from + i
		switch md.traj {
		case CAGR:
			f.Point.Values[i] = md.iLast * math.Pow(1+md.rate, float64(t-md.last)) * dv
			f.Lower.Values[i] = math.NaN()
			f.Upper.Values[i] = math.NaN()
			continue
		case LogTrend:
			x = append(x[:0], 1, float64(t))
		case Malenbaum:
			ly := math.Log(dv / pop.Values[i])
			x = append(x[:0], 1, ly, ly*ly)
		}
		mean, lo, hi, err := md.fit.Predict(x, level)
		if err != nil {
			return forecast.Forecast{}, fmt.Errorf("intensity: forecast for %d: %w", t, err)
		}
		f.Point.Values[i] = math.Exp(mean) * dv
		f.Lower.Values[i] = math.Exp(lo) * dv
		f.Upper.Values[i] = math.Exp(hi) * dv
	}
	for i, v := range f.Point.Values {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return forecast.Forecast{}, fmt.Errorf("intensity: forecast for %d is not finite (%g)", from+i, v)
		}
	}
	return f, nil
}

// path returns the named driver over from..to, positive at every year.
func (md *Model) path(name string, s forecast.Scenario, from, to int) (series.Series, error) {
	p, err := forecast.DriverPath(name, md.drivers, s, from, to)
	if err != nil {
		return series.Series{}, fmt.Errorf("intensity: scenario %s: %w", label(s.Name), err)
	}
	for i, v := range p.Values {
		if !(v > 0) {
			return series.Series{}, fmt.Errorf("%w: scenario %s: driver %q is %g in %d", ErrNonPositive, label(s.Name), name, v, from+i)
		}
	}
	return p, nil
}

// Parameters reports the fitted parameters with their standard errors:
//
//   - LogTrend: intercept and trend of ln I on the year;
//   - CAGR: intensity-change, the continued rate (no standard error);
//   - Malenbaum: intercept, ln-income and ln-income-squared, and
//     peak-income y* = exp(−b/(2c)) (NaN when c ≥ 0; no standard error);
//
// and, for every trajectory, historical-intensity-change, the compound
// annual change of I from the first to the last observed year, to set
// beside the implied one.
func (md *Model) Parameters() []forecast.Parameter {
	var ps []forecast.Parameter
	coef := func(i int, name string) {
		ps = append(ps, forecast.Parameter{Name: name, Value: md.fit.Coef[i], StdErr: md.fit.StdErr[i]})
	}
	switch md.traj {
	case LogTrend:
		coef(0, ParamIntercept)
		coef(1, ParamTrend)
	case CAGR:
		ps = append(ps, forecast.Parameter{Name: ParamChange, Value: md.rate, StdErr: math.NaN()})
	case Malenbaum:
		coef(0, ParamIntercept)
		coef(1, ParamLnIncome)
		coef(2, ParamLnIncome2)
		peak, _ := md.PeakIncome()
		ps = append(ps, forecast.Parameter{Name: ParamPeakIncome, Value: peak, StdErr: math.NaN()})
	}
	return append(ps, forecast.Parameter{Name: ParamHistChange, Value: md.hist, StdErr: math.NaN()})
}

// Implied returns the constant annual intensity change r under which
// Q_T = I_last·(1+r)^(T−t_last)·driver_T reaches target in year T:
//
//	r = (target / (I_last·driver_T))^(1/(T−t_last)) − 1,
//
// named intensity-change, with a NaN standard error. It is the same for
// every trajectory. year must come after the last observed year, target
// must be positive and finite, and the driver at year comes from the
// scenario (or the observed drivers) by forecast.DriverPath.
func (md *Model) Implied(s forecast.Scenario, year int, target float64) (forecast.Parameter, error) {
	if year <= md.last {
		return forecast.Parameter{}, fmt.Errorf("%w: year %d is not after the last observed year %d", ErrTarget, year, md.last)
	}
	if !(target > 0) || math.IsInf(target, 1) {
		return forecast.Parameter{}, fmt.Errorf("%w: target %g must be positive and finite", ErrTarget, target)
	}
	d, err := md.path(md.driverName, s, year, year)
	if err != nil {
		return forecast.Parameter{}, err
	}
	r := math.Pow(target/(md.iLast*d.Values[0]), 1/float64(year-md.last)) - 1
	return forecast.Parameter{Name: ParamChange, Value: r, StdErr: math.NaN()}, nil
}

func label(name string) string {
	if name == "" {
		return "unnamed series"
	}
	return fmt.Sprintf("%q", name)
}
