package plan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/plantest"
	"github.com/nonferrous/demand/plan"
)

// expostRow is the part of a row recomputed independently.
type expostRow struct {
	Plan, Outcome, PlanErr, PlanErrPct        float64
	Elasticity7, Intensity7, Regression7      float64
	ElasticityA, IntensityA, RegressionA      float64
	Combined7, CombinedA, GDPPart, Rest       float64
	OutcomeElasticity, OutcomeIntensityChange float64
	Expert                                    float64
}

// TestExPostRows recomputes three rows independently.
//
// GDP index: Y_2000 = 1, Y_2005 = 1.098^5 = 1.595620, Y_2010 = Y_2005·1.112^5
// = 2.713024; at 7 % Y_2015 = Y_2010·1.07^5 = 3.805875; at the GDP that
// happened Y_2015 = Y_2010·1.096·1.079·1.078·1.074·1.070 = 3.975342.
//
// Total (专栏1: 1670, 3430, 十五 16.2 %, 十一五 15.5 %; plan 4900; outcome 5560):
//
//	plan error 4900 − 5560 = −660, −660/5560 = −11.87 %;
//	E = 0.155/0.112 = 1.383929; at 7 %: 3430·(1 + 1.383929·0.07)^5
//	  = 3430·1.096875^5 = 3430·1.587762 = 5446.03;
//	at actual: 3430·1.132857·1.109330·1.107947·1.102411·1.096875
//	  = 3430·1.683664 = 5774.97;
//	expert X = 4·4900 − (5446.03 + 6188.38 + 5110.35) = 2855.24 < 3430 while
//	  every method grows: impossible.
//
// Copper (374, 753, 14.0 %, 15.0 %; plan 970; outcome 1148):
//
//	plan error −178, −178/1148 = −15.51 %; E = 0.15/0.112 = 1.339286;
//	at 7 %: 753·1.09375^5 = 753·1.565284 = 1178.66; X = 3880 − 3552.66 = 327.35.
//
// Aluminium (712, 1592, 14.0 %, 17.5 %; plan 2400; outcome 3107):
//
//	plan error −707, −707/3107 = −22.76 %; E = 0.175/0.112 = 1.5625;
//	at 7 %: 1592·1.109375^5 = 1592·1.680319 = 2675.07; X = 9600 − 7810.33 = 1789.67,
//	  above 1592: possible.
//
// The intensity (OLS of ln(Q/Y) on the year over 2000, 2005, 2010) and
// regression (OLS of Q on Y) figures, the combination, the split and the
// outcome-implied parameters are from Python (numpy 1.24): np.polyfit(years,
// np.log(Q/Y), 1) and np.polyfit(Y, Q, 1) evaluated at 2015, the mean of the
// three, scipy.optimize.brentq on Q_2010·∏(1 + E·g_t) − O, and
// (O/(Q_2010/Y_2010·Y_2015))^(1/5) − 1.
func TestExPostRows(t *testing.T) {
	want := map[plan.Metal]expostRow{
		plan.Total: {
			Plan: 4900, Outcome: 5560, PlanErr: -660, PlanErrPct: -11.8705,
			Elasticity7: 5446.0273, Intensity7: 6188.3786, Regression7: 5110.3496,
			ElasticityA: 5774.9668, IntensityA: 6463.9324, RegressionA: 5372.3320,
			Combined7: 5581.5851, CombinedA: 5870.4104, GDPPart: -288.8252, Rest: -371.1748,
			OutcomeElasticity: 1.278165, OutcomeIntensityChange: 0.020442, Expert: 2855.2446,
		},
		plan.Copper: {
			Plan: 970, Outcome: 1148, PlanErr: -178, PlanErrPct: -15.5052,
			Elasticity7: 1178.6512, Intensity7: 1266.2576, Regression7: 1107.7462,
			ElasticityA: 1247.7046, IntensityA: 1322.6410, RegressionA: 1163.2901,
			Combined7: 1184.2183, CombinedA: 1244.5452, GDPPart: -60.3269, Rest: -117.6731,
			OutcomeElasticity: 1.108887, OutcomeIntensityChange: 0.008003, Expert: 327.3450,
		},
		plan.Aluminium: {
			Plan: 2400, Outcome: 3107, PlanErr: -707, PlanErrPct: -22.7551,
			Elasticity7: 2675.0687, Intensity7: 2772.3626, Regression7: 2362.8959,
			ElasticityA: 2855.8205, IntensityA: 2895.8093, RegressionA: 2485.3839,
			Combined7: 2603.4424, CombinedA: 2745.6712, GDPPart: -142.2289, Rest: -564.7711,
			OutcomeElasticity: 1.803518, OutcomeIntensityChange: 0.059039, Expert: 1789.6728,
		},
	}
	c := plantest.ExPost(t)
	for m, w := range want {
		r, ok := c.Row(m)
		if !ok || !r.HasOutcome || len(r.Methods) != 3 {
			t.Fatalf("%s: row %v, outcome %v, %d methods", m, ok, r.HasOutcome, len(r.Methods))
		}
		got := expostRow{
			Plan: r.Plan, Outcome: r.Outcome.Value(), PlanErr: r.PlanErr, PlanErrPct: r.PlanErrPct,
			Elasticity7: r.Methods[0].AtPlan, Intensity7: r.Methods[1].AtPlan, Regression7: r.Methods[2].AtPlan,
			ElasticityA: r.Methods[0].AtActual, IntensityA: r.Methods[1].AtActual, RegressionA: r.Methods[2].AtActual,
			Combined7: r.Combined.AtPlan, CombinedA: r.Combined.AtActual, GDPPart: r.GDPPart, Rest: r.Rest,
			OutcomeElasticity: r.OutcomeElasticity, OutcomeIntensityChange: r.OutcomeIntensityChange,
			Expert: r.Expert.Value,
		}
		if d := cmp.Diff(w, got, cmpopts.EquateApprox(2e-6, 1e-6)); d != "" {
			t.Errorf("%s (-want +got):\n%s", m, d)
		}
	}
	tot, _ := c.Row(plan.Total)
	if tot.Expert.Impossible != plan.BelowLevel2010 {
		t.Errorf("total: implied expert %v flagged %q, want %q", tot.Expert.Value, tot.Expert.Impossible, plan.BelowLevel2010)
	}
	if al, _ := c.Row(plan.Aluminium); al.Expert.Impossible != plan.Possible {
		t.Errorf("aluminium: implied expert %v flagged %q, want possible", al.Expert.Value, al.Expert.Impossible)
	}
	// Nickel (19.7, 52, 27.9 %, 21.4 %; plan 70): X = 4·70 − (97.4069 +
	// 140.4389 + 81.2670) = −39.1128, from R 4.2.2: E = 0.214/0.112,
	// 52·(1 + 0.07·E)^5; exp(predict(lm(log(Q/Y) ~ t), 2015))·Y_2015 and
	// predict(lm(Q ~ Y), Y_2015) over 2000, 2005, 2010, Q_2000 =
	// 19.7/1.279^5, Y the plan's index.
	if ni, _ := c.Row(plan.Nickel); ni.Expert.Impossible != plan.BelowZero || math.Abs(ni.Expert.Value+39.11) > 0.05 {
		t.Errorf("nickel: implied expert %v flagged %q, want about −39.1, %q", ni.Expert.Value, ni.Expert.Impossible, plan.BelowZero)
	}
}

