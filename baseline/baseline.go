package baseline

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// Parameter names reported by the models.
const (
	ParamDrift = "drift" // the drift b̂ per year (Drift)
	ParamMean  = "mean"  // the mean ȳ (Mean)
	ParamSigma = "sigma" // σ̂, the standard deviation of one year's error
)

// Naive is the naive (random walk) method: every forecast is the last
// observed value, as R's forecast::naive and rwf(drift = FALSE). Its zero
// value is ready to use.
type Naive struct{}

// Drift is the random walk with drift: the last value plus h times the
// mean annual change, as R's forecast::rwf(drift = TRUE). Its interval
// includes the uncertainty of the estimated drift. Its zero value is ready
// to use.
type Drift struct{}

// Mean is the mean method: every forecast is the mean of the observed
// years, with Student-t intervals, as R's forecast::meanf. Its zero value
// is ready to use.
type Mean struct{}

var (
	_ forecast.Method = Naive{}
	_ forecast.Method = Drift{}
	_ forecast.Method = Mean{}

	_ forecast.Refitter          = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
)

// kind selects the method of a Model.
type kind int

const (
	naive kind = iota
	drift
	mean
)

var names = [...]string{naive: "naive", drift: "drift", mean: "mean"}

// Name returns "naive".
func (Naive) Name() string { return names[naive] }

// Name returns "drift".
func (Drift) Name() string { return names[drift] }

// Name returns "mean".
func (Mean) Name() string { return names[mean] }

// Fit fits the naive method to the observed years of history; drivers are
// not used. It returns an error wrapping series.ErrEmpty for an empty
// history, forecast.ErrTooFew for fewer than two observed years (every
// year missing included), forecast.ErrLastMissing if the last year is
// missing, and forecast.ErrNotFinite for an infinite value or an
// overflowing variance.
// The model is a forecast.Refitter.
func (Naive) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return fit(naive, history)
}

// Fit fits the random walk with drift to the observed years of history;
// drivers are not used. It returns the errors of Naive.Fit. With two
// observed years the drift is estimated but σ̂ is not, and the intervals
// are NaN. The model is a forecast.Refitter.
func (Drift) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return fit(drift, history)
}

// Fit fits the mean method to the observed years of history; drivers are
// not used. It returns the errors of Naive.Fit. The model is a
// forecast.Refitter.
func (Mean) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return fit(mean, history)
}

func fit(k kind, history series.Series) (forecast.Model, error) {
	return forecast.Refitted(&Model{kind: k}, history, nil)
}

// Model is a fitted Naive, Drift or Mean method. It implements
// forecast.Refitter: Refit and ForecastTo allocate nothing once the
// Forecast's buffers have grown to size (the model itself holds no slice).
// A Model being refit is not for concurrent use; one that is only
// forecast is.
type Model struct {
	kind kind
	ok   bool // the model holds a fit

	name, unit string // the history's
	end        int    // its last year
	n          int    // observed years

	level float64 // the last value (Naive, Drift) or the mean (Mean)
	b     float64 // the drift (Drift); 0 otherwise
	bse   float64 // its standard error (Drift); 0 otherwise
	sigma float64 // σ̂; NaN when it cannot be estimated
	df    int     // the t distribution's degrees of freedom (Mean)
}

// Refit fits the model's method to history in place, as its Fit does,
// with the same results and errors; drivers are not used. After an error
// the model holds no fit until the next successful Refit.
func (mod *Model) Refit(history series.Series, drivers forecast.Drivers) error {
	mod.ok = false
	name := names[mod.kind]
	if err := forecast.CheckHistory(name, history, 2); err != nil {
		return err
	}
	n := 0
	for _, v := range history.Values {
		if !math.IsNaN(v) {
			n++
		}
	}
	mod.name, mod.unit, mod.end, mod.n = history.Name, history.Unit, history.End(), n
	mod.b, mod.bse, mod.df = 0, 0, 0
	switch mod.kind {
	case naive:
		mod.level = history.Values[len(history.Values)-1]
		mod.sigma = math.Sqrt(naiveVariance(history))
	case drift:
		mod.level = history.Values[len(history.Values)-1]
		mod.b, mod.sigma, mod.bse = driftFit(history)
	case mean:
		mod.level, mod.sigma = meanSD(history, n)
		mod.df = n - 1
	}
	if !finite(mod.level) || math.IsInf(mod.sigma, 0) || math.IsInf(mod.b, 0) || math.IsInf(mod.bse, 0) {
		return forecast.Errorf(name, history.Name, 0, forecast.ErrNotFinite, "the estimates overflow")
	}
	mod.ok = true
	return nil
}

