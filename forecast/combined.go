package forecast

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/nonferrous/demand/series"
)

// Combined returns the equal-weight combination of members as a Method
// named name (DefaultCombinationName if empty), so that a combination can
// be backtested, evaluated and calibrated (Calibrated) like any method:
// Calibrated(Combined(…)) sets the combination's interval from the
// combination's own out-of-sample errors.
//
// Fit fits every member; a member that fails is left out of that fit, as
// Analyse leaves out a candidate, and Fit fails only if every member does,
// returning the first member's error. Forecast combines the members'
// forecasts with Combine (equal weights, its interval model); a member
// whose interval fails at the level asked for (an extreme one) joins with
// its point and no interval, so that the level never changes the point. The members
// must have distinct Names, or Forecast returns an error wrapping
// ErrDuplicate; Fit returns one wrapping ErrNoForecasts for no members
// and ErrNilMethod for a nil one. Its MinTrain is the largest of the
// members'.
func Combined(name string, members ...Method) Method {
	if name == "" {
		name = DefaultCombinationName
	}
	return combined{name: name, members: members}
}

// CombinedInverseMSE is Combined with the Bates–Granger weights of the
// members' rolling-origin errors on the history given to Fit (horizon
// DefaultCalibrationHorizon, over the origins where every member
// forecast: InverseMSEWeights of their MSE), equal weights when fewer than
// two members have errors there.
func CombinedInverseMSE(name string, members ...Method) Method {
	if name == "" {
		name = InverseMSECombinationName
	}
	return combined{name: name, members: members, inverseMSE: true}
}

type combined struct {
	name       string
	members    []Method
	inverseMSE bool
}

var _ Method = combined{}

func (c combined) Name() string { return c.name }

// MinTrain returns the largest MinTrainOf of the members.
func (c combined) MinTrain() int {
	n := DefaultMinTrain
	for _, m := range c.members {
		n = max(n, MinTrainOf(m, 0))
	}
	return n
}