// TestExPostChecked checks that Checked keeps the rows with an outcome, in
// the order of Rows: every row but nickel, antimony, mercury and titanium,
// for which no 2015 consumption was found.
func TestExPostChecked(t *testing.T) {
	c := plantest.ExPost(t)
	var got, want []plan.Metal
	for _, r := range c.Checked() {
		got = append(got, r.Metal)
	}
	for _, r := range c.Rows {
		switch r.Metal {
		case plan.Nickel, plan.Antimony, plan.Mercury, plan.Titanium:
		default:
			want = append(want, r.Metal)
		}
	}
	if len(want) != len(c.Rows)-4 {
		t.Fatalf("%d rows, want 4 more than the %d checked", len(c.Rows), len(want))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Checked (-want +got):\n%s", d)
	}
}

// TestExPostConsistency checks what holds on every row: the split adds up
// to the plan's error, the combination is the mean of the methods, the
// GDP that happened raises every method (growth was faster than 7 %), the
// rows without an outcome carry no error, and the plan-implied parameters
// are the reproduction's.
func TestExPostConsistency(t *testing.T) {
	c := plantest.ExPost(t)
	rep := plantest.Reproduce(t, plan.PlanScenario())
	if len(c.Rows) != 11 || c.Rows[0].Metal != plan.Total {
		t.Fatalf("%d rows, first %v", len(c.Rows), c.Rows[0].Metal)
	}
	none := map[plan.Metal]bool{plan.Nickel: true, plan.Antimony: true, plan.Mercury: true, plan.Titanium: true}
	for _, r := range c.Rows {
		if r.HasOutcome == none[r.Metal] {
			t.Errorf("%s: has outcome %v", r.Metal, r.HasOutcome)
		}
		var s7, sa float64
		for _, m := range r.Methods {
			if m.Err != nil {
				t.Errorf("%s %s: %v", r.Metal, m.Method, m.Err)
			}
			// Antimony's historical elasticity is −0.01: faster growth lowers it.
			if grows := r.HistoricalElasticity > 0 || m.Method != "elasticity"; grows != (m.AtActual > m.AtPlan) {
				t.Errorf("%s %s: %v at actual GDP, %v at 7 %%", r.Metal, m.Method, m.AtActual, m.AtPlan)
			}
			s7 += m.AtPlan
			sa += m.AtActual
		}
		n := float64(len(r.Methods))
		if math.Abs(s7/n-r.Combined.AtPlan) > 1e-9*s7 || math.Abs(sa/n-r.Combined.AtActual) > 1e-9*sa {
			t.Errorf("%s: combination %v, %v; mean of methods %v, %v", r.Metal, r.Combined.AtPlan, r.Combined.AtActual, s7/n, sa/n)
		}
		if !r.HasOutcome {
			if !math.IsNaN(r.PlanErr) || !math.IsNaN(r.Rest) || !math.IsNaN(r.Combined.ErrAtPlanPct) || !math.IsNaN(r.OutcomeElasticity) {
				t.Errorf("%s: errors without an outcome: %v %v %v %v", r.Metal, r.PlanErr, r.Rest, r.Combined.ErrAtPlanPct, r.OutcomeElasticity)
			}
			continue
		}
		if d := r.GDPPartPct + r.RestPct - r.PlanErrPct; math.Abs(d) > 1e-9 {
			t.Errorf("%s: split %v + %v ≠ %v", r.Metal, r.GDPPartPct, r.RestPct, r.PlanErrPct)
		}
		var pr plan.Row
		for _, x := range append(rep.Metals, rep.Total) {
			if x.Problem.Metal == r.Metal {
				pr = x
			}
		}
		if r.PlanElasticity != pr.ImpliedElasticity || r.PlanIntensityChange != pr.ImpliedIntensityChange || r.Combined.AtPlan != pr.Value {
			t.Errorf("%s: plan-implied E %v, ΔI %v, combination %v; the reproduction's %v, %v, %v",
				r.Metal, r.PlanElasticity, r.PlanIntensityChange, r.Combined.AtPlan, pr.ImpliedElasticity, pr.ImpliedIntensityChange, pr.Value)
		}
	}
}

