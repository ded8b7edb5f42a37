package planchart

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"gonum.org/v1/plot/vg"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plotting"
)

// Headroom is the plotting.Options.YHeadroom of the forecast charts.
const Headroom = 1.5

// only80 keeps the 80 % intervals: the 95 % ones of a three-point fit (t
// quantile 12.7) are too wide to read beside the paths.
func only80(level float64) bool { return level == 0.8 }

// Fan returns the forecast chart data of one row of the reproduction: the
// history (2000 derived), every method with its intervals at the levels
// for which keep returns true, their equal-weight combination at the
// highest of those levels (plan.Row.CombinationAt), and the plan's 2015
// figure as a reference. It returns an error if the combination fails.
func Fan(row plan.Row, keep func(level float64) bool) (plotting.Fan, error) {
	p := row.Problem
	f := plotting.Fan{
		Title:   fmt.Sprintf("%s (%s)", p.Metal, "10 kt"),
		History: p.History,
		Derived: p.DerivedYears,
		Refs:    []plotting.Ref{{Year: plan.TargetYear, Value: p.Plan2015, Label: "plan 2015"}},
	}
	top := math.Inf(-1) // the highest level kept
	for _, m := range row.Methods {
		for _, fc := range m.Forecasts {
			if keep(fc.Level) {
				f.Forecasts = append(f.Forecasts, fc)
				top = max(top, fc.Level)
			}
		}
	}
	if len(f.Forecasts) == 0 {
		return f, nil
	}
	c, err := row.CombinationAt(top)
	if err != nil {
		return f, err
	}
	f.Forecasts = append(f.Forecasts, c.Forecast)
	return f, nil
}

// Write writes the charts of rep into dir, creating it if need be, and
// returns the paths written, in this order: one forecast chart per metal
// and for the total with the 80 % intervals (copper.png, …, total.png),
// the ten metals on one page (overview.png), the deviation of each method
// and the combination from the plan (deviation.png) and the historical
// against the implied elasticity (elasticity.png). On an error it returns
// the paths written so far.
func Write(dir string, rep *plan.Report) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	save := func(name string, c *plotting.Chart, err error) error {
		if err != nil {
			return fmt.Errorf("chart %s: %w", name, err)
		}
		path := filepath.Join(dir, name)
		if err := c.Save(path); err != nil {
			return err
		}
		paths = append(paths, path)
		return nil
	}
	growth := strconv.FormatFloat(math.Round(1e6*rep.Scenario.Growth)/1e4, 'f', -1, 64)
	sc := fmt.Sprintf("GDP +%s %%/yr 2011–2015", growth)
	var panels []plotting.Fan
	for _, row := range append(rep.Metals, rep.Total) {
		f, err := Fan(row, only80)
		if err != nil {
			return paths, err
		}
		title := fmt.Sprintf("%s: 2015 demand by method (80 %% intervals) vs the plan (%s)", row.Problem.Metal, sc)
		c, err := plotting.NewFanChart(f, plotting.Options{Title: title, YLabel: "apparent consumption (10 kt)", YHeadroom: Headroom})
		if err := save(row.Problem.Metal.String()+".png", c, err); err != nil {
			return paths, err
		}
		if row.Problem.Metal != plan.Total {
			panels = append(panels, f)
		}
	}
	c, err := plotting.NewSmallMultiples(panels, plotting.Options{
		Title: "Ten metals: 2015 forecasts (80 % intervals) vs the plan, " + sc, YHeadroom: Headroom})
	if err := save("overview.png", c, err); err != nil {
		return paths, err
	}

	methods := rep.Methods()
	dev := plotting.Deviations{Methods: append(methods, forecast.DefaultCombinationName)}
	cmp := plotting.Comparison{HistoricalLabel: "historical (2006–2010 growth / 11.2 %)", ImpliedLabel: "implied by the plan's 2015 figure"}
	for _, row := range append(rep.Metals, rep.Total) {
		p := row.Problem
		dev.Series = append(dev.Series, p.Metal.String())
		dev.Pct = append(dev.Pct, append(row.Deviations(), row.DeviationPct))
		cmp.Series = append(cmp.Series, p.Metal.String())
		cmp.Historical = append(cmp.Historical, p.HistoricalElasticity())
		cmp.Implied = append(cmp.Implied, row.ImpliedElasticity)
	}
	c, err = plotting.NewDeviationChart(dev, plotting.Options{Title: "Deviation of each 2015 forecast from the plan (" + sc + ")"})
	if err := save("deviation.png", c, err); err != nil {
		return paths, err
	}
	c, err = plotting.NewComparisonChart(cmp, plotting.Options{Title: "Elasticity of demand to GDP: history vs the plan", XLabel: "elasticity"})
	if err := save("elasticity.png", c, err); err != nil {
		return paths, err
	}
	return paths, nil
}

// ExPostFan returns the chart data of the ex-post check of one row: the
// history, each method and their combination under the plan's 7 % a year
// with their 80 % intervals, the combination's path under the GDP that
// happened (plan.ExPostRow.ActualPath, no band), and as reference points
// the plan's 2015 figure and the outcome labelled with its confidence
// (plan.ExPostRow.ChartRefs).
func ExPostFan(r plan.ExPostRow) (plotting.Fan, error) {
	f, err := Fan(r.AtPlan, only80)
	if err != nil {
		return f, err
	}
	f.Forecasts = append(f.Forecasts, r.ActualPath())
	f.Refs = f.Refs[:0]
	for _, ref := range r.ChartRefs() {
		f.Refs = append(f.Refs, plotting.Ref(ref))
	}
	return f, nil
}

// ExPostWidth is the width of the ex-post charts, wider than the default
// 20 cm to leave room for the outcome's label with its confidence.
const ExPostWidth = 26 * vg.Centimeter

// ExPostName is the file name of the ex-post chart of row m, e.g.
// expost-copper.png.
func ExPostName(m plan.Metal) string { return "expost-" + m.String() + ".png" }

// WriteExPost writes the charts of the ex-post check c into dir, creating
// it if need be: one per row with a 2015 outcome, the total first
// (ExPostName), and returns the paths written. Rows without an outcome get
// no chart. On an error it returns the paths written so far.
func WriteExPost(dir string, c *plan.ExPost) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, r := range c.Checked() {
		f, err := ExPostFan(r)
		if err != nil {
			return paths, err
		}
		title := fmt.Sprintf("%s: the 2015 forecasts against the outcome (%s confidence)", r.Metal, r.Outcome.Confidence)
		ch, err := plotting.NewFanChart(f, plotting.Options{Title: title, YLabel: "apparent consumption (10 kt)", YHeadroom: Headroom,
			Width: ExPostWidth})
		if err != nil {
			return paths, fmt.Errorf("chart %s: %w", ExPostName(r.Metal), err)
		}
		path := filepath.Join(dir, ExPostName(r.Metal))
		if err := ch.Save(path); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