func (c combined) Fit(history series.Series, drivers Drivers) (Model, error) {
	if len(c.members) == 0 {
		return nil, fmt.Errorf("%w: combined method %q has no members", ErrNoForecasts, c.name)
	}
	for i, m := range c.members {
		if m == nil {
			return nil, fmt.Errorf("forecast: combined method %q: member %d: %w", c.name, i+1, ErrNilMethod)
		}
	}
	cm := &combinedModel{name: c.name}
	var first error
	for _, m := range c.members {
		model, err := m.Fit(history, drivers)
		if err != nil {
			first = cmpErr(first, err)
			continue
		}
		cm.models = append(cm.models, model)
		cm.names = append(cm.names, m.Name())
	}
	if len(cm.models) == 0 {
		return nil, first
	}
	if c.inverseMSE {
		cm.weights = backtestWeights(c.members, cm.names, history, drivers)
	}
	return cm, nil
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

type combinedModel struct {
	name    string
	names   []string
	models  []Model
	weights []float64 // by model; nil for equal weights
}

// backtestWeights returns the inverse-MSE weights (InverseMSEWeights) of
// the members named names from their rolling-origin errors (horizon
// DefaultCalibrationHorizon) over the origins where every member
// forecast, a member without errors there weighing nothing, and nil when
// fewer than two members have a finite MSE there. An origin where a
// member fails (too short for it, a fit that does not converge) is left
// out for all, rather than failing the member's whole backtest.
func backtestWeights(members []Method, names []string, history series.Series, drivers Drivers) []float64 {
	errs := make([]map[int][]float64, len(names))
	for i, n := range names {
		for _, m := range members {
			if m.Name() == n {
				errs[i] = originErrors(m, history, drivers, DefaultCalibrationHorizon, MinTrainOf(m, 0))
			}
		}
	}
	mse := make([]float64, len(names))
	var has []int // the members with a finite MSE
	for i := range names {
		var ss float64
		var n int
		for t := history.Start; t <= history.End(); t++ { // in order: the sum is deterministic
			es, has := errs[i][t]
			if !has {
				continue
			}
			common := true
			for k := range errs {
				if _, has := errs[k][t]; !has {
					common = false
				}
			}
			if !common {
				continue
			}
			for _, e := range es {
				ss += e * e
				n++
			}
		}
		if m := ss / float64(n); n > 0 && !math.IsInf(m, 0) {
			mse[i] = m
			has = append(has, i)
		}
	}
	if len(has) < 2 {
		return nil
	}
	sub := make([]float64, len(has))
	for j, i := range has {
		sub[j] = mse[i]
	}
	ws, err := InverseMSEWeights(sub...)
	if err != nil {
		return nil
	}
	w := make([]float64, len(names))
	for j, i := range has {
		w[i] = ws[j]
	}
	return w
}

// originErrors returns m's out-of-sample errors y − ŷ by origin, over the
// origins of a rolling-origin backtest of history (eachOrigin: those of
// Backtest, at most h steps ahead, the first window minTrain observed
// years) where m fits and forecasts; errors at unobserved years are left
// out.
func originErrors(m Method, history series.Series, drivers Drivers, h, minTrain int) map[int][]float64 {
	out := map[int][]float64{}
	eachOrigin(m, history, drivers, h, minTrain, DefaultLevel, func(t int, _ series.Series, f *Forecast) {
		var es []float64
		for k, p := range f.Point.Values {
			y, _ := history.At(t + 1 + k)
			if e := y - p; !math.IsNaN(e) && !math.IsInf(e, 0) {
				es = append(es, e)
			}
		}
		out[t] = es
	})
	return out
}

// weightsOf returns the combination's normalised weight of each of the
// members named names (equal weights over the members that fit when it
// has none), 0 for a member that did not fit.
func (c *combinedModel) weightsOf(names []string) []float64 {
	var sum float64
	for i := range c.models {
		sum += c.weight(i)
	}
	out := make([]float64, len(names))
	for i, n := range names {
		if j := slices.Index(c.names, n); j >= 0 && sum > 0 {
			out[i] = c.weight(j) / sum
		}
	}
	return out
}

// weight returns the raw weight of model i: 1 for equal weights.
func (c *combinedModel) weight(i int) float64 {
	if c.weights == nil {
		return 1
	}
	return c.weights[i]
}

func (c *combinedModel) Forecast(s Scenario, level float64) (Forecast, error) {
	fs := make([]Forecast, 0, len(c.models))
	var ws []float64
	var first error
	for i, m := range c.models {
		f, err := forecastPoint(m, s, level)
		if err == nil {
			err = allFinite(f.Point)
		}
		if err != nil {
			first = cmpErr(first, err)
			continue
		}
		f.Method = c.names[i]
		fs = append(fs, f)
		if c.weights != nil {
			ws = append(ws, c.weights[i])
		}
	}
	if len(fs) == 0 {
		return Forecast{}, first
	}
	if ws != nil && !slices.ContainsFunc(ws, func(w float64) bool { return w > 0 }) {
		ws = nil
	}
	comb, err := Combine(c.name, ws, fs...)
	if err != nil {
		if errors.Is(err, ErrDuplicate) {
			return Forecast{}, fmt.Errorf("%w (in combined method %q)", err, c.name)
		}
		return Forecast{}, err
	}
	return comb.Forecast, nil
}

// forecastPoint returns model's forecast at level or, if that fails (an
// extreme level can make an interval overflow), its forecast at refLevel
// with NaN bounds: the point, which no level may change, is kept.
func forecastPoint(model Model, s Scenario, level float64) (Forecast, error) {
	f, err := model.Forecast(s, level)
	if err == nil || level == refLevel {
		return f, err
	}
	g, err2 := model.Forecast(s, refLevel)
	if err2 != nil {
		return Forecast{}, err
	}
	g.Level = level
	g.Lower, g.Upper = nanLike(g.Point), nanLike(g.Point)
	return g, nil
}
