package intensity

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/plandata"
	"github.com/nonferrous/demand/series"
)

const rtol = 1e-8

var approx = cmp.Options{cmpopts.EquateApprox(rtol, 0), cmpopts.EquateNaNs()}

// gdpIndex returns the plan's GDP index, 2000 = 1, over 2000–2015
// (plandata.GDP).
func gdpIndex() series.Series { return plandata.GDP("index 2000=1") }

// copper returns the plan's copper history over 2000–2010, observed in
// 2000, 2005 and 2010 only (plandata.Copper), in 10kt.
func copper() series.Series { return plandata.Copper("10kt") }

// planDrivers returns the observed GDP index, 2000–2010.
func planDrivers() forecast.Drivers {
	g, _ := gdpIndex().Window(2000, 2010)
	return forecast.Drivers{forecast.GDP: g}
}

// planScenario returns the plan's scenario: 2011–2015 at 7 % a year, on a
// path spanning history and future.
func planScenario() forecast.Scenario {
	return forecast.Scenario{Name: "12th FYP", Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: gdpIndex()}}
}

func mustFit(t *testing.T, m Method, h series.Series, d forecast.Drivers) *Model {
	t.Helper()
	md, err := m.Fit(h, d)
	if err != nil {
		t.Fatalf("Fit: %v", err)
	}
	return md.(*Model)
}

func mustForecast(t *testing.T, md *Model, s forecast.Scenario, level float64) forecast.Forecast {
	t.Helper()
	f, err := md.Forecast(s, level)
	if err != nil {
		t.Fatalf("Forecast: %v", err)
	}
	return f
}

// checkPath compares f's point, lower and upper bound in each year with
// want's, to the tolerance approx, reporting the difference as what.
func checkPath(t *testing.T, what string, want [][3]float64, f forecast.Forecast) {
	t.Helper()
	got := make([][3]float64, f.Point.Len())
	for i := range got {
		got[i] = [3]float64{f.Point.Values[i], f.Lower.Values[i], f.Upper.Values[i]}
	}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("%s (-want +got):\n%s", what, d)
	}
}

// TestCopperPlan reproduces the plan's copper case by the default log
// trend over 2000, 2005 and 2010 (3 points, 1 residual DF).
func TestCopperPlan(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	f := mustForecast(t, md, planScenario(), 0.95)
	// Values from R 4.x:
	//   year <- c(2000, 2005, 2010); q <- c(374/1.14^5, 374, 753)
	//   y <- c(1, 1.098^5, 1.098^5*1.112^5); y2015 <- y[3]*1.07^5
	//   I <- q/y; f <- lm(log(I) ~ year)
	//   exp(predict(f, data.frame(year=2015), interval="prediction", level=0.95)) * y2015
	want := [3]float64{1266.2575503556775, 1060.927184103432, 1511.3272690696199}
	got := [3]float64{f.Point.Values[4], f.Lower.Values[4], f.Upper.Values[4]}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("2015 point, lower, upper (-want +got):\n%s", d)
	}
	if f.Point.Start != 2011 || f.Point.Len() != 5 || f.Method != "intensity" || f.Level != 0.95 {
		t.Errorf("forecast shape: start %d, len %d, method %q, level %g", f.Point.Start, f.Point.Len(), f.Method, f.Level)
	}
	if f.Point.Name != "copper" || f.Point.Unit != "10kt" {
		t.Errorf("forecast name/unit = %q/%q, want copper/10kt", f.Point.Name, f.Point.Unit)
	}

	// The whole path at 90 %, from R 4.x:
	//   exp(predict(f, data.frame(year=2011:2015), interval="prediction", level=0.90)) * (y[3]*1.07^(1:5))
	f90 := mustForecast(t, md, planScenario(), 0.90)
	wantPath := [][3]float64{
		{837.57197916929283, 781.72877168220168, 897.40437566337903},
		{928.74634306208998, 863.15820765109561, 999.31827341190240},
		{1029.84554307404755, 952.72121882872648, 1113.21320616051503},
		{1141.94995276398822, 1051.25701133573989, 1240.46706043913400},
		{1266.25755035567749, 1159.68962993477385, 1382.61836826370882},
	}
	checkPath(t, "90% path", wantPath, f90)

	// Coefficients from R 4.x: coef(summary(f)); the historical change is
	// (I[3]/I[1])^(1/10) - 1 in the same session.
	wantPar := []forecast.Parameter{
		{Name: ParamIntercept, Value: -66.067381558146436760, StdErr: 2.1625101244671345313},
		{Name: ParamTrend, Value: 0.035669804783877115, StdErr: 0.0010785564297723699},
		{Name: ParamHistChange, Value: 0.036313604196136495, StdErr: math.NaN()},
	}
	if d := cmp.Diff(wantPar, md.Parameters(), approx); d != "" {
		t.Errorf("Parameters (-want +got):\n%s", d)
	}
	if fit := md.Fitted(); fit == nil || fit.DF != 1 {
		t.Errorf("Fitted() = %v, want a fit with 1 residual DF", fit)
	}
}

