package plan

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/nonferrous/demand/macro"
)

// Document is the reproduction as one self-describing document: the
// plan's history and 2015 figures, the audit, and the reproduction of a
// Study (each method's figure, its intervals and scenario range, the
// combination, the deviation and the implied parameters). Its JSON form,
// given by the json tags, is stable: fields are added, never renamed.
//
// Levels are in Unit (万吨, 10 kt); growth rates and intensity changes are
// fractions except where a field name ends in _pct. A number that does not
// exist (NaN) is left out of the JSON.
type Document struct {
	Unit   string        `json:"unit"`   // unit of the levels: 万吨 (10 kt)
	Metals []DocumentRow `json:"metals"` // the ten metals in the plan's order
	Total  DocumentRow   `json:"total"`  // the ten-metal total
	// Audit lists the plan's figures inconsistent beyond rounding.
	Audit []DocumentFinding `json:"audit"`
	// Scenario is the GDP assumption of the reproduction, Methods the
	// methods run, in column order; both are absent without a Study.
	Scenario *DocumentScenario `json:"scenario,omitempty"`
	Methods  []string          `json:"methods,omitempty"`
	// Charts lists chart files written alongside, for the caller to fill.
	Charts []string `json:"charts,omitempty"`
	Checks int      `json:"checks"` // the number of audit checks made
	// ExPost is the check of the plan's 2015 figures against 2015 as it
	// turned out (CheckExPost), for the caller to fill; absent when nil.
	// Its JSON form is that of (*ExPost).MarshalJSON.
	ExPost *ExPost `json:"ex_post,omitempty"`
}

// DocumentScenario is the GDP assumption of a Document: real growth a year
// over 2011–2015 in the main, low and high scenarios, as fractions.
type DocumentScenario struct {
	Name   string  `json:"name"`
	Growth float64 `json:"gdp_growth_2011_2015"`
	Low    float64 `json:"low_growth"`
	High   float64 `json:"high_growth"`
}

// DocumentRow is one metal's (or the total's) row of a Document.
type DocumentRow struct {
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

	// The reproduction under the main scenario.
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
	// Problem.HistoricalElasticity (the published 2006–2010 consumption
	// growth over 11.2 %) and Problem.HistoricalIntensityChange (the
	// intensity's 2000–2010 compound annual change).
	ImpliedElasticity         *float64 `json:"implied_elasticity,omitempty"`
	HistoricalElasticity      *float64 `json:"historical_elasticity,omitempty"`
	ImpliedIntensityChange    *float64 `json:"implied_intensity_change,omitempty"`
	HistoricalIntensityChange *float64 `json:"historical_intensity_change,omitempty"`

	// Plan2015Text and PlanGrowthText are the plan's figures as printed.
	Plan2015Text   string `json:"-"`
	PlanGrowthText string `json:"-"`
	historyText    map[int]string
}

