package intensity

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
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

// ErrUnreachable is returned, wrapped with detail, by Model.Implied when no
// finite intensity change reaches the target. The errors the methods
// share are those of package forecast (forecast.ErrTooFew and the others).
var ErrUnreachable = errors.New("no intensity change reaches the target")

// pkg names the package in its errors.
const pkg = "intensity"

// Method is the consumption intensity method (消费强度法). The zero value
// fits the default: intensity against forecast.GDP, projected by the log
// trend.
type Method struct {
	// Label, when not empty, is the Method's Name.
	Label string
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
	_ forecast.Method            = Method{}
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
	_ forecast.Implier           = (*Model)(nil)
)

// Name returns the Label if there is one. Otherwise it is "intensity" for
// the default trajectory and "intensity-cagr" or "intensity-malenbaum" for
// the others, followed by "-" and the driver if it is not forecast.GDP and,
// for CAGR with a From, by "-from-" and From: for example
// "intensity-cagr-from-2005". Every configuration has its own Name.
func (m Method) Name() string {
	if m.Label != "" {
		return m.Label
	}
	name := "intensity"
	if m.Trajectory != LogTrend {
		name += "-" + m.Trajectory.String()
	}
	if m.driver() != forecast.GDP {
		name += "-" + m.driver()
	}
	if m.Trajectory == CAGR && m.From != 0 {
		name += "-from-" + strconv.Itoa(m.From)
	}
	return name
}

func (m Method) driver() string {
	if m.Driver == "" {
		return forecast.GDP
	}
	return m.Driver
}

// Model is a fitted intensity model.
//
// Model implements forecast.Refitter: Refit and ForecastTo reuse the
// model's buffers and, once they have grown to the size of the data,
// allocate nothing for the LogTrend and CAGR trajectories (Malenbaum's
// three-coefficient fit goes through lsq.OLS, which allocates). A
// Model being refit is not for concurrent use; one that is only forecast
// (Forecast, or ForecastTo into each caller's own Forecast) is.
type Model struct {
	method     Method
	ok         bool // the model holds a fit
	name       string
	traj       Trajectory
	driverName string
	drivers    forecast.Drivers // copies of the observed drivers used, for DriverValue
	drv, pop   []float64        // their values, owned by the model
	qName      string
	qUnit      string
	dUnit      string

	first     int       // first observed year
	intensity []float64 // I_t over first..last observed year, NaN where missing
	lnI       []float64 // ln I_t over first..last (LogTrend) or at the observed years (Malenbaum)
	lnY       []float64 // Malenbaum: ln income per head at the observed years
	last      int
	iLast     float64
	hist      float64 // historical annual intensity change

	line     lsq.Line    // LogTrend
	fit      *lsq.Result // Malenbaum
	rate     float64     // CAGR: the continued rate
	rateFrom int         // CAGR: first year of the window
}

var _ forecast.Refitter = (*Model)(nil)

// Fit computes the intensity I_t = Q_t / driver_t on the observed years of
// history and fits the trajectory. Missing years before the last are
// skipped; the last year must be observed. Consumption, the driver and,
// for Malenbaum, population must be positive and finite at every observed
// year. LogTrend and CAGR need two observed years, Malenbaum three.
//
// The model it returns is a forecast.Refitter: Fit is Refit on a new Model.
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return m.fit(history, drivers)
}

func (m Method) fit(history series.Series, drivers forecast.Drivers) (*Model, error) {
	mod := &Model{method: m}
	if err := mod.Refit(history, drivers); err != nil {
		return nil, err
	}
	return mod, nil
}