// TestExactExponential: I_t = 0.5·0.98^(t−2000), falling exactly 2 % a
// year, against GDP_t = 100·1.05^(t−2000), over 2000–2005. The log trend
// recovers b = ln 0.98 and a = ln 0.5 − 2000·ln 0.98, and the forecast is
// exact: Q_T = 0.5·0.98^k · 100·1.05^k = 50·1.029^k, k = T−2000. The
// residuals are zero, so the interval collapses onto the point.
func TestExactExponential(t *testing.T) {
	gdp := make([]float64, 9)
	q := make([]float64, 6)
	for k := range gdp {
		gdp[k] = 100 * math.Pow(1.05, float64(k))
		if k < len(q) {
			q[k] = 0.5 * math.Pow(0.98, float64(k)) * gdp[k]
		}
	}
	h := series.New("q", "t", 2000, q...)
	d := forecast.Drivers{forecast.GDP: series.New("gdp", "bn", 2000, gdp...)}
	s := forecast.Scenario{Horizon: 3, Drivers: d}
	want := []float64{50 * math.Pow(1.029, 6), 50 * math.Pow(1.029, 7), 50 * math.Pow(1.029, 8)}

	t.Run("log-trend", func(t *testing.T) {
		md := mustFit(t, Method{}, h, d)
		ps := md.Parameters()
		b := math.Log(0.98)
		a := math.Log(0.5) - 2000*b
		if math.Abs(ps[1].Value-b) > 1e-12 || math.Abs(ps[0].Value-a)/math.Abs(a) > 1e-10 {
			t.Errorf("a, b = %.15g, %.15g; want %.15g, %.15g", ps[0].Value, ps[1].Value, a, b)
		}
		// Historical change: (0.98^5)^(1/5) − 1 = −0.02.
		if last := ps[len(ps)-1]; last.Name != ParamHistChange || math.Abs(last.Value+0.02) > 1e-12 {
			t.Errorf("historical change = %+v, want -0.02", last)
		}
		f := mustForecast(t, md, s, 0.95)
		for _, got := range [][]float64{f.Point.Values, f.Lower.Values, f.Upper.Values} {
			if d := cmp.Diff(want, got, approx); d != "" {
				t.Errorf("forecast (-want +got):\n%s", d)
			}
		}
	})
	t.Run("cagr", func(t *testing.T) {
		// Any window gives r = 0.98 − 1 = −0.02.
		for _, from := range []int{0, 2000, 2003} {
			md := mustFit(t, Method{Trajectory: CAGR, From: from}, h, d)
			if ps := md.Parameters(); math.Abs(ps[0].Value+0.02) > 1e-12 || ps[0].Name != ParamChange {
				t.Errorf("From %d: rate = %+v, want -0.02", from, ps[0])
			}
			f := mustForecast(t, md, s, 0.95)
			if d := cmp.Diff(want, f.Point.Values, approx); d != "" {
				t.Errorf("From %d: forecast (-want +got):\n%s", from, d)
			}
			// I changes by exactly −2 % a year: no scatter about the rate,
			// a degenerate interval at the point.
			for i := range f.Lower.Values {
				if d := cmp.Diff([]float64{want[i], want[i]}, []float64{f.Lower.Values[i], f.Upper.Values[i]}, approx); d != "" {
					t.Errorf("From %d: CAGR interval at %d (-want +got):\n%s", from, 2006+i, d)
				}
			}
			want := "intensity-cagr"
			if from != 0 {
				want = fmt.Sprintf("intensity-cagr-from-%d", from)
			}
			if f.Method != want {
				t.Errorf("method = %q, want %q", f.Method, want)
			}
		}
	})
}