// DocumentFinding is one audit finding of a Document (see Finding).
type DocumentFinding struct {
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

// NewDocument returns the document of the plan's tables and audit and, if
// st is not nil, of the study's reproduction: the main scenario's figures,
// with each method's range from the low and high scenarios.
func NewDocument(st *Study) *Document {
	d := &Document{Unit: Unit, Total: newDocumentRow(Total), Checks: len(Checks())}
	for _, m := range Metals() {
		d.Metals = append(d.Metals, newDocumentRow(m))
	}
	for _, f := range Audit() {
		d.Audit = append(d.Audit, DocumentFinding{
			Table: string(f.Table), Metal: f.Metal.String(), Field: string(f.Field), Kind: f.Kind, Basis: f.Basis,
			PublishedText: f.PublishedText, Published: f.Published, Recomputed: f.Recomputed, Lo: f.Lo, Hi: f.Hi,
		})
	}
	if st == nil {
		return d
	}
	main, low, high := st.Main, st.Low, st.High
	d.Scenario = &DocumentScenario{Name: main.Scenario.Name, Growth: main.Scenario.Growth,
		Low: low.Scenario.Growth, High: high.Scenario.Growth}
	d.Methods = main.Methods()
	for i := range d.Metals {
		d.Metals[i].fill(main.Metals[i], low.Metals[i], high.Metals[i])
	}
	t := &d.Total
	t.fill(main.Total, low.Total, high.Total)
	// For the total, "combined" is the sum of the metals' combinations and
	// "direct" the total's own combination.
	t.Direct = t.Combined
	t.Combined = number(main.SumOfMetals)
	t.Gap = number(main.Gap)
	t.DeviationPct = number(100 * (main.SumOfMetals - t.Plan2015) / t.Plan2015)
	return d
}

// newDocumentRow returns m's row with the plan's figures only.
func newDocumentRow(m Metal) DocumentRow {
	h := ConsumptionHistory(m)
	dm := Demand(m)
	b := Balance(m)
	row := DocumentRow{
		Metal: m.String(), Chinese: m.Label(), ChineseShort: m.Chinese(),
		History:        make(map[string]float64),
		DerivedYears:   DerivedYears(m),
		Plan2015:       dm.Consumption2015.Value,
		PlanGrowth:     dm.ConsumptionGrowth12th.Value,
		Plan2015Text:   dm.Consumption2015.Text,
		PlanGrowthText: dm.ConsumptionGrowth12th.Text,
		historyText:    map[int]string{2005: b.Consumption2005.Text, 2010: b.Consumption2010.Text},
	}
	years, values := h.Observed()
	for i, y := range years {
		row.History[strconv.Itoa(y)] = values[i]
	}
	return row
}

// fill copies one row of the reproduction into r.
func (r *DocumentRow) fill(main, low, high Row) {
	r.Forecasts = map[string]float64{}
	r.Intervals = map[string]map[string][2]float64{}
	r.Range = map[string][2]float64{}
	for j, m := range main.Methods {
		if m.Err != nil {
			if r.Errors == nil {
				r.Errors = map[string]string{}
			}
			// The cause, without the "plan: metal: method: " that
			// runMethod wrapped it in: the row and the key say those.
			cause := m.Err
			if u := errors.Unwrap(cause); u != nil {
				cause = u
			}
			r.Errors[m.Method] = cause.Error()
			continue
		}
		r.Forecasts[m.Method] = m.Value
		for _, iv := range m.Intervals {
			if math.IsNaN(iv.Lower) || math.IsNaN(iv.Upper) {
				continue
			}
			if r.Intervals[m.Method] == nil {
				r.Intervals[m.Method] = map[string][2]float64{}
			}
			r.Intervals[m.Method][strconv.FormatFloat(100*iv.Level, 'f', -1, 64)] = [2]float64{iv.Lower, iv.Upper}
		}
		if l, h := low.Methods[j], high.Methods[j]; l.Err == nil && h.Err == nil {
			r.Range[m.Method] = [2]float64{l.Value, h.Value}
		}
	}
	r.Combined = number(main.Value)
	r.DeviationPct = number(main.DeviationPct)
	r.ImpliedElasticity = number(main.ImpliedElasticity)
	r.HistoricalElasticity = number(main.Problem.HistoricalElasticity())
	r.ImpliedIntensityChange = number(main.ImpliedIntensityChange)
	r.HistoricalIntensityChange = number(main.Problem.HistoricalIntensityChange())
}

// number returns a pointer to v, or nil for NaN or an infinity (JSON has
// no NaN: the field is then left out).
func number(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// Cell formats the history at year for a text table: the printed figure
// for a published year, two decimals and a * for a derived one, "–" for a
// year the row lacks.
func (r DocumentRow) Cell(year int) string {
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

// Warnings returns what a reader of the document must not miss, one line
// each: a scenario growth beyond macro.WarnRate a year (macro.GrowthWarning),
// and a 2015 figure — a method's, a range bound or a combination — below
// zero, which consumption cannot be (the method's fit extrapolates past
// zero under the scenario). It is empty when there is nothing to warn of.
func (d *Document) Warnings() []string {
	var ws []string
	if sc := d.Scenario; sc != nil {
		for _, g := range []struct {
			what string
			g    float64
		}{{"main", sc.Growth}, {"low", sc.Low}, {"high", sc.High}} {
			if w := macro.GrowthWarning(g.g); w != "" {
				ws = append(ws, fmt.Sprintf("%s scenario: %s", g.what, w))
			}
		}
	}
	for _, r := range append(slices.Clone(d.Metals), d.Total) {
		for _, m := range d.Methods {
			if v, ok := r.Forecasts[m]; ok && v < 0 {
				ws = append(ws, fmt.Sprintf("%s: %s forecasts %.4g for 2015, below zero: consumption cannot be negative", r.Metal, m, v))
			}
			if rg, ok := r.Range[m]; ok && (rg[0] < 0 || rg[1] < 0) {
				ws = append(ws, fmt.Sprintf("%s: %s's scenario range %.4g to %.4g for 2015 goes below zero", r.Metal, m, rg[0], rg[1]))
			}
		}
		for _, c := range []struct {
			what string
			v    *float64
		}{{"the combination", r.Combined}, {"the total's own combination", r.Direct}} {
			if c.v != nil && *c.v < 0 {
				ws = append(ws, fmt.Sprintf("%s: %s is %.4g for 2015, below zero", r.Metal, c.what, *c.v))
			}
		}
	}
	return ws
}