// pairs calls f for each pair of consecutive observed years of s, with the
// change d between them and the gap k in years (1 for adjacent years).
func pairs(s series.Series, f func(d float64, k int)) {
	prev := -1
	for i, v := range s.Values {
		if math.IsNaN(v) {
			continue
		}
		if prev >= 0 {
			f(v-s.Values[prev], i-prev)
		}
		prev = i
	}
}

// naiveVariance returns σ̂² = Σ dᵢ²/kᵢ / m over the m pairs of consecutive
// observed years.
func naiveVariance(s series.Series) float64 {
	var sum float64
	m := 0
	pairs(s, func(d float64, k int) {
		sum += d * d / float64(k)
		m++
	})
	return sum / float64(m)
}

// driftFit returns b̂ = Σdᵢ/Σkᵢ, σ̂ from Σ(dᵢ − kᵢb̂)²/kᵢ / (m − 1) (NaN
// when m = 1) and SE(b̂) = σ̂/√Σkᵢ.
func driftFit(s series.Series) (b, sigma, se float64) {
	var sd float64
	var sk, m int
	pairs(s, func(d float64, k int) {
		sd += d
		sk += k
		m++
	})
	b = sd / float64(sk)
	var ss float64
	pairs(s, func(d float64, k int) {
		r := d - float64(k)*b
		ss += r * r / float64(k)
	})
	if m < 2 {
		return b, math.NaN(), math.NaN()
	}
	sigma = math.Sqrt(ss / float64(m-1))
	return b, sigma, sigma / math.Sqrt(float64(sk))
}

// meanSD returns the mean and the standard deviation (divisor n − 1) of
// the n observed values of s, computed about the mean. The mean is the sum
// over n, or the sum of the values over n where the sum overflows.
func meanSD(s series.Series, n int) (mu, sd float64) {
	for _, v := range s.Values {
		if !math.IsNaN(v) {
			mu += v
		}
	}
	mu /= float64(n)
	if math.IsInf(mu, 0) {
		mu = 0
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				mu += v / float64(n)
			}
		}
	}
	var ss float64
	for _, v := range s.Values {
		if !math.IsNaN(v) {
			ss += (v - mu) * (v - mu)
		}
	}
	return mu, math.Sqrt(ss / float64(n-1))
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Parameters returns σ̂ and, for Drift, the drift with its standard error,
// for Mean the mean with its standard error σ̂/√n. It returns nil when the
// model holds no fit.
func (mod *Model) Parameters() []forecast.Parameter {
	if !mod.ok {
		return nil
	}
	sigma := forecast.Parameter{Name: ParamSigma, Value: mod.sigma, StdErr: math.NaN()}
	switch mod.kind {
	case drift:
		return []forecast.Parameter{{Name: ParamDrift, Value: mod.b, StdErr: mod.bse}, sigma}
	case mean:
		return []forecast.Parameter{{Name: ParamMean, Value: mod.level, StdErr: mod.sigma / math.Sqrt(float64(mod.n))}, sigma}
	}
	return []forecast.Parameter{sigma}
}

// Forecast returns the forecast for the Horizon years after the last
// history year and its prediction interval at level (see the package
// documentation). The scenario's drivers are not used. It returns an error
// wrapping forecast.ErrNotFitted if the model holds no fit.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	return forecast.Forecasted(mod, s, level)
}

// ForecastTo writes the forecast Forecast returns into dst, reusing its
// slices (see forecast.Refitter). It does not change the model.
func (mod *Model) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	name := names[mod.kind]
	if err := forecast.CheckForecast(name, mod.ok, s, level); err != nil {
		return err
	}
	from, _ := s.Years(mod.end)
	dst.Prepare(name, mod.name, mod.unit, from, s.Horizon, level)
	var q float64
	if mod.kind == mean {
		q = lsq.TQuantile(level, mod.df)
	} else {
		q = distuv.UnitNormal.Quantile(0.5 + level/2)
	}
	for i := range s.Horizon {
		h := float64(i + 1)
		pt := mod.level + h*mod.b
		var se float64
		switch mod.kind {
		case naive:
			se = mod.sigma * math.Sqrt(h)
		case drift:
			se = math.Sqrt(mod.sigma*mod.sigma*h + h*h*mod.bse*mod.bse)
		case mean:
			se = mod.sigma * math.Sqrt(1+1/float64(mod.n))
		}
		lo, up := pt-q*se, pt+q*se
		if !finite(pt) || math.IsInf(lo, 0) || math.IsInf(up, 0) {
			return forecast.Errorf(name, mod.name, from+i, forecast.ErrNotFinite, "the forecast overflows")
		}
		dst.Point.Values[i], dst.Lower.Values[i], dst.Upper.Values[i] = pt, lo, up
	}
	return nil
}