// TestExPostProduction checks the production targets (三(三)1) against
// production. By hand: ten metals (4600 − 5156)/5156 = −10.78 %, copper
// (650 − 796)/796 = −18.34 %, aluminium (2400 − 3141)/3141 = −23.59 %,
// lead (550 − 440)/440 = +25.00 %, zinc (720 − 615)/615 = +17.07 %.
func TestExPostProduction(t *testing.T) {
	want := map[plan.Metal]float64{plan.Total: -10.78, plan.Copper: -18.34, plan.Aluminium: -23.59, plan.Lead: 25.00, plan.Zinc: 17.07}
	c := plantest.ExPost(t)
	if len(c.Production) != len(want) {
		t.Fatalf("%d production checks, want %d", len(c.Production), len(want))
	}
	for _, p := range c.Production {
		if w, ok := want[p.Metal]; !ok || math.Abs(p.ErrPct-w) > 0.005 {
			t.Errorf("%s: target %v vs %v: %.4f %%, want %.2f", p.Metal, p.Target.Production2015.Value, p.Outcome.Value(), p.ErrPct, w)
		}
	}
}

// TestActualProblem checks the GDP path of the ex-post check: the plan's
// 2000–2010 index and the NBS rates after it.
func TestActualProblem(t *testing.T) {
	p, err := plan.NewActualProblem(plan.Copper)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := plan.NewProblem(plan.Copper, plan.PlanScenario())
	y := p.Scenario.Drivers[forecast.GDP]
	for yr := 2000; yr <= 2010; yr++ {
		a, _ := y.At(yr)
		b, _ := q.Scenario.Drivers[forecast.GDP].At(yr)
		if a != b {
			t.Errorf("%d: index %v, plan's %v", yr, a, b)
		}
	}
	// 2.713024·1.096·1.079·1.078·1.074·1.070, by hand as in TestExPostRows.
	if v, _ := y.At(2015); math.Abs(v-3.975342) > 1e-6 {
		t.Errorf("2015 index %v, want 3.975342", v)
	}
	if g := plan.ActualScenario().Growth; math.Abs(g-0.0793636) > 1e-6 {
		t.Errorf("average growth %v, want 0.0793636 = (3.975342/2.713024)^(1/5) − 1", g)
	}
	if _, err := plan.NewActualProblem(plan.Metal(42)); err == nil {
		t.Error("invalid metal: no error")
	}
}

