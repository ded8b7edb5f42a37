package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/plan"
)

// Scenario is the GDP assumption of the reproduction: real growth a year
// over 2011–2015 in the main, low and high cases, as fractions.
type Scenario struct {
	Name   string  `json:"name"`
	Growth float64 `json:"gdp_growth_2011_2015"`
	Low    float64 `json:"low_growth"`
	High   float64 `json:"high_growth"`
}

// Runs holds the reproduction under the main, low and high scenarios.
type Runs struct {
	Main, Low, High *plan.Report
	Methods         []string
}

// AddReproduction fills r's rows with the reproduction.
func AddReproduction(r *Report, runs Runs) {
	r.Scenario = &Scenario{Name: runs.Main.Scenario.Name, Growth: runs.Main.Scenario.Growth,
		Low: runs.Low.Scenario.Growth, High: runs.High.Scenario.Growth}
	r.Methods = runs.Methods
	for i := range r.Metals {
		fillRow(&r.Metals[i], runs.Main.Metals[i], runs.Low.Metals[i], runs.High.Metals[i])
	}
	fillRow(&r.Total, runs.Main.Total, runs.Low.Total, runs.High.Total)
	// For the total, "combined" is the sum of the metals' combinations and
	// "direct" the total's own combination.
	direct := r.Total.Combined
	r.Total.Direct = direct
	r.Total.Combined = num(runs.Main.SumOfMetals)
	r.Total.Gap = num(runs.Main.Gap)
	r.Total.DeviationPct = num(100 * (runs.Main.SumOfMetals - r.Total.Plan2015) / r.Total.Plan2015)
}

// fillRow copies one row of the reproduction into the report's row.
func fillRow(dst *Row, main, low, high plan.Row) {
	dst.Forecasts = map[string]float64{}
	dst.Intervals = map[string]map[string][2]float64{}
	dst.Range = map[string][2]float64{}
	for j, m := range main.Methods {
		if m.Err != nil {
			if dst.Errors == nil {
				dst.Errors = map[string]string{}
			}
			dst.Errors[m.Method] = m.Err.Error()
			continue
		}
		dst.Forecasts[m.Method] = m.Value
		for _, iv := range m.Intervals {
			if math.IsNaN(iv.Lower) || math.IsNaN(iv.Upper) {
				continue
			}
			if dst.Intervals[m.Method] == nil {
				dst.Intervals[m.Method] = map[string][2]float64{}
			}
			dst.Intervals[m.Method][strconv.FormatFloat(100*iv.Level, 'f', -1, 64)] = [2]float64{iv.Lower, iv.Upper}
		}
		if l, h := low.Methods[j], high.Methods[j]; l.Err == nil && h.Err == nil {
			dst.Range[m.Method] = [2]float64{l.Value, h.Value}
		}
		for _, p := range m.Parameters {
			if p.Name == intensity.ParamHistChange {
				dst.HistoricalIntensityChange = num(p.Value)
			}
		}
	}
	dst.Combined = num(main.Value)
	dst.DeviationPct = num(main.DeviationPct)
	dst.ImpliedElasticity = num(main.ImpliedElasticity)
	dst.HistoricalElasticity = num(main.Problem.HistoricalElasticity())
	dst.ImpliedIntensityChange = num(main.ImpliedIntensityChange)
}