// TestCopperCAGR continues the 2005–2010 intensity change:
// I_2005 = 374/1.098^5, I_2010 = 753/(1.098^5·1.112^5), so
// 1+r = ((753/374)/1.112^5)^(1/5) and
// Q_2015 = I_2010·(1+r)^5·Y_2010·1.07^5 = 753·(753/374)·(1.07/1.112)^5
// = 1250.5852508597145 (R 4.x: 753*(753/374)*(1.07/1.112)^5).
func TestCopperCAGR(t *testing.T) {
	md := mustFit(t, Method{Trajectory: CAGR}, copper(), planDrivers())
	f := mustForecast(t, md, planScenario(), 0.8)
	if d := cmp.Diff(1250.5852508597145, f.Point.Values[4], approx); d != "" {
		t.Errorf("2015 (-want +got):\n%s", d)
	}
	r := math.Pow(753.0/374/math.Pow(1.112, 5), 0.2) - 1
	if d := cmp.Diff(r, md.Parameters()[0].Value, approx); d != "" {
		t.Errorf("rate (-want +got):\n%s", d)
	}
}

// malenbaumData is a synthetic inverted U over 2000–2009:
// GDP = 100·1.1^k, population = 10·1.01^k, y = GDP/population,
// ln I = −2 + 1.5·ln y − 0.25·(ln y)² + e_k, Q = I·GDP, with the peak of the
// noiseless curve at y* = exp(1.5/0.5) = e³ ≈ 20.1 inside the range of y
// (10 to 21.5). The scenario continues GDP at 8 % and population at 0.5 %.
func malenbaumData() (series.Series, forecast.Drivers, forecast.Scenario) {
	e := []float64{0.02, -0.01, 0.015, -0.02, 0.005, 0.01, -0.015, 0, 0.012, -0.008}
	gdp := make([]float64, 15)
	pop := make([]float64, 15)
	q := make([]float64, 10)
	for k := range gdp {
		if k < 10 {
			gdp[k] = 100 * math.Pow(1.1, float64(k))
			pop[k] = 10 * math.Pow(1.01, float64(k))
		} else {
			gdp[k] = gdp[9] * math.Pow(1.08, float64(k-9))
			pop[k] = pop[9] * math.Pow(1.005, float64(k-9))
		}
	}
	for k := range q {
		ly := math.Log(gdp[k] / pop[k])
		q[k] = math.Exp(-2+1.5*ly-0.25*ly*ly+e[k]) * gdp[k]
	}
	obs := forecast.Drivers{
		forecast.GDP:        series.New("gdp", "bn", 2000, gdp[:10]...),
		forecast.Population: series.New("population", "m", 2000, pop[:10]...),
	}
	scen := forecast.Scenario{Name: "synthetic", Horizon: 5, Drivers: forecast.Drivers{
		forecast.GDP:        series.New("gdp", "bn", 2000, gdp...),
		forecast.Population: series.New("population", "m", 2000, pop...),
	}}
	return series.New("metal", "kt", 2000, q...), obs, scen
}

func TestMalenbaum(t *testing.T) {
	h, d, s := malenbaumData()
	md := mustFit(t, Method{Trajectory: Malenbaum}, h, d)
	f := mustForecast(t, md, s, 0.95)
	// Values from R 4.x, with k <- 0:9; gdp <- 100*1.1^k; pop <- 10*1.01^k;
	// e <- c(0.02,-0.01,0.015,-0.02,0.005,0.01,-0.015,0,0.012,-0.008); ypc <- gdp/pop;
	// q <- exp(-2 + 1.5*log(ypc) - 0.25*log(ypc)^2 + e)*gdp; I <- q/gdp;
	// f <- lm(log(I) ~ log(ypc) + I(log(ypc)^2)); h <- 1:5;
	// gf <- gdp[10]*1.08^h; pf <- pop[10]*1.005^h
	// exp(predict(f, data.frame(ypc = gf/pf), interval="prediction", level=0.95)) * gf
	want := [][3]float64{
		{326.66039217083340, 310.11642317466465, 344.08694231941035},
		{351.62656322324329, 330.15950789018814, 374.48941196421015},
		{377.73737177555188, 349.68473694621815, 408.04046319541442},
		{404.96856592176977, 368.55107260506048, 444.98456679429290},
		{433.28709633427877, 386.61711338787660, 485.59078568630571},
	}
	checkPath(t, "forecast", want, f)
	// coef(summary(f)) and b <- coef(f); exp(-b[2]/(2*b[3])) in the same session.
	wantPar := []forecast.Parameter{
		{Name: ParamIntercept, Value: -1.57545434490528979, StdErr: 0.631865594154433441},
		{Name: ParamLnIncome, Value: 1.19303271226470664, StdErr: 0.473133183801564050},
		{Name: ParamLnIncome2, Value: -0.19489453612945107, StdErr: 0.087979826779259876},
		{Name: ParamPeakIncome, Value: 21.342781810820906, StdErr: math.NaN()},
	}
	if d := cmp.Diff(wantPar, md.Parameters()[:4], approx); d != "" {
		t.Errorf("Parameters (-want +got):\n%s", d)
	}
	if peak, ok := md.PeakIncome(); !ok || math.Abs(peak/21.342781810820906-1) > rtol {
		t.Errorf("PeakIncome() = %g, %t", peak, ok)
	}
	if f.Method != "intensity-malenbaum" {
		t.Errorf("method = %q", f.Method)
	}
}

