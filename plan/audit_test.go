package plan

import (
	"math"
	"testing"
)

func fig(t *testing.T, text string) Figure {
	t.Helper()
	f, err := ParseFigure(text)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAuditPlan lists the findings on the plan as printed.
func TestAuditPlan(t *testing.T) {
	// Recomputed values from Python 3: (516/278)**0.2*100-100,
	// (7.1/7.45)**0.2*100-100, and the sums of the ten metals
	// 458+1577+426+516+17.1+16.4+18.7+0.16+65.4+7.4 and
	// 374+712+198+325+19.7+10.2+7.45+0.11+10.7+1.1.
	want := []struct {
		table      Table
		metal      Metal
		field      Field
		kind       string
		published  float64
		recomputed float64
		lo, hi     float64
	}{
		// Attainable (515.5/278.5)^(1/5) − 1 = 13.1047 % to (516.5/277.5)^(1/5) − 1 = 13.2300 %,
		// against 13.65–13.75.
		{Box1, Zinc, ProductionGrowth11th, KindRate, 13.7, 13.167306967247484, 13.104710903562804, 13.229989666266519},
		// Attainable (7.05/7.455)^(1/5) − 1 = −1.1109 % to (7.15/7.445)^(1/5) − 1 = −0.8053 %,
		// against −0.15 to −0.05.
		{Box1, Antimony, ConsumptionGrowth11th, KindRate, -0.1, -0.957768862860334, -1.1109297171156243, -0.805345762680318},
		// 3102.16 ± (4·0.5 + 5·0.05 + 0.005) = 3099.905–3104.415, against 3120.5–3121.5.
		{Box1, Total, Production2010, KindSum, 3121, 3102.16, 3099.905, 3104.415},
		// 1658.26 ± (4·0.5 + 4·0.05 + 2·0.005) = 1656.05–1660.47, against 1669.5–1670.5.
		{Box1, Total, Consumption2005, KindSum, 1670, 1658.26, 1656.05, 1660.47},
	}
	got := Audit()
	if len(got) != len(want) {
		for _, f := range got {
			t.Log(f)
		}
		t.Fatalf("Audit() gave %d findings, want %d", len(got), len(want))
	}
	const tol = 1e-9
	for i, w := range want {
		g := got[i]
		if g.Table != w.table || g.Metal != w.metal || g.Field != w.field || g.Kind != w.kind || g.Consistent {
			t.Errorf("finding %d = %s %s %s %s (consistent %v), want %s %s %s %s", i, g.Table, g.Metal, g.Field, g.Kind, g.Consistent, w.table, w.metal, w.field, w.kind)
		}
		if g.Published != w.published || math.Abs(g.Recomputed-w.recomputed) > tol || math.Abs(g.Lo-w.lo) > tol || math.Abs(g.Hi-w.hi) > tol {
			t.Errorf("finding %d (%s %s): published %v recomputed %v [%v, %v], want %v %v [%v, %v]",
				i, g.Metal, g.Field, g.Published, g.Recomputed, g.Lo, g.Hi, w.published, w.recomputed, w.lo, w.hi)
		}
		if g.String() == "" || g.Basis == "" || g.Row == "" {
			t.Errorf("finding %d lacks description: %+v", i, g)
		}
	}
	if got[0].PublishedText != "13.7" || got[0].Row != "锌" {
		t.Errorf("zinc finding text, row = %q, %q", got[0].PublishedText, got[0].Row)
	}
}

// TestChecksCoverage counts the checks, so that none is silently dropped:
// 22 专栏1 rates, 4 专栏1 sums, 11 专栏2 rates, 1 专栏2 sum, 5 三(三)1 rates,
// 22 专栏2-vs-专栏1 equalities, 2 专栏3 equalities, 16 text equalities.
func TestChecksCoverage(t *testing.T) {
	count := map[string]int{}
	for _, c := range Checks() {
		count[string(c.Table)+" "+c.Kind]++
	}
	want := map[string]int{
		"专栏1 rate": 22, "专栏1 sum": 4, "专栏2 rate": 11, "专栏2 sum": 1, "三(三)1 rate": 5,
		"专栏2 cross": 22, "专栏3 cross": 2, "一(一)1 cross": 16,
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d checks, want %d", k, count[k], n)
		}
	}
	if len(count) != len(want) {
		t.Errorf("check kinds %v, want %v", count, want)
	}
	// Figures rounding explains are not flagged: the text's 17 (nickel) and
	// 65 (magnesium) against 专栏1's 17.1 and 65.4; copper's 12.0 from
	// (458/260)^(1/5) − 1 = 11.99 %.
	for _, c := range Checks() {
		switch {
		case c.Table == Status && c.Metal == Nickel && c.Field == Production2010,
			c.Table == Status && c.Metal == Magnesium && c.Field == Production2010,
			c.Table == Box1 && c.Metal == Copper && c.Field == ProductionGrowth11th:
			if !c.Consistent {
				t.Errorf("%v flagged", c)
			}
		}
	}
}

