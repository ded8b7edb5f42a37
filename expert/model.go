package expert

import (
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Model is a fitted expert model.
type Model struct {
	method     string // the method's name
	name, unit string
	last       int     // t₀
	q0         float64 // Q at t₀
	target     int     // T
	point      float64 // Q_T
	interval   Interval
	values     []float64 // final round: the values the band is taken from
	weights    []float64
	rounds     []Summary
}

// Rounds returns the summaries of the target year's rounds, in round
// order.
func (mod *Model) Rounds() []Summary { return append([]Summary(nil), mod.rounds...) }

// Target returns the target year and the panel's aggregate for it.
func (mod *Model) Target() (year int, value float64) { return mod.target, mod.point }

// Parameters reports the final round's "median", "lower quartile",
// "upper quartile", "PERT mean" and "spread", with NaN standard errors,
// and nil if the model holds no fit (the zero value).
func (mod *Model) Parameters() []forecast.Parameter {
	if len(mod.rounds) == 0 {
		return nil
	}
	f := mod.rounds[len(mod.rounds)-1]
	nan := math.NaN()
	return []forecast.Parameter{
		{Name: ParamMedian, Value: f.Median, StdErr: nan},
		{Name: ParamQ1, Value: f.Q1, StdErr: nan},
		{Name: ParamQ3, Value: f.Q3, StdErr: nan},
		{Name: ParamPERT, Value: f.PERT, StdErr: nan},
		{Name: ParamSpread, Value: f.Spread, StdErr: nan},
	}
}

// band returns the interval's bounds for the target year at level.
func (mod *Model) band(level float64) (lo, hi float64) {
	if mod.interval == Range {
		f := mod.rounds[len(mod.rounds)-1]
		return f.Low, f.High
	}
	q := Quantiles(mod.values, mod.weights, (1-level)/2, (1+level)/2)
	return math.Min(q[0], mod.point), math.Max(q[1], mod.point)
}

// Forecast returns the geometric path from the last observation Q₀ at t₀
// to the panel's value Q_T at the target year T,
//
//	Q_t = Q₀·(Q_T/Q₀)^((t − t₀)/(T − t₀)),
//
// for the scenario's forecast years. Years after T continue the same
// constant growth rate; a horizon ending before T gives the path's first
// years. The bounds follow the same geometric rule from Q₀ to the band's
// ends at T (see Interval), so the band opens from nothing at t₀.
//
// The band describes the panel's disagreement, not a probability from a
// model: with Quantile it holds the central fraction level of the
// experts' values (weighted), with Range the panel's whole range whatever
// the level. The scenario's drivers are not used. A model that holds no
// fit (the zero value) returns an error wrapping forecast.ErrNotFitted.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckForecast(pkg, len(mod.rounds) > 0, s, level); err != nil {
		return forecast.Forecast{}, err
	}
	from, _ := s.Years(mod.last)
	lo, hi := mod.band(level)
	var overflow error
	mk := func(end float64) series.Series {
		p := series.Series{Name: mod.name, Unit: mod.unit, Start: from, Values: make([]float64, s.Horizon)}
		r := math.Log(end) - math.Log(mod.q0) // not ln(end/q0), which can overflow
		for i := range p.Values {
			f := float64(from+i-mod.last) / float64(mod.target-mod.last)
			p.Values[i] = mod.q0 * math.Exp(r*f)
			if overflow == nil && (math.IsInf(p.Values[i], 0) || math.IsNaN(p.Values[i])) {
				overflow = forecast.Errorf(pkg, mod.name, from+i, forecast.ErrNotFinite, "the path from %g in %d to %g in %d is %g", mod.q0, mod.last, end, mod.target, p.Values[i])
			}
		}
		return p
	}
	f := forecast.Forecast{Method: mod.method, Point: mk(mod.point), Lower: mk(lo), Upper: mk(hi), Level: level}
	if overflow != nil {
		return forecast.Forecast{}, overflow
	}
	return f, nil
}
