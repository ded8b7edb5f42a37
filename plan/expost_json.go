package plan

import "encoding/json"

type outcomeJSON struct {
	Metal      Metal      `json:"metal"`
	Field      Field      `json:"field"`
	Role       Role       `json:"role"`
	Text       string     `json:"text,omitempty"`
	Value      *float64   `json:"value"`
	Confidence Confidence `json:"confidence,omitempty"`
	Date       string     `json:"date,omitempty"`
	Basis      string     `json:"basis"`
	Source     string     `json:"source,omitempty"`
	Printed    string     `json:"printed,omitempty"`
	Unit       string     `json:"unit,omitempty"`
	Formula    string     `json:"formula,omitempty"`
	Derivation string     `json:"derivation,omitempty"`
	Quote      string     `json:"quote,omitempty"`
}

// MarshalJSON encodes the outcome with its figure's text and value (null
// for RoleNone) and every source field.
func (o Outcome) MarshalJSON() ([]byte, error) {
	return json.Marshal(outcomeJSON{
		Metal: o.Metal, Field: o.Field, Role: o.Role, Text: o.Figure.Text, Value: number(o.Value()),
		Confidence: o.Confidence, Date: o.Date, Basis: o.Basis, Source: o.Source,
		Printed: o.Printed, Unit: o.Unit, Formula: o.Formula, Derivation: o.Derivation, Quote: o.Quote,
	})
}

type forecastJSON struct {
	Method         string   `json:"method"`
	AtPlan         *float64 `json:"at_plan"`
	AtActual       *float64 `json:"at_actual"`
	ErrAtPlan      *float64 `json:"error_at_plan"`
	ErrAtPlanPct   *float64 `json:"error_at_plan_pct"`
	ErrAtActual    *float64 `json:"error_at_actual"`
	ErrAtActualPct *float64 `json:"error_at_actual_pct"`
	Err            string   `json:"error,omitempty"`
}

// MarshalJSON encodes the forecast with null for a missing number and the
// method's error as a string.
func (f ExPostForecast) MarshalJSON() ([]byte, error) {
	j := forecastJSON{
		Method: f.Method, AtPlan: number(f.AtPlan), AtActual: number(f.AtActual),
		ErrAtPlan: number(f.ErrAtPlan), ErrAtPlanPct: number(f.ErrAtPlanPct),
		ErrAtActual: number(f.ErrAtActual), ErrAtActualPct: number(f.ErrAtActualPct),
	}
	if f.Err != nil {
		j.Err = f.Err.Error()
	}
	return json.Marshal(j)
}

type paramsJSON struct {
	Historical   *float64 `json:"historical"`
	Plan         *float64 `json:"plan"`
	PlanAtActual *float64 `json:"plan_at_actual,omitempty"`
	Outcome      *float64 `json:"outcome"`
}

type expertJSON struct {
	Value      *float64      `json:"value"`
	Methods    int           `json:"methods"`
	Impossible Impossibility `json:"impossible,omitempty"`
}

type rowJSON struct {
	Metal           Metal            `json:"metal"`
	Outcome         Outcome          `json:"outcome"`
	HasOutcome      bool             `json:"has_outcome"`
	Alternatives    []Outcome        `json:"alternatives,omitempty"`
	Plan            *float64         `json:"plan"`
	PlanErr         *float64         `json:"plan_error"`
	PlanErrPct      *float64         `json:"plan_error_pct"`
	Methods         []ExPostForecast `json:"methods"`
	Combined        ExPostForecast   `json:"combined"`
	GDPPart         *float64         `json:"gdp_part"`
	GDPPartPct      *float64         `json:"gdp_part_pct"`
	Rest            *float64         `json:"rest"`
	RestPct         *float64         `json:"rest_pct"`
	Elasticity      paramsJSON       `json:"elasticity"`
	IntensityChange paramsJSON       `json:"intensity_change"`
	Expert          expertJSON       `json:"implied_expert"`
}

type productionJSON struct {
	Metal            Metal     `json:"metal"`
	Target           string    `json:"target"`
	TargetValue      *float64  `json:"target_value"`
	TargetGrowth     string    `json:"target_growth_pct"`
	Outcome          Outcome   `json:"outcome"`
	OutcomeGrowth    Outcome   `json:"outcome_growth"`
	Alternatives     []Outcome `json:"alternatives,omitempty"`
	Err              *float64  `json:"error"`
	ErrPct           *float64  `json:"error_pct"`
	RecomputedGrowth *float64  `json:"recomputed_growth_pct"`
}

type expostJSON struct {
	ActualGrowthFrom int              `json:"actual_gdp_growth_from"`
	ActualGrowth     []float64        `json:"actual_gdp_growth"`
	ActualAverage    float64          `json:"actual_gdp_growth_average"`
	PlanGrowth       float64          `json:"plan_gdp_growth"`
	MethodNames      []string         `json:"methods"`
	Rows             []rowJSON        `json:"rows"`
	Production       []productionJSON `json:"production"`
	Reading          []string         `json:"reading"`
}

// MarshalJSON encodes the check as a document: the GDP paths, one object
// per row (outcome with its source, the plan, each method and the
// combination with their errors, the split, the parameters, the implied
// expert figure), the production checks and the reading. Missing numbers
// are null. The rows' reproductions (AtPlan, AtActual) are left out: the
// reproduction's own report carries the paths.
func (c *ExPost) MarshalJSON() ([]byte, error) {
	j := expostJSON{
		ActualGrowthFrom: c.ActualGrowth.Start, ActualGrowth: c.ActualGrowth.Values,
		ActualAverage: ActualScenario().Growth, PlanGrowth: PlanScenario().Growth,
		MethodNames: c.MethodNames, Reading: c.Reading(),
		Rows: []rowJSON{}, Production: []productionJSON{},
	}
	for _, r := range c.Rows {
		j.Rows = append(j.Rows, rowJSON{
			Metal: r.Metal, Outcome: r.Outcome, HasOutcome: r.HasOutcome, Alternatives: r.Alternatives,
			Plan: number(r.Plan), PlanErr: number(r.PlanErr), PlanErrPct: number(r.PlanErrPct),
			Methods: r.Methods, Combined: r.Combined,
			GDPPart: number(r.GDPPart), GDPPartPct: number(r.GDPPartPct), Rest: number(r.Rest), RestPct: number(r.RestPct),
			Elasticity: paramsJSON{
				Historical: number(r.HistoricalElasticity), Plan: number(r.PlanElasticity),
				PlanAtActual: number(r.PlanElasticityAtActual), Outcome: number(r.OutcomeElasticity),
			},
			IntensityChange: paramsJSON{
				Historical: number(r.HistoricalIntensityChange), Plan: number(r.PlanIntensityChange),
				Outcome: number(r.OutcomeIntensityChange),
			},
			Expert: expertJSON{Value: number(r.Expert.Value), Methods: r.Expert.Methods, Impossible: r.Expert.Impossible},
		})
	}
	for _, p := range c.Production {
		j.Production = append(j.Production, productionJSON{
			Metal: p.Metal, Target: p.Target.Production2015.Text, TargetValue: number(p.Target.Production2015.Value),
			TargetGrowth: p.Target.ProductionGrowth12th.Text, Outcome: p.Outcome, OutcomeGrowth: p.OutcomeGrowth,
			Alternatives: p.Alternatives, Err: number(p.Err), ErrPct: number(p.ErrPct), RecomputedGrowth: number(p.RecomputedGrowth),
		})
	}
	return json.Marshal(j)
}