// Refit fits the model's Method to history and drivers in place, as Fit
// does, with the same results and errors. After an error the model holds
// no fit until the next successful Refit.
func (mod *Model) Refit(history series.Series, drivers forecast.Drivers) error {
	mod.ok = false
	m := mod.method
	switch m.Trajectory {
	case LogTrend, CAGR, Malenbaum:
	default:
		return forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "unknown trajectory %d", int(m.Trajectory))
	}
	minObs := 2
	if m.Trajectory == Malenbaum {
		minObs = 3
	}
	if err := forecast.CheckHistory(pkg, history, minObs); err != nil {
		return err
	}
	if err := forecast.CheckPositive(pkg, history); err != nil {
		return err
	}
	first := history.Start
	for math.IsNaN(history.Values[first-history.Start]) {
		first++
	}
	last := history.End()
	dName := m.driver()
	d, err := forecast.ObservedDriver(pkg, drivers, dName, history, true)
	if err != nil {
		return err
	}
	// I_t = Q_t / D_t over first..last, as series.Ratio computes it.
	in := mod.intensity[:0]
	for yr := first; yr <= last; yr++ {
		dv, _ := d.At(yr)
		if math.IsInf(dv, 0) {
			return forecast.Errorf(pkg, d.Name, yr, forecast.ErrNotFinite, "%g", dv)
		}
		r := history.Values[yr-history.Start] / dv
		if math.IsInf(r, 0) {
			return forecast.Errorf(pkg, history.Name, yr, forecast.ErrNotFinite, "the intensity overflows")
		}
		in = append(in, r)
	}
	mod.intensity = in // a buffer until the fit succeeds

	// Fit the trajectory into locals and the model's buffers; the model's
	// state is recorded only once the fit has succeeded.
	var (
		rate     float64
		rateFrom int
		fit      *lsq.Result
		p        series.Series // Malenbaum: population
	)
	switch m.Trajectory {
	case LogTrend:
		lnI := mod.lnI[:0]
		for _, v := range in {
			lnI = append(lnI, math.Log(v)) // NaN stays NaN: a missing year
		}
		mod.lnI = lnI
		if err := mod.line.FitTrend(first, lnI); err != nil {
			return forecast.Errorf(pkg, history.Name, 0, err, "log-trend fit")
		}
	case CAGR:
		from := m.From
		if from == 0 {
			from = last - 1
			for math.IsNaN(in[from-first]) {
				from--
			}
		}
		if from >= last {
			return forecast.Errorf(pkg, history.Name, 0, forecast.ErrSetting, "CAGR window starts in %d, not before the last observed year %d", from, last)
		}
		if from < first || math.IsNaN(in[from-first]) {
			return forecast.Errorf(pkg, history.Name, 0, forecast.ErrSetting, "CAGR window start %d is not an observed year", from)
		}
		rateFrom = from
		rate = math.Pow(in[last-first]/in[from-first], 1/float64(last-from)) - 1
	case Malenbaum:
		p, err = forecast.ObservedDriver(pkg, drivers, forecast.Population, history, true)
		if err != nil {
			return err
		}
		lnI, lnY := mod.lnI[:0], mod.lnY[:0]
		for i, v := range in {
			if math.IsNaN(v) {
				continue
			}
			dv, _ := d.At(first + i)
			pv, _ := p.At(first + i)
			lnI = append(lnI, math.Log(v))
			lnY = append(lnY, math.Log(dv/pv))
		}
		mod.lnI, mod.lnY = lnI, lnY
		x := mat.NewDense(len(lnY), 3, nil)
		for i, ly := range lnY {
			x.Set(i, 0, 1)
			x.Set(i, 1, ly)
			x.Set(i, 2, ly*ly)
		}
		fit, err = lsq.OLS(x, lnI, nil)
		if err != nil {
			return forecast.Errorf(pkg, history.Name, 0, err, "Malenbaum fit")
		}
	}

	// The fit succeeded: record it.
	if mod.name == "" {
		mod.name = m.Name()
	}
	mod.traj = m.Trajectory
	mod.driverName = dName
	mod.drv = append(mod.drv[:0], d.Values...)
	if mod.drivers == nil {
		mod.drivers = make(forecast.Drivers, 2)
	}
	mod.drivers[dName] = series.Series{Name: d.Name, Unit: d.Unit, Start: d.Start, Values: mod.drv}
	if m.Trajectory == Malenbaum {
		mod.pop = append(mod.pop[:0], p.Values...)
		mod.drivers[forecast.Population] = series.Series{Name: p.Name, Unit: p.Unit, Start: p.Start, Values: mod.pop}
	}
	mod.qName, mod.qUnit, mod.dUnit = history.Name, history.Unit, d.Unit
	mod.first, mod.last = first, last
	mod.iLast = in[last-first]
	mod.hist = math.Pow(in[last-first]/in[0], 1/float64(last-first)) - 1
	mod.rate, mod.rateFrom = rate, rateFrom
	mod.fit = fit
	mod.ok = true
	return nil
}

