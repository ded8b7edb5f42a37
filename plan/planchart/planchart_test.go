package planchart_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
	"github.com/nonferrous/demand/plan/planchart"
)

func reproduce(t *testing.T) *plan.Report {
	t.Helper()
	set, err := defaults.Set(defaults.Names()...)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := plan.Reproduce(plan.PlanScenario(), set)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestFan(t *testing.T) {
	row := reproduce(t).Metals[0]
	f, err := planchart.Fan(row, func(l float64) bool { return l == 0.8 })
	if err != nil {
		t.Fatal(err)
	}
	// Three methods at 80 %, then their combination at 80 %.
	if len(f.Forecasts) != 4 {
		t.Fatalf("%d forecasts, want 4", len(f.Forecasts))
	}
	for _, fc := range f.Forecasts {
		if fc.Level != 0.8 {
			t.Errorf("%s at level %g, want 0.8", fc.Method, fc.Level)
		}
	}
	c, err := row.CombinationAt(0.8)
	if err != nil {
		t.Fatal(err)
	}
	last := f.Forecasts[3]
	v, _ := last.Point.At(2015)
	w, _ := c.Forecast.Point.At(2015)
	if last.Method != forecast.DefaultCombinationName || v != w {
		t.Errorf("last forecast %s %g, want the combination %g", last.Method, v, w)
	}
	if len(f.Refs) != 1 || f.Refs[0].Value != 970 {
		t.Errorf("refs %+v, want the plan's 970", f.Refs)
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "charts")
	paths, err := planchart.Write(dir, reproduce(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 14 || paths[0] != filepath.Join(dir, "copper.png") || paths[13] != filepath.Join(dir, "elasticity.png") {
		t.Errorf("paths %q", paths)
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || fi.Size() < 1000 {
			t.Errorf("%s: %v", p, err)
		}
	}
}
