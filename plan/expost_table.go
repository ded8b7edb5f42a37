package plan

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteExPostTable writes the ex-post check c as plain-text tables and a
// reading: the 2015 figures (outcome with its confidence, the plan, each
// method and the combination at 7 % and at the GDP that happened), their
// errors, the split of the plan's error, the elasticities and intensity
// changes, the implied expert figures, the production targets against
// production, the alternative sources and the rows with no outcome. It
// returns the first write error.
func WriteExPostTable(w io.Writer, c *ExPost) error {
	ew := &errWriter{w: w}
	var g []string
	for _, v := range c.ActualGrowth.Values {
		g = append(g, fmt.Sprintf("%.1f", 100*v))
	}
	ew.printf("Ex-post check: the plan's 2015 figures against 2015 as it turned out\n")
	ew.printf("GDP 2011–2015: the plan's assumption %.0f %% a year; as it happened (NBS) %s %% = %.2f %% a year\n\n",
		100*PlanScenario().Growth, strings.Join(g, ", "), 100*ActualScenario().Growth)

	ew.printf("2015 apparent consumption, 万吨: outcome, plan (专栏2), each method and the combination at 7 %% → at actual GDP\n\n")
	writeRows(ew, forecastColumns(c, "metal", "outcome", "confidence", "plan"), c.Rows, func(r ExPostRow) []string {
		cells := []string{r.Metal.String(), outcomeText(r.Outcome, r.HasOutcome), string(r.Outcome.Confidence), Plan2015(r.Metal).Text}
		return forecastCells(cells, r, func(f ExPostForecast) string { return pair(f.AtPlan, f.AtActual, sig) })
	})
	ew.printf("* derived figure (see the sources below); ≈ printed as approximate (约, 左右); none found: no 2015 figure on any basis, so no error is shown.\n\n")

	ew.printf("Errors, %% of the outcome, 100·(forecast − outcome)/outcome: the plan, and each method at 7 %% → at actual GDP\n\n")
	writeRows(ew, forecastColumns(c, "metal", "confidence", "plan"), c.Checked(), func(r ExPostRow) []string {
		cells := []string{r.Metal.String(), string(r.Outcome.Confidence), pct(r.PlanErrPct)}
		return forecastCells(cells, r, func(f ExPostForecast) string { return pair(f.ErrAtPlanPct, f.ErrAtActualPct, pct) })
	})
	ew.printf("\n")

	ew.printf("The plan's error split, 万吨 and %% of the outcome: GDP part = combination at 7 %% − combination at actual GDP; rest = plan error − GDP part\n\n")
	writeRows(ew, []string{"metal", "confidence", "plan error", "%", "GDP part", "%", "rest", "%"}, c.Checked(), func(r ExPostRow) []string {
		return []string{r.Metal.String(), string(r.Outcome.Confidence), signed(r.PlanErr), pct(r.PlanErrPct),
			signed(r.GDPPart), pct(r.GDPPartPct), signed(r.Rest), pct(r.RestPct)}
	})
	ew.printf("\n")

	ew.printf("Elasticity E and annual intensity change ΔI: history, what the plan implies (at 7 %%) and what the outcome implies (at actual GDP)\n\n")
	writeRows(ew, []string{"metal", "confidence", "E hist", "E plan", "E outcome", "ΔI hist %", "ΔI plan %", "ΔI outcome %"}, c.Checked(), func(r ExPostRow) []string {
		return []string{r.Metal.String(), string(r.Outcome.Confidence), fix2(r.HistoricalElasticity), fix2(r.PlanElasticity), fix2(r.OutcomeElasticity),
			fix1(100 * r.HistoricalIntensityChange), fix1(100 * r.PlanIntensityChange), fix1(100 * r.OutcomeIntensityChange)}
	})
	ew.printf("E hist: 2006–2010 consumption growth / 11.2 %%; E plan, E outcome: the constant E from 2010 that reaches the figure.\n")
	ew.printf("ΔI hist: 2000–2010; ΔI plan, ΔI outcome: the constant change from 2010 that reaches the figure.\n\n")

	k := 0
	if len(c.Rows) > 0 {
		k = c.Rows[0].Expert.Methods
	}
	ew.printf("Implied expert figure: X = %d·plan − (sum of the %d methods at 7 %%), what an equal-weight %d-method combination needed from the expert\n\n", k+1, k, k+1)
	writeRows(ew, []string{"metal", "2010", "plan", "sum of methods", "expert X", ""}, c.Rows, func(r ExPostRow) []string {
		q2010, _ := r.AtPlan.Problem.History.At(HistoryEnd)
		flag := string(r.Expert.Impossible)
		if flag != "" {
			flag = "impossible: " + flag
		}
		return []string{r.Metal.String(), sig(q2010), Plan2015(r.Metal).Text, sig(float64(r.Expert.Methods+1)*r.Plan - r.Expert.Value), sig(r.Expert.Value), flag}
	})
	ew.printf("\n")

	ew.printf("Production targets for 2015 (三(三)1) against production, 万吨\n\n")
	writeRows(ew, []string{"metal", "target", "outcome", "confidence", "error %", "target growth %", "outcome growth %", "recomputed from 2010 %"}, c.Production, func(p ProductionCheck) []string {
		return []string{p.Metal.String(), cell(p.Target.Production2015), cell(p.Outcome.Figure), string(p.Outcome.Confidence), pct(p.ErrPct),
			p.Target.ProductionGrowth12th.Text, p.OutcomeGrowth.Figure.Text, fix2(p.RecomputedGrowth)}
	})
	ew.printf("recomputed: (outcome / 专栏1 2010 production)^(1/5) − 1; it differs from the published growth where 2010 was revised.\n\n")

	ew.printf("Sources of the outcomes (confidence; date; basis)\n")
	for _, r := range c.Checked() {
		writeSource(ew, r.Outcome, "outcome")
		for _, a := range r.Alternatives {
			writeSource(ew, a, "alternative")
		}
	}
	for _, p := range c.Production {
		writeSource(ew, p.Outcome, "outcome")
		for _, a := range p.Alternatives {
			writeSource(ew, a, "alternative")
		}
	}
	if none := c.unchecked(); len(none) > 0 {
		ew.printf("  no outcome found for %s: their consumption is not checked.\n", strings.Join(none, ", "))
	}
	ew.printf("\nReading\n")
	for _, l := range c.Reading() {
		ew.printf("  - %s\n", l)
	}
	return ew.err
}

