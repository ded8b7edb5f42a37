package intensity

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

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

	line   lsq.Line    // LogTrend
	fit    *lsq.Result // Malenbaum
	rate   float64     // CAGR: the continued rate
	sigma2 float64     // CAGR: annual variance of ln I about the rate, NaN when unknown
	sdf    int         // CAGR: its degrees of freedom
}

var _ forecast.Refitter = (*Model)(nil)

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

	// Fit the trajectory into the model's buffers and tf; the model's
	// state is recorded only once the fit has succeeded.
	var tf trajectoryFit
	switch m.Trajectory {
	case LogTrend:
		err = mod.fitLogTrend(history.Name, first, in)
	case CAGR:
		tf, err = fitCAGR(m.From, history.Name, first, last, in)
	case Malenbaum:
		tf, err = mod.fitMalenbaum(history, drivers, d, first, in)
	}
	if err != nil {
		return err
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
		p := tf.pop
		mod.pop = append(mod.pop[:0], p.Values...)
		mod.drivers[forecast.Population] = series.Series{Name: p.Name, Unit: p.Unit, Start: p.Start, Values: mod.pop}
	}
	mod.qName, mod.qUnit, mod.dUnit = history.Name, history.Unit, d.Unit
	mod.first, mod.last = first, last
	mod.iLast = in[last-first]
	mod.hist = math.Pow(in[last-first]/in[0], 1/float64(last-first)) - 1
	mod.rate = tf.rate
	mod.sigma2, mod.sdf = tf.sigma2, tf.sdf
	mod.fit = tf.fit
	mod.ok = true
	return nil
}

// trajectoryFit is what the CAGR and Malenbaum fits give Refit to record.
type trajectoryFit struct {
	rate   float64       // CAGR: the continued rate
	fit    *lsq.Result   // Malenbaum: the regression
	pop    series.Series // Malenbaum: the population driver
	sigma2 float64       // CAGR: annual variance of ln I about the rate
	sdf    int           // CAGR: its degrees of freedom
}

// Intensity returns the historical intensity I_t = Q_t / driver_t from the
// first to the last observed year, NaN where consumption is missing. Its
// unit is "Q-unit/driver-unit". It returns an empty series when the model
// holds no fit (its last Refit failed).
func (mod *Model) Intensity() series.Series {
	if !mod.ok {
		return series.Series{}
	}
	unit := ""
	if mod.qUnit != "" || mod.dUnit != "" {
		unit = mod.qUnit + "/" + mod.dUnit
	}
	return series.Series{Name: mod.qName, Unit: unit, Start: mod.first, Values: append([]float64(nil), mod.intensity...)}
}

