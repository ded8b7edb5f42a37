package plan_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

// ExampleNewDocument reproduces the plan under its three scenarios with
// the fixed defaults and reads copper's row of the report.
func ExampleNewDocument() {
	set, err := defaults.Set(defaults.Names()...)
	if err != nil {
		log.Fatal(err)
	}
	study, err := plan.NewStudy(plan.PlanScenario(), plan.LowScenario(), plan.HighScenario(), set)
	if err != nil {
		log.Fatal(err)
	}
	doc := plan.NewDocument(study)
	cu := doc.Metals[0]
	fmt.Printf("%s: combined %.0f, plan %v, %+.1f %%\n", cu.Metal, *cu.Combined, cu.Plan2015, *cu.DeviationPct)
	for _, m := range doc.Methods {
		fmt.Printf("  %-10s %.0f (low–high %.0f–%.0f)\n", m, cu.Forecasts[m], cu.Range[m][0], cu.Range[m][1])
	}
	fmt.Printf("  intensity change: historical %+.1f %%, implied %+.1f %% a year\n",
		100**cu.HistoricalIntensityChange, 100**cu.ImpliedIntensityChange)
	// The low–high ranges agree with OLS by hand (python3: Q on Y and ln(Q/Y)
	// on the year over 2000, 2005, 2010, at Y_2015 = Y_2010·1.06⁵ and ·1.08⁵).
	// Output:
	// copper: combined 1184, plan 970, +22.1 %
	//   elasticity 1179 (low–high 1108–1253)
	//   intensity  1266 (low–high 1208–1327)
	//   regression 1108 (low–high 1051–1167)
	//   intensity change: historical +3.6 %, implied -1.7 % a year
}