// TestMalenbaumNoPeak: an exact U, ln I = 1 − 0.5·ln y + 0.1·(ln y)², has
// c = 0.1 ≥ 0, so no peak: y* is NaN and PeakIncome reports false.
func TestMalenbaumNoPeak(t *testing.T) {
	gdp := []float64{10, 20, 40, 80, 160}
	pop := []float64{1, 1, 1, 1, 1}
	q := make([]float64, len(gdp))
	for i, g := range gdp {
		ly := math.Log(g)
		q[i] = math.Exp(1-0.5*ly+0.1*ly*ly) * g
	}
	d := forecast.Drivers{
		forecast.GDP:        series.New("gdp", "", 2000, gdp...),
		forecast.Population: series.New("pop", "", 2000, pop...),
	}
	md := mustFit(t, Method{Trajectory: Malenbaum}, series.New("q", "", 2000, q...), d)
	ps := md.Parameters()
	if math.Abs(ps[2].Value-0.1) > 1e-9 || ps[3].Name != ParamPeakIncome || !math.IsNaN(ps[3].Value) {
		t.Errorf("c = %g, peak = %+v; want 0.1 and NaN", ps[2].Value, ps[3])
	}
	if peak, ok := md.PeakIncome(); ok || !math.IsNaN(peak) {
		t.Errorf("PeakIncome() = %g, %t; want NaN, false", peak, ok)
	}
	if peak, ok := mustFit(t, Method{}, series.New("q", "", 2000, q...), d).PeakIncome(); ok || !math.IsNaN(peak) {
		t.Errorf("log trend PeakIncome() = %g, %t; want NaN, false", peak, ok)
	}
}

// TestZeroDF: two points for the two-parameter log trend, three for
// Malenbaum, leave no residual degrees of freedom: the point forecast
// stands and the interval is NaN.
func TestZeroDF(t *testing.T) {
	// Log trend through I_2000 = 2, I_2005 = 1 against a flat driver of 10:
	// I_T = 2·0.5^((T−2000)/5), so Q_2010 = 0.5·10 = 5.
	h := series.New("q", "", 2000, 20, math.NaN(), math.NaN(), math.NaN(), math.NaN(), 10)
	d := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10)}
	md := mustFit(t, Method{}, h, d)
	f := mustForecast(t, md, forecast.Scenario{Horizon: 5, Drivers: d}, 0.95)
	if math.Abs(f.Point.Values[4]-5) > 1e-9 || !math.IsNaN(f.Lower.Values[4]) || !math.IsNaN(f.Upper.Values[4]) {
		t.Errorf("2010: point %g [%g, %g], want 5 [NaN, NaN]", f.Point.Values[4], f.Lower.Values[4], f.Upper.Values[4])
	}

	hm, dm, sm := malenbaumData()
	hm.Values = hm.Values[:3]
	mm := mustFit(t, Method{Trajectory: Malenbaum}, hm, dm)
	sm.Horizon = 2
	fm := mustForecast(t, mm, sm, 0.95)
	for i := range fm.Point.Values {
		if !(fm.Point.Values[i] > 0) || !math.IsNaN(fm.Lower.Values[i]) || !math.IsNaN(fm.Upper.Values[i]) {
			t.Errorf("Malenbaum %d: point %g [%g, %g], want finite [NaN, NaN]", fm.Point.Start+i, fm.Point.Values[i], fm.Lower.Values[i], fm.Upper.Values[i])
		}
	}
}

