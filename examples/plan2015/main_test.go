package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunTable(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, []string{"-out", ""}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{"copper", "aluminium", "lead", "zinc", "nickel", "tin", "antimony", "mercury", "magnesium", "titanium",
		"total", "精炼铜", "电解铝", "十种有色金属", "194.24*", "7.45", "4900",
		"4 of 83 checks", "13.17", "-0.96", "3102.16", "1658.26"} {
		if !strings.Contains(out, s) {
			t.Errorf("table output lacks %q:\n%s", s, out)
		}
	}
}

func TestRunJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, []string{"-json", "-out", ""}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Metals []struct {
			Metal        string             `json:"metal"`
			Chinese      string             `json:"chinese"`
			History      map[string]float64 `json:"history"`
			DerivedYears []int              `json:"derived_years"`
			Plan2015     float64            `json:"plan2015"`
			PlanGrowth   float64            `json:"plan_growth_2011_2015_pct"`
		} `json:"metals"`
		Total struct {
			Metal    string  `json:"metal"`
			Plan2015 float64 `json:"plan2015"`
		} `json:"total"`
		Audit []struct {
			Table      string  `json:"table"`
			Metal      string  `json:"metal"`
			Field      string  `json:"field"`
			Published  float64 `json:"published"`
			Recomputed float64 `json:"recomputed"`
		} `json:"audit"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, buf.String())
	}
	// The plan's 2015 figures, 专栏2.
	want := []struct {
		metal, chinese   string
		plan2015, growth float64
	}{
		{"copper", "精炼铜", 970, 5.2}, {"aluminium", "电解铝", 2400, 8.6}, {"lead", "铅", 620, 7.9},
		{"zinc", "锌", 720, 5.2}, {"nickel", "镍", 70, 6.1}, {"tin", "锡", 19.1, 9.0},
		{"antimony", "锑", 11, 9.2}, {"mercury", "汞", 0.18, 2.4}, {"magnesium", "镁", 75, 26.7},
		{"titanium", "钛", 15, 16.1},
	}
	if len(doc.Metals) != len(want) {
		t.Fatalf("%d metals, want %d", len(doc.Metals), len(want))
	}
	for i, w := range want {
		g := doc.Metals[i]
		if g.Metal != w.metal || g.Chinese != w.chinese || g.Plan2015 != w.plan2015 || g.PlanGrowth != w.growth {
			t.Errorf("metal %d = %s %s %v %v, want %s %s %v %v", i, g.Metal, g.Chinese, g.Plan2015, g.PlanGrowth,
				w.metal, w.chinese, w.plan2015, w.growth)
		}
		if len(g.History) != 3 || len(g.DerivedYears) != 1 || g.DerivedYears[0] != 2000 {
			t.Errorf("%s history %v derived %v", g.Metal, g.History, g.DerivedYears)
		}
	}
	// Full precision: 374 / 1.14^5 = 194.24388047057…
	if v := doc.Metals[0].History["2000"]; math.Abs(v-194.2438804705711) > 1e-9 {
		t.Errorf("copper 2000 = %v, want 194.2438804705711", v)
	}
	if doc.Total.Metal != "total" || doc.Total.Plan2015 != 4900 {
		t.Errorf("total = %+v", doc.Total)
	}
	if len(doc.Audit) != 4 || doc.Audit[0].Metal != "zinc" || doc.Audit[0].Published != 13.7 ||
		math.Abs(doc.Audit[0].Recomputed-13.167306967247484) > 1e-9 || doc.Audit[2].Metal != "total" {
		t.Errorf("audit = %+v", doc.Audit)
	}
}

func TestRunBadArgs(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"extra"}} {
		if err := run(&bytes.Buffer{}, args); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}

// TestRunReproduction checks the reproduction part of the JSON document
// against independent values: statsmodels 0.13 OLS fits of the reproduction's
// defaults for copper (see plan/defaults' TestHandArithmetic for the calls)
// and the elasticity formula 753·(1 + 0.07·0.15/0.112)^5.
func TestRunReproduction(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, []string{"-json", "-out", ""}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenario struct {
			Name   string  `json:"name"`
			Growth float64 `json:"gdp_growth_2011_2015"`
			Low    float64 `json:"low_growth"`
			High   float64 `json:"high_growth"`
		} `json:"scenario"`
		Methods []string `json:"methods"`
		Metals  []struct {
			Metal             string                           `json:"metal"`
			Forecasts         map[string]float64               `json:"forecasts"`
			Intervals         map[string]map[string][2]float64 `json:"intervals"`
			Range             map[string][2]float64            `json:"scenario_range"`
			Combined          float64                          `json:"combined"`
			DeviationPct      float64                          `json:"deviation_pct"`
			ImpliedElasticity float64                          `json:"implied_elasticity"`
		} `json:"metals"`
		Total struct {
			Plan2015 float64 `json:"plan2015"`
			Combined float64 `json:"combined"`
			Direct   float64 `json:"direct"`
			Gap      float64 `json:"gap"`
		} `json:"total"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scenario.Name != "plan" || doc.Scenario.Growth != 0.07 || doc.Scenario.Low != 0.06 || doc.Scenario.High != 0.08 || len(doc.Methods) != 3 {
		t.Errorf("scenario %+v, methods %v", doc.Scenario, doc.Methods)
	}
	cu := doc.Metals[0]
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*math.Abs(want) {
			t.Errorf("%s = %.15g, want %.15g", what, got, want)
		}
	}
	near("copper elasticity", cu.Forecasts["elasticity"], 1178.6512099206448)
	near("copper intensity", cu.Forecasts["intensity"], 1266.2575503558576)
	near("copper regression", cu.Forecasts["regression"], 1107.7462181920207)
	near("copper regression 95 lower", cu.Intervals["regression"]["95"][0], 807.4293147974631)
	near("copper regression 95 upper", cu.Intervals["regression"]["95"][1], 1408.0631215865783)
	near("copper combined", cu.Combined, (1178.6512099206448+1266.2575503558576+1107.7462181920207)/3)
	near("copper implied elasticity", cu.ImpliedElasticity, 0.7421516344751838)
	if _, ok := cu.Intervals["elasticity"]; ok {
		t.Error("a given elasticity has no interval, but the document has one")
	}
	if rg := cu.Range["elasticity"]; !(rg[0] < cu.Forecasts["elasticity"] && cu.Forecasts["elasticity"] < rg[1]) {
		t.Errorf("copper elasticity range %v does not bracket %v", rg, cu.Forecasts["elasticity"])
	}
	var sum float64
	for _, m := range doc.Metals {
		sum += m.Combined
	}
	near("total combined", doc.Total.Combined, sum)
	near("total gap", doc.Total.Gap, doc.Total.Direct-sum)
	if doc.Total.Plan2015 != 4900 {
		t.Errorf("total plan %v, want 4900", doc.Total.Plan2015)
	}
}

