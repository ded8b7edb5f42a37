package plan

import (
	"fmt"
	"math"
)

// Check is the result of comparing a published figure with the value
// recomputed from other printed figures.
type Check struct {
	Published  float64 // the published figure
	Recomputed float64 // the value computed from the printed inputs
	// Lo and Hi bound the values the computation attains over all inputs
	// within their rounding (Figure.Interval).
	Lo, Hi float64
	// Consistent reports whether [Lo, Hi] meets the published figure's own
	// rounding interval: rounding explains any difference.
	Consistent bool
}

// overlap reports whether the closed intervals [a, b] and [c, d] meet,
// allowing a relative slack of 1e-9 for floating-point error at an exact
// boundary.
func overlap(a, b, c, d float64) bool {
	eps := 1e-9 * math.Max(1, math.Max(math.Abs(b), math.Abs(d)))
	return a <= d+eps && c <= b+eps
}

func check(published Figure, recomputed, lo, hi float64) Check {
	plo, phi := published.Interval()
	return Check{
		Published:  published.Value,
		Recomputed: recomputed,
		Lo:         lo,
		Hi:         hi,
		Consistent: overlap(lo, hi, plo, phi),
	}
}

// CheckRate compares a published average growth rate (percent a year) with
// the one recomputed from the printed start and end levels over years
// years:
//
//	recomputed = ((end/start)^(1/years) − 1)·100,
//	attainable = [((end_lo/start_hi)^(1/years) − 1)·100, ((end_hi/start_lo)^(1/years) − 1)·100],
//
// where x_lo, x_hi is the rounding interval of x. It is consistent when the
// attainable interval meets rate ± its rounding. A start interval reaching
// zero gives Hi = +Inf. It panics if years < 1.
func CheckRate(start, end, rate Figure, years int) Check {
	if years < 1 {
		panic(fmt.Sprintf("plan: CheckRate: years %d < 1", years))
	}
	n := 1 / float64(years)
	slo, shi := start.Interval()
	elo, ehi := end.Interval()
	r := (math.Pow(end.Value/start.Value, n) - 1) * 100
	lo := (math.Pow(elo/shi, n) - 1) * 100
	hi := math.Inf(1)
	if slo > 0 {
		hi = (math.Pow(ehi/slo, n) - 1) * 100
	}
	return check(rate, r, lo, hi)
}

// CheckSum compares a published total with the sum of its printed parts:
// recomputed = Σ parts, attainable = [Σ part_lo, Σ part_hi].
func CheckSum(parts []Figure, total Figure) Check {
	var s, lo, hi float64
	for _, p := range parts {
		l, h := p.Interval()
		s, lo, hi = s+p.Value, lo+l, hi+h
	}
	return check(total, s, lo, hi)
}

// CheckEqual compares a figure with the same quantity printed elsewhere,
// ref: recomputed = ref, attainable = ref's rounding interval.
func CheckEqual(fig, ref Figure) Check {
	lo, hi := ref.Interval()
	return check(fig, ref.Value, lo, hi)
}

// Check kinds.
const (
	KindRate  = "rate"  // a growth rate against its levels
	KindSum   = "sum"   // a total against the sum of the ten metals
	KindCross = "cross" // a figure against the same quantity printed elsewhere
)

// Finding is one audited figure of the plan.
type Finding struct {
	Table Table  // the table of the audited figure
	Metal Metal  // its row: a metal or Total
	Row   string // the row label as printed
	Field Field  // its column
	Kind  string // KindRate, KindSum or KindCross
	// Basis says what Recomputed is computed from, e.g.
	// "专栏1 production 2005 and 2010".
	Basis         string
	PublishedText string // the audited figure as printed
	Check
}

// String returns a one-line description: table, row, field, the
// published and recomputed values and the attainable range.
func (f Finding) String() string {
	return fmt.Sprintf("%s %s %s: published %s, recomputed %.4g from %s (attainable %.4g–%.4g)",
		f.Table, f.Metal, f.Field, f.PublishedText, f.Recomputed, f.Basis, f.Lo, f.Hi)
}

// Audit returns the figures of the plan that are inconsistent beyond
// rounding, in the order of Checks. See the package documentation for the
// checks and the definition of "beyond rounding".
func Audit() []Finding {
	var out []Finding
	for _, f := range Checks() {
		if !f.Consistent {
			out = append(out, f)
		}
	}
	return out
}