func writeSource(ew *errWriter, o Outcome, role string) {
	ew.printf("  %s %s %s %s (%s; %s; %s): %s", o.Metal, o.Field, role, o.Figure.Text, o.Confidence, o.Date, o.Basis, o.Source)
	if o.Derived() {
		ew.printf("; derived: %s", o.Derivation)
	}
	ew.printf("\n")
}

// Reading returns the findings of the check in sentences, computed from c.
func (c *ExPost) Reading() []string {
	var out []string
	if t, ok := c.Row(Total); ok && t.HasOutcome {
		out = append(out, fmt.Sprintf(
			"Ten metals: the plan's %s against %s (%s confidence) is %s %%; the combination gives %s at 7 %% (%s %%) and %s at the GDP that happened (%s %%). Of the plan's %s 万吨, the 7 %% assumption explains %s (%s points) and the rest is %s (%s points).",
			sig(t.Plan), t.Outcome.Figure.Text, t.Outcome.Confidence, pct(t.PlanErrPct),
			sig(t.Combined.AtPlan), pct(t.Combined.ErrAtPlanPct), sig(t.Combined.AtActual), pct(t.Combined.ErrAtActualPct),
			signed(t.PlanErr), signed(t.GDPPart), pct(t.GDPPartPct), signed(t.Rest), pct(t.RestPct)))
		out = append(out, fmt.Sprintf(
			"The outcome implies an elasticity of %s over 2011–2015 at the GDP that happened: the plan implied %s (at 7 %%), history %s.",
			fix2(t.OutcomeElasticity), fix2(t.PlanElasticity), fix2(t.HistoricalElasticity)))
	}
	var under, over, closer []string
	n := 0
	for _, r := range c.Checked() {
		if r.Metal == Total {
			continue
		}
		n++
		s := fmt.Sprintf("%s %s %%", r.Metal, pct(r.PlanErrPct))
		if r.PlanErr < 0 {
			under = append(under, s)
		} else {
			over = append(over, s)
		}
		if math.Abs(r.Combined.ErrAtPlanPct) < math.Abs(r.PlanErrPct) {
			closer = append(closer, r.Metal.String())
		}
	}
	if n > 0 {
		out = append(out, fmt.Sprintf("Of the %d metals with an outcome (medium or low confidence: other bases than the plan's), the plan was below for %d (%s) and above for %d (%s).",
			n, len(under), strings.Join(under, ", "), len(over), strings.Join(over, ", ")))
		out = append(out, fmt.Sprintf("The combination at 7 %% was nearer the outcome than the plan for %d of the %d: %s.", len(closer), n, orNone(closer)))
	}
	var imp []string
	for _, r := range c.Rows {
		if r.Expert.Impossible != Possible {
			imp = append(imp, fmt.Sprintf("%s %s (%s)", r.Metal, sig(r.Expert.Value), r.Expert.Impossible))
		}
	}
	out = append(out, fmt.Sprintf("No equal-weight combination with the reproduced methods reaches the plan's figure with a possible expert figure for %s.", orNone(imp)))
	var prod []string
	for _, p := range c.Production {
		prod = append(prod, fmt.Sprintf("%s %s vs %s (%s %%)", p.Metal, p.Target.Production2015.Text, p.Outcome.Figure.Text, pct(p.ErrPct)))
	}
	if len(prod) > 0 {
		out = append(out, "Production targets against production: "+strings.Join(prod, ", ")+".")
	}
	if none := c.unchecked(); len(none) > 0 {
		out = append(out, fmt.Sprintf("No 2015 consumption outcome was found for %s: they are not checked.", strings.Join(none, ", ")))
	}
	return out
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// outcomeText is the outcome as shown in a table: its figure, * if
// derived, or "none found".
func outcomeText(o Outcome, ok bool) string {
	if !ok {
		return "none found"
	}
	if o.Derived() {
		return cell(o.Figure) + "*"
	}
	return cell(o.Figure)
}

// cell is a figure as shown in a table: its printed text, with ≈ in place
// of 约 and 左右, since tabwriter counts a wide CJK character as one column.
func cell(f Figure) string {
	if f.Approx {
		return "≈" + strconv.FormatFloat(f.Value, 'f', f.Decimals, 64)
	}
	return f.Text
}

func signed(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := sig(v)
	if v >= 0 {
		s = "+" + s
	}
	return s
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%+.1f", v)
}

func fix1(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.1f", v)
}

func fix2(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.2f", v)
}

func pair(a, b float64, f func(float64) string) string { return f(a) + " → " + f(b) }

// forecastColumns returns the header of a table of c's forecasts: first,
// then a column for each method and one for the combination.
func forecastColumns(c *ExPost, first ...string) []string {
	return append(append(first, c.MethodNames...), "combined")
}

// forecastCells appends to cells those of r's forecasts under the header
// of forecastColumns, each method's and the combination's as cell gives it.
func forecastCells(cells []string, r ExPostRow, cell func(ExPostForecast) string) []string {
	for _, m := range r.Methods {
		cells = append(cells, cell(m))
	}
	return append(cells, cell(r.Combined))
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// writeRows writes a right-aligned table to ew: the header head, then
// the cells of each of rows.
func writeRows[R any](ew *errWriter, head []string, rows []R, cells func(R) []string) {
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(cells(r), "\t")+"\t")
	}
	if err := tw.Flush(); err != nil && ew.err == nil {
		ew.err = err
	}
}
