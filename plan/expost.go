package plan

import (
	"fmt"
	"math"
	"strconv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/series"
)

// ActualFrom and ActualTo bound the years whose real GDP growth, as it
// happened, replaces the plan's 7 % assumption in the ex-post check.
const (
	ActualFrom = HistoryEnd + 1 // 2011
	ActualTo   = TargetYear     // 2015
)

// ActualGrowth returns China's real GDP growth over 2011–2015 as it
// happened, fractions (macro.RealGrowth, NBS current vintage): 9.6 %,
// 7.9 %, 7.8 %, 7.4 % and 7.0 %.
func ActualGrowth() series.Series {
	g, err := macro.RealGrowth().Window(ActualFrom, ActualTo)
	if err != nil {
		panic(err) // unreachable: macro carries 2000–2015
	}
	return g
}

// ActualScenario returns the GDP of 2011–2015 as it happened, summarised by its
// average annual growth, (∏(1 + g_t))^(1/5) − 1 = 7.94 %. The ex-post check
// uses the annual path (ActualGrowth), not the average.
func ActualScenario() Scenario { return Scenario{Name: "actual", Growth: actualAverage()} }

func actualAverage() float64 {
	p := 1.0
	for _, g := range ActualGrowth().Values {
		p *= 1 + g
	}
	return math.Pow(p, 1/float64(ActualTo-HistoryEnd)) - 1
}

// NewActualProblem returns the reproduction problem of row m with the GDP
// of 2011–2015 as it happened: the same history and the same 2000–2010
// driver as NewProblem (the averages published when the plan was written),
// and a scenario whose index grows at the NBS rates of ActualGrowth over
// 2011–2015. Only the assumption the plan made about the future changes.
// Its Assumption is ActualScenario.
func NewActualProblem(m Metal) (Problem, error) {
	p, err := NewProblem(m, PlanScenario())
	if err != nil {
		return Problem{}, err
	}
	gdp, err := macro.Extend(p.Drivers[forecast.GDP], ActualGrowth())
	if err != nil {
		return Problem{}, fmt.Errorf("plan: %w", err)
	}
	p.Scenario = forecast.Scenario{
		Name:    ActualScenario().Name,
		Horizon: TargetYear - HistoryEnd,
		Drivers: forecast.Drivers{forecast.GDP: gdp},
	}
	p.Assumption = ActualScenario()
	return p, nil
}

// ExPostForecast is one forecast of a row's 2015 consumption — a method's
// or the combination's — under the plan's GDP assumption and under the GDP
// that happened, with its errors against the outcome,
//
//	error = forecast − outcome (万吨),  error % = 100·(forecast − outcome)/outcome,
//
// NaN when the row has no outcome or the method failed.
type ExPostForecast struct {
	Method           string
	AtPlan, AtActual float64 // the 2015 figure at 7 % a year and at the GDP that happened
	ErrAtPlan        float64
	ErrAtPlanPct     float64
	ErrAtActual      float64
	ErrAtActualPct   float64
	Err              error // why the method gave no forecast under either GDP path
}

// Impossibility says why an implied expert figure cannot be an expert's
// judgment.
type Impossibility string

// The reasons an implied expert figure is impossible.
const (
	Possible Impossibility = ""
	// BelowZero: the figure is negative.
	BelowZero Impossibility = "below zero"
	// BelowLevel2010: the figure is below the 2010 consumption while every
	// reproduced method forecasts growth from it.
	BelowLevel2010 Impossibility = "below the 2010 level while every method grows"
)

// ImpliedExpert is the expert figure an equal-weight combination of the
// expert method with the k reproduced methods would have needed to give
// the plan's figure P:
//
//	(X + Σ_i F_i)/(k + 1) = P  ⇒  X = (k + 1)·P − Σ_i F_i,
//
// F_i the methods' 2015 figures under the plan's 7 % assumption; with the
// three defaults X = 4·P − (F_elasticity + F_intensity + F_regression).
type ImpliedExpert struct {
	Value      float64
	Methods    int // k, the methods that gave a forecast
	Impossible Impossibility
}