// TestImplied: for copper, I_2010 = 753/Y_2010 and Y_2015 = Y_2010·1.07^5,
// so reaching Q_2015 = target needs
// r = (target/(753·1.07^5))^(1/5) − 1; e.g. target = 753·1.07^5 gives
// r = 0 and target = 753 gives r = 1/1.07 − 1.
func TestImplied(t *testing.T) {
	for _, tr := range []Trajectory{LogTrend, CAGR} {
		md := mustFit(t, Method{Trajectory: tr}, copper(), planDrivers())
		for _, tc := range []struct {
			target, want float64
		}{
			{753 * math.Pow(1.07, 5), 0},
			{753, 1/1.07 - 1},
			{1000, math.Pow(1000/(753*math.Pow(1.07, 5)), 0.2) - 1},
			{1266.2575503556775, math.Pow(1266.2575503556775/(753*math.Pow(1.07, 5)), 0.2) - 1},
		} {
			p, err := md.Implied(planScenario(), 2015, tc.target)
			if err != nil {
				t.Fatalf("%v: Implied(%g): %v", tr, tc.target, err)
			}
			if p.Name != ParamChange || math.Abs(p.Value-tc.want) > 1e-12 || !math.IsNaN(p.StdErr) {
				t.Errorf("%v: Implied(%g) = %+v, want %s = %.15g", tr, tc.target, p, ParamChange, tc.want)
			}
		}
	}
}

// TestImpliedRoundTrip solves for r, then builds a history whose 2005–2010
// intensity change is exactly r and forecasts it with the CAGR trajectory:
// the 2015 forecast must return the target.
func TestImpliedRoundTrip(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	y := gdpIndex()
	for _, target := range []float64{600, 1000, 1266.2575503556775, 1500, 2500} {
		for _, year := range []int{2011, 2013, 2015} {
			p, err := md.Implied(planScenario(), year, target)
			if err != nil {
				t.Fatal(err)
			}
			// Formula check: Q_T = I_last·(1+r)^(T−t_last)·Y_T.
			yT, _ := y.At(year)
			q := 753 / y.Values[10] * math.Pow(1+p.Value, float64(year-2010)) * yT
			if math.Abs(q/target-1) > 1e-9 {
				t.Errorf("target %g in %d: formula gives %.15g", target, year, q)
			}
			// Model check through the CAGR trajectory.
			h := copper()
			h.Values[5] = 753 / y.Values[10] / math.Pow(1+p.Value, 5) * y.Values[5]
			cm := mustFit(t, Method{Trajectory: CAGR}, h, planDrivers())
			f := mustForecast(t, cm, planScenario(), 0.9)
			got, _ := f.Point.At(year)
			if math.Abs(got/target-1) > 1e-9 {
				t.Errorf("target %g in %d: CAGR forecast %.15g", target, year, got)
			}
		}
	}
}

func TestIntensitySeries(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	in := md.Intensity()
	if in.Start != 2000 || in.Len() != 11 || in.Unit != "10kt/index 2000=1" || in.Name != "copper" {
		t.Errorf("Intensity() = %s %q start %d len %d", in.Name, in.Unit, in.Start, in.Len())
	}
	// I_2005 = 374/1.098^5; I_2001 is missing.
	if v, _ := in.At(2005); math.Abs(v/(374/math.Pow(1.098, 5))-1) > 1e-12 {
		t.Errorf("I_2005 = %g", v)
	}
	if v, _ := in.At(2001); !math.IsNaN(v) {
		t.Errorf("I_2001 = %g, want NaN", v)
	}
	in.Values[0] = -1
	if v, _ := md.Intensity().At(2000); v < 0 {
		t.Error("Intensity() shares its slice with the model")
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		m    Method
		name string
		traj string
	}{
		{Method{}, "intensity", "logtrend"},
		{Method{Trajectory: CAGR}, "intensity-cagr", "cagr"},
		{Method{Trajectory: Malenbaum}, "intensity-malenbaum", "malenbaum"},
		{Method{Trajectory: 7}, "intensity-Trajectory(7)", "Trajectory(7)"},
	} {
		if got := tc.m.Name(); got != tc.name {
			t.Errorf("Name() = %q, want %q", got, tc.name)
		}
		if got := tc.m.Trajectory.String(); got != tc.traj {
			t.Errorf("String() = %q, want %q", got, tc.traj)
		}
	}
}

