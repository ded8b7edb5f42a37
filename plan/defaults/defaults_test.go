package defaults_test

import (
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/internal/plantest"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

// TestHandArithmetic recomputes three metals from the reproduction's defaults by
// hand and compares them with the report and with independent values.
//
// The GDP index (macro.PlanIndex): Y_2000 = 1, Y_2005 = 1.098^5,
// Y_2010 = 1.098^5·1.112^5, Y_2015 = Y_2010·1.07^5. The history: Q_2000 =
// Q_2005/(1 + g_10th)^5, Q_2005 and Q_2010 as published in 专栏1.
//
//   - elasticity: E = g_11th/0.112 and Q_2015 = Q_2010·(1 + 0.07·E)^5.
//   - intensity: with three equally spaced years the OLS slope of ln I on
//     the year is (ln I_2010 − ln I_2000)/10 and the line passes through
//     (2005, mean ln I), so ln Î_2015 = mean(ln I) + (ln I_2010 − ln I_2000)
//     and Q_2015 = Î_2015·Y_2015.
//   - regression: b = Σ(Y−Ȳ)(Q−Q̄)/Σ(Y−Ȳ)², a = Q̄ − b·Ȳ, Q_2015 = a + b·Y_2015.
//
// The "want" values are independent: statsmodels 0.13,
// sm.OLS(log(Q/Y), add_constant(year)).fit().get_prediction([[1, 2015]]) and
// sm.OLS(Q, add_constant(Y)).fit().get_prediction([[1, Y_2015]]), with
// summary_frame(alpha=0.05) for the 95 % bounds; elasticity and implied
// values from the formulas in Python floats.
func TestHandArithmetic(t *testing.T) {
	y2005 := math.Pow(1.098, 5)
	y2010 := y2005 * math.Pow(1.112, 5)
	y2015 := y2010 * math.Pow(1.07, 5)
	ys := [3]float64{1, y2005, y2010}

	for _, tc := range []struct {
		metal                     plan.Metal
		q2005, q2010, g10, g11    float64 // 专栏1, growth in percent
		el, in, inLo, inHi        float64 // statsmodels / Python, 95 %
		reg, regLo, regHi         float64
		impliedE, impliedIntDelta float64
	}{
		// copper: Q_2000 = 374/1.14^5 = 194.2438…; E = 0.15/0.112 = 1.3393;
		// Q_2015 = 753·1.09375^5 = 1178.65.
		{plan.Copper, 374, 753, 14.0, 15.0,
			1178.6512099206448, 1266.2575503558576, 1060.9271841001198, 1511.3272690747676,
			1107.7462181920207, 807.4293147974631, 1408.0631215865783,
			0.7421516344751838, -0.01686858466050223},
		// nickel: Q_2000 = 19.7/1.279^5 = 5.756…; E = 0.214/0.112 = 1.9107.
		{plan.Nickel, 19.7, 52, 27.9, 21.4,
			97.40692735079337, 140.4388637391836, 6.584033426559884, 2995.591481779301,
			81.26698201545139, 37.17383933947192, 125.36012469143085,
			0.8750431482148141, -0.008174747313049568},
		// antimony: consumption fell 2005–2010 (7.45 → 7.1), E = −0.001/0.112.
		{plan.Antimony, 7.45, 7.1, 14.4, -0.1,
			7.077840217046432, 9.41417422816936, 0.005605906189953931, 15809.51828219166,
			9.450889354559738, -42.119053604028224, 61.02083231314771,
			1.3072551376940298, 0.020100803400543876},
	} {
		t.Run(tc.metal.String(), func(t *testing.T) {
			// By hand.
			qs := [3]float64{tc.q2005 / math.Pow(1+tc.g10/100, 5), tc.q2005, tc.q2010}
			e := tc.g11 / 100 / 0.112
			handEl := tc.q2010 * math.Pow(1+0.07*e, 5)

			var lnI [3]float64
			for i := range lnI {
				lnI[i] = math.Log(qs[i] / ys[i])
			}
			meanLnI := (lnI[0] + lnI[1] + lnI[2]) / 3
			handIn := math.Exp(meanLnI+lnI[2]-lnI[0]) * y2015

			ym, qm := (ys[0]+ys[1]+ys[2])/3, (qs[0]+qs[1]+qs[2])/3
			var sxy, sxx float64
			for i := range ys {
				sxy += (ys[i] - ym) * (qs[i] - qm)
				sxx += (ys[i] - ym) * (ys[i] - ym)
			}
			b := sxy / sxx
			handReg := qm - b*ym + b*y2015

			for _, c := range []struct {
				name            string
				hand, reference float64
			}{
				{"elasticity", handEl, tc.el},
				{"intensity", handIn, tc.in},
				{"regression", handReg, tc.reg},
			} {
				if plantest.RelErr(c.hand, c.reference) > 1e-9 {
					t.Errorf("%s by hand = %.12g, reference %.12g", c.name, c.hand, c.reference)
				}
			}

			p, err := plan.NewProblem(tc.metal, plan.PlanScenario())
			if err != nil {
				t.Fatal(err)
			}
			set, _ := defaults.Set()
			row, err := plan.ReproduceRow(p, set)
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, got, want float64) {
				t.Helper()
				if plantest.RelErr(got, want) > 1e-9 {
					t.Errorf("%s = %.12g, want %.12g", what, got, want)
				}
			}
			for _, c := range []struct {
				name           string
				point, lo, hi  float64
				hasInterval    bool
				wantLo, wantHi float64
			}{
				{"elasticity", tc.el, 0, 0, false, 0, 0},
				{"intensity", tc.in, 0, 0, true, tc.inLo, tc.inHi},
				{"regression", tc.reg, 0, 0, true, tc.regLo, tc.regHi},
			} {
				m, ok := row.Method(c.name)
				if !ok || m.Err != nil {
					t.Fatalf("%s: missing or failed: %v", c.name, m.Err)
				}
				check(c.name, m.Value, c.point)
				iv := m.Intervals[len(m.Intervals)-1]
				if iv.Level != 0.95 {
					t.Fatalf("%s: last level %v, want 0.95", c.name, iv.Level)
				}
				if c.hasInterval {
					check(c.name+" 95% lower", iv.Lower, c.wantLo)
					check(c.name+" 95% upper", iv.Upper, c.wantHi)
				} else if !math.IsNaN(iv.Lower) || !math.IsNaN(iv.Upper) {
					t.Errorf("%s: interval %v, want NaN (a given elasticity has no standard error)", c.name, iv)
				}
			}
			combined := (tc.el + tc.in + tc.reg) / 3
			check("combined", row.Value, combined)
			check("deviation", row.DeviationPct, 100*(combined-p.Plan2015)/p.Plan2015)
			check("implied elasticity", row.ImpliedElasticity, tc.impliedE)
			check("implied intensity change", row.ImpliedIntensityChange, tc.impliedIntDelta)
			check("historical elasticity", p.HistoricalElasticity(), e)
		})
	}
}