// ExPostRow is the ex-post check of one row of the plan's 2015 demand
// forecast (专栏2).
type ExPostRow struct {
	Metal Metal
	// Outcome is the 2015 apparent consumption checked against (OutcomeOf);
	// HasOutcome is false where none was found, and then every error below,
	// Rest and the outcome-implied parameters are NaN (GDPPart is still
	// given). Alternatives are other sources, shown but not checked.
	Outcome      Outcome
	HasOutcome   bool
	Alternatives []Outcome

	Plan float64 // the plan's 2015 figure (专栏2)
	// PlanErr and PlanErrPct are the plan's error, P − O and 100·(P − O)/O.
	PlanErr, PlanErrPct float64

	// AtPlan and AtActual are the reproduction of the row under the plan's
	// 7 % a year and under the GDP that happened (NewActualProblem): the
	// history, each method's path and intervals, for charts.
	AtPlan, AtActual Row

	Methods  []ExPostForecast // in the order of the method set
	Combined ExPostForecast   // the equal-weight combination

	// The split of the plan's error e = P − O into the part the GDP
	// assumption explains and the rest:
	//
	//	GDPPart = C_7 − C_actual,   Rest = e − GDPPart = (P + C_actual − C_7) − O,
	//
	// C_7 and C_actual the combination under 7 % and under the GDP that
	// happened. GDPPart is what the methods say the 7 % assumption took off
	// (negative when growth was faster), given for every row; Rest is the
	// error the plan's figure would still have had if it had moved with the
	// GDP as the methods do. In percent of the outcome they add up to
	// PlanErrPct.
	GDPPart, GDPPartPct float64
	Rest, RestPct       float64

	// Elasticities of consumption to GDP: HistoricalElasticity of the
	// defaults (2006–2010 growth over 11.2 %), the constant E that reaches
	// the plan's figure under 7 % (PlanElasticity) and under the GDP that
	// happened (PlanElasticityAtActual), and the E the outcome itself
	// implies over 2011–2015 under the GDP that happened,
	// Q_2010·∏(1 + E·g_t) = O (OutcomeElasticity). NaN where no method
	// implies one.
	HistoricalElasticity, PlanElasticity, PlanElasticityAtActual, OutcomeElasticity float64
	// Annual changes of intensity Q/Y, fractions: over 2000–2010,
	// ((Q_2010/Y_2010)/(Q_2000/Y_2000))^(1/10) − 1 (Historical…), the
	// constant change from 2010 that reaches the plan under 7 % (Plan…)
	// and the one that reaches the outcome under the GDP that happened
	// (Outcome…).
	HistoricalIntensityChange, PlanIntensityChange, OutcomeIntensityChange float64

	Expert ImpliedExpert
}

// ProductionCheck is a production target of section 三(三)1 checked
// against the 2015 production outcome.
type ProductionCheck struct {
	Metal         Metal
	Target        TargetRow // the 2015 target and its growth rate
	Outcome       Outcome   // 2015 production
	OutcomeGrowth Outcome   // its published 2011–2015 growth, percent a year
	Alternatives  []Outcome
	// Err and ErrPct are Target − Outcome and 100·(Target − Outcome)/Outcome.
	Err, ErrPct float64
	// RecomputedGrowth is the growth from 专栏1's 2010 production to the
	// outcome, 100·((O/Q_2010)^(1/5) − 1), percent a year; it differs from
	// OutcomeGrowth where the source revised 2010.
	RecomputedGrowth float64
}

// ExPost is the check of the plan's 2015 figures against 2015 as it
// turned out.
type ExPost struct {
	ActualGrowth series.Series // real GDP growth 2011–2015, fractions
	Rows         []ExPostRow   // Total, then the ten metals in the plan's order
	Production   []ProductionCheck
	MethodNames  []string // the methods of the set, in order
}

// CheckExPost runs the methods of set on every row under the plan's GDP
// assumption (PlanScenario) and under the GDP that happened
// (NewActualProblem), and compares each with the 2015 outcome where one is
// sourced. Like Reproduce, a row on which every method fails is an error.
func CheckExPost(set MethodSet) (*ExPost, error) {
	c := &ExPost{ActualGrowth: ActualGrowth()}
	for _, m := range Rows() {
		row, err := checkRow(m, set)
		if err != nil {
			return nil, err
		}
		if c.MethodNames == nil {
			for _, r := range row.AtPlan.Methods {
				c.MethodNames = append(c.MethodNames, r.Method)
			}
		}
		c.Rows = append(c.Rows, row)
	}
	for _, m := range Rows() {
		if pc, ok := checkProduction(m); ok {
			c.Production = append(c.Production, pc)
		}
	}
	return c, nil
}

