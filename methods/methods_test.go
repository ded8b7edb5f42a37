package methods_test

import (
	"testing"

	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/series"
)

func TestDefault(t *testing.T) {
	labels := func(cs []forecast.Candidate) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Label)
		}
		return out
	}
	want := []string{methods.Regression, methods.RegressionLogLog, methods.ElasticityArc, methods.ElasticityPoint,
		methods.Intensity, methods.IntensityMalenbaum, "drift", "regression-linear-anchored", "regression-loglinear-anchored", "ets", "theta"}
	got := labels(methods.Default(methods.Options{}))
	if len(got) != len(want) {
		t.Fatalf("Default without a panel: %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("candidate %d = %q, want %q", i, got[i], want[i])
		}
	}
	cs := methods.Default(methods.Options{Panel: []expert.Judgment{}, Year: 2025})
	last := cs[len(cs)-1]
	if last.Label != methods.Expert || !last.NoBacktest || len(cs) != len(want)+1 {
		t.Errorf("with a panel: %q, last %+v", labels(cs), last)
	}
	if m := cs[5]; len(m.Needs) != 1 || m.Needs[0] != forecast.Population {
		t.Errorf("Malenbaum needs %q, want population", m.Needs)
	}
	for _, c := range cs {
		if alone := c.Label == "ets" || c.Label == "theta"; c.Alone != alone {
			t.Errorf("%s: Alone %v, want %v", c.Label, c.Alone, alone)
		}
	}
}

// TestDefaultAnalyse runs the defaults on a short history without
// population: Malenbaum is skipped for want of it, the others forecast.
func TestDefaultAnalyse(t *testing.T) {
	q := series.New("copper", "kt", 2010, 100, 108, 115, 125, 133, 140, 151, 160)
	gdp := series.New("gdp", "index", 2010, 100, 107, 114, 121, 129, 137, 146, 155, 165, 175)
	a := forecast.Analyse(q, forecast.Drivers{forecast.GDP: gdp}, forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: gdp}},
		methods.Default(methods.Options{}), forecast.AnalysisSettings{Level: 0.8})
	if len(a.Skipped) != 1 || a.Skipped[0].Method != methods.IntensityMalenbaum || a.Skipped[0].Driver != forecast.Population {
		t.Errorf("skipped %+v, want Malenbaum for want of population", a.Skipped)
	}
	if n := len(a.Forecasts); n != 10+2 {
		t.Errorf("%d forecasts, want 10 methods and 2 combinations: notes %q", n, a.Notes)
	}
	for _, f := range a.Forecasts {
		if f.Point.Start != 2018 || f.Point.End() != 2019 {
			t.Errorf("%s covers %d–%d, want 2018–2019", f.Method, f.Point.Start, f.Point.End())
		}
	}
}