// Intensity returns the historical intensity I_t = Q_t / driver_t from the
// first to the last observed year, NaN where consumption is missing. Its
// unit is "Q-unit/driver-unit". It returns an empty series when the model
// holds no fit (its last Refit failed).
func (md *Model) Intensity() series.Series {
	if !md.ok {
		return series.Series{}
	}
	unit := ""
	if md.qUnit != "" || md.dUnit != "" {
		unit = md.qUnit + "/" + md.dUnit
	}
	return series.Series{Name: md.qName, Unit: unit, Start: md.first, Values: append([]float64(nil), md.intensity...)}
}

// Fitted returns the regression of ln I behind the LogTrend and Malenbaum
// trajectories, or nil for CAGR. For LogTrend it is computed anew by
// lsq.OLS from the model's data on each call; its coefficients,
// standard errors and intervals equal those of the model's closed-form fit
// to rounding.
func (md *Model) Fitted() *lsq.Result {
	switch {
	case !md.ok:
		return nil
	case md.traj == Malenbaum:
		return md.fit
	case md.traj != LogTrend:
		return nil
	}
	var years, lnI []float64
	for i, v := range md.lnI {
		if !math.IsNaN(v) {
			years = append(years, float64(md.first+i))
			lnI = append(lnI, v)
		}
	}
	x := mat.NewDense(len(years), 2, nil)
	for i, y := range years {
		x.Set(i, 0, 1)
		x.Set(i, 1, y)
	}
	f, err := lsq.OLS(x, lnI, nil)
	if err != nil {
		return nil
	}
	return f
}

// PeakIncome returns the income per head at the top of Malenbaum's
// inverted U, y* = exp(−b/(2c)), and true; it returns NaN and false when
// c ≥ 0 (the fitted curve has no peak), the trajectory is not Malenbaum or
// the model holds no fit (its last Refit failed).
func (md *Model) PeakIncome() (float64, bool) {
	if !md.ok || md.traj != Malenbaum {
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
// Malenbaum also needs forecast.Population in the scenario. A model whose
// last Refit failed holds no fit: Forecast then returns an error wrapping
// forecast.ErrNotFitted.
func (md *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	var f forecast.Forecast
	if err := md.ForecastTo(&f, s, level); err != nil {
		return forecast.Forecast{}, err
	}
	return f, nil
}

// df returns the residual degrees of freedom of the model's regression,
// 0 when it has none or no regression.
func (md *Model) df() int {
	switch {
	case !md.ok:
		return 0
	case md.traj == LogTrend:
		return md.line.DF
	case md.traj == Malenbaum:
		return md.fit.DF
	}
	return 0
}

// ForecastTo writes the forecast Forecast returns into f, reusing its
// slices (see forecast.Refitter). Like Forecast it does not change the
// model.
func (md *Model) ForecastTo(f *forecast.Forecast, s forecast.Scenario, level float64) error {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Wrap(pkg, err)
	}
	if !md.ok {
		return forecast.NotFitted(pkg)
	}
	from, to := s.Years(md.last)
	if err := md.checkPath(md.driverName, s, from, to); err != nil {
		return err
	}
	if md.traj == Malenbaum {
		if err := md.checkPath(forecast.Population, s, from, to); err != nil {
			return err
		}
	}
	f.Prepare(md.name, md.qName, md.qUnit, from, s.Horizon, level)
	df := md.df()
	q := math.NaN()
	if df > 0 {
		q = lsq.TQuantile(level, df)
	}
	for i := range s.Horizon {
		t := from + i
		dv, _ := forecast.DriverValue(md.driverName, md.drivers, s, t)
		var mean, half float64
		switch md.traj {
		case CAGR:
			f.Point.Values[i] = md.iLast * math.Pow(1+md.rate, float64(t-md.last)) * dv
			f.Lower.Values[i] = math.NaN()
			f.Upper.Values[i] = math.NaN()
			continue
		case LogTrend:
			mean = md.line.Intercept + md.line.Slope*float64(t)
			half = q * md.line.Sigma * math.Sqrt(1+md.line.Leverage(float64(t)))
		case Malenbaum:
			pv, _ := forecast.DriverValue(forecast.Population, md.drivers, s, t)
			ly := math.Log(dv / pv)
			x := [3]float64{1, ly, ly * ly}
			for j, v := range x {
				mean += v * md.fit.Coef[j]
			}
			half = q * md.fit.Sigma * math.Sqrt(1+md.fit.Leverage(x[:]))
		}
		if df == 0 {
			half = math.NaN()
		}
		f.Point.Values[i] = math.Exp(mean) * dv
		f.Lower.Values[i] = math.Exp(mean-half) * dv
		f.Upper.Values[i] = math.Exp(mean+half) * dv
	}
	for i, v := range f.Point.Values {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return forecast.Errorf(pkg, md.qName, from+i, forecast.ErrNotFinite, "the forecast is %g", v)
		}
		if lo, hi := f.Lower.Values[i], f.Upper.Values[i]; math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) != math.IsNaN(hi) || df > 0 && math.IsNaN(lo) {
			return forecast.Errorf(pkg, md.qName, from+i, forecast.ErrNotFinite, "the prediction interval is [%g, %g]", lo, hi)
		}
	}
	return nil
}

