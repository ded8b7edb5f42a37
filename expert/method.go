package expert

import (
	"fmt"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Aggregate selects the panel's central value.
type Aggregate int

const (
	// Median is the weighted median of the most likely values (the
	// default).
	Median Aggregate = iota
	// PERTMean is the weighted mean of the judgments' PERT means.
	PERTMean
)

// String returns the lower-case name of the aggregate: "median" or "pert".
func (a Aggregate) String() string {
	switch a {
	case Median:
		return "median"
	case PERTMean:
		return "pert"
	}
	return fmt.Sprintf("Aggregate(%d)", int(a))
}

// Interval selects the panel's band.
type Interval int

const (
	// Quantile (the default) takes the band at level ℓ from the weighted
	// (1−ℓ)/2 and (1+ℓ)/2 quantiles of the final round's values (the most
	// likely values, or the PERT means with the PERTMean aggregate), by
	// the same quantile rule as the median: level 0.5 gives the
	// quartiles. The band is widened if need be to contain the point
	// forecast (a PERT mean can lie outside a narrow central band).
	Quantile Interval = iota
	// Range takes the band from the smallest low and the largest high of
	// the final round, whatever the level.
	Range
)

// String returns the lower-case name of the interval: "quantile" or
// "range".
func (iv Interval) String() string {
	switch iv {
	case Quantile:
		return "quantile"
	case Range:
		return "range"
	}
	return fmt.Sprintf("Interval(%d)", int(iv))
}

// Method is the expert experience method: the final Delphi round's
// judgment of a target year, reached from the last observation along a
// geometric path.
type Method struct {
	// Label, when not empty, is the Method's Name.
	Label string
	// Panel holds the judgments, possibly of several rounds and years.
	Panel []Judgment
	// Year is the target year; 0 means the latest year in Panel.
	Year int
	// Aggregate selects the central value; the zero value is Median.
	Aggregate Aggregate
	// Interval selects the band; the zero value is Quantile.
	Interval Interval
}

var (
	_ forecast.Method            = Method{}
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
)

// Name returns the Label if there is one. Otherwise it is "expert",
// followed by "-pert" for the PERTMean aggregate and "-range" for the
// Range interval: for example "expert-pert-range". Two Methods that
// differ only in their Panel or Year need a Label to be told apart.
func (m Method) Name() string {
	if m.Label != "" {
		return m.Label
	}
	name := "expert"
	if m.Aggregate != Median {
		name += "-" + m.Aggregate.String()
	}
	if m.Interval != Quantile {
		name += "-" + m.Interval.String()
	}
	return name
}

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

// Fit validates the panel and summarises its judgments of the target
// year; the final (highest) round gives the forecast. Only the history's
// last value is used: it must be observed and positive, and the target
// year must come after it. Like every method of the module, Fit rejects a
// history of a single observed year. The drivers are ignored. The final round's
// low values must be positive, since the paths are geometric.
func (m Method) Fit(history series.Series, _ forecast.Drivers) (forecast.Model, error) {
	if err := forecast.CheckHistory(pkg, history, 2); err != nil {
		return nil, err
	}
	last := history.End()
	q0 := history.Values[history.Len()-1]
	if !(q0 > 0) {
		return nil, forecast.Errorf(pkg, history.Name, last, forecast.ErrNonPositive, "%g", q0)
	}
	if len(m.Panel) == 0 {
		return nil, fmt.Errorf("expert: %w: empty panel", ErrNoJudgments)
	}
	if m.Aggregate != Median && m.Aggregate != PERTMean {
		return nil, forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "aggregate %d", int(m.Aggregate))
	}
	if m.Interval != Quantile && m.Interval != Range {
		return nil, forecast.Errorf(pkg, "", 0, forecast.ErrSetting, "interval %d", int(m.Interval))
	}
	year := m.Year
	if year == 0 {
		year = m.Panel[0].Year
		for _, j := range m.Panel {
			year = max(year, j.Year)
		}
	}
	if year <= last {
		return nil, forecast.Errorf(pkg, history.Name, year, ErrTargetYear, "the history ends in %d", last)
	}
	rounds, err := Summarize(m.Panel, year)
	if err != nil {
		return nil, err
	}
	final := rounds[len(rounds)-1]
	mod := &Model{
		method: m.Name(),
		name:   history.Name, unit: history.Unit,
		last: last, q0: q0, target: year,
		interval: m.Interval,
		rounds:   rounds,
	}
	for _, j := range m.Panel {
		if j.Year != year || j.Round != final.Round {
			continue
		}
		if !(j.Low > 0) {
			return nil, &judgmentError{j: j, err: forecast.ErrNonPositive, detail: fmt.Sprintf("low %g", j.Low)}
		}
		v := j.Likely
		if m.Aggregate == PERTMean {
			v = j.PERT()
		}
		mod.values = append(mod.values, v)
		mod.weights = append(mod.weights, j.W())
	}
	mod.point = final.Median
	if m.Aggregate == PERTMean {
		mod.point = final.PERT
	}
	return mod, nil
}

// Rounds returns the summaries of the target year's rounds, in round
// order.
func (mod *Model) Rounds() []Summary { return append([]Summary(nil), mod.rounds...) }

// Target returns the target year and the panel's aggregate for it.
func (mod *Model) Target() (year int, value float64) { return mod.target, mod.point }

// Parameters reports the final round's "median", "lower quartile",
// "upper quartile", "PERT mean" and "spread", with NaN standard errors.
func (mod *Model) Parameters() []forecast.Parameter {
	f := mod.rounds[len(mod.rounds)-1]
	nan := math.NaN()
	return []forecast.Parameter{
		{Name: "median", Value: f.Median, StdErr: nan},
		{Name: "lower quartile", Value: f.Q1, StdErr: nan},
		{Name: "upper quartile", Value: f.Q3, StdErr: nan},
		{Name: "PERT mean", Value: f.PERT, StdErr: nan},
		{Name: "spread", Value: f.Spread, StdErr: nan},
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
// the level. The scenario's drivers are not used.
func (mod *Model) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, forecast.Wrap(pkg, err)
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
