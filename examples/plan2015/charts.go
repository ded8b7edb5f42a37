package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plotting"
)

// fan returns the forecast chart data of one row of the reproduction: the
// history (2000 derived), every method with its intervals at the levels
// for which keep returns true, their equal-weight combination at the
// highest of those levels, and the plan's 2015 figure as a reference.
func fan(row plan.Row, keep func(level float64) bool) (plotting.Fan, error) {
	p := row.Problem
	f := plotting.Fan{
		Title:   fmt.Sprintf("%s (%s)", p.Metal, "10 kt"),
		History: p.History,
		Derived: p.DerivedYears,
		Refs:    []plotting.Ref{{Year: plan.TargetYear, Value: p.Plan2015, Label: "plan 2015"}},
	}
	var top []forecast.Forecast // each method at the highest level kept
	for _, m := range row.Methods {
		var last *forecast.Forecast
		for i, fc := range m.Forecasts {
			if keep(fc.Level) {
				f.Forecasts = append(f.Forecasts, fc)
				last = &m.Forecasts[i]
			}
		}
		if last != nil {
			top = append(top, *last)
		}
	}
	if len(top) == 0 {
		return f, nil
	}
	c, err := forecast.Combine("", nil, top...)
	if err != nil {
		return f, err
	}
	f.Forecasts = append(f.Forecasts, c.Forecast)
	return f, nil
}

// clipY sets the y-axis of each plot of c to run from zero to 1.5 times
// the largest value of its panel's history, point paths and reference, so
// that intervals from a three-point fit (one residual degree of freedom,
// a 95 % t quantile of 12.7) do not flatten the paths; the bands run on
// beyond the top of the axis.
func clipY(c *plotting.Chart, fans []plotting.Fan) {
	i := 0
	for _, row := range c.Plots() {
		for _, p := range row {
			if p == nil || i >= len(fans) {
				continue
			}
			f := fans[i]
			i++
			top := 0.0
			_, hs := f.History.Observed()
			for _, v := range hs {
				top = max(top, v)
			}
			for _, fc := range f.Forecasts {
				_, vs := fc.Point.Observed()
				for _, v := range vs {
					top = max(top, v)
				}
			}
			for _, r := range f.Refs {
				top = max(top, r.Value)
			}
			p.Y.Min, p.Y.Max = 0, 1.5*top
		}
	}
}

// writeCharts writes the charts of the reproduction into dir, creating it
// if needed, and returns the paths written: one forecast chart per row,
// the ten metals on one page, the deviation chart and the elasticity
// comparison.
func writeCharts(dir string, rep *plan.Report, methods []string) ([]string, error) {
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
	sc := fmt.Sprintf("GDP +%s %%/yr 2011–2015", pct(rep.Scenario.Growth))
	all := func(float64) bool { return true }
	only80 := func(level float64) bool { return level == 0.8 }
	var panels []plotting.Fan
	for _, row := range append(rep.Metals, rep.Total) {
		f, err := fan(row, all)
		if err != nil {
			return paths, err
		}
		title := fmt.Sprintf("%s: 2015 demand by method vs the plan (%s)", row.Problem.Metal, sc)
		c, err := plotting.NewFanChart(f, plotting.Options{Title: title, YLabel: "apparent consumption (10 kt)"})
		if err == nil {
			clipY(c, []plotting.Fan{f})
		}
		if err := save(row.Problem.Metal.String()+".png", c, err); err != nil {
			return paths, err
		}
		if row.Problem.Metal == plan.Total {
			continue
		}
		// The overview shows the 80 % intervals only.
		if f, err = fan(row, only80); err != nil {
			return paths, err
		}
		panels = append(panels, f)
	}
	c, err := plotting.NewSmallMultiples(panels, plotting.Options{
		Title: "Ten metals: 2015 forecasts (80 % intervals) vs the plan, " + sc})
	if err == nil {
		clipY(c, panels)
	}
	if err := save("overview.png", c, err); err != nil {
		return paths, err
	}

	dev := plotting.Deviations{Methods: append(append([]string(nil), methods...), forecast.DefaultCombinationName)}
	cmp := plotting.Comparison{HistoricalLabel: "historical (2006–2010 growth / 11.2 %)", ImpliedLabel: "implied by the plan's 2015 figure"}
	for _, row := range append(rep.Metals, rep.Total) {
		p := row.Problem
		pcts := make([]float64, 0, len(dev.Methods))
		for _, name := range methods {
			v := math.NaN()
			if m, ok := row.Method(name); ok && m.Err == nil {
				v = 100 * (m.Value - p.Plan2015) / p.Plan2015
			}
			pcts = append(pcts, v)
		}
		dev.Series = append(dev.Series, p.Metal.String())
		dev.Pct = append(dev.Pct, append(pcts, row.DeviationPct))
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
