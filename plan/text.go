package plan

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteText writes d as aligned text tables: the plan's consumption
// history and 2015 figures, the audit and, when d holds a reproduction,
// each method's 2015 figure beside the combination and the plan with the
// historical and implied parameters, each method's range between the low
// and high scenarios, and a few sentences on where the plan departs from
// its history; then, when d.ExPost is set, the ex-post check
// (WriteExPostTable); then the paths of d.Charts, if any. Chinese text is
// kept in the last column, since a tabwriter counts a wide CJK character
// as one column.
func (d *Document) WriteText(w io.Writer) error {
	if err := writeTable(w, d); err != nil {
		return err
	}
	if d.Scenario != nil {
		if err := writeReproduction(w, d); err != nil {
			return err
		}
	}
	if d.ExPost != nil {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
		if err := WriteExPostTable(w, d.ExPost); err != nil {
			return err
		}
	}
	if len(d.Charts) > 0 {
		fmt.Fprintln(w, "\nCharts:")
		for _, p := range d.Charts {
			fmt.Fprintln(w, "  "+p)
		}
	}
	return nil
}

// writeTable writes the history, plan and audit tables of r.
func writeTable(w io.Writer, r *Document) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "Apparent consumption, %s (10 kt)\n\n", r.Unit)
	fmt.Fprintln(tw, "metal\t2000*\t2005\t2010\t2015 plan\tgrowth 2011–2015 %\t\tchinese\t")
	for _, m := range append([]DocumentRow{r.Total}, r.Metals...) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\t%s\t\n", m.Metal, m.Cell(2000), m.Cell(2005), m.Cell(2010),
			m.Plan2015Text, m.PlanGrowthText, m.Chinese)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n* derived: Q2000 = Q2005 / (1 + g)^5, g the published 2001–2005 growth rate.")
	fmt.Fprintf(w, "\nAudit: %d of %d checks inconsistent beyond rounding\n\n", len(r.Audit), r.Checks)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metal\tfield\tpublished\trecomputed\tattainable\ttable: recomputed from")
	for _, f := range r.Audit {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%.2f to %.2f\t%s: %s\n", f.Metal, f.Field, f.PublishedText,
			f.Recomputed, f.Lo, f.Hi, f.Table, f.Basis)
	}
	return tw.Flush()
}

// growthPct formats a fraction as a percentage with at most four decimals.
func growthPct(f float64) string {
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
	return pct(*v)
}

func fmtFixed(v *float64, scale float64, prec int) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v*scale, 'f', prec, 64)
}

// writeReproduction writes the reproduction tables and the reading.
func writeReproduction(w io.Writer, r *Document) error {
	sc := r.Scenario
	fmt.Fprintf(w, "\n2015 apparent consumption, %s: each method, their equal-weight combination and the plan (专栏2)\n", r.Unit)
	fmt.Fprintf(w, "GDP index 2000 = 1, +9.8 %%/yr 2001–2005, +11.2 %%/yr 2006–2010, +%s %%/yr 2011–2015 (scenario %q)\n\n",
		growthPct(sc.Growth), sc.Name)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"metal", "2010"}
	head = append(head, r.Methods...)
	head = append(head, "combined", "plan", "dev %", "E hist", "E implied", "ΔI hist %", "ΔI implied %", "", "chinese")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	rows := append(slices.Clone(r.Metals), r.Total)
	// The cells of methods that gave no forecast read "no fit [k]", and
	// footnote k gives the reason, once for the metals that share it.
	var failures []string   // footnote k−1: "method: reason"
	var failedOn [][]string // the metals of each footnote
	for _, m := range rows {
		cells := []string{m.Metal, m.Cell(2010)}
		for _, name := range r.Methods {
			v, ok := m.Forecasts[name]
			if !ok {
				why := m.Errors[name]
				if why == "" {
					why = "no forecast"
				}
				note := why
				if !strings.HasPrefix(why, name+": ") {
					note = name + ": " + why
				}
				k := slices.Index(failures, note)
				if k < 0 {
					k = len(failures)
					failures, failedOn = append(failures, note), append(failedOn, nil)
				}
				failedOn[k] = append(failedOn[k], m.Metal)
				cells = append(cells, fmt.Sprintf("no fit [%d]", k+1))
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
			dev = number(100 * (*m.Direct - m.Plan2015) / m.Plan2015)
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
	if len(failures) > 0 {
		fmt.Fprintln(w)
		for k, f := range failures {
			fmt.Fprintf(w, "[%d] %s (%s)\n", k+1, f, strings.Join(failedOn[k], ", "))
		}
	}
	t := r.Total
	fmt.Fprintf(w, "\nTen-metal total: sum of the metals' combinations %s, the total's own combination %s (gap %s), plan %s.\n",
		fmtNum(t.Combined), fmtNum(t.Direct), fmtNum(t.Gap), t.Plan2015Text)
	fmt.Fprintln(w, "E: elasticity of consumption to GDP (hist: 2006–2010 growth / 11.2 %; implied: the constant E that reaches the plan).")
	fmt.Fprintln(w, "ΔI: annual change of intensity Q/GDP (hist: 2000–2010; implied: the constant change from 2010 that reaches the plan).")

	fmt.Fprintf(w, "\nRange of each method's 2015 figure for GDP growth of %s %% to %s %% a year\n\n",
		growthPct(sc.Low), growthPct(sc.High))
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
func reading(r *Document) []string {
	var out []string
	t := r.Total
	if t.Combined != nil && t.Direct != nil {
		out = append(out, fmt.Sprintf(
			"Carried forward, the 2000–2010 history gives %s 万吨 for the ten metals in 2015 (sum of the metals) or %s (the total's own history); the plan's %s is %.0f %% below the sum.",
			sig(*t.Combined), sig(*t.Direct), t.Plan2015Text, 100*(1 - t.Plan2015 / *t.Combined)))
	}
	var below, above []DocumentRow
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
	byDev := func(rs []DocumentRow) string {
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