func TestCheckExPostErrors(t *testing.T) {
	boom := errors.New("boom")
	_, err := plan.CheckExPost(func(plan.Problem) ([]forecast.Method, error) { return nil, boom })
	if !errors.Is(err, boom) {
		t.Errorf("set error: %v", err)
	}
	_, err = plan.CheckExPost(func(plan.Problem) ([]forecast.Method, error) { return nil, nil })
	if !errors.Is(err, plan.ErrNoMethod) {
		t.Errorf("empty set: %v", err)
	}
	if _, err = plan.CheckExPost(nil); !errors.Is(err, plan.ErrNoMethod) {
		t.Errorf("nil set: %v", err)
	}
	_, err = plan.CheckExPost(func(plan.Problem) ([]forecast.Method, error) { return []forecast.Method{nil}, nil })
	if !errors.Is(err, forecast.ErrNilMethod) {
		t.Errorf("nil method: %v", err)
	}
	sc, lo, hi := plan.Scenarios(0.07, 0.06, 0.08)
	if _, err = plan.NewStudy(sc, lo, hi, nil); !errors.Is(err, plan.ErrNoMethod) {
		t.Errorf("NewStudy with a nil set: %v", err)
	}
	// A set that gives fewer methods on its second call.
	calls := 0
	shrinking := func(p plan.Problem) ([]forecast.Method, error) {
		ms, err := plantest.Set(t)(p)
		calls++
		if calls > 1 {
			ms = ms[:2]
		}
		return ms, err
	}
	if _, err = plan.CheckExPost(shrinking); err == nil || !strings.Contains(err.Error(), "gave 3 methods, then 2") {
		t.Errorf("shrinking set: %v", err)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n--; w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteExPostTable(t *testing.T) {
	c := plantest.ExPost(t)
	var b bytes.Buffer
	if err := plan.WriteExPostTable(&b, c); err != nil {
		t.Fatal(err)
	}
	// Compare with the columns' padding collapsed to one space.
	out := strings.Join(strings.Fields(b.String()), " ")
	for _, s := range []string{
		"9.6, 7.9, 7.8, 7.4, 7.0 % = 7.94 % a year",
		"total ≈5560 high 4900 5446 → 5775 6188 → 6464 5110 → 5372 5582 → 5870", // outcome, plan, methods and combination at 7 % → actual
		"total high -11.9 -2.0 → +3.9 +11.3 → +16.3 -8.1 → -3.4 +0.4 → +5.6",    // their errors
		"total high -660.0 -11.9 -288.8 -5.2 -371.2 -6.7",                       // the split
		"total high 1.38 1.06 1.28 4.8 0.4 2.0",                                 // E and ΔI
		"nickel none found 70",
		"copper 1148* medium 970",
		"no outcome found for nickel, antimony, mercury, titanium",
		"nickel 52.00 70 319.1 -39.11 impossible: below zero",
		"total ≈4600 5156 high -10.8 8 10.4 10.56",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	for i := 0; i < 5; i++ {
		if err := plan.WriteExPostTable(&failWriter{n: i}, c); err == nil {
			t.Errorf("writer failing after %d writes: no error", i)
		}
	}
}

func TestExPostJSON(t *testing.T) {
	c := plantest.ExPost(t)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Methods []string `json:"methods"`
		Rows    []struct {
			Metal      string   `json:"metal"`
			HasOutcome bool     `json:"has_outcome"`
			Plan       float64  `json:"plan"`
			PlanErrPct *float64 `json:"plan_error_pct"`
			Outcome    struct {
				Value      *float64 `json:"value"`
				Confidence string   `json:"confidence"`
				Quote      string   `json:"quote"`
			} `json:"outcome"`
			Combined struct {
				AtActual float64 `json:"at_actual"`
			} `json:"combined"`
			Expert struct {
				Impossible string `json:"impossible"`
			} `json:"implied_expert"`
		} `json:"rows"`
		Production []struct {
			Metal  string  `json:"metal"`
			ErrPct float64 `json:"error_pct"`
		} `json:"production"`
		Reading []string `json:"reading"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	if len(doc.Rows) != 11 || len(doc.Production) != 5 || len(doc.Reading) == 0 || len(doc.Methods) != 3 {
		t.Fatalf("%d rows, %d production, %d reading, methods %v", len(doc.Rows), len(doc.Production), len(doc.Reading), doc.Methods)
	}
	tot, ni := doc.Rows[0], doc.Rows[5]
	if tot.Metal != "total" || !tot.HasOutcome || tot.Outcome.Value == nil || *tot.Outcome.Value != 5560 ||
		tot.Outcome.Confidence != "high" || tot.PlanErrPct == nil || math.Abs(*tot.PlanErrPct+11.8705) > 1e-4 ||
		math.Abs(tot.Combined.AtActual-5870.4104) > 1e-3 || tot.Expert.Impossible != string(plan.BelowLevel2010) {
		t.Errorf("total row %+v", tot)
	}
	if ni.Metal != "nickel" || ni.HasOutcome || ni.Outcome.Value != nil || ni.PlanErrPct != nil || ni.Outcome.Quote != "" {
		t.Errorf("nickel row %+v", ni)
	}
	if p := doc.Production[0]; p.Metal != "total" || math.Abs(p.ErrPct+10.78) > 0.005 {
		t.Errorf("production %+v", p)
	}
}

func TestExPostChartData(t *testing.T) {
	c := plantest.ExPost(t)
	cu, _ := c.Row(plan.Copper)
	want := []plan.ChartRef{
		{Year: 2015, Value: 970, Label: "plan 970"},
		{Year: 2015, Value: 1148, Label: "outcome 1148, derived (medium confidence)"},
	}
	if d := cmp.Diff(want, cu.ChartRefs()); d != "" {
		t.Errorf("copper refs (-want +got):\n%s", d)
	}
	ni, _ := c.Row(plan.Nickel)
	if refs := ni.ChartRefs(); len(refs) != 1 || refs[0].Label != "plan 70" {
		t.Errorf("nickel refs %v", refs)
	}
	tot, _ := c.Row(plan.Total)
	if refs := tot.ChartRefs(); len(refs) != 2 || refs[1].Label != "outcome about 5560 (high confidence)" {
		t.Errorf("total refs %v", refs)
	}
	p := tot.ActualPath()
	v, _ := p.Point.At(2015)
	lo, _ := p.Lower.At(2015)
	if p.Method != plan.ActualPathName || math.Abs(v-5870.4104) > 1e-3 || !math.IsNaN(lo) || p.Point.Start != 2011 {
		t.Errorf("actual path %s %v from %d, lower %v", p.Method, v, p.Point.Start, lo)
	}
}
