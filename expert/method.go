package expert

import (
	"fmt"

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
	if a < 0 || int(a) >= len(aggregateNames) {
		return fmt.Sprintf("Aggregate(%d)", int(a))
	}
	return aggregateNames[a]
}

var aggregateNames = [...]string{Median: "median", PERTMean: "pert"}

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
	if iv < 0 || int(iv) >= len(intervalNames) {
		return fmt.Sprintf("Interval(%d)", int(iv))
	}
	return intervalNames[iv]
}

var intervalNames = [...]string{Quantile: "quantile", Range: "range"}

// Parameter names reported by Model.Parameters.
const (
	ParamMedian = "median"         // the final round's weighted median
	ParamQ1     = "lower quartile" // its weighted lower quartile
	ParamQ3     = "upper quartile" // its weighted upper quartile
	ParamPERT   = "PERT mean"      // its weighted mean of the PERT means
	ParamSpread = "spread"         // its relative interquartile range
)

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
		return nil, forecast.Errorf(pkg, "", 0, ErrNoJudgments, "empty panel")
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

// Judgment reports true (forecast.Judgment): a panel's judgments were made
// once, after the history, for their target years, so forecast.Backtest
// and forecast.Calibrated refuse the method rather than score judgments
// against years the panel may have known.
func (Method) Judgment() bool { return true }

var _ forecast.Judgment = Method{}