func TestRunOptions(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, []string{"-methods", "regression", "-growth", "0.05", "-out", ""}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{"+5 %/yr", `scenario "custom"`, "Reading", "regression", "plan's 4900"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	if strings.Contains(out, "elasticity  intensity") {
		t.Error("methods not asked for were run")
	}
	for _, args := range [][]string{{"-methods", "delphi"}, {"-growth", "-2"}, {"-low", "x"}, {"-out", "main_test.go"}} {
		if err := run(&bytes.Buffer{}, args); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}

// TestRunCharts checks that every chart is written as a PNG and listed, in
// the text output and in the JSON document.
func TestRunHelp(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, []string{"-h"}); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"-json", "-growth", "-low", "-high", "-methods", "-out"} {
		if !strings.Contains(buf.String(), "  "+flag) {
			t.Errorf("usage does not document %s:\n%s", flag, buf.String())
		}
	}
}

func TestRunCharts(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := run(&buf, []string{"-json", "-out", dir}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Charts []string `json:"charts"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"copper", "aluminium", "lead", "zinc", "nickel", "tin", "antimony", "mercury", "magnesium",
		"titanium", "total", "overview", "deviation", "elasticity",
		// The ex-post charts: the total and the metals with an outcome.
		"expost-total", "expost-copper", "expost-aluminium", "expost-lead", "expost-zinc", "expost-tin", "expost-magnesium"}
	if len(doc.Charts) != len(want) {
		t.Fatalf("charts %v, want %d", doc.Charts, len(want))
	}
	for i, name := range want {
		path := filepath.Join(dir, name+".png")
		if doc.Charts[i] != path {
			t.Errorf("chart %d = %s, want %s", i, doc.Charts[i], path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 1000 || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("%s: %d bytes, not a PNG image", path, len(b))
		}
	}
	buf.Reset()
	if err := run(&buf, []string{"-out", dir, "-methods", "elasticity,regression"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Charts:\n  "+filepath.Join(dir, "copper.png")) {
		t.Errorf("text output does not list the charts")
	}
}

// TestRunExPost checks the ex-post section of the text and the JSON
// document against figures recomputed by hand from the outcomes and the
// reproduction (plan's expost_test.go recomputes the rows):
//
//	total: plan 4900, outcome 约5560 (high): 100·(4900 − 5560)/5560 = −11.87 %;
//	the combination at 7 %, 5582, is +0.4 %; at actual GDP, 5870, +5.6 %;
//	GDP part 5582 − 5870 = −288.8 (−5.2 points), rest −660 + 288.8 = −371.2 (−6.7).
func TestRunExPost(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, []string{"-out", ""}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	i := strings.Index(out, "Ex-post check")
	if i < 0 || i < strings.Index(out, "With three observed years") {
		t.Fatalf("no ex-post section after the reproduction:\n%s", out)
	}
	ex := out[i:]
	for _, s := range []string{
		"total       ≈5560        high  4900", "5582 → 5870", "-11.9", "+0.4 → +5.6",
		"-660.0   -11.9    -288.8  -5.2  -371.2    -6.7",
		"nickel  none found", "no outcome found for nickel, antimony, mercury, titanium",
		"Ten metals: the plan's 4900 against 约5560 (high confidence) is -11.9 %",
	} {
		if !strings.Contains(ex, s) {
			t.Errorf("ex-post section lacks %q", s)
		}
	}

	buf.Reset()
	if err := run(&buf, []string{"-json", "-out", ""}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ExPost struct {
			Rows []struct {
				Metal   string `json:"metal"`
				Outcome struct {
					Value      *float64 `json:"value"`
					Confidence string   `json:"confidence"`
				} `json:"outcome"`
				HasOutcome bool     `json:"has_outcome"`
				Plan       float64  `json:"plan"`
				PlanErrPct *float64 `json:"plan_error_pct"`
				Combined   struct {
					AtPlan   float64 `json:"at_plan"`
					AtActual float64 `json:"at_actual"`
				} `json:"combined"`
				GDPPart *float64 `json:"gdp_part"`
				Rest    *float64 `json:"rest"`
			} `json:"rows"`
			Reading []string `json:"reading"`
		} `json:"ex_post"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rows := doc.ExPost.Rows
	if len(rows) != 11 || rows[0].Metal != "total" {
		t.Fatalf("%d rows, first %+v", len(rows), rows)
	}
	tot := rows[0]
	if tot.Outcome.Value == nil || *tot.Outcome.Value != 5560 || tot.Outcome.Confidence != "high" || tot.Plan != 4900 {
		t.Errorf("total outcome %+v, plan %v", tot.Outcome, tot.Plan)
	}
	if want := 100 * (4900.0 - 5560) / 5560; tot.PlanErrPct == nil || math.Abs(*tot.PlanErrPct-want) > 1e-9 {
		t.Errorf("total plan error %v %%, want %v", tot.PlanErrPct, want)
	}
	if want := tot.Combined.AtPlan - tot.Combined.AtActual; tot.GDPPart == nil || math.Abs(*tot.GDPPart-want) > 1e-9 || *tot.GDPPart > -280 || *tot.GDPPart < -300 {
		t.Errorf("total GDP part %v, want %v (about −288.8)", tot.GDPPart, want)
	}
	if tot.Rest == nil || math.Abs(*tot.Rest+*tot.GDPPart-(4900-5560)) > 1e-9 {
		t.Errorf("total rest %v does not add up with the GDP part to −660", tot.Rest)
	}
	for _, r := range rows {
		switch r.Metal {
		case "nickel", "antimony", "mercury", "titanium":
			if r.HasOutcome || r.Outcome.Value != nil || r.PlanErrPct != nil || r.Rest != nil {
				t.Errorf("%s has no outcome but %+v", r.Metal, r)
			}
		default:
			if !r.HasOutcome || r.Outcome.Confidence == "" {
				t.Errorf("%s: outcome without confidence: %+v", r.Metal, r.Outcome)
			}
		}
	}
	if len(doc.ExPost.Reading) < 5 {
		t.Errorf("reading %q", doc.ExPost.Reading)
	}
}

// TestRunGolden checks the program against the golden output demand plan
// is tested with (cmd/demand/testdata/golden), byte for byte: the two print
// the same report. The goldens gained the ex-post check at their end (the
// text) and under "ex_post" (the JSON), the rest unchanged.
func TestRunGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"plan.txt", []string{"-out", ""}},
		{"plan.json", []string{"-json", "-out", ""}},
	} {
		want, err := os.ReadFile(filepath.Join("..", "..", "cmd", "demand", "testdata", "golden", c.golden))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := run(&buf, c.args); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("plan2015 %q differs from cmd/demand/testdata/golden/%s", c.args, c.golden)
		}
	}
}
