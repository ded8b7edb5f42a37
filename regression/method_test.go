package regression

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/lmref"
	"github.com/nonferrous/demand/internal/plandata"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// The plan's copper history (plandata.Copper): consumption in 万吨
// observed in 2000 (derived as 374/1.14⁵ from the 2001–2005 growth rate),
// 2005 and 2010, and the GDP index (plandata.GDP) 2000 = 1 growing 9.8 % a
// year over 2001–2005, 11.2 % over 2006–2010 and 7 % over 2011–2015.
func copperHistory() series.Series { return plandata.Copper("万吨") }

func planGDP() series.Series { return plandata.GDP("") }

// copperOLS is R 4.2.2's fit of the copper history on the GDP index:
//
//	q <- c(374/1.14^5, 374, 753); g <- c(1, 1.098^5, 1.098^5*1.112^5); g15 <- 1.098^5*1.112^5*1.07^5
//	fit <- lm(q ~ g); s <- summary(fit); ll <- logLik(fit)
//	coef(fit); s$coefficients[, 2:3]; s$r.squared; s$adj.r.squared; s$sigma
//	ll; AIC(fit); BIC(fit)
//	predict(fit, data.frame(g = g15), interval = "prediction", level = 0.95)  # and 0.80
//
// printed with sprintf("%.17g"). With n = 3 and k = 3, R's AIC + 2k(k+1)/(n−k−1)
// would give 1.9815623060661558 (a negative denominator); Fit reports +Inf.
var copperOLS = lmref.Ref{
	Call:      "lm(q ~ g)",
	Coef:      []float64{-139.65620982076382, 327.75706340241811},
	SE:        []float64{18.155482960284168, 9.5203112389477464},
	T:         []float64{-7.6922332568220444, 34.427137430293108},
	R2:        0.99915699159382043,
	AdjR2:     0.99831398318764086,
	Sigma:     11.712164417194115,
	DF:        1,
	N:         3,
	LogLik:    -9.9907811530330779,
	AIC:       25.981562306066156,
	AICc:      math.Inf(1),
	BIC:       23.277399172070485,
	Fit:       []float64{1107.7462181920209},
	Lwr95:     []float64{807.42931480354503},
	Upr95:     []float64{1408.063121580497},
	Lwr80:     []float64{1035.003773954307},
	Upr80:     []float64{1180.4886624297349},
	Intercept: true,
}

func planScenario() forecast.Scenario {
	g := planGDP()
	fut, _ := g.Window(2011, 2015)
	return forecast.Scenario{Name: "plan", Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: fut}}
}

func TestMethodCopper(t *testing.T) {
	gdp, _ := planGDP().Window(2000, 2010)
	drivers := forecast.Drivers{forecast.GDP: gdp}
	hist := copperHistory()
	mod, err := Method{}.Fit(hist, drivers)
	if err != nil {
		t.Fatal(err)
	}
	lmref.Check(t, mod.(*Model).OLS(), copperOLS)
	for _, lv := range []struct{ level, lwr, upr float64 }{
		{0.95, copperOLS.Lwr95[0], copperOLS.Upr95[0]},
		{0.80, copperOLS.Lwr80[0], copperOLS.Upr80[0]},
	} {
		fc, err := mod.Forecast(planScenario(), lv.level)
		if err != nil {
			t.Fatal(err)
		}
		if fc.Method != "regression" || fc.Point.Start != 2011 || fc.Point.Len() != 5 || fc.Point.Unit != "万吨" {
			t.Errorf("forecast labels: method %q, start %d, len %d, unit %q", fc.Method, fc.Point.Start, fc.Point.Len(), fc.Point.Unit)
		}
		got := []float64{fc.Point.Values[4], fc.Lower.Values[4], fc.Upper.Values[4]}
		want := []float64{copperOLS.Fit[0], lv.lwr, lv.upr}
		if diff := cmp.Diff(want, got, lmref.Approx()); diff != "" {
			t.Errorf("level %g: 2015 forecast mismatch (-want +got):\n%s", lv.level, diff)
		}
	}
	wantPar := []forecast.Parameter{
		{Name: "intercept", Value: copperOLS.Coef[0], StdErr: copperOLS.SE[0]},
		{Name: "slope", Value: copperOLS.Coef[1], StdErr: copperOLS.SE[1]},
	}
	if diff := cmp.Diff(wantPar, mod.(forecast.ParameterReporter).Parameters(), lmref.Approx()); diff != "" {
		t.Errorf("parameters mismatch (-want +got):\n%s", diff)
	}
}