// Fitted returns the regression of ln I behind the LogTrend and Malenbaum
// trajectories, or nil for CAGR. For LogTrend it is computed anew by
// lsq.OLS from the model's data on each call; its coefficients,
// standard errors and intervals equal those of the model's closed-form fit
// to rounding.
func (mod *Model) Fitted() *lsq.Result {
	switch {
	case !mod.ok:
		return nil
	case mod.traj == Malenbaum:
		return mod.fit
	case mod.traj != LogTrend:
		return nil
	}
	var years, lnI []float64
	for i, v := range mod.lnI {
		if !math.IsNaN(v) {
			years = append(years, float64(mod.first+i))
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

// Forecast returns Q_T = Î_T · driver_T for the scenario's forecast years,
// the driver path taken by forecast.DriverPath. For LogTrend and Malenbaum
// the interval is the t-based prediction interval of ln I at the forecast
// year, transformed: [exp(lower)·driver_T, exp(upper)·driver_T]; it is NaN
// when the fit has no residual degrees of freedom. CAGR's interval holds
// the scatter of ln I about the continued rate, compounding:
// Q̂_T·exp(±t_{J−1}·√(h·σ²)), h = T − the last year, σ² from the J gaps
// between observed years (see cagrScatter); NaN with fewer than two gaps.
// Malenbaum also needs forecast.Population in the scenario. A model whose
// last Refit failed holds no fit: Forecast then returns an error wrapping
// forecast.ErrNotFitted.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	return forecast.Forecasted(mod, s, level)
}

// df returns the degrees of freedom of the t quantile of the model's
// interval: the residual degrees of freedom of the LogTrend and Malenbaum
// regressions, those of CAGR's scatter; 0 when there are none.
func (mod *Model) df() int {
	switch {
	case !mod.ok:
		return 0
	case mod.traj == LogTrend:
		return mod.line.DF
	case mod.traj == Malenbaum:
		return mod.fit.DF
	}
	return mod.sdf
}

// ForecastTo writes the forecast Forecast returns into dst, reusing its
// slices (see forecast.Refitter). Like Forecast it does not change the
// model.
func (mod *Model) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	if err := forecast.CheckForecast(pkg, mod.ok, s, level); err != nil {
		return err
	}
	from, to := s.Years(mod.last)
	if err := mod.checkPath(mod.driverName, s, from, to); err != nil {
		return err
	}
	if mod.traj == Malenbaum {
		if err := mod.checkPath(forecast.Population, s, from, to); err != nil {
			return err
		}
	}
	dst.Prepare(mod.name, mod.qName, mod.qUnit, from, s.Horizon, level)
	df := mod.df()
	q := math.NaN() // NaN bounds when df is 0
	if df > 0 {
		q = lsq.TQuantile(level, df)
	}
	var anchor float64 // ln I_T − ln Î_T when Method.Anchor
	if mod.method.Anchor && mod.traj != CAGR {
		var fitted float64
		if mod.traj == LogTrend {
			fitted, _ = mod.logTrendAt(mod.last, 0)
		} else {
			dv, _ := forecast.DriverValue(mod.driverName, mod.drivers, s, mod.last)
			fitted, _ = mod.malenbaumAt(mod.last, dv, s, 0)
		}
		anchor = math.Log(mod.iLast) - fitted
	}
	for i := range s.Horizon {
		t := from + i
		dv, _ := forecast.DriverValue(mod.driverName, mod.drivers, s, t)
		if mod.traj == CAGR {
			p := mod.cagrAt(t) * dv
			half := q * math.Sqrt(float64(i+1)*mod.sigma2)
			dst.Point.Values[i] = p
			dst.Lower.Values[i] = p * math.Exp(-half)
			dst.Upper.Values[i] = p * math.Exp(half)
			continue
		}
		var mean, half float64
		if mod.traj == LogTrend {
			mean, half = mod.logTrendAt(t, q)
		} else {
			mean, half = mod.malenbaumAt(t, dv, s, q)
		}
		mean += anchor
		dst.Point.Values[i] = math.Exp(mean) * dv
		dst.Lower.Values[i] = math.Exp(mean-half) * dv
		dst.Upper.Values[i] = math.Exp(mean+half) * dv
	}
	// A regression with residual degrees of freedom gives finite bounds;
	// CAGR's are NaN where its scatter is (an intensity of 0).
	for i, v := range dst.Point.Values {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return forecast.Errorf(pkg, mod.qName, from+i, forecast.ErrNotFinite, "the forecast is %g", v)
		}
		if lo, hi := dst.Lower.Values[i], dst.Upper.Values[i]; math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) != math.IsNaN(hi) || df > 0 && mod.traj != CAGR && math.IsNaN(lo) {
			return forecast.Errorf(pkg, mod.qName, from+i, forecast.ErrNotFinite, "the prediction interval is [%g, %g]", lo, hi)
		}
	}
	return nil
}

// checkPath checks that the named driver has a positive finite value at
// every year from..to (forecast.CheckDriverPath).
func (mod *Model) checkPath(name string, s forecast.Scenario, from, to int) error {
	return forecast.Wrap(pkg, forecast.CheckDriverPath(name, mod.drivers, s, from, to, true))
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
func (mod *Model) Parameters() []forecast.Parameter {
	if !mod.ok {
		return nil
	}
	var ps []forecast.Parameter
	coef := func(i int, name string) {
		ps = append(ps, forecast.Parameter{Name: name, Value: mod.fit.Coef[i], StdErr: mod.fit.StdErr[i]})
	}
	switch mod.traj {
	case LogTrend:
		ps = append(ps,
			forecast.Parameter{Name: ParamIntercept, Value: mod.line.Intercept, StdErr: mod.line.InterceptSE},
			forecast.Parameter{Name: ParamTrend, Value: mod.line.Slope, StdErr: mod.line.SlopeSE})
	case CAGR:
		ps = append(ps, forecast.Parameter{Name: ParamChange, Value: mod.rate, StdErr: math.NaN()})
	case Malenbaum:
		coef(0, ParamIntercept)
		coef(1, ParamLnIncome)
		coef(2, ParamLnIncome2)
		peak, _ := mod.PeakIncome()
		ps = append(ps, forecast.Parameter{Name: ParamPeakIncome, Value: peak, StdErr: math.NaN()})
	}
	return append(ps, forecast.Parameter{Name: ParamHistChange, Value: mod.hist, StdErr: math.NaN()})
}