// Row returns the check of row m, and whether c has it.
func (c *ExPost) Row(m Metal) (ExPostRow, bool) {
	for _, r := range c.Rows {
		if r.Metal == m {
			return r, true
		}
	}
	return ExPostRow{}, false
}

// Checked returns the rows that have an outcome, in the order of c.Rows:
// those whose forecasts are checked.
func (c *ExPost) Checked() []ExPostRow {
	var rows []ExPostRow
	for _, r := range c.Rows {
		if r.HasOutcome {
			rows = append(rows, r)
		}
	}
	return rows
}

// unchecked returns the names of the rows that have no outcome.
func (c *ExPost) unchecked() []string {
	var names []string
	for _, r := range c.Rows {
		if !r.HasOutcome {
			names = append(names, r.Metal.String())
		}
	}
	return names
}

func checkRow(m Metal, set MethodSet) (ExPostRow, error) {
	nan := math.NaN()
	pp, err := NewProblem(m, PlanScenario())
	if err != nil {
		return ExPostRow{}, err
	}
	pa, err := NewActualProblem(m)
	if err != nil {
		return ExPostRow{}, err
	}
	atPlan, err := ReproduceRow(pp, set)
	if err != nil {
		return ExPostRow{}, err
	}
	atActual, err := ReproduceRow(pa, set)
	if err != nil {
		return ExPostRow{}, err
	}
	out, has := OutcomeOf(m, Consumption2015)
	o := nan
	if has {
		o = out.Value()
	}
	errs := func(v float64) (float64, float64) { return v - o, 100 * (v - o) / o }
	fc := func(name string, v7, va float64, err error) ExPostForecast {
		f := ExPostForecast{Method: name, AtPlan: v7, AtActual: va, Err: err}
		f.ErrAtPlan, f.ErrAtPlanPct = errs(v7)
		f.ErrAtActual, f.ErrAtActualPct = errs(va)
		return f
	}
	row := ExPostRow{
		Metal: m, Outcome: out, HasOutcome: has, Alternatives: OutcomeAlternatives(m, Consumption2015),
		Plan: pp.Plan2015, AtPlan: atPlan, AtActual: atActual,
		HistoricalElasticity:      pp.HistoricalElasticity(),
		PlanElasticity:            atPlan.ImpliedElasticity,
		PlanElasticityAtActual:    atActual.ImpliedElasticity,
		PlanIntensityChange:       atPlan.ImpliedIntensityChange,
		HistoricalIntensityChange: pp.HistoricalIntensityChange(),
		OutcomeElasticity:         nan, OutcomeIntensityChange: nan,
	}
	row.PlanErr, row.PlanErrPct = errs(row.Plan)
	if len(atPlan.Methods) != len(atActual.Methods) {
		return ExPostRow{}, fmt.Errorf("plan: %s: the method set gave %d methods, then %d", m, len(atPlan.Methods), len(atActual.Methods))
	}
	for i, r7 := range atPlan.Methods {
		ra := atActual.Methods[i]
		err := r7.Err
		if err == nil {
			err = ra.Err
		}
		row.Methods = append(row.Methods, fc(r7.Method, r7.Value, ra.Value, err))
	}
	row.Combined = fc(atPlan.Combined.Forecast.Method, atPlan.Value, atActual.Value, nil)
	row.GDPPart = atPlan.Value - atActual.Value
	row.GDPPartPct = 100 * row.GDPPart / o
	row.Rest = row.PlanErr - row.GDPPart
	row.RestPct = 100 * row.Rest / o
	if !has {
		row.Rest, row.RestPct = nan, nan // GDPPart (万吨) is defined without an outcome
	} else {
		row.OutcomeElasticity, row.OutcomeIntensityChange, err = impliedFor(pa, set, o)
		if err != nil {
			return ExPostRow{}, err
		}
	}
	row.Expert = impliedExpert(atPlan)
	return row, nil
}