// Values from R 4.2.2 (q, g, g15 as for copperOLS, year <- c(2000, 2005, 2010)):
//
//	fit <- lm(log(q) ~ year)     # and lm(log(q) ~ log(g)), newdata data.frame(g = g15)
//	c(coef(fit), summary(fit)$coefficients[, 2], summary(fit)$sigma)
//	predict(fit, data.frame(year = 2015), interval = "prediction", level = 0.95)
func TestMethodCopperLog(t *testing.T) {
	gdp, _ := planGDP().Window(2000, 2010)
	drivers := forecast.Drivers{forecast.GDP: gdp}
	for _, tc := range []struct {
		spec  Spec
		par   []float64 // intercept, slope, their standard errors, sigma
		pred  []float64 // ln scale: fit, lwr, upr at 2015
		bias  bool
		wname string
	}{
		{LogLinear, []float64{-265.72847868451703, 0.13549507424175358, 5.1707353248312007, 0.0025789150155410391, 0.018235682955926702},
			[]float64{7.2940959126164557, 6.8710599832631223, 7.7171318419697892}, false, "regression-loglinear"},
		{LogLog, []float64{5.2764278771491693, 1.3564480433872901, 0.01518723649719768, 0.023864247831601702, 0.016856389042567033},
			[]float64{7.0893829982191399, 6.732621271892909, 7.4461447245453707}, true, "regression-loglog-mean"},
	} {
		t.Run(tc.spec.String(), func(t *testing.T) {
			m := Method{Spec: tc.spec, BiasAdjust: tc.bias}
			if m.Name() != tc.wname {
				t.Errorf("Name() = %q, want %q", m.Name(), tc.wname)
			}
			mod, err := m.Fit(copperHistory(), drivers)
			if err != nil {
				t.Fatal(err)
			}
			f := mod.(*Model).OLS()
			got := []float64{f.Coef[0], f.Coef[1], f.StdErr[0], f.StdErr[1], f.Sigma}
			if diff := cmp.Diff(tc.par, got, lmref.Approx()); diff != "" {
				t.Errorf("parameters mismatch (-want +got):\n%s", diff)
			}
			fc, err := mod.Forecast(planScenario(), 0.95)
			if err != nil {
				t.Fatal(err)
			}
			point := tc.pred[0]
			if tc.bias {
				point += tc.par[4] * tc.par[4] / 2 // mean of a log-normal: exp(μ + σ²/2)
			}
			want := []float64{math.Exp(point), math.Exp(tc.pred[1]), math.Exp(tc.pred[2])}
			got = []float64{fc.Point.Values[4], fc.Lower.Values[4], fc.Upper.Values[4]}
			if diff := cmp.Diff(want, got, lmref.Approx()); diff != "" {
				t.Errorf("2015 forecast mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMethodLongAgainstR checks each spec on the long data set against the
// R fits of lmref.Long (the log fits back-transformed by exp).
func TestMethodLongAgainstR(t *testing.T) {
	hist := series.New("y", "t", lmref.Start, lmref.Y...)
	d := series.New("ip", "", lmref.Start, lmref.D...)
	fd := series.New("ip", "", 2021, lmref.FD...)
	weights := series.New("w", "", lmref.Start, lmref.W()...)
	for _, tc := range []struct {
		m   Method
		ref int // index into lmref.Long
	}{
		{Method{Spec: Linear}, 0},
		{Method{Spec: LogLinear}, 1},
		{Method{Spec: OnDriver, Driver: "ip"}, 2},
		{Method{Spec: LogLog, Driver: "ip"}, 3},
		{Method{Spec: LogLog, Driver: "ip", BiasAdjust: true}, 3},
		{Method{Spec: Linear, Weights: weights}, 4},
		{Method{Spec: LogLog, Driver: "ip", Weights: weights}, 5},
	} {
		ref := lmref.Long[tc.ref]
		t.Run(ref.Call, func(t *testing.T) {
			mod, err := tc.m.Fit(hist, forecast.Drivers{"ip": d})
			if err != nil {
				t.Fatal(err)
			}
			lmref.Check(t, mod.(*Model).OLS(), ref)
			s := forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{"ip": fd}}
			for _, lv := range []struct {
				level    float64
				lwr, upr []float64
			}{{0.95, ref.Lwr95, ref.Upr95}, {0.80, ref.Lwr80, ref.Upr80}} {
				fc, err := mod.Forecast(s, lv.level)
				if err != nil {
					t.Fatal(err)
				}
				want := [][]float64{append([]float64(nil), ref.Fit...), append([]float64(nil), lv.lwr...), append([]float64(nil), lv.upr...)}
				if ref.LogY {
					for i := range want {
						for j := range want[i] {
							if i == 0 && tc.m.BiasAdjust {
								want[i][j] += ref.Sigma * ref.Sigma / 2
							}
							want[i][j] = math.Exp(want[i][j])
						}
					}
				}
				got := [][]float64{fc.Point.Values, fc.Lower.Values, fc.Upper.Values}
				if diff := cmp.Diff(want, got, lmref.Approx()); diff != "" {
					t.Errorf("level %g: forecast (point, lower, upper) mismatch (-want +got):\n%s", lv.level, diff)
				}
				if fc.Point.Start != 2021 || fc.Level != lv.level || fc.Method != tc.m.Name() {
					t.Errorf("forecast labels: start %d, level %g, method %q", fc.Point.Start, fc.Level, fc.Method)
				}
			}
		})
	}
}

func TestSpecNames(t *testing.T) {
	for _, tc := range []struct {
		spec      Spec
		str, name string
	}{
		{OnDriver, "ondriver", "regression"},
		{Linear, "linear", "regression-linear"},
		{LogLinear, "loglinear", "regression-loglinear"},
		{LogLog, "loglog", "regression-loglog"},
		{Spec(9), "Spec(9)", "regression-Spec(9)"},
	} {
		if got := tc.spec.String(); got != tc.str {
			t.Errorf("Spec(%d).String() = %q, want %q", int(tc.spec), got, tc.str)
		}
		if got := (Method{Spec: tc.spec}).Name(); got != tc.name {
			t.Errorf("Spec(%d) Name() = %q, want %q", int(tc.spec), got, tc.name)
		}
	}
}

// With two observed years the line interpolates them: a point forecast
// with NaN interval and NaN standard errors.
func TestMethodZeroDF(t *testing.T) {
	hist := series.New("q", "", 2000, 10, math.NaN(), 14) // slope 2 a year
	mod, err := Method{Spec: Linear}.Fit(hist, nil)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 2}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{16, 18}, {math.NaN(), math.NaN()}, {math.NaN(), math.NaN()}}
	got := [][]float64{fc.Point.Values, fc.Lower.Values, fc.Upper.Values}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-9), cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("forecast mismatch (-want +got):\n%s", diff)
	}
	par := mod.(forecast.ParameterReporter).Parameters()
	if !math.IsNaN(par[0].StdErr) || !math.IsNaN(par[1].StdErr) || math.Abs(par[1].Value-2) > 1e-12 {
		t.Errorf("parameters = %+v, want slope 2 with NaN standard errors", par)
	}
	// The bias adjustment needs σ̂.
	if _, err := (Method{Spec: LogLinear, BiasAdjust: true}).Fit(hist, nil); !errors.Is(err, forecast.ErrTooFew) {
		t.Errorf("bias adjustment with 0 DF: error %v, want forecast.ErrTooFew", err)
	}
}

func TestMethodFitErrors(t *testing.T) {
	nan := math.NaN()
	gdp := series.New("gdp", "", 2000, 1, 1.1, 1.2, 1.3, 1.4)
	drivers := forecast.Drivers{forecast.GDP: gdp}
	ok := series.New("q", "", 2000, 10, 11, 13, 14, 16)
	for _, tc := range []struct {
		name    string
		m       Method
		hist    series.Series
		drivers forecast.Drivers
		want    error // nil: any error
	}{
		{"empty", Method{}, series.Series{}, drivers, series.ErrEmpty},
		{"last missing", Method{}, series.New("q", "", 2000, 1, 2, nan), drivers, nil},
		{"one observed", Method{Spec: Linear}, series.New("q", "", 2000, nan, nan, 3), nil, forecast.ErrTooFew},
		{"infinite", Method{Spec: Linear}, series.New("q", "", 2000, 1, math.Inf(1), 3), nil, forecast.ErrNotFinite},
		{"log of zero", Method{Spec: LogLinear}, series.New("q", "", 2000, 1, 0, 3), nil, forecast.ErrNonPositive},
		{"log of negative", Method{Spec: LogLog}, series.New("q", "", 2000, 1, -2, 3), drivers, forecast.ErrNonPositive},
		{"driver absent", Method{}, ok, nil, forecast.ErrMissingDriver},
		{"named driver absent", Method{Driver: "pop"}, ok, drivers, forecast.ErrMissingDriver},
		{"driver short", Method{}, series.New("q", "", 1999, 9, 10, 11), drivers, forecast.ErrDriverYears},
		{"driver NaN", Method{}, ok, forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, nan, 1.2, 1.3, 1.4)}, forecast.ErrDriverYears},
		{"driver non-positive under log", Method{Spec: LogLog}, ok, forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, 0, 1.2, 1.3, 1.4)}, forecast.ErrNonPositive},
		{"constant driver", Method{}, ok, forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 2, 2, 2, 2, 2)}, lsq.ErrSingular},
		{"weight missing", Method{Spec: Linear, Weights: series.New("w", "", 2001, 1, 1, 1, 1)}, ok, nil, forecast.ErrSetting},
		{"weight negative", Method{Spec: Linear, Weights: series.New("w", "", 2000, 1, 1, -1, 1, 1)}, ok, nil, forecast.ErrSetting},
		{"weight NaN", Method{Spec: Linear, Weights: series.New("w", "", 2000, 1, 1, nan, 1, 1)}, ok, nil, forecast.ErrSetting},
		{"weights leave one year", Method{Spec: Linear, Weights: series.New("w", "", 2000, 0, 0, 0, 0, 1)}, ok, nil, forecast.ErrTooFew},
		{"unknown spec", Method{Spec: Spec(7)}, ok, drivers, nil},
		{"negative spec", Method{Spec: Spec(-1)}, ok, drivers, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := forecasttest.CheckFitError(t, tc.m, tc.hist, tc.drivers, tc.want)
			if msg := err.Error(); len(msg) < 12 || msg[:11] != "regression:" {
				t.Errorf("error %q does not start with the package name", msg)
			}
		})
	}
}

