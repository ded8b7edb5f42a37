package planchart_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/plantest"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/planchart"
)

func TestFan(t *testing.T) {
	row := plantest.Reproduce(t, plan.PlanScenario()).Metals[0]
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
	paths, err := planchart.Write(dir, plantest.Reproduce(t, plan.PlanScenario()))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 14 || paths[0] != filepath.Join(dir, "copper.png") || paths[13] != filepath.Join(dir, "elasticity.png") {
		t.Errorf("paths %q", paths)
	}
	checkFiles(t, paths)
}

func checkFiles(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || fi.Size() < 1000 {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestExPostFan(t *testing.T) {
	c := plantest.ExPost(t)
	r, _ := c.Row(plan.Copper)
	f, err := planchart.ExPostFan(r)
	if err != nil {
		t.Fatal(err)
	}
	// Three methods and the combination at 80 %, then the path at actual
	// GDP without a band.
	if len(f.Forecasts) != 5 {
		t.Fatalf("%d forecasts, want 5", len(f.Forecasts))
	}
	for _, fc := range f.Forecasts[:4] {
		if fc.Level != 0.8 {
			t.Errorf("%s at level %g, want 0.8", fc.Method, fc.Level)
		}
	}
	last := f.Forecasts[4]
	v, _ := last.Point.At(2015)
	if last.Method != plan.ActualPathName || v != r.Combined.AtActual {
		t.Errorf("last forecast %s %g, want %s %g", last.Method, v, plan.ActualPathName, r.Combined.AtActual)
	}
	// The plan's 970 and the outcome 1148 with its confidence.
	if len(f.Refs) != 2 || f.Refs[0].Value != 970 || f.Refs[1].Value != 1148 || f.Refs[1].Label != "outcome 1148, derived (medium confidence)" {
		t.Errorf("refs %+v", f.Refs)
	}
	// A row without an outcome has only the plan's point.
	r, _ = c.Row(plan.Nickel)
	if f, err = planchart.ExPostFan(r); err != nil || len(f.Refs) != 1 {
		t.Errorf("nickel: refs %+v, %v", f.Refs, err)
	}
}

func TestWriteExPost(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "charts")
	paths, err := planchart.WriteExPost(dir, plantest.ExPost(t))
	if err != nil {
		t.Fatal(err)
	}
	// The total and the six metals with an outcome; none for nickel,
	// antimony, mercury and titanium.
	var want []string
	for _, m := range []plan.Metal{plan.Total, plan.Copper, plan.Aluminium, plan.Lead, plan.Zinc, plan.Tin, plan.Magnesium} {
		want = append(want, filepath.Join(dir, planchart.ExPostName(m)))
	}
	if d := cmp.Diff(want, paths); d != "" {
		t.Errorf("paths (-want +got):\n%s", d)
	}
	checkFiles(t, paths)
}

func TestNewDocument(t *testing.T) {
	set := plantest.Set(t)
	sc, lo, hi := plan.Scenarios(plan.PlanScenario().Growth, plan.LowGrowth, plan.HighGrowth)
	study, err := plan.NewStudy(sc, lo, hi, set)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planchart.NewDocument(study, set, "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.ExPost == nil || doc.Scenario == nil || len(doc.Charts) != 0 {
		t.Errorf("without a directory: ex post %v, scenario %v, charts %q; want both and no charts", doc.ExPost != nil, doc.Scenario != nil, doc.Charts)
	}
	// The forecast charts of Write, then the ex-post charts of WriteExPost.
	dir := filepath.Join(t.TempDir(), "charts")
	doc, err = planchart.NewDocument(study, set, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Charts) != 21 || doc.Charts[0] != filepath.Join(dir, "copper.png") ||
		doc.Charts[13] != filepath.Join(dir, "elasticity.png") || doc.Charts[14] != filepath.Join(dir, planchart.ExPostName(plan.Total)) {
		t.Errorf("charts %q", doc.Charts)
	}
	checkFiles(t, doc.Charts)
}