// checkPath checks that the named driver has a positive finite value at
// every year from..to, with the errors of path.
func (md *Model) checkPath(name string, s forecast.Scenario, from, to int) error {
	for y := from; y <= to; y++ {
		if _, err := forecast.DriverValue(name, md.drivers, s, y); err != nil {
			return forecast.Wrap(pkg, err)
		}
	}
	for y := from; y <= to; y++ {
		if v, _ := forecast.DriverValue(name, md.drivers, s, y); !(v > 0) {
			return forecast.Errorf(pkg, "", y, forecast.ErrNonPositive, "driver %q is %g", name, v)
		}
	}
	return nil
}

// path returns the named driver over from..to, positive at every year.
func (md *Model) path(name string, s forecast.Scenario, from, to int) (series.Series, error) {
	p, err := forecast.DriverPath(name, md.drivers, s, from, to)
	if err != nil {
		return series.Series{}, forecast.Wrap(pkg, err)
	}
	for i, v := range p.Values {
		if !(v > 0) {
			return series.Series{}, forecast.Errorf(pkg, "", from+i, forecast.ErrNonPositive, "driver %q is %g", name, v)
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
// beside the implied one. It returns nil when the model holds no fit (its
// last Refit failed).
func (md *Model) Parameters() []forecast.Parameter {
	if !md.ok {
		return nil
	}
	var ps []forecast.Parameter
	coef := func(i int, name string) {
		ps = append(ps, forecast.Parameter{Name: name, Value: md.fit.Coef[i], StdErr: md.fit.StdErr[i]})
	}
	switch md.traj {
	case LogTrend:
		ps = append(ps,
			forecast.Parameter{Name: ParamIntercept, Value: md.line.Intercept, StdErr: md.line.InterceptSE},
			forecast.Parameter{Name: ParamTrend, Value: md.line.Slope, StdErr: md.line.SlopeSE})
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
// scenario (or the observed drivers) by forecast.DriverPath. It returns an
// error wrapping forecast.ErrNotFitted when the model holds no fit (its last Refit
// failed).
func (md *Model) Implied(s forecast.Scenario, year int, target float64) (forecast.Parameter, error) {
	if !md.ok {
		return forecast.Parameter{}, forecast.NotFitted(pkg)
	}
	if year <= md.last {
		return forecast.Parameter{}, forecast.Errorf(pkg, md.qName, year, forecast.ErrSetting, "the target year is not after the last observed year %d", md.last)
	}
	if err := forecast.CheckTarget(pkg, target); err != nil {
		return forecast.Parameter{}, err
	}
	d, err := md.path(md.driverName, s, year, year)
	if err != nil {
		return forecast.Parameter{}, err
	}
	r := math.Pow(target/(md.iLast*d.Values[0]), 1/float64(year-md.last)) - 1
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return forecast.Parameter{}, forecast.Errorf(pkg, md.qName, year, ErrUnreachable, "target %g, intensity %g in %d", target, md.iLast, md.last)
	}
	return forecast.Parameter{Name: ParamChange, Value: r, StdErr: math.NaN()}, nil
}