func TestMethodForecastErrors(t *testing.T) {
	gdp := series.New("gdp", "", 2000, 1, 1.1, 1.2, 1.3, 1.4)
	hist := series.New("q", "", 2000, 10, 11, 13, 14, 16)
	drivers := forecast.Drivers{forecast.GDP: gdp}
	for _, tc := range []struct {
		name  string
		m     Method
		s     forecast.Scenario
		level float64
		want  error
	}{
		{"level 1", Method{Spec: Linear}, forecast.Scenario{Horizon: 1}, 1, forecast.ErrLevel},
		{"level NaN", Method{Spec: Linear}, forecast.Scenario{Horizon: 1}, math.NaN(), forecast.ErrLevel},
		{"horizon 0", Method{Spec: Linear}, forecast.Scenario{}, 0.9, forecast.ErrHorizon},
		{"no future driver", Method{}, forecast.Scenario{Horizon: 2}, 0.9, forecast.ErrDriverYears},
		{"short future driver", Method{}, forecast.Scenario{Horizon: 3, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2005, 1.5, 1.6)}}, 0.9, forecast.ErrDriverYears},
		{"non-positive future driver", Method{Spec: LogLog}, forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2005, 1.5, -1)}}, 0.9, forecast.ErrNonPositive},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mod, err := tc.m.Fit(hist, drivers)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := mod.Forecast(tc.s, tc.level); !errors.Is(err, tc.want) {
				t.Errorf("error %v, want one wrapping %q", err, tc.want)
			}
		})
	}
}