// TestOtherDriver measures intensity against a named driver other than GDP.
func TestOtherDriver(t *testing.T) {
	// I = Q/X = 2 throughout, so Q_2003 = 2·X_2003 = 2·8 = 16.
	d := forecast.Drivers{"steel": series.New("steel", "Mt", 2000, 1, 2, 4, 8)}
	md := mustFit(t, Method{Driver: "steel"}, series.New("q", "", 2000, 2, 4, 8), d)
	f := mustForecast(t, md, forecast.Scenario{Horizon: 1, Drivers: d}, 0.5)
	if math.Abs(f.Point.Values[0]-16) > 1e-9 {
		t.Errorf("Q_2003 = %g, want 16", f.Point.Values[0])
	}
	if _, err := (Method{}).Fit(series.New("q", "", 2000, 2, 4, 8), d); !errors.Is(err, forecast.ErrMissingDriver) {
		t.Errorf("default driver absent: err = %v", err)
	}
}

func TestFitErrors(t *testing.T) {
	nan := math.NaN()
	gdp := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, 2, 3, 4, 5)}
	_, md, _ := malenbaumData()
	hm, _, _ := malenbaumData()
	for _, tc := range []struct {
		name string
		m    Method
		h    series.Series
		d    forecast.Drivers
		is   error
		msg  string
	}{
		{"empty", Method{}, series.Series{}, gdp, series.ErrEmpty, ""},
		{"inf", Method{}, series.New("q", "", 2000, 1, math.Inf(1), 3), gdp, nil, "year 2001: value not finite"},
		{"last missing", Method{}, series.New("q", "", 2000, 1, 2, nan), gdp, forecast.ErrLastMissing, "2002"},
		{"one point", Method{}, series.New("q", "", 2000, nan, nan, 3), gdp, forecast.ErrTooFew, "need 2"},
		{"one point cagr", Method{Trajectory: CAGR}, series.New("q", "", 2000, nan, 3), gdp, forecast.ErrTooFew, ""},
		{"two points malenbaum", Method{Trajectory: Malenbaum}, window(t, hm, 2008, 2009), md, forecast.ErrTooFew, "need 3"},
		{"zero consumption", Method{}, series.New("q", "", 2000, 1, 0, 3), gdp, forecast.ErrNonPositive, "year 2001"},
		{"negative consumption", Method{}, series.New("q", "", 2000, -1, 2, 3), gdp, forecast.ErrNonPositive, "year 2000"},
		{"zero driver", Method{}, series.New("q", "", 2000, 1, 2, 3), forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, 0, 3)}, forecast.ErrNonPositive, "2001"},
		{"negative driver", Method{}, series.New("q", "", 2000, 1, 2, 3), forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, 2, -3)}, forecast.ErrNonPositive, "2002"},
		{"driver missing", Method{}, series.New("q", "", 2000, 1, 2, 3), forecast.Drivers{}, forecast.ErrMissingDriver, `"gdp"`},
		{"nil drivers", Method{}, series.New("q", "", 2000, 1, 2, 3), nil, forecast.ErrMissingDriver, ""},
		{"driver short", Method{}, series.New("q", "", 2003, 1, 2, 3), gdp, forecast.ErrDriverYears, "2005"},
		{"driver starts late", Method{}, series.New("q", "", 1999, 1, 2, 3), gdp, forecast.ErrDriverYears, "1999"},
		{"driver NaN", Method{}, series.New("q", "", 2000, 1, 2, 3), forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, nan, 3)}, forecast.ErrDriverYears, "2001"},
		{"population missing", Method{Trajectory: Malenbaum}, hm, forecast.Drivers{forecast.GDP: md[forecast.GDP]}, forecast.ErrMissingDriver, "population"},
		{"population short", Method{Trajectory: Malenbaum}, hm, forecast.Drivers{forecast.GDP: md[forecast.GDP], forecast.Population: series.New("p", "", 2000, 1, 2)}, forecast.ErrDriverYears, "2002"},
		{"population zero", Method{Trajectory: Malenbaum}, series.New("q", "", 2000, 1, 2, 3), forecast.Drivers{forecast.GDP: gdp[forecast.GDP], forecast.Population: series.New("p", "", 2000, 1, 0, 1)}, forecast.ErrNonPositive, "2001"},
		// GDP and population are equal, so income per head is 1 in every
		// year: a constant ln y makes the design singular.
		{"malenbaum singular", Method{Trajectory: Malenbaum}, series.New("q", "", 2000, 1, 2, 3, 4), forecast.Drivers{forecast.GDP: gdp[forecast.GDP], forecast.Population: series.New("p", "", 2000, 1, 2, 3, 4)}, nil, "Malenbaum fit"},
		{"window not before last", Method{Trajectory: CAGR, From: 2002}, series.New("q", "", 2000, 1, 2, 3), gdp, forecast.ErrSetting, "2002"},
		{"window not observed", Method{Trajectory: CAGR, From: 2001}, series.New("q", "", 2000, 1, nan, 3), gdp, forecast.ErrSetting, "2001"},
		{"window outside", Method{Trajectory: CAGR, From: 1990}, series.New("q", "", 2000, 1, 2, 3), gdp, forecast.ErrSetting, "1990"},
		{"unknown trajectory", Method{Trajectory: 9}, series.New("q", "", 2000, 1, 2, 3), gdp, nil, "unknown trajectory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h0 := tc.h.Clone()
			m, err := tc.m.Fit(tc.h, tc.d)
			if err == nil {
				t.Fatalf("no error, model %v", m)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want %v", err, tc.is)
			}
			if !strings.HasPrefix(err.Error(), "intensity: ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %q, want prefix \"intensity: \" and %q", err, tc.msg)
			}
			if d := cmp.Diff(h0, tc.h, cmpopts.EquateNaNs()); d != "" {
				t.Errorf("history modified (-before +after):\n%s", d)
			}
		})
	}
}

