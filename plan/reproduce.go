package plan

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/series"
)

// TargetYear is the year of the plan's demand forecast.
const TargetYear = 2015

// levels are the prediction-interval levels the reproduction reports.
var levels = [...]float64{0.80, 0.95}

// Levels returns (a copy of) the prediction-interval levels the
// reproduction reports, in increasing order: 0.80 and 0.95.
func Levels() []float64 { return append([]float64(nil), levels[:]...) }

// Scenario is an assumption for China's real GDP growth over 2011–2015;
// 2001–2010 always follow the averages published when the plan was written
// (macro.PlanIndex).
type Scenario struct {
	Name   string  // "plan", "low", "high", or the caller's
	Growth float64 // real GDP growth a year over 2011–2015, a fraction
}

// Growth rates of the reproduction's low and high scenarios, a year over
// 2011–2015.
const (
	LowGrowth  = 0.06
	HighGrowth = 0.08
)

// PlanScenario returns the reproduction's main scenario, "plan": the 12th
// Five-Year Plan's target of 7 % a year (macro.TwelfthFYPTarget).
func PlanScenario() Scenario { return Scenario{Name: "plan", Growth: macro.TwelfthFYPTarget} }

// LowScenario returns the reproduction's low scenario, "low": LowGrowth
// (6 %) a year.
func LowScenario() Scenario { return Scenario{Name: "low", Growth: LowGrowth} }

// HighScenario returns the reproduction's high scenario, "high":
// HighGrowth (8 %) a year.
func HighScenario() Scenario { return Scenario{Name: "high", Growth: HighGrowth} }

// Problem is the reproduction problem of one row of the plan (a metal or
// the ten-metal total): the history to fit, the GDP driver and the
// scenario to forecast under.
type Problem struct {
	Metal        Metal
	History      series.Series     // ConsumptionHistory: 2000 (derived), 2005, 2010
	DerivedYears []int             // the years of History derived rather than published
	Drivers      forecast.Drivers  // forecast.GDP: the plan index over 2000–2010
	Scenario     forecast.Scenario // forecast.GDP over 2000–2015, horizon 5
	Assumption   Scenario          // the growth assumption the scenario was built from

	// Growth11th is the published 2006–2010 consumption growth (专栏1),
	// a fraction; Plan2015 the plan's 2015 forecast (专栏2), 万吨.
	Growth11th float64
	Plan2015   float64
}

// HistoricalElasticity is the elasticity of the reproduction's defaults:
// the published 2006–2010 consumption growth over the 11.2 % a year GDP
// growth published for the same years,
//
//	E = g_Q,2006–2010 / 0.112.
func (p Problem) HistoricalElasticity() float64 {
	return p.Growth11th / macro.EleventhFYPGrowth
}

// NewProblem returns the reproduction problem of row m under scenario sc.
// It returns an error if m is not valid or the scenario's growth is not a
// finite rate above −100 %.
func NewProblem(m Metal, sc Scenario) (Problem, error) {
	if !m.Valid() {
		return Problem{}, fmt.Errorf("plan: invalid metal %d", int(m))
	}
	gdp, err := macro.PlanIndexWith(sc.Growth)
	if err != nil {
		return Problem{}, fmt.Errorf("plan: scenario %q: %w", sc.Name, err)
	}
	observed, err := gdp.Window(HistoryStart, HistoryEnd)
	if err != nil {
		return Problem{}, fmt.Errorf("plan: %w", err)
	}
	return Problem{
		Metal:        m,
		History:      ConsumptionHistory(m),
		DerivedYears: DerivedYears(m),
		Drivers:      forecast.Drivers{forecast.GDP: observed},
		Scenario: forecast.Scenario{
			Name:    sc.Name,
			Horizon: TargetYear - HistoryEnd,
			Drivers: forecast.Drivers{forecast.GDP: gdp},
		},
		Assumption: sc,
		Growth11th: Balance(m).ConsumptionGrowth11th.Value / 100,
		Plan2015:   Plan2015(m).Value,
	}, nil
}

// MethodSet returns the methods to run on a problem. It lets the caller
// configure a method from the problem (the reproduction's elasticity is
// the problem's HistoricalElasticity) while this package imports no method
// package.
type MethodSet func(p Problem) ([]forecast.Method, error)

// Interval is a prediction interval at a level.
type Interval struct {
	Level        float64
	Lower, Upper float64 // NaN where the method gives no interval
}

// MethodResult is one method's reproduction of one row.
type MethodResult struct {
	Method     string
	Forecasts  []forecast.Forecast  // the path and interval at each of Levels
	Value      float64              // the 2015 point forecast
	Intervals  []Interval           // the 2015 interval at each of Levels
	Parameters []forecast.Parameter // the fitted parameters, if the model reports them
	// Implied is the value of the model's key parameter that reproduces
	// the plan's 2015 figure, if the model is a forecast.Implier.
	Implied    *forecast.Parameter
	ImpliedErr error // why an Implier found no implied value
	Err        error // why the method gave no forecast; the other fields are then empty
}

// Row is the reproduction of one row of the plan.
type Row struct {
	Problem  Problem
	Methods  []MethodResult
	Combined forecast.Combination // equal weights over the methods that gave a forecast, at the last of Levels
	// Value is the combination's 2015 figure and DeviationPct its
	// deviation from the plan, 100·(Value − Plan2015)/Plan2015.
	Value        float64
	DeviationPct float64
	// ImpliedElasticity and ImpliedIntensityChange are the constant
	// elasticity and the constant annual intensity change that reproduce
	// the plan's figure, NaN if no method implies them.
	ImpliedElasticity      float64
	ImpliedIntensityChange float64
}

