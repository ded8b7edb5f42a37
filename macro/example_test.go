package macro_test

import (
	"fmt"

	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/series"
)

func ExamplePlanIndex() {
	idx := macro.PlanIndex()
	for _, y := range []int{2000, 2005, 2010, 2015} {
		v, _ := idx.At(y)
		fmt.Printf("%d %.4f\n", y, v)
	}
	// Output:
	// 2000 1.0000
	// 2005 1.5959
	// 2010 2.7135
	// 2015 3.8059
}

func ExampleIndex() {
	// Growth of 10 % in 2011 and 20 % in 2012, indexed to 2011 = 100.
	g := series.New("real GDP growth", macro.UnitGrowth, 2011, 0.10, 0.20)
	idx, err := macro.Index(2011, 100, g)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(idx.Start, idx.Values)
	// Output:
	// 2010 [90.9090909090909 100 120]
}

func ExampleAnnualRates() {
	g, _ := macro.AnnualRates([]macro.Period{{From: 2011, To: 2012, Rate: 0.07}, {From: 2013, To: 2013, Rate: 0.06}})
	fmt.Println(g.Start, g.Values)
	// Output:
	// 2011 [0.07 0.07 0.06]
}

func ExamplePerCapita() {
	pc, _ := macro.PerCapita(macro.NominalGDP(), macro.Population())
	v, _ := pc.At(2010)
	fmt.Printf("%.0f yuan per person (%s × 10⁴)\n", v*1e4, pc.Unit)
	// Output:
	// 30734 yuan per person (万元/人 × 10⁴)
}