func window(t *testing.T, s series.Series, from, to int) series.Series {
	t.Helper()
	w, err := s.Window(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestForecastErrors(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	hm, dm, sm := malenbaumData()
	mm := mustFit(t, Method{Trajectory: Malenbaum}, hm, dm)
	short := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2011, 1, 2, 3)}
	neg := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2011, 1, 2, -3, 4, 5)}
	for _, tc := range []struct {
		name  string
		md    *Model
		s     forecast.Scenario
		level float64
		is    error
		msg   string
	}{
		{"level 0", md, planScenario(), 0, forecast.ErrLevel, ""},
		{"level 1", md, planScenario(), 1, forecast.ErrLevel, ""},
		{"level NaN", md, planScenario(), math.NaN(), forecast.ErrLevel, ""},
		{"horizon 0", md, forecast.Scenario{Drivers: planDrivers()}, 0.9, forecast.ErrHorizon, ""},
		{"no future driver", md, forecast.Scenario{Name: "bare", Horizon: 1}, 0.9, forecast.ErrDriverYears, "2011"},
		{"short driver", md, forecast.Scenario{Horizon: 5, Drivers: short}, 0.9, forecast.ErrDriverYears, "2014"},
		{"negative driver", md, forecast.Scenario{Horizon: 5, Drivers: neg}, 0.9, forecast.ErrNonPositive, "2013"},
		{"no future population", mm, forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: sm.Drivers[forecast.GDP]}}, 0.9, forecast.ErrDriverYears, "population"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.md.Forecast(tc.s, tc.level)
			if err == nil {
				t.Fatalf("no error, forecast %v", f)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %q, want it to name %q", err, tc.msg)
			}
		})
	}
}

func TestImpliedErrors(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	for _, tc := range []struct {
		name   string
		s      forecast.Scenario
		year   int
		target float64
		is     error
	}{
		{"year is last", planScenario(), 2010, 800, forecast.ErrSetting},
		{"year before last", planScenario(), 2005, 800, forecast.ErrSetting},
		{"zero target", planScenario(), 2015, 0, forecast.ErrNonPositive},
		{"negative target", planScenario(), 2015, -5, forecast.ErrNonPositive},
		{"NaN target", planScenario(), 2015, math.NaN(), forecast.ErrNotFinite},
		{"Inf target", planScenario(), 2015, math.Inf(1), forecast.ErrNotFinite},
		{"year not covered", planScenario(), 2020, 800, forecast.ErrDriverYears},
		{"no driver", forecast.Scenario{Horizon: 5}, 2015, 800, forecast.ErrDriverYears},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := md.Implied(tc.s, tc.year, tc.target)
			if !errors.Is(err, tc.is) {
				t.Errorf("Implied = %+v, %v; want %v", p, err, tc.is)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "intensity: ") {
				t.Errorf("err = %q, want prefix \"intensity: \"", err)
			}
		})
	}
}