// impliedFor fits the methods of set to p and returns the elasticity and
// the intensity change their Implier models give for target in 2015 under
// p's scenario, NaN where none does.
func impliedFor(p Problem, set MethodSet, target float64) (e, r float64, err error) {
	e, r = math.NaN(), math.NaN()
	methods, err := set.methods(p)
	if err != nil {
		return e, r, err
	}
	for _, meth := range methods {
		model, err := meth.Fit(p.History, p.Drivers)
		if err != nil {
			continue // reported by ReproduceRow
		}
		im, ok := model.(forecast.Implier)
		if !ok {
			continue
		}
		par, err := im.Implied(p.Scenario, TargetYear, target)
		if err != nil {
			continue
		}
		switch par.Name {
		case forecast.ParamElasticity:
			e = par.Value
		case forecast.ParamIntensityChange:
			r = par.Value
		}
	}
	return e, r, nil
}

func impliedExpert(r Row) ImpliedExpert {
	var (
		sum   float64
		k     int
		grows = true
	)
	q2010, _ := r.Problem.History.At(HistoryEnd)
	for _, m := range r.Methods {
		if m.Err != nil {
			continue
		}
		sum += m.Value
		k++
		grows = grows && m.Value > q2010
	}
	x := ImpliedExpert{Value: float64(k+1)*r.Problem.Plan2015 - sum, Methods: k}
	switch {
	case x.Value < 0:
		x.Impossible = BelowZero
	case x.Value < q2010 && grows:
		x.Impossible = BelowLevel2010
	}
	return x
}

func checkProduction(m Metal) (ProductionCheck, bool) {
	t, ok := ProductionTarget(m)
	if !ok {
		return ProductionCheck{}, false
	}
	o, ok := OutcomeOf(m, Production2015)
	if !ok {
		return ProductionCheck{}, false
	}
	g, _ := OutcomeOf(m, ProductionGrowth12th)
	v, tv := o.Value(), t.Production2015.Value
	q2010 := Balance(m).Production2010.Value
	return ProductionCheck{
		Metal: m, Target: t, Outcome: o, OutcomeGrowth: g,
		Alternatives: OutcomeAlternatives(m, Production2015),
		Err:          tv - v, ErrPct: 100 * (tv - v) / v,
		RecomputedGrowth: 100 * (math.Pow(v/q2010, 1/float64(TargetYear-HistoryEnd)) - 1),
	}, true
}

// ChartRef is a labelled point for a chart of the check; its fields are
// those of plotting.Ref, so plotting.Ref(ref) converts it (this package
// does not import plotting).
type ChartRef struct {
	Year  int
	Value float64
	Label string
}

// ChartRefs returns the reference points of the row's chart: the plan's
// 2015 figure and, where one was found, the outcome labelled with its
// confidence, e.g. "outcome 1148, derived (medium confidence)", in
// English ("outcome about 5560" for 约5560). A row with
// no outcome has only the plan's point.
func (r ExPostRow) ChartRefs() []ChartRef {
	refs := []ChartRef{{Year: TargetYear, Value: r.Plan, Label: "plan " + Plan2015(r.Metal).Text}}
	if r.HasOutcome {
		l := "outcome " + r.Outcome.Figure.Text
		if r.Outcome.Figure.Approx { // English text: 约5560 is "about 5560"
			l = "outcome about " + strconv.FormatFloat(r.Outcome.Value(), 'f', -1, 64)
		}
		if r.Outcome.Derived() {
			l += ", derived"
		}
		refs = append(refs, ChartRef{Year: TargetYear, Value: r.Outcome.Value(), Label: l + " (" + string(r.Outcome.Confidence) + " confidence)"})
	}
	return refs
}

// ActualPathName is the Method name of ActualPath.
const ActualPathName = "combination at actual GDP"

// ActualPath returns the combination's path under the GDP that happened,
// named ActualPathName, without an interval (its bounds are NaN), to draw
// beside the methods at 7 %.
func (r ExPostRow) ActualPath() forecast.Forecast {
	f := r.AtActual.Combined.Forecast
	p := f.Point.Clone()
	nan := p.Clone()
	for i := range nan.Values {
		nan.Values[i] = math.NaN()
	}
	return forecast.Forecast{Method: ActualPathName, Point: p, Lower: nan, Upper: nan.Clone(), Level: f.Level}
}
