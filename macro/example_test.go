package macro_test

import (
	"fmt"
	"log"

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

// ExampleGrowRecent continues an observed GDP index at its compound growth
// of the last five years, keeping its unit, so that a scenario built from
// it splices onto the observed driver.
func ExampleGrowRecent() {
	gdp := series.New("gdp", "index 2015=100", 2015, 100, 106.8, 114.2, 121.9, 129.8, 132.6)
	future, g, err := macro.GrowRecent(gdp, 5, 2023)
	if err != nil {
		log.Fatal(err)
	}
	v, _ := future.At(2023)
	fmt.Printf("%.2f %% a year; 2023: %.1f %s\n", 100*g, v, future.Unit)
	// Output:
	// 5.81 % a year; 2023: 157.1 index 2015=100
}
