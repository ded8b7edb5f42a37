package plan

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
)

// ErrLowHigh is returned (wrapped) by NewStudy when the low scenario's
// growth is above the high one's.
var ErrLowHigh = errors.New("plan: the low scenario grows faster than the high one")

// Study is the reproduction under a main scenario and under a low and a
// high one around it: the figures and their range.
type Study struct {
	Main, Low, High *Report
}

// NewStudy runs Reproduce with set under main, low and high. The three
// reports run the same methods on the same rows, so their rows and
// methods correspond by index.
//
// Each scenario's growth must pass macro.CheckGrowth (a fraction in
// (−1, 1): 0.07 is 7 %; 7 is an error that suggests 0.07), and low's
// growth must not exceed high's (ErrLowHigh).
func NewStudy(main, low, high Scenario, set MethodSet) (*Study, error) {
	for _, sc := range []Scenario{main, low, high} {
		if err := macro.CheckGrowth(sc.Growth); err != nil {
			return nil, fmt.Errorf("plan: scenario %q: GDP growth 2011–2015: %w", sc.Name, err)
		}
	}
	if low.Growth > high.Growth {
		return nil, fmt.Errorf("%w: low %g, high %g", ErrLowHigh, low.Growth, high.Growth)
	}
	st := &Study{}
	for _, c := range []struct {
		dst **Report
		sc  Scenario
	}{{&st.Main, main}, {&st.Low, low}, {&st.High, high}} {
		r, err := Reproduce(c.sc, set)
		if err != nil {
			return nil, err
		}
		*c.dst = r
	}
	return st, nil
}

// Methods returns the names of the methods the report ran, in the order
// they ran (the order of the MethodSet).
func (r *Report) Methods() []string {
	var names []string
	for _, m := range r.Total.Methods {
		names = append(names, m.Method)
	}
	return names
}

// Deviations returns each method's deviation from the plan's 2015 figure,
// 100·(Q̂_2015 − Q_plan)/Q_plan, in the order of r.Methods; NaN where the
// method gave no forecast.
func (r Row) Deviations() []float64 {
	out := make([]float64, len(r.Methods))
	for i, m := range r.Methods {
		out[i] = math.NaN()
		if m.Err == nil {
			out[i] = 100 * (m.Value - r.Problem.Plan2015) / r.Problem.Plan2015
		}
	}
	return out
}

// CombinationAt returns the equal-weight combination (forecast.Combine,
// named forecast.DefaultCombinationName) of the methods that gave a
// forecast, at the interval level level, one of Levels. Row.Combined is
// CombinationAt of the last of Levels. It returns an error if no method
// gave a forecast at level.
func (r Row) CombinationAt(level float64) (forecast.Combination, error) {
	var members []forecast.Forecast
	for _, m := range r.Methods {
		for _, f := range m.Forecasts {
			if f.Level == level {
				members = append(members, f)
			}
		}
	}
	if len(members) == 0 {
		return forecast.Combination{}, fmt.Errorf("plan: %s: no forecast at level %g", r.Problem.Metal, level)
	}
	c, err := forecast.Combine("", nil, members...)
	if err != nil {
		return forecast.Combination{}, fmt.Errorf("plan: %s: %w", r.Problem.Metal, err)
	}
	return c, nil
}

// HistoricalIntensityChange is the compound annual change of the
// consumption intensity I = Q/GDP over the problem's observed years,
// from the first (2000, derived) to the last (2010):
//
//	r = (I_2010 / I_2000)^(1/10) − 1,
//
// a fraction. It is NaN if the history or the GDP driver lacks a
// positive value at either end.
func (p Problem) HistoricalIntensityChange() float64 {
	years, q := p.History.Observed()
	if len(years) < 2 {
		return math.NaN()
	}
	first, last := years[0], years[len(years)-1]
	gdp := p.Drivers[forecast.GDP]
	y0, ok0 := gdp.At(first)
	y1, ok1 := gdp.At(last)
	if !ok0 || !ok1 || !(y0 > 0) || !(y1 > 0) || !(q[0] > 0) || !(q[len(q)-1] > 0) {
		return math.NaN()
	}
	i0, i1 := q[0]/y0, q[len(q)-1]/y1
	return math.Pow(i1/i0, 1/float64(last-first)) - 1
}

// Scenarios returns the main, low and high scenarios for the given growth
// rates a year over 2011–2015: the main one is PlanScenario if growth is
// its rate and "custom" otherwise; low and high are LowScenario and
// HighScenario with the rates low and high.
func Scenarios(growth, low, high float64) (main, lo, hi Scenario) {
	main = PlanScenario()
	if growth != main.Growth {
		main = Scenario{Name: "custom", Growth: growth}
	}
	lo, hi = LowScenario(), HighScenario()
	lo.Growth, hi.Growth = low, high
	return main, lo, hi
}