// TestInputsUntouched: Fit neither modifies its inputs nor keeps sharing
// them: changing the drivers after Fit does not change the forecast.
func TestInputsUntouched(t *testing.T) {
	h, d, s := malenbaumData()
	h0, g0, p0 := h.Clone(), d[forecast.GDP].Clone(), d[forecast.Population].Clone()
	mustForecast(t, mustFit(t, Method{Trajectory: Malenbaum}, h, d), s, 0.9)
	if d := cmp.Diff([]series.Series{h0, g0, p0}, []series.Series{h, d[forecast.GDP], d[forecast.Population]}); d != "" {
		t.Errorf("inputs modified (-before +after):\n%s", d)
	}

	// The observed GDP runs to 2015 and the scenario has no path, so the
	// forecast reads the observed drivers kept by the model.
	h = copper()
	obs := forecast.Drivers{forecast.GDP: gdpIndex()}
	md := mustFit(t, Method{}, h, obs)
	bare := forecast.Scenario{Horizon: 5}
	f0 := mustForecast(t, md, bare, 0.9)
	obs[forecast.GDP].Values[15] = 1e9
	h.Values[10] = 1e9
	if d := cmp.Diff(f0, mustForecast(t, md, bare, 0.9), approx); d != "" {
		t.Errorf("forecast changed with the inputs (-before +after):\n%s", d)
	}
	if v, _ := md.Intensity().At(2010); v > 1e6 {
		t.Errorf("intensity shares the history: I_2010 = %g", v)
	}
}

// TestForecastOverflow: an intensity rising e^100-fold a year from 1 in
// 2000 reaches e^800 > MaxFloat64 ≈ e^709.8 in 2008, the sixth forecast
// year: an error, not an infinite forecast.
func TestForecastOverflow(t *testing.T) {
	d := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, 1, 1, 1, 1, 1, 1, 1, 1)}
	h := series.New("q", "", 2000, 1, math.Exp(100), math.Exp(200))
	for _, m := range []Method{{}, {Trajectory: CAGR}} {
		md := mustFit(t, m, h, d)
		_, err := md.Forecast(forecast.Scenario{Horizon: 6, Drivers: d}, 0.9)
		if !errors.Is(err, forecast.ErrNotFinite) || !strings.Contains(err.Error(), "year 2008") {
			t.Errorf("%s: err = %v, want overflow in 2008", m.Name(), err)
		}
	}
}

// TestForecastErrorPrefix checks that every error of Forecast and
// ForecastTo, the level and horizon ones included, starts with the
// package name.
func TestForecastErrorPrefix(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	for _, tc := range []struct {
		name  string
		s     forecast.Scenario
		level float64
		is    error
	}{
		{"level", planScenario(), 1, forecast.ErrLevel},
		{"horizon", forecast.Scenario{Drivers: planDrivers()}, 0.9, forecast.ErrHorizon},
		{"driver", forecast.Scenario{Horizon: 1}, 0.9, forecast.ErrDriverYears},
	} {
		var dst forecast.Forecast
		_, err := md.Forecast(tc.s, tc.level)
		for _, err := range []error{err, md.ForecastTo(&dst, tc.s, tc.level)} {
			if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), "intensity: ") {
				t.Errorf("%s: error %v, want one wrapping %v that starts with \"intensity: \"", tc.name, err, tc.is)
			}
		}
	}
}

// TestScenarioLabel checks how an error names the scenario: by its name,
// or not at all when it has none.
func TestScenarioLabel(t *testing.T) {
	md := mustFit(t, Method{}, copper(), planDrivers())
	for name, want := range map[string]string{"": "intensity: year 2011: driver does not cover", "low": `intensity: scenario "low", year 2011: driver does not cover`} {
		_, err := md.Forecast(forecast.Scenario{Name: name, Horizon: 1}, 0.9)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("scenario %q: error %v, want it to start %q", name, err, want)
		}
	}
}

// TestUnderflowingIntensityNotFinite: consumption of 1e-300 against a
// driver of 1e300 gives an intensity that underflows to 0, whose logarithm
// the log-trend and Malenbaum fits cannot take: an error wrapping
// forecast.ErrNotFinite that names no package but intensity.
func TestUnderflowingIntensityNotFinite(t *testing.T) {
	h := series.New("q", "", 2000, 1, 2, 1e-300, 4, 5)
	d := forecast.Drivers{
		forecast.GDP:        series.New("gdp", "", 2000, 1, 2, 1e300, 4, 5),
		forecast.Population: series.New("pop", "", 2000, 1, 1.1, 1.3, 1.2, 1.5),
	}
	for _, m := range []Method{{}, {Trajectory: Malenbaum}} {
		_, err := m.Fit(h, d)
		if !errors.Is(err, forecast.ErrNotFinite) {
			t.Errorf("%s: error %v, want one wrapping forecast.ErrNotFinite", m.Name(), err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, `intensity: series "q": value not finite: `) || strings.Contains(msg, "lsq") {
			t.Errorf("%s: error %q, want it to name intensity alone", m.Name(), msg)
		}
	}
}
