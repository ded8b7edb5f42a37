package theta

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/smooth"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// Method is the standard Theta method: simple exponential smoothing plus a
// drift of half the slope of the linear trend, with the prediction
// intervals of R's thetaf. It has no settings; the zero value is the
// method.
type Method struct{}

var _ forecast.Method = Method{}

// Name returns "theta".
func (Method) Name() string { return "theta" }

// MinTrain returns 4, the fewest observed years Theta is fit from
// (forecast.MinTrainer): a backtest or calibration starts there.
func (Method) MinTrain() int { return 4 }

// Fit fits the method to history. It returns an error for fewer than four
// observed years (wrapping forecast.ErrTooFew), a missing last year
// (forecast.ErrLastMissing), an infinite value (forecast.ErrNotFinite)
// and a fit that overflows. The drivers are not used.
//
// The model it returns is a forecast.Refitter.
func (m Method) Fit(history series.Series, _ forecast.Drivers) (forecast.Model, error) {
	return forecast.Refitted(&Model{}, history, nil)
}

// Model is a fitted Theta method.
//
// Model implements forecast.Refitter: Refit and ForecastTo reuse the
// model's buffers and, once they have grown to the size of the data,
// allocate nothing. A Model being refit is not for concurrent use; one
// that is only forecast is.
type Model struct {
	ok     bool
	alpha  float64 // the SES smoothing parameter (at least 1e-10)
	l0     float64 // its initial level
	level  float64 // the SES level after the last year
	drift  float64 // half the slope of the linear trend
	sigma2 float64 // the SES one-step error variance
	span   int     // years from the first observed to the last

	end        int
	name, unit string

	y, e  []float64
	est   smooth.Estimator
	trend lsq.Line
}

var (
	_ forecast.Model             = (*Model)(nil)
	_ forecast.Refitter          = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
)

const name = "theta"

// Refit fits the method to history in place, as Fit does, with the same
// results and errors. After an error the model holds no fit until the
// next successful Refit.
func (mod *Model) Refit(h series.Series, _ forecast.Drivers) error {
	mod.ok = false
	first, n, err := smooth.Observed(name, h, 4)
	if err != nil {
		return err
	}
	y := append(mod.y[:0], h.Values[first:]...)
	mod.y = y
	mod.e = smooth.Resize(mod.e, len(y))

	// ses(y): ets(y, "ANN", opt.crit = "mse").
	mod.est.Crit = smooth.MSE
	k := smooth.Kind{}
	p, _, err := mod.est.Estimate(y, k)
	if err != nil {
		return forecast.Errorf(name, h.Name, 0, forecast.ErrNotFinite, "%v", err)
	}
	r := smooth.Filter(y, k, p, mod.e)

	// Half the slope of the least squares line on 0, 1, …, span−1.
	if err := mod.trend.FitTrend(0, y); err != nil {
		return forecast.Errorf(name, h.Name, 0, forecast.LSQCause(err), "the drift's trend line")
	}
	mod.drift = mod.trend.Slope / 2
	mod.alpha = max(1e-10, p.Alpha)
	mod.l0, mod.level = p.L0, r.L
	mod.sigma2 = r.SSE / float64(n-2)
	mod.span = len(y)
	mod.end, mod.name, mod.unit = h.End(), h.Name, h.Unit
	for _, v := range [...]float64{mod.drift, mod.level, mod.sigma2} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return forecast.Errorf(name, h.Name, 0, forecast.ErrNotFinite, "the fit overflows")
		}
	}
	mod.ok = true
	return nil
}

// Alpha returns the smoothing parameter α.
func (mod *Model) Alpha() float64 { return mod.alpha }

// Drift returns the drift b, half the slope of the linear trend.
func (mod *Model) Drift() float64 { return mod.drift }

// Sigma2 returns σ̂², the variance of the exponential smoothing's one-step
// errors.
func (mod *Model) Sigma2() float64 { return mod.sigma2 }

// Parameters returns alpha, l0 (the initial level of the exponential
// smoothing), drift and sigma2, without standard errors (NaN); nothing if
// the model holds no fit.
func (mod *Model) Parameters() []forecast.Parameter {
	if !mod.ok {
		return nil
	}
	nan := math.NaN()
	return []forecast.Parameter{
		{Name: "alpha", Value: mod.alpha, StdErr: nan},
		{Name: "l0", Value: mod.l0, StdErr: nan},
		{Name: "drift", Value: mod.drift, StdErr: nan},
		{Name: "sigma2", Value: mod.sigma2, StdErr: nan},
	}
}

// Forecast returns the Theta forecast for the Horizon years after the last
// history year, ℓ_n + b·(h − 1 + (1 − (1 − α)^n)/α), and the interval of
// R's thetaf at level: the forecast ± z·σ̂·sqrt(1 + (h − 1)α²). Where the
// interval overflows its bounds are NaN. It returns an error if the model
// holds no fit.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	return forecast.Forecasted(mod, s, level)
}

// ForecastTo writes the forecast Forecast returns into dst, reusing its
// slices (see forecast.Refitter). It does not change the model.
func (mod *Model) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	if err := forecast.CheckForecast(name, mod.ok, s, level); err != nil {
		return err
	}
	dst.Prepare(name, mod.name, mod.unit, mod.end+1, s.Horizon, level)
	z := distuv.UnitNormal.Quantile(0.5 + level/2)
	a := mod.alpha
	c := (1 - math.Pow(1-a, float64(mod.span))) / a
	sd := math.Sqrt(mod.sigma2)
	for i := range dst.Point.Values {
		hm := float64(i)
		p := mod.level + mod.drift*(hm+c)
		if math.IsNaN(p) || math.IsInf(p, 0) {
			return forecast.Errorf(name, mod.name, 0, forecast.ErrNotFinite, "the forecast overflows")
		}
		w := z * sd * math.Sqrt(hm*a*a+1)
		lo, hi := p-w, p+w
		if math.IsNaN(lo) || math.IsInf(lo, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) {
			lo, hi = math.NaN(), math.NaN()
		}
		dst.Point.Values[i], dst.Lower.Values[i], dst.Upper.Values[i] = p, lo, hi
	}
	return nil
}