// Report is the reproduction of the plan's 2015 forecast under one
// scenario.
type Report struct {
	Scenario Scenario
	Metals   []Row // the ten metals in the plan's order
	// Total is the ten-metal total forecast directly from its own history.
	Total Row
	// SumOfMetals is the sum of the metals' combined 2015 figures; Gap is
	// Total.Value − SumOfMetals.
	SumOfMetals float64
	Gap         float64
}

// methods returns the methods set gives for p, and an error wrapping
// ErrNoMethod for a nil set or one that gives no method,
// forecast.ErrNilMethod for a nil method among them, or set's own error,
// each naming p's metal.
func (set MethodSet) methods(p Problem) ([]forecast.Method, error) {
	if set == nil {
		return nil, fmt.Errorf("%w for %s: the MethodSet is nil", ErrNoMethod, p.Metal)
	}
	ms, err := set(p)
	if err != nil {
		return nil, fmt.Errorf("plan: %s: %w", p.Metal, err)
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("%w for %s", ErrNoMethod, p.Metal)
	}
	for i, m := range ms {
		if m == nil {
			return nil, fmt.Errorf("plan: %s: method %d: %w", p.Metal, i+1, forecast.ErrNilMethod)
		}
	}
	return ms, nil
}

// ErrNoMethod is returned (wrapped) when a row has no method to run.
var ErrNoMethod = errors.New("plan: no method")

// Reproduce runs the methods of set on every metal and on the total under
// scenario sc and compares each figure with the plan's.
//
// For each row it fits every method to the problem's history and drivers
// and forecasts to 2015 at each of Levels. A method that fails on a row is
// reported with its error and left out of that row's combination; a row on
// which every method fails is an error. The combination weighs the methods
// that gave a forecast equally (forecast.Combine). Implied parameters come
// from the models that implement forecast.Implier, solved for the plan's
// 2015 figure; parameters named forecast.ParamElasticity and
// forecast.ParamIntensityChange fill the row's implied elasticity and
// intensity change.
func Reproduce(sc Scenario, set MethodSet) (*Report, error) {
	rep := &Report{Scenario: sc}
	for _, m := range Rows() {
		p, err := NewProblem(m, sc)
		if err != nil {
			return nil, err
		}
		row, err := ReproduceRow(p, set)
		if err != nil {
			return nil, err
		}
		if m == Total {
			rep.Total = row
			continue
		}
		rep.Metals = append(rep.Metals, row)
		rep.SumOfMetals += row.Value
	}
	rep.Gap = rep.Total.Value - rep.SumOfMetals
	return rep, nil
}

// ReproduceRow runs the methods of set on one problem, as Reproduce does
// for each row.
func ReproduceRow(p Problem, set MethodSet) (Row, error) {
	methods, err := set.methods(p)
	if err != nil {
		return Row{}, err
	}
	row := Row{Problem: p, ImpliedElasticity: math.NaN(), ImpliedIntensityChange: math.NaN()}
	var members []forecast.Forecast
	for _, meth := range methods {
		r := runMethod(p, meth)
		row.Methods = append(row.Methods, r)
		if r.Err != nil {
			continue
		}
		members = append(members, r.Forecasts[len(r.Forecasts)-1])
		if r.Implied != nil {
			switch r.Implied.Name {
			case forecast.ParamElasticity:
				row.ImpliedElasticity = r.Implied.Value
			case forecast.ParamIntensityChange:
				row.ImpliedIntensityChange = r.Implied.Value
			}
		}
	}
	if len(members) == 0 {
		return Row{}, fmt.Errorf("plan: %s: every method failed; first: %w", p.Metal, row.Methods[0].Err)
	}
	row.Combined, err = forecast.Combine("", nil, members...)
	if err != nil {
		return Row{}, fmt.Errorf("plan: %s: %w", p.Metal, err)
	}
	row.Value, _ = row.Combined.Forecast.Point.At(TargetYear)
	row.DeviationPct = 100 * (row.Value - p.Plan2015) / p.Plan2015
	return row, nil
}

// runMethod fits meth to p and forecasts at every level, recording any
// error in the result.
func runMethod(p Problem, meth forecast.Method) MethodResult {
	r := MethodResult{Method: meth.Name(), Value: math.NaN()}
	fail := func(err error) MethodResult {
		return MethodResult{Method: r.Method, Value: math.NaN(), Err: fmt.Errorf("plan: %s: %s: %w", p.Metal, r.Method, err)}
	}
	model, err := meth.Fit(p.History, p.Drivers)
	if err != nil {
		return fail(err)
	}
	for _, level := range levels {
		f, err := model.Forecast(p.Scenario, level)
		if err != nil {
			return fail(err)
		}
		v, ok := f.Point.At(TargetYear)
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			return fail(fmt.Errorf("no finite forecast for %d", TargetYear))
		}
		lo, _ := f.Lower.At(TargetYear)
		hi, _ := f.Upper.At(TargetYear)
		r.Value = v
		r.Forecasts = append(r.Forecasts, f)
		r.Intervals = append(r.Intervals, Interval{Level: level, Lower: lo, Upper: hi})
	}
	if pr, ok := model.(forecast.ParameterReporter); ok {
		r.Parameters = pr.Parameters()
	}
	if im, ok := model.(forecast.Implier); ok {
		if par, err := im.Implied(p.Scenario, TargetYear, p.Plan2015); err != nil {
			r.ImpliedErr = fmt.Errorf("plan: %s: %s: implied parameter: %w", p.Metal, r.Method, err)
		} else {
			r.Implied = &par
		}
	}
	return r
}

// Method returns the result of the method named name, and whether the row
// has it.
func (r Row) Method(name string) (MethodResult, bool) {
	for _, m := range r.Methods {
		if m.Method == name {
			return m, true
		}
	}
	return MethodResult{}, false
}