// Checks returns every audit check on the plan's figures, consistent or
// not, in this order: 专栏1 growth 2006–2010 from its levels, production
// then consumption, Total then the metals; 专栏1 totals against the sums of
// the metals; 专栏2 growth 2011–2015 from its 2010 and 2015 levels; the
// 专栏2 2015 total against its sum; the 三(三)1 production targets' growth
// from 专栏1's 2010 production; 专栏2's 2010 consumption and 2006–2010 growth
// against 专栏1; 专栏3's ten-metal production against 专栏1 (2010) and
// 三(三)1 (2015); the 一(一)1 text figures against 专栏1.
func Checks() []Finding {
	var out []Finding
	add := func(fig Figure, m Metal, kind, basis string, c Check) {
		out = append(out, Finding{Table: fig.Table, Metal: m, Row: fig.Row, Field: fig.Field, Kind: kind,
			Basis: basis, PublishedText: fig.Text, Check: c})
	}
	rows := Rows()
	// 专栏1: 2006–2010 growth from the 2005 and 2010 levels.
	for _, pc := range []struct {
		y2005, y2010, g Field
		what            string
	}{
		{Production2005, Production2010, ProductionGrowth11th, "production"},
		{Consumption2005, Consumption2010, ConsumptionGrowth11th, "consumption"},
	} {
		for _, m := range rows {
			g := get(Box1, m, pc.g)
			add(g, m, KindRate, "专栏1 "+pc.what+" 2005 and 2010",
				CheckRate(get(Box1, m, pc.y2005), get(Box1, m, pc.y2010), g, 5))
		}
	}
	// 专栏1: totals against the sums of the ten metals.
	for _, f := range []Field{Production2005, Production2010, Consumption2005, Consumption2010} {
		addSum := func(t Table) {
			var parts []Figure
			for _, m := range Metals() {
				parts = append(parts, get(t, m, f))
			}
			tot := get(t, Total, f)
			add(tot, Total, KindSum, fmt.Sprintf("sum of the ten metals in %s", t), CheckSum(parts, tot))
		}
		addSum(Box1)
	}
	// 专栏2: 2011–2015 growth from its own 2010 and 2015 levels.
	for _, m := range rows {
		d := Demand(m)
		add(d.ConsumptionGrowth12th, m, KindRate, "专栏2 consumption 2010 and 2015",
			CheckRate(d.Consumption2010, d.Consumption2015, d.ConsumptionGrowth12th, 5))
	}
	{
		var parts []Figure
		for _, m := range Metals() {
			parts = append(parts, Plan2015(m))
		}
		tot := Plan2015(Total)
		add(tot, Total, KindSum, "sum of the ten metals in 专栏2", CheckSum(parts, tot))
	}
	// 三(三)1: production targets' growth from 2010 production (专栏1).
	for _, m := range rows {
		t, ok := ProductionTarget(m)
		if !ok {
			continue
		}
		add(t.ProductionGrowth12th, m, KindRate, "专栏1 production 2010 and 三(三)1 production 2015",
			CheckRate(get(Box1, m, Production2010), t.Production2015, t.ProductionGrowth12th, 5))
	}
	// 专栏2 against 专栏1.
	for _, m := range rows {
		d := Demand(m)
		add(d.Consumption2010, m, KindCross, "专栏1 consumption 2010", CheckEqual(d.Consumption2010, get(Box1, m, Consumption2010)))
		add(d.ConsumptionGrowth11th, m, KindCross, "专栏1 consumption growth 2006–2010",
			CheckEqual(d.ConsumptionGrowth11th, get(Box1, m, ConsumptionGrowth11th)))
	}
	// 专栏3 against 专栏1 and 三(三)1.
	p10, _ := Lookup(Box3, "total", Y2010)
	p15, _ := Lookup(Box3, "total", Y2015)
	add(p10, Total, KindCross, "专栏1 production 2010", CheckEqual(p10, get(Box1, Total, Production2010)))
	add(p15, Total, KindCross, "三(三)1 production 2015", CheckEqual(p15, get(Targets, Total, Production2015)))
	// 一(一)1 text against 专栏1.
	for _, m := range rows {
		if _, ok := StatusFigures(m); !ok {
			continue
		}
		for _, f := range []Field{Production2010, ProductionGrowth11th, Consumption2010, ConsumptionGrowth11th} {
			fig, ok := Lookup(Status, m.String(), f)
			if !ok {
				continue
			}
			add(fig, m, KindCross, "专栏1 "+string(f), CheckEqual(fig, get(Box1, m, f)))
		}
	}
	return out
}