// The scenario may omit years the fitted drivers cover; the model keeps its
// own copy of the driver, so later changes by the caller do not affect it.
func TestMethodDriverFallback(t *testing.T) {
	gdp := series.New("gdp", "", 2000, 1, 2, 3, 4, 5, 6, 7)
	hist := series.New("q", "", 2000, 1, 3, 5, 7, 9) // q = 2 gdp − 1 exactly
	drivers := forecast.Drivers{forecast.GDP: gdp}
	mod, err := Method{}.Fit(hist, drivers)
	if err != nil {
		t.Fatal(err)
	}
	gdp.Values[5] = 100
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 2}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{11, 13}, fc.Point.Values, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("point mismatch (-want +got):\n%s", diff)
	}
	// An exact fit has σ̂ = 0: the interval collapses on the point.
	if diff := cmp.Diff(fc.Point.Values, fc.Upper.Values, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("upper bound mismatch (-point +upper):\n%s", diff)
	}
}

// A log-linear trend extrapolated far enough overflows: an error, not +Inf.
func TestMethodForecastOverflow(t *testing.T) {
	hist := series.New("q", "", 2000, 1, 100, 1e4, 1e6) // ln q rises by ln 100 a year
	mod, err := Method{Spec: LogLinear}.Fit(hist, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mod.Forecast(forecast.Scenario{Horizon: 200}, 0.9); !errors.Is(err, forecast.ErrNotFinite) {
		t.Errorf("error %v, want forecast.ErrNotFinite", err)
	}
}