// TestScenarioRange checks that each method's forecast moves one way as
// GDP growth rises from the low to the plan to the high scenario: up where
// consumption rose with GDP, down where it fell (antimony's elasticity is
// negative).
func TestScenarioRange(t *testing.T) {
	low, mid, high := plantest.Reproduce(t, plan.LowScenario()), plantest.Reproduce(t, plan.PlanScenario()), plantest.Reproduce(t, plan.HighScenario())
	for i := range mid.Metals {
		for j, m := range mid.Metals[i].Methods {
			l, h := low.Metals[i].Methods[j].Value, high.Metals[i].Methods[j].Value
			up := l < m.Value && m.Value < h
			down := l > m.Value && m.Value > h
			if !up && !down {
				t.Errorf("%s %s: low %v, plan %v, high %v not monotone", mid.Metals[i].Problem.Metal, m.Method, l, m.Value, h)
			}
		}
	}
	// Antimony's elasticity is −0.001/0.112 < 0: faster growth, less demand.
	sb := plan.Antimony
	if l, h := low.Metals[sb].Methods[0].Value, high.Metals[sb].Methods[0].Value; !(l > h) {
		t.Errorf("antimony elasticity: low %v, high %v; want low > high", l, h)
	}
}

func TestSetErrors(t *testing.T) {
	for _, names := range [][]string{{"delphi"}, {"intensity", "intensity"}} {
		if _, err := defaults.Set(names...); err == nil || !strings.HasPrefix(err.Error(), "defaults: ") {
			t.Errorf("Set(%q): error %v, want a defaults error", names, err)
		}
	}
	if _, err := defaults.Method("delphi", plan.Problem{}); err == nil {
		t.Error(`Method("delphi"): no error`)
	}
	rep := plantest.Reproduce(t, plan.PlanScenario(), "regression")
	if n := len(rep.Metals[0].Methods); n != 1 {
		t.Errorf("one method asked, %d run", n)
	}
}
