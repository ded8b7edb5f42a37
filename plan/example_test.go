package plan_test

import (
	"fmt"

	"github.com/nonferrous/demand/plan"
)

func ExampleAudit() {
	for _, f := range plan.Audit() {
		fmt.Printf("%s %s %s: published %s, recomputed %.2f\n", f.Table, f.Metal, f.Field, f.PublishedText, f.Recomputed)
	}
	// Output:
	// 专栏1 zinc production growth 2006–2010: published 13.7, recomputed 13.17
	// 专栏1 antimony consumption growth 2006–2010: published -0.1, recomputed -0.96
	// 专栏1 total production 2010: published 3121, recomputed 3102.16
	// 专栏1 total consumption 2005: published 1670, recomputed 1658.26
}

func ExampleConsumptionHistory() {
	h := plan.ConsumptionHistory(plan.Copper)
	for _, y := range []int{2000, 2005, 2010} {
		v, _ := h.At(y)
		fmt.Printf("%d %.2f\n", y, v)
	}
	fmt.Println("derived:", plan.DerivedYears(plan.Copper))
	// Output:
	// 2000 194.24
	// 2005 374.00
	// 2010 753.00
	// derived: [2000]
}

func ExampleBalance() {
	b := plan.Balance(plan.Antimony)
	f := b.Consumption2005
	lo, hi := f.Interval()
	fmt.Printf("%s %s: %s (%d decimals, %.3f–%.3f)\n", f.Table, f.Row, f.Text, f.Decimals, lo, hi)
	// Output:
	// 专栏1 锑: 7.45 (2 decimals, 7.445–7.455)
}

func ExampleCheckRate() {
	// 专栏1 zinc production: 278 (2005) → 516 (2010), printed as 13.7 % a year.
	b := plan.Balance(plan.Zinc)
	c := plan.CheckRate(b.Production2005, b.Production2010, b.ProductionGrowth11th, 5)
	fmt.Printf("recomputed %.2f %%, attainable %.2f–%.2f %%, consistent %v\n", c.Recomputed, c.Lo, c.Hi, c.Consistent)
	// Output:
	// recomputed 13.17 %, attainable 13.10–13.23 %, consistent false
}

func ExampleParseMetal() {
	for _, s := range []string{"精炼铜", "镁", "Aluminium", "十种有色金属"} {
		m, _ := plan.ParseMetal(s)
		fmt.Println(m, m.Chinese(), m.Label(), plan.Plan2015(m).Text)
	}
	// Output:
	// copper 铜 精炼铜 970
	// magnesium 镁 镁 75
	// aluminium 铝 电解铝 2400
	// total 十种有色金属 十种有色金属 4900
}
