package main

import (
	"math"
	"slices"
	"strconv"

	"github.com/nonferrous/demand/plan"
)

// Report is the document plan2015 prints.
type Report struct {
	Unit   string    `json:"unit"`   // unit of the levels: 万吨 (10 kt)
	Metals []Row     `json:"metals"` // the ten metals in the plan's order
	Total  Row       `json:"total"`  // the ten-metal total
	Audit  []Finding `json:"audit"`  // the plan's figures inconsistent beyond rounding
	// Scenario is the GDP assumption of the reproduction, Methods the
	// methods run, in column order.
	Scenario *Scenario `json:"scenario,omitempty"`
	Methods  []string  `json:"methods,omitempty"`
	// Charts lists the chart files written.
	Charts []string `json:"charts,omitempty"`
	Checks int      `json:"checks"` // the number of audit checks made
}

// Row is one metal's (or the total's) history and plan figure.
type Row struct {
	Metal        string `json:"metal"`         // English name, or "total"
	Chinese      string `json:"chinese"`       // the plan's row label, e.g. 精炼铜
	ChineseShort string `json:"chinese_short"` // the short name, e.g. 铜
	// History holds the observed years of the consumption history, keyed by
	// year; DerivedYears lists the years derived rather than published.
	History      map[string]float64 `json:"history"`
	DerivedYears []int              `json:"derived_years"`
	// Plan2015 is the plan's 2015 consumption forecast (专栏2) and
	// PlanGrowth its 2011–2015 growth, percent a year.
	Plan2015   float64 `json:"plan2015"`
	PlanGrowth float64 `json:"plan_growth_2011_2015_pct"`

	// The reproduction under the main scenario (see reproduction.go).
	Forecasts map[string]float64               `json:"forecasts,omitempty"`      // each method's 2015 figure
	Intervals map[string]map[string][2]float64 `json:"intervals,omitempty"`      // method → level ("80", "95") → [lower, upper]
	Range     map[string][2]float64            `json:"scenario_range,omitempty"` // method → [low-scenario, high-scenario] 2015 figure
	Errors    map[string]string                `json:"errors,omitempty"`         // method → why it gave no forecast
	// Combined is the equal-weight combination's 2015 figure; for the
	// total it is the sum of the metals' combinations, and Direct the
	// total's own combination from its history, Gap = Direct − Combined.
	Combined     *float64 `json:"combined,omitempty"`
	Direct       *float64 `json:"direct,omitempty"`
	Gap          *float64 `json:"gap,omitempty"`
	DeviationPct *float64 `json:"deviation_pct,omitempty"` // 100·(Combined − Plan2015)/Plan2015
	// The elasticity and annual intensity change (a fraction) that
	// reproduce the plan's figure, and their historical counterparts:
	// the published 2006–2010 consumption growth over 11.2 %, and the
	// intensity's 2000–2010 compound annual change.
	ImpliedElasticity         *float64 `json:"implied_elasticity,omitempty"`
	HistoricalElasticity      *float64 `json:"historical_elasticity,omitempty"`
	ImpliedIntensityChange    *float64 `json:"implied_intensity_change,omitempty"`
	HistoricalIntensityChange *float64 `json:"historical_intensity_change,omitempty"`

	// The figures as printed, for the text table.
	Plan2015Text   string `json:"-"`
	PlanGrowthText string `json:"-"`
	historyText    map[int]string
}

// Finding is one audit finding.
type Finding struct {
	Table         string  `json:"table"`
	Metal         string  `json:"metal"` // English name, or "total"
	Field         string  `json:"field"`
	Kind          string  `json:"kind"`  // rate, sum or cross
	Basis         string  `json:"basis"` // what the recomputed value comes from
	PublishedText string  `json:"published_text"`
	Published     float64 `json:"published"`
	Recomputed    float64 `json:"recomputed"`
	Lo            float64 `json:"attainable_lo"` // attainable under the rounding of the inputs
	Hi            float64 `json:"attainable_hi"`
}

// BuildReport assembles the report from the plan package.
func BuildReport() Report {
	r := Report{Unit: plan.Unit, Total: NewRow(plan.Total), Checks: len(plan.Checks())}
	for _, m := range plan.Metals() {
		r.Metals = append(r.Metals, NewRow(m))
	}
	for _, f := range plan.Audit() {
		r.Audit = append(r.Audit, NewFinding(f))
	}
	return r
}

// NewRow returns m's row of the report.
func NewRow(m plan.Metal) Row {
	h := plan.ConsumptionHistory(m)
	d := plan.Demand(m)
	b := plan.Balance(m)
	row := Row{
		Metal: m.String(), Chinese: m.Label(), ChineseShort: m.Chinese(),
		History:        make(map[string]float64),
		DerivedYears:   plan.DerivedYears(m),
		Plan2015:       d.Consumption2015.Value,
		PlanGrowth:     d.ConsumptionGrowth12th.Value,
		Plan2015Text:   d.Consumption2015.Text,
		PlanGrowthText: d.ConsumptionGrowth12th.Text,
		historyText:    map[int]string{2005: b.Consumption2005.Text, 2010: b.Consumption2010.Text},
	}
	years, values := h.Observed()
	for i, y := range years {
		row.History[strconv.Itoa(y)] = values[i]
	}
	return row
}

// cell formats the history at year for the text table: the printed figure
// for a published year, two decimals and a * for a derived one.
func (r Row) cell(year int) string {
	if slices.Contains(r.DerivedYears, year) {
		v, ok := r.History[strconv.Itoa(year)]
		if !ok || math.IsNaN(v) {
			return "–"
		}
		return strconv.FormatFloat(v, 'f', 2, 64) + "*"
	}
	if t, ok := r.historyText[year]; ok {
		return t
	}
	if v, ok := r.History[strconv.Itoa(year)]; ok {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return "–"
}

// NewFinding converts an audit finding of the plan package.
func NewFinding(f plan.Finding) Finding {
	return Finding{
		Table: string(f.Table), Metal: f.Metal.String(), Field: string(f.Field), Kind: f.Kind, Basis: f.Basis,
		PublishedText: f.PublishedText, Published: f.Published, Recomputed: f.Recomputed, Lo: f.Lo, Hi: f.Hi,
	}
}
