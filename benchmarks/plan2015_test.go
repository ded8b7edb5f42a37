package benchmarks

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/plantest"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

func pctVsPlan(v, plan float64) float64 { return 100 * (v - plan) / plan }

// reportVsOutcome reports pct-vs-outcome, 100·(v − O)/O against the 2015
// outcome of row m (plan.OutcomeOf), where one is sourced.
func reportVsOutcome(b *testing.B, m plan.Metal, v float64) {
	if o, ok := plan.OutcomeOf(m, plan.Consumption2015); ok {
		b.ReportMetric(100*(v-o.Value())/o.Value(), "pct-vs-outcome")
	}
}

// BenchmarkPlan2015 is the validation table: see the package doc.
func BenchmarkPlan2015(b *testing.B) {
	set, err := defaults.Set()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		var rep *plan.Report
		for b.Loop() {
			if rep, err = plan.Reproduce(plan.PlanScenario(), set); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(pctVsPlan(rep.SumOfMetals, rep.Total.Problem.Plan2015), "pct-vs-plan")
		b.ReportMetric(rep.SumOfMetals, "forecast-10kt")
		reportVsOutcome(b, plan.Total, rep.SumOfMetals)
	})
	for _, m := range append(plan.Metals(), plan.Total) {
		p, err := plan.NewProblem(m, plan.PlanScenario())
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range defaults.Names() {
			b.Run(m.String()+"/"+name, func(b *testing.B) {
				meth, err := defaults.Method(name, p)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				var v float64
				for b.Loop() {
					model, err := meth.Fit(p.History, p.Drivers)
					if err != nil {
						b.Fatal(err)
					}
					f, err := model.Forecast(p.Scenario, 0.95)
					if err != nil {
						b.Fatal(err)
					}
					v, _ = f.Point.At(plan.TargetYear)
				}
				b.ReportMetric(pctVsPlan(v, p.Plan2015), "pct-vs-plan")
				b.ReportMetric(v, "forecast-10kt")
				reportVsOutcome(b, m, v)
			})
		}
		b.Run(m.String()+"/combination", func(b *testing.B) {
			b.ReportAllocs()
			var row plan.Row
			for b.Loop() {
				if row, err = plan.ReproduceRow(p, set); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(row.DeviationPct, "pct-vs-plan")
			b.ReportMetric(row.Value, "forecast-10kt")
			reportVsOutcome(b, m, row.Value)
		})
	}
}

// Table2 restates 专栏2 (2015年主要有色金属需求预测), the column 2015年表观消费量
// (万吨), row by row as printed in the plan.
var table2 = map[plan.Metal]float64{
	plan.Total:     4900, // 十种有色金属
	plan.Copper:    970,  // 精炼铜
	plan.Aluminium: 2400, // 电解铝
	plan.Lead:      620,  // 铅
	plan.Zinc:      720,  // 锌
	plan.Nickel:    70,   // 镍
	plan.Tin:       19.1, // 锡
	plan.Antimony:  11,   // 锑
	plan.Mercury:   0.18, // 汞
	plan.Magnesium: 75,   // 镁
	plan.Titanium:  15,   // 钛
}

// TestPlanFigures checks that every plan figure the report carries equals
// the plan's table, and that the rows and methods are all there.
func TestPlanFigures(t *testing.T) {
	rep := plantest.Reproduce(t, plan.PlanScenario())
	if len(rep.Metals) != 10 {
		t.Fatalf("%d metals, want 10", len(rep.Metals))
	}
	var sum float64
	for i, row := range append(rep.Metals, rep.Total) {
		m := row.Problem.Metal
		if i < 10 && m != plan.Metals()[i] {
			t.Errorf("row %d is %s, want %s", i, m, plan.Metals()[i])
		}
		if row.Problem.Plan2015 != table2[m] || plan.Plan2015(m).Value != table2[m] {
			t.Errorf("%s: plan 2015 = %v (package %v), want %v", m, row.Problem.Plan2015, plan.Plan2015(m).Value, table2[m])
		}
		if len(row.Methods) != len(defaults.Names()) {
			t.Errorf("%s: %d methods, want %d", m, len(row.Methods), len(defaults.Names()))
		}
		for _, r := range row.Methods {
			if r.Err != nil {
				t.Errorf("%s: %s failed: %v", m, r.Method, r.Err)
			}
		}
		if i < 10 {
			sum += row.Value
		}
	}
	if rep.SumOfMetals != sum || plantest.RelErr(rep.Gap, rep.Total.Value-sum) > 1e-12 {
		t.Errorf("sum of metals %v, gap %v; want %v, %v", rep.SumOfMetals, rep.Gap, sum, rep.Total.Value-sum)
	}
}

// TestImpliedRoundTrip checks that the implied parameters reproduce the
// plan's 2015 figure to 0.05 %: the implied elasticity run through the
// elasticity method, and the implied intensity change applied to the 2010
// intensity, Q_2015 = I_2010·(1 + r)^5·Y_2015.
func TestImpliedRoundTrip(t *testing.T) {
	for _, sc := range []plan.Scenario{plan.PlanScenario(), plan.LowScenario(), plan.HighScenario()} {
		rep := plantest.Reproduce(t, sc)
		for _, row := range append(rep.Metals, rep.Total) {
			p := row.Problem
			m := &elasticity.Method{Estimator: elasticity.Given, Value: row.ImpliedElasticity}
			model, err := m.Fit(p.History, p.Drivers)
			if err != nil {
				t.Fatalf("%s %s: %v", sc.Name, p.Metal, err)
			}
			f, err := model.Forecast(p.Scenario, 0.95)
			if err != nil {
				t.Fatalf("%s %s: %v", sc.Name, p.Metal, err)
			}
			got, _ := f.Point.At(plan.TargetYear)
			if plantest.RelErr(got, p.Plan2015) > 0.0005 {
				t.Errorf("%s %s: implied elasticity %.6g gives %.6g, plan %.6g", sc.Name, p.Metal, row.ImpliedElasticity, got, p.Plan2015)
			}

			q2010, _ := p.History.At(2010)
			y2010, _ := p.Drivers[forecast.GDP].At(2010)
			y2015, _ := p.Scenario.Drivers[forecast.GDP].At(plan.TargetYear)
			got = q2010 / y2010 * math.Pow(1+row.ImpliedIntensityChange, 5) * y2015
			if plantest.RelErr(got, p.Plan2015) > 0.0005 {
				t.Errorf("%s %s: implied intensity change %.6g gives %.6g, plan %.6g", sc.Name, p.Metal, row.ImpliedIntensityChange, got, p.Plan2015)
			}
		}
	}
}
