package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestRunTable(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf, nil); err != nil {
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
	if err := run(&buf, []string{"-json"}); err != nil {
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

func TestCell(t *testing.T) {
	r := Row{History: map[string]float64{"2000": 1.234, "2003": 5}, DerivedYears: []int{2000, 2001}}
	for year, want := range map[int]string{2000: "1.23*", 2001: "–", 2003: "5", 2004: "–"} {
		if got := r.cell(year); got != want {
			t.Errorf("cell(%d) = %q, want %q", year, got, want)
		}
	}
}
