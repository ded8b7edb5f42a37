package plan_test

import (
	"fmt"
	"log"
	"testing"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

func ExampleOutcomeOf() {
	for _, m := range []plan.Metal{plan.Total, plan.Copper, plan.Nickel} {
		o, ok := plan.OutcomeOf(m, plan.Consumption2015)
		if !ok {
			fmt.Printf("%s: no outcome found\n", m)
			continue
		}
		fmt.Printf("%s: %s 万吨 (%s confidence, %s), derived %v\n", m, o.Figure.Text, o.Confidence, o.Date, o.Derived())
	}
	// Output:
	// total: 约5560 万吨 (high confidence, 2016-10-19), derived false
	// copper: 1148 万吨 (medium confidence, 2016-10-19), derived true
	// nickel: no outcome found
}

func ExampleCheckExPost() {
	set, err := defaults.Set()
	if err != nil {
		log.Fatal(err)
	}
	c, err := plan.CheckExPost(set)
	if err != nil {
		log.Fatal(err)
	}
	t, _ := c.Row(plan.Total)
	fmt.Printf("plan %.0f vs outcome %s: %+.1f %%\n", t.Plan, t.Outcome.Figure.Text, t.PlanErrPct)
	fmt.Printf("combination %.0f at 7 %% (%+.1f %%), %.0f at actual GDP (%+.1f %%)\n",
		t.Combined.AtPlan, t.Combined.ErrAtPlanPct, t.Combined.AtActual, t.Combined.ErrAtActualPct)
	fmt.Printf("split: GDP assumption %+.0f 万吨, rest %+.0f 万吨\n", t.GDPPart, t.Rest)
	fmt.Printf("elasticity: history %.2f, plan %.2f, outcome %.2f\n", t.HistoricalElasticity, t.PlanElasticity, t.OutcomeElasticity)
	fmt.Printf("implied expert %.0f: %s\n", t.Expert.Value, t.Expert.Impossible)
	// Output:
	// plan 4900 vs outcome 约5560: -11.9 %
	// combination 5582 at 7 % (+0.4 %), 5870 at actual GDP (+5.6 %)
	// split: GDP assumption -289 万吨, rest -371 万吨
	// elasticity: history 1.38, plan 1.06, outcome 1.28
	// implied expert 2855: below the 2010 level while every method grows
}

func BenchmarkCheckExPost(b *testing.B) {
	set, err := defaults.Set()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.CheckExPost(set); err != nil {
			b.Fatal(err)
		}
	}
}