// num returns a pointer to v, or nil for NaN (JSON has no NaN: the field
// is then left out).
func num(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// pct formats a fraction as a percentage with at most four decimals.
func pct(f float64) string {
	return strconv.FormatFloat(math.Round(1e6*f)/1e4, 'f', -1, 64)
}

// fmtNum formats a level with four significant digits, or "–".
func fmtNum(v *float64) string {
	if v == nil {
		return "–"
	}
	return sig(*v)
}

func sig(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	a := math.Abs(v)
	switch {
	case a >= 1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func fmtPct(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%+.1f", *v)
}

func fmtFixed(v *float64, scale float64, prec int) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v*scale, 'f', prec, 64)
}

// writeReproduction writes the reproduction tables and the reading.
func writeReproduction(w io.Writer, r Report) error {
	sc := r.Scenario
	fmt.Fprintf(w, "\n2015 apparent consumption, %s: each method, their equal-weight combination and the plan (专栏2)\n", r.Unit)
	fmt.Fprintf(w, "GDP index 2000 = 1, +9.8 %%/yr 2001–2005, +11.2 %%/yr 2006–2010, +%s %%/yr 2011–2015 (scenario %q)\n\n",
		pct(sc.Growth), sc.Name)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"metal", "2010"}
	head = append(head, r.Methods...)
	head = append(head, "combined", "plan", "dev %", "E hist", "E implied", "ΔI hist %", "ΔI implied %", "", "chinese")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	rows := append(slices.Clone(r.Metals), r.Total)
	for _, m := range rows {
		cells := []string{m.Metal, m.cell(2010)}
		for _, name := range r.Methods {
			v, ok := m.Forecasts[name]
			if !ok {
				cells = append(cells, "fail")
				continue
			}
			cells = append(cells, sig(v))
		}
		combined := m.Combined
		if m.Direct != nil {
			combined = m.Direct
		}
		dev := m.DeviationPct
		if m.Direct != nil {
			dev = num(100 * (*m.Direct - m.Plan2015) / m.Plan2015)
		}
		cells = append(cells, fmtNum(combined), m.Plan2015Text, fmtPct(dev),
			fmtFixed(m.HistoricalElasticity, 1, 2), fmtFixed(m.ImpliedElasticity, 1, 2),
			fmtFixed(m.HistoricalIntensityChange, 100, 1), fmtFixed(m.ImpliedIntensityChange, 100, 1),
			"", m.Chinese)
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	t := r.Total
	fmt.Fprintf(w, "\nTen-metal total: sum of the metals' combinations %s, the total's own combination %s (gap %s), plan %s.\n",
		fmtNum(t.Combined), fmtNum(t.Direct), fmtNum(t.Gap), t.Plan2015Text)
	fmt.Fprintln(w, "E: elasticity of consumption to GDP (hist: 2006–2010 growth / 11.2 %; implied: the constant E that reaches the plan).")
	fmt.Fprintln(w, "ΔI: annual change of intensity Q/GDP (hist: 2000–2010; implied: the constant change from 2010 that reaches the plan).")

	fmt.Fprintf(w, "\nRange of each method's 2015 figure for GDP growth of %s %% to %s %% a year\n\n",
		pct(sc.Low), pct(sc.High))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(append([]string{"metal"}, r.Methods...), "\t")+"\tplan\t")
	for _, m := range rows {
		cells := []string{m.Metal}
		for _, name := range r.Methods {
			rg, ok := m.Range[name]
			if !ok {
				cells = append(cells, "–")
				continue
			}
			cells = append(cells, sig(rg[0])+"–"+sig(rg[1]))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t"+m.Plan2015Text+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Reading")
	for _, line := range reading(r) {
		fmt.Fprintln(w, "  - "+line)
	}
	return nil
}

// reading returns a few plain-language sentences on where the plan departs
// from what its history implies, computed from the report.
func reading(r Report) []string {
	var out []string
	t := r.Total
	if t.Combined != nil && t.Direct != nil {
		out = append(out, fmt.Sprintf(
			"Carried forward, the 2000–2010 history gives %s 万吨 for the ten metals in 2015 (sum of the metals) or %s (the total's own history); the plan's %s is %.0f %% below the sum.",
			sig(*t.Combined), sig(*t.Direct), t.Plan2015Text, 100*(1 - t.Plan2015 / *t.Combined)))
	}
	var below, above []Row
	for _, m := range r.Metals {
		if m.DeviationPct == nil {
			continue
		}
		if *m.DeviationPct > 0 {
			below = append(below, m)
		} else {
			above = append(above, m)
		}
	}
	byDev := func(rs []Row) string {
		sort.Slice(rs, func(i, j int) bool { return math.Abs(*rs[i].DeviationPct) > math.Abs(*rs[j].DeviationPct) })
		var parts []string
		for _, m := range rs {
			parts = append(parts, fmt.Sprintf("%s %+.0f %%", m.Metal, *m.DeviationPct))
		}
		return strings.Join(parts, ", ")
	}
	if len(below) > 0 {
		out = append(out, fmt.Sprintf(
			"For %d of the ten metals the plan expects less than history implies (history's combination vs the plan: %s): it assumes demand slows, as its text says, with growth \"明显放缓\" after 2010.",
			len(below), byDev(below)))
	}
	if len(above) > 0 {
		out = append(out, fmt.Sprintf(
			"For %d it expects more than history implies (%s): faster growth than their 2005–2010 trend.",
			len(above), byDev(above)))
	}
	var falls, rises []string
	for _, m := range r.Metals {
		if m.ImpliedElasticity == nil || m.HistoricalElasticity == nil {
			continue
		}
		s := fmt.Sprintf("%s %.2f → %.2f", m.Metal, *m.HistoricalElasticity, *m.ImpliedElasticity)
		if *m.ImpliedElasticity < *m.HistoricalElasticity {
			falls = append(falls, s)
		} else {
			rises = append(rises, s)
		}
	}
	if len(falls) > 0 {
		out = append(out, "Implied elasticity below the 2006–2010 one (historical → implied): "+strings.Join(falls, ", ")+".")
	}
	if len(rises) > 0 {
		out = append(out, "Implied elasticity above it: "+strings.Join(rises, ", ")+".")
	}
	out = append(out, "With three observed years (2000 derived) every fit has one residual degree of freedom, so the 95 % intervals are wide: read the figures as what the history implies, not as a probability statement.")
	return out
}