// Synthetic cases just inside and just outside the bound.
func TestCheckRateBoundary(t *testing.T) {
	start, end := fig(t, "100"), fig(t, "200")
	// Attainable over 5 years (Python 3): (199.5/100.5)**0.2*100-100 = 14.697873896795755,
	// (200.5/99.5)**0.2*100-100 = 15.042486332522714; recomputed 2^(1/5) − 1 = 14.869835499703512 %.
	const lo, hi = 14.697873896795755, 15.042486332522714
	const h = 0.00005 // a rate printed with 4 decimals
	const d = 1e-6
	tests := []struct {
		name string
		rate float64
		ok   bool
	}{
		{"centre", 14.8698, true},
		{"just inside above", hi + h - d, true},
		{"just outside above", hi + h + d, false},
		{"just inside below", lo - h + d, true},
		{"just outside below", lo - h - d, false},
	}
	for _, tt := range tests {
		c := CheckRate(start, end, Figure{Value: tt.rate, Decimals: 4}, 5)
		if c.Consistent != tt.ok {
			t.Errorf("%s: rate %.7f consistent = %v, want %v (attainable %v–%v)", tt.name, tt.rate, c.Consistent, tt.ok, c.Lo, c.Hi)
		}
		if math.Abs(c.Recomputed-14.869835499703512) > 1e-12 || math.Abs(c.Lo-lo) > 1e-12 || math.Abs(c.Hi-hi) > 1e-12 {
			t.Errorf("%s: recomputed %v [%v, %v]", tt.name, c.Recomputed, c.Lo, c.Hi)
		}
	}
	// Printed with 1 decimal: 15.1 (15.05–15.15) misses 15.0425 by 0.0075; 15.0 meets it.
	if CheckRate(start, end, fig(t, "15.1"), 5).Consistent {
		t.Error("15.1 % consistent with 100 → 200 over 5 years")
	}
	if !CheckRate(start, end, fig(t, "15.0"), 5).Consistent {
		t.Error("15.0 % inconsistent with 100 → 200 over 5 years")
	}
	// A start level that rounds to zero leaves the rate unbounded above.
	if c := CheckRate(fig(t, "0"), fig(t, "5"), fig(t, "900"), 5); !math.IsInf(c.Hi, 1) || !c.Consistent {
		t.Errorf("start 0: %+v", c)
	}
}

func TestCheckRatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("CheckRate with 0 years did not panic")
		}
	}()
	CheckRate(Figure{Value: 1}, Figure{Value: 2}, Figure{Value: 3}, 0)
}

func TestCheckSumBoundary(t *testing.T) {
	parts := []Figure{fig(t, "1"), fig(t, "2")} // attainable 2–4
	tests := []struct {
		total Figure
		ok    bool
	}{
		{fig(t, "3"), true},
		{Figure{Value: 4.5}, true},         // 4–5 touches 2–4: closed intervals
		{Figure{Value: 4.5 + 1e-6}, false}, // just outside
		{Figure{Value: 1.5 - 1e-6}, false}, // below: 1.0–2.0 minus 1e-6
		{Figure{Value: 1.5}, true},         // 1–2 touches 2–4
		{fig(t, "4.05"), false},            // 4.045–4.055
		{fig(t, "4.0"), true},
	}
	for _, tt := range tests {
		c := CheckSum(parts, tt.total)
		if c.Consistent != tt.ok {
			t.Errorf("total %v: consistent = %v, want %v", tt.total.Value, c.Consistent, tt.ok)
		}
		if c.Recomputed != 3 || c.Lo != 2 || c.Hi != 4 {
			t.Errorf("total %v: recomputed %v [%v, %v], want 3 [2, 4]", tt.total.Value, c.Recomputed, c.Lo, c.Hi)
		}
	}
}

func TestCheckEqual(t *testing.T) {
	tests := []struct {
		a, ref string
		ok     bool
	}{
		{"17", "17.1", true},      // 16.5–17.5 contains 17.1
		{"17", "17.6", false},     // 17.55–17.65 misses 16.5–17.5
		{"17.5", "17.6", true},    // 17.45–17.55 touches 17.55–17.65: closed intervals
		{"17.4", "17.6", false},   // 17.35–17.45 misses 17.55–17.65
		{"12", "12.0", true},      // 11.5–12.5 contains 11.95–12.05
		{"约3430", "3434", true},   // 3425–3435
		{"约3430", "3436", false},  // 3435.5–3436.5
		{"4600", "4600左右", true},  // 4550–4650
		{"4700", "4600左右", false}, // 4699.5–4700.5
	}
	for _, tt := range tests {
		c := CheckEqual(fig(t, tt.a), fig(t, tt.ref))
		if c.Consistent != tt.ok {
			t.Errorf("CheckEqual(%s, %s) = %v, want %v", tt.a, tt.ref, c.Consistent, tt.ok)
		}
	}
}
