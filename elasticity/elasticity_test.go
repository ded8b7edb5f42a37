package elasticity

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/plandata"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// copperHistory is the plan's refined copper consumption (plandata.Copper),
// in 10kt: 2005 and 2010 published, 2000 derived from the published
// 2001–2005 growth of 14 %.
func copperHistory() series.Series { return plandata.Copper("10kt") }

// planGDP is the GDP index (plandata.GDP): 2000 = 1, 9.8 %/yr to 2005,
// 11.2 %/yr to 2010 and 7 %/yr to 2015.
func planGDP() series.Series { return plandata.GDP("index") }

// constGrowth returns a driver series from start with n+1 values growing
// at rate g from base.
func constGrowth(start, n int, base, g float64) series.Series {
	s := series.New(forecast.GDP, "index", start, make([]float64, n+1)...)
	s.Values[0] = base
	for i := 1; i <= n; i++ {
		s.Values[i] = s.Values[i-1] * (1 + g)
	}
	return s
}

func fit(t *testing.T, m *Method, h series.Series, d forecast.Drivers) *Model {
	t.Helper()
	mod, err := m.Fit(h, d)
	if err != nil {
		t.Fatalf("Fit: %v", err)
	}
	return mod.(*Model)
}

var approx = cmp.Options{cmpopts.EquateApprox(1e-12, 0), cmpopts.EquateNaNs()}

func TestCopperArc(t *testing.T) {
	h, gdp := copperHistory(), planGDP()
	d := forecast.Drivers{forecast.GDP: gdp}
	mod := fit(t, &Method{}, h, d)
	// Arc over 2005–2010: g_Q = (753/374)^(1/5) − 1 = 0.150229958245786,
	// g_Y = 11.2 %, E = 0.150229958245786/0.112 = 1.3413389129088036.
	if diff := cmp.Diff(1.3413389129088036, mod.Elasticity(), approx); diff != "" {
		t.Errorf("arc elasticity (-want +got):\n%s", diff)
	}
	f, err := mod.Forecast(forecast.Scenario{Horizon: 5, Drivers: d}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	// Q_2015 = 753·(1 + 1.3413389129088036·0.07)^5 = 1179.425815080651.
	if diff := cmp.Diff(1179.425815080651, f.Point.Values[4], approx); diff != "" {
		t.Errorf("2015 forecast (-want +got):\n%s", diff)
	}
	if f.Point.Start != 2011 || f.Point.Len() != 5 || f.Point.Name != "copper" || f.Point.Unit != "10kt" {
		t.Errorf("forecast span %d+%d %q %q, want 2011+5 copper 10kt", f.Point.Start, f.Point.Len(), f.Point.Name, f.Point.Unit)
	}
	// The interval holds the scatter of ln Q's growth about E·g over the
	// two five-year gaps (2005–2010's residual is 0, E coming from it), one
	// degree of freedom. Values from R 4.x:
	//
	//	q0 <- 374/1.14^5; E <- ((753/374)^(1/5)-1)/0.112
	//	r1 <- log(374/q0) - 5*log(1+E*0.098); r2 <- log(753/374) - 5*log(1+E*0.112)
	//	s2 <- (r1^2/5 + r2^2/5)/1; p <- 753*cumprod(1+E*rep(0.07,5))
	//	half <- qt(0.95, 1)*sqrt((1:5)*s2); p*exp(-half); p*exp(half)
	wantLo := []float64{740.65877551873632, 775.31207247583416, 819.94151031238039, 871.74934697316917, 929.97605742522603}
	wantHi := []float64{916.05603627675225, 1047.1621314348829, 1184.8349668449328, 1333.519487472347, 1495.7860927408919}
	if diff := cmp.Diff(wantLo, f.Lower.Values, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("arc lower (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantHi, f.Upper.Values, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("arc upper (-want +got):\n%s", diff)
	}
	// The plan's 2015 figure, 970, implies E = ((970/753)^(1/5) − 1)/0.07
	// = 0.7421516344751838 under 7 % growth.
	p, err := mod.Implied(forecast.Scenario{Horizon: 5, Drivers: d}, 2015, 970)
	if err != nil {
		t.Fatal(err)
	}
	want := forecast.Parameter{Name: forecast.ParamElasticity, Value: 0.7421516344751838, StdErr: math.NaN()}
	if diff := cmp.Diff(want, p, approx); diff != "" {
		t.Errorf("implied (-want +got):\n%s", diff)
	}
}

func TestGivenHandChecked(t *testing.T) {
	h := series.New("q", "", 2009, 90, 100)
	d := forecast.Drivers{forecast.GDP: constGrowth(2010, 5, 1, 0.07)}
	mod := fit(t, &Method{Estimator: Given, Value: 1.5}, h, d)
	f, err := mod.Forecast(forecast.Scenario{Horizon: 5}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	// 1 + 1.5·0.07 = 1.105: 110.5, 122.1025, 134.9232625, 149.09020506…,
	// 100·1.105^5 = 164.7446765940625.
	want := []float64{110.5, 122.1025, 134.9232625, 149.0902050625, 164.7446765940625}
	if diff := cmp.Diff(want, f.Point.Values, approx); diff != "" {
		t.Errorf("path (-want +got):\n%s", diff)
	}
	wantP := []forecast.Parameter{{Name: "elasticity", Value: 1.5, StdErr: math.NaN()}}
	if diff := cmp.Diff(wantP, mod.Parameters(), approx); diff != "" {
		t.Errorf("parameters (-want +got):\n%s", diff)
	}
}

func TestTargetPath(t *testing.T) {
	h := series.New("q", "", 2009, 90, 100)
	// Driver grows 10 % a year, in the scenario only (2010 included).
	s := forecast.Scenario{Horizon: 4, Drivers: forecast.Drivers{forecast.GDP: constGrowth(2010, 4, 2, 0.1)}}
	mod := fit(t, &Method{Estimator: Given, Value: 1, TargetYear: 2012, Target: 0}, h, nil)
	f, err := mod.Forecast(s, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	// E_2011 = 1 + (0 − 1)·1/2 = 0.5, E_2012 = 0, then 0:
	// 100·1.05 = 105, then 105, 105, 105.
	if diff := cmp.Diff([]float64{105, 105, 105, 105}, f.Point.Values, approx); diff != "" {
		t.Errorf("path (-want +got):\n%s", diff)
	}
	wantP := []forecast.Parameter{
		{Name: "elasticity", Value: 1, StdErr: math.NaN()},
		{Name: "target elasticity", Value: 0, StdErr: math.NaN()},
	}
	if diff := cmp.Diff(wantP, mod.Parameters(), approx); diff != "" {
		t.Errorf("parameters (-want +got):\n%s", diff)
	}
}

// Data for the point elasticity; reference values from R 4.x:
//
//	q2 <- c(210.5, 236.1, 262.4, 301.9, 322.7, 371.2, 406.3)
//	y2 <- c(100, 110.1, 121.7, 136.2, 148.9, 162.3, 180.2)
//	summary(lm(log(q2) ~ log(y2)))$coefficients
//	qt(0.975, 5)
var (
	pointQ = []float64{210.5, 236.1, 262.4, 301.9, 322.7, 371.2, 406.3}
	pointY = []float64{100, 110.1, 121.7, 136.2, 148.9, 162.3, 180.2}
)

const (
	pointSlope = 1.12352183205206391
	pointSE    = 0.028963060445623932
	qt975df5   = 2.5705818356363137
)

func TestPoint(t *testing.T) {
	h := series.New("q", "t", 2004, pointQ...)
	y := series.New(forecast.GDP, "", 2004, pointY...)
	y = y.Extend(180.2*1.07, 180.2*1.07*1.07, 180.2*1.07*1.07*1.07)
	d := forecast.Drivers{forecast.GDP: y}
	mod := fit(t, &Method{Estimator: Point}, h, d)
	want := []forecast.Parameter{{Name: "elasticity", Value: pointSlope, StdErr: pointSE}}
	if diff := cmp.Diff(want, mod.Parameters(), cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("parameters (-want +got):\n%s", diff)
	}
	f, err := mod.Forecast(forecast.Scenario{Horizon: 3}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	// The interval: the annual scatter of ln Q's growth about ln(1 + E·g)
	// and the slope's error, compounding. Values from R 4.x, with E, se the
	// slope and its SE above:
	//
	//	g <- y2[-1]/y2[-7] - 1; r <- log(q2[-1]/q2[-7]) - log(1 + E*g)
	//	s2 <- sum(r^2)/5; p <- 406.3*cumprod(1+E*rep(0.07,3))
	//	D <- cumsum(0.07/(1+E*0.07)); half <- qt(0.975, 5)*sqrt((1:3)*s2 + D^2*se^2)
	//	p*exp(-half); p*exp(half)
	var wp []float64
	for k := 1; k <= 3; k++ {
		wp = append(wp, 406.3*math.Pow(1+pointSlope*0.07, float64(k)))
	}
	wl := []float64{407.43843293425402, 426.31172038377917, 449.15922507965837}
	wu := []float64{471.40040553447722, 524.18304811555663, 578.85290965434524}
	opt := cmpopts.EquateApprox(1e-10, 0)
	for _, c := range []struct {
		name      string
		want, got []float64
	}{{"point", wp, f.Point.Values}, {"lower", wl, f.Lower.Values}, {"upper", wu, f.Upper.Values}} {
		if diff := cmp.Diff(c.want, c.got, opt); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	// A falling driver swaps the paths: the bounds stay ordered.
	fall := forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2011, 170, 160)}}
	f, err = mod.Forecast(fall, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if !(f.Lower.Values[i] < f.Point.Values[i] && f.Point.Values[i] < f.Upper.Values[i]) {
			t.Errorf("falling driver, %d: %g, %g, %g not ordered", 2011+i, f.Lower.Values[i], f.Point.Values[i], f.Upper.Values[i])
		}
	}
}

func TestPointCopper(t *testing.T) {
	// Values from R 4.x:
	//	q <- c(374/1.14^5, 374, 753); y <- c(1, 1.098^5, 1.098^5*1.112^5)
	//	summary(lm(log(q) ~ log(y)))$coefficients["log(y)", ]
	mod := fit(t, &Method{Estimator: Point}, copperHistory(), forecast.Drivers{forecast.GDP: planGDP()})
	want := []forecast.Parameter{{Name: "elasticity", Value: 1.3564480433872901, StdErr: 0.023864247831601702}}
	if diff := cmp.Diff(want, mod.Parameters(), cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("parameters (-want +got):\n%s", diff)
	}
}

func TestPointTwoYears(t *testing.T) {
	// Two points: slope = ln(2)/ln(4) = 0.5, no standard error.
	h := series.New("q", "", 2000, 1, 2)
	d := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 4, 8)}
	mod := fit(t, &Method{Estimator: Point}, h, d)
	if diff := cmp.Diff(0.5, mod.Elasticity(), approx); diff != "" {
		t.Errorf("slope (-want +got):\n%s", diff)
	}
	if !math.IsNaN(mod.StdErr()) {
		t.Errorf("StdErr = %g, want NaN", mod.StdErr())
	}
	f, err := mod.Forecast(forecast.Scenario{Horizon: 1}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	// 2·(1 + 0.5·1) = 3.
	if diff := cmp.Diff([]float64{3}, f.Point.Values, approx); diff != "" || !math.IsNaN(f.Lower.Values[0]) {
		t.Errorf("forecast %v–%v–%v, want 3 with NaN bounds", f.Lower.Values, f.Point.Values, f.Upper.Values)
	}
}

func TestArcWindow(t *testing.T) {
	h := series.New("q", "", 2000, 100, 110, math.NaN(), 133.1)
	d := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 1.05, 1.1, 1.05*1.05*1.05)}
	// Default window: five years reach before 2000, so 2000 and 2003:
	// g_Q = (133.1/100)^(1/3) − 1 = 10 %, g_Y = (1.05³)^(1/3) − 1 = 5 %,
	// E = 2; the last two observed, 2001 and 2003, give
	// (133.1/110)^(1/2) − 1 = 10 % and (1.05³/1.05)^(1/2) − 1 = 5 %: 2 too.
	mod := fit(t, &Method{}, h, d)
	if diff := cmp.Diff(2.0, mod.Elasticity(), approx); diff != "" {
		t.Errorf("default window (-want +got):\n%s", diff)
	}
	mod = fit(t, &Method{Window: 1}, h, d)
	if diff := cmp.Diff(2.0, mod.Elasticity(), approx); diff != "" {
		t.Errorf("default window (-want +got):\n%s", diff)
	}
	// 2000–2001: g_Q = 10 %, g_Y = 5 %: E = 2 too.
	mod = fit(t, &Method{From: 2000, To: 2001}, h, d)
	if diff := cmp.Diff(2.0, mod.Elasticity(), approx); diff != "" {
		t.Errorf("2000–2001 (-want +got):\n%s", diff)
	}
	// 2000–2003 with the driver at 2003 = 1.05⁶: g_Q = (133.1/100)^(1/3) − 1
	// = 10 %, g_Y = 1.05² − 1 = 10.25 %, E = 0.1/0.1025.
	d2 := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 1.05, 1.1, math.Pow(1.05, 6))}
	mod = fit(t, &Method{From: 2000, To: 2003}, h, d2)
	if diff := cmp.Diff(0.1/0.1025, mod.Elasticity(), approx); diff != "" {
		t.Errorf("2000–2003 (-want +got):\n%s", diff)
	}
	if got, want := (&Method{}).Name(), "elasticity"; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
	for e, want := range map[Estimator]string{Arc: "arc", Point: "point", Given: "given", 7: "Estimator(7)"} {
		if e.String() != want {
			t.Errorf("String = %q, want %q", e.String(), want)
		}
	}
}

func TestImpliedRoundTrip(t *testing.T) {
	h := series.New("q", "", 2009, 45, 50)
	cases := []struct {
		name   string
		y      []float64 // driver 2010 onward
		target float64
		want   float64 // NaN: only check the round trip
	}{
		{"constant growth", []float64{1, 1.07, 1.07 * 1.07, 1.07 * 1.07 * 1.07}, 60, math.NaN()},
		{"varying growth", []float64{1, 1.1, 1.15, 1.3}, 80, math.NaN()},
		{"varying growth, fall in demand", []float64{1, 1.1, 1.15, 1.3}, 30, math.NaN()},
		{"large elasticity", []float64{1, 1.001, 1.003, 1.004}, 500, math.NaN()},
		{"falling driver", []float64{1, 0.9, 0.85, 0.8}, 60, math.NaN()},
		{"constant fall", []float64{1, 0.9, 0.81, 0.729}, 40, math.NaN()},
		// g = +20 %, −10 %: (1 + 0.2E)(1 − 0.1E) = 0.99 has roots
		// (0.1 ± √0.0108)/0.04; the smaller one is −0.09807621135331582.
		{"mixed growth", []float64{1, 1.2, 1.08}, 49.5, -0.09807621135331582},
		{"mixed growth, larger root", []float64{1, 0.9, 1.08}, 49.5, math.NaN()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := forecast.Scenario{Horizon: len(c.y) - 1, Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2010, c.y...)}}
			mod := fit(t, &Method{Estimator: Given, Value: 1}, h, nil)
			year := 2010 + len(c.y) - 1
			p, err := mod.Implied(s, year, c.target)
			if err != nil {
				t.Fatal(err)
			}
			if !math.IsNaN(c.want) {
				if diff := cmp.Diff(c.want, p.Value, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
					t.Errorf("implied (-want +got):\n%s", diff)
				}
			}
			back := fit(t, &Method{Estimator: Given, Value: p.Value}, h, nil)
			f, err := back.Forecast(s, 0.5)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Point.Values[len(f.Point.Values)-1]; math.Abs(got-c.target) > 1e-9*c.target {
				t.Errorf("forecast under implied E = %g reaches %.15g, want %g", p.Value, got, c.target)
			}
		})
	}
}

func TestImpliedConstantClosedForm(t *testing.T) {
	h := series.New("q", "", 2009, 90, 100)
	s := forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2010, 1, 1.1, 1.21)}}
	mod := fit(t, &Method{Estimator: Given}, h, nil)
	// 100·(1 + 0.1E)² = 144 ⇒ 1 + 0.1E = 1.2 ⇒ E = 2.
	p, err := mod.Implied(s, 2012, 144)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(2.0, p.Value, approx); diff != "" {
		t.Errorf("implied (-want +got):\n%s", diff)
	}
	// 2011 only: 100·(1 + 0.1E) = 120 ⇒ E = 2.
	p, err = mod.Implied(s, 2011, 120)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(2.0, p.Value, approx); diff != "" {
		t.Errorf("implied 2011 (-want +got):\n%s", diff)
	}
}

func TestImpliedErrors(t *testing.T) {
	h := series.New("q", "", 2009, 90, 100)
	mod := fit(t, &Method{Estimator: Given}, h, nil)
	drv := func(v ...float64) forecast.Drivers {
		return forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2010, v...)}
	}
	cases := []struct {
		name   string
		s      forecast.Scenario
		year   int
		target float64
		want   error
	}{
		{"no growth", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1, 1)}, 2012, 120, ErrNoGrowth},
		{"mixed, unreachable", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1.1, 0.99)}, 2012, 110, ErrUnreachable},
		{"year before", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1.1, 1.2)}, 2010, 110, forecast.ErrSetting},
		{"year after", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1.1, 1.2)}, 2013, 110, forecast.ErrSetting},
		{"zero target", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1.1, 1.2)}, 2012, 0, forecast.ErrNonPositive},
		{"NaN target", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1.1, 1.2)}, 2012, math.NaN(), forecast.ErrNotFinite},
		{"horizon", forecast.Scenario{Drivers: drv(1, 1.1, 1.2)}, 2012, 110, forecast.ErrHorizon},
		{"missing driver", forecast.Scenario{Horizon: 2}, 2012, 110, forecast.ErrMissingDriver},
		{"short driver", forecast.Scenario{Horizon: 2, Drivers: drv(1, 1.1)}, 2012, 110, forecast.ErrDriverYears},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := mod.Implied(c.s, c.year, c.target)
			if !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
		})
	}
}

func TestFitErrors(t *testing.T) {
	nan := math.NaN()
	gdp := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 1.1, 1.2, 1.3)}
	flat := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 1, 1, 1)}
	holed := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, nan, 1.2, 1.3)}
	neg := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, -1, 1.1, 1.2, 1.3)}
	h := series.New("q", "", 2000, 1, 2, 3, 4)
	cases := []struct {
		name string
		m    Method
		h    series.Series
		d    forecast.Drivers
		want error
	}{
		{"empty", Method{}, series.Series{}, gdp, series.ErrEmpty},
		{"infinite", Method{}, series.New("q", "", 2000, 1, math.Inf(1), 3), gdp, nil},
		{"last missing", Method{}, series.New("q", "", 2000, 1, 2, nan), gdp, forecast.ErrLastMissing},
		{"non-positive", Method{}, series.New("q", "", 2000, 0, 2, 3), gdp, forecast.ErrNonPositive},
		{"one observed year", Method{}, series.New("q", "", 2000, nan, nan, 3), gdp, forecast.ErrTooFew},
		{"given, one year", Method{Estimator: Given, Value: 1}, series.New("q", "", 2000, 3), gdp, forecast.ErrTooFew},
		{"arc window empty", Method{From: 2002, To: 2001}, h, gdp, forecast.ErrSetting},
		{"arc window negative", Method{Window: -3}, h, gdp, forecast.ErrSetting},
		{"arc window unobserved", Method{From: 2000, To: 2002}, series.New("q", "", 2000, 1, 2, nan, 4), gdp, forecast.ErrTooFew},
		{"arc missing driver", Method{}, h, nil, forecast.ErrMissingDriver},
		{"arc other driver name", Method{Driver: forecast.Population}, h, gdp, forecast.ErrMissingDriver},
		{"arc driver hole", Method{From: 2001, To: 2003}, h, holed, forecast.ErrDriverYears},
		{"arc driver short", Method{}, series.New("q", "", 2000, 1, 2, 3, 4, 5), gdp, forecast.ErrDriverYears},
		{"arc driver negative", Method{From: 2000, To: 2003}, h, neg, forecast.ErrNonPositive},
		{"arc no growth", Method{}, h, flat, ErrNoGrowth},
		{"point one year in window", Method{Estimator: Point, From: 2002, To: 2003}, series.New("q", "", 2000, 1, 2, nan, 3), gdp, forecast.ErrTooFew},
		{"point window empty", Method{Estimator: Point, From: 2003, To: 2001}, h, gdp, forecast.ErrSetting},
		{"point singular", Method{Estimator: Point}, h, flat, lsq.ErrSingular},
		{"point driver hole", Method{Estimator: Point}, h, holed, forecast.ErrDriverYears},
		{"given NaN", Method{Estimator: Given, Value: nan}, h, nil, forecast.ErrSetting},
		{"given Inf", Method{Estimator: Given, Value: math.Inf(-1)}, h, nil, forecast.ErrSetting},
		{"target year", Method{Estimator: Given, TargetYear: 2003, Target: 1}, h, nil, forecast.ErrSetting},
		{"target NaN", Method{Estimator: Given, TargetYear: 2010, Target: nan}, h, nil, forecast.ErrSetting},
		{"estimator", Method{Estimator: 9}, h, gdp, forecast.ErrSetting},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			forecasttest.CheckFitError(t, c.m, c.h, c.d, c.want)
		})
	}
}

func TestForecastErrors(t *testing.T) {
	h := series.New("q", "", 1999, 90, 100)
	d := forecast.Drivers{forecast.GDP: constGrowth(2000, 3, 1, 0.07)}
	mod := fit(t, &Method{Estimator: Given, Value: -20}, h, d)
	cases := []struct {
		name  string
		s     forecast.Scenario
		level float64
		want  error
	}{
		{"level", forecast.Scenario{Horizon: 1}, 1, forecast.ErrLevel},
		{"horizon", forecast.Scenario{}, 0.9, forecast.ErrHorizon},
		{"driver short", forecast.Scenario{Horizon: 4}, 0.9, forecast.ErrDriverYears},
		// 1 + (−20)·0.07 = −0.4: the path turns negative in 2001.
		{"negative path", forecast.Scenario{Horizon: 1}, 0.9, forecast.ErrNonPositive},
		{"driver zero", forecast.Scenario{Horizon: 1, Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 0, 1)}}, 0.9, forecast.ErrNonPositive},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := mod.Forecast(c.s, c.level)
			if !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
		})
	}
}

func TestFitDoesNotModify(t *testing.T) {
	h := copperHistory()
	gdp := planGDP()
	hc, gc := h.Clone(), gdp.Clone()
	d := forecast.Drivers{forecast.GDP: gdp}
	mod := fit(t, &Method{Estimator: Point}, h, d)
	if diff := cmp.Diff(hc, h, cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("history modified (-want +got):\n%s", diff)
	}
	// Changing the caller's driver after Fit does not change the model.
	f1, err := mod.Forecast(forecast.Scenario{Horizon: 5}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	gdp.Values[15] = 100
	f2, err := mod.Forecast(forecast.Scenario{Horizon: 5}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f1, f2, cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("forecast changed with the caller's driver (-first +second):\n%s", diff)
	}
	gdp.Values[15] = gc.Values[15]
}

// TestDriverPositiveEveryYear checks that the driver must be positive at
// every year Forecast and Implied use, the last forecast year included,
// with an error naming the year. Before, E = 0.5 with GDP going from 115
// to −5 in the last forecast year gave a positive forecast.
func TestDriverPositiveEveryYear(t *testing.T) {
	h := series.New("q", "", 2010, 100, 110)
	d := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2010, 110, 115)}
	mod := fit(t, &Method{Estimator: Given, Value: 0.5}, h, d)
	scn := func(v ...float64) forecast.Scenario {
		return forecast.Scenario{Horizon: len(v), Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2012, v...)}}
	}
	for _, c := range []struct {
		name string
		s    forecast.Scenario
		year int // the year the error names
	}{
		{"negative in the only forecast year", scn(-5), 2012},
		{"zero in the only forecast year", scn(0), 2012},
		{"negative in the last forecast year", scn(120, 125, -5), 2014},
		{"negative mid-path", scn(120, -1, 130), 2013},
		{"negative at the base year", forecast.Scenario{Horizon: 1, Drivers: forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2011, -115, 120)}}, 2011},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := mod.Forecast(c.s, 0.9)
			if !errors.Is(err, forecast.ErrNonPositive) || !strings.Contains(err.Error(), strconv.Itoa(c.year)) {
				t.Errorf("Forecast = %v, %v; want an forecast.ErrNonPositive naming %d", f.Point.Values, err, c.year)
			}
			end := 2011 + c.s.Horizon
			p, err := mod.Implied(c.s, end, 100)
			if !errors.Is(err, forecast.ErrNonPositive) || !strings.Contains(err.Error(), strconv.Itoa(c.year)) {
				t.Errorf("Implied = %v, %v; want an forecast.ErrNonPositive naming %d", p, err, c.year)
			}
		})
	}
}

// TestArcOneBound checks the Arc window with only From or only To set: a
// zero To means the last observed year, a zero From the observed year
// before To.
func TestArcOneBound(t *testing.T) {
	nan := math.NaN()
	h := series.New("q", "", 2000, 100, 110, nan, 133.1)
	// The driver at 2003 is 1.05⁶.
	d := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 1.05, 1.1, math.Pow(1.05, 6))}
	for _, c := range []struct {
		name string
		m    Method
		want float64
	}{
		// 2000–2003: g_Q = (133.1/100)^(1/3) − 1 = 10 %,
		// g_Y = (1.05⁶)^(1/3) − 1 = 10.25 %.
		{"From only", Method{From: 2000}, 0.1 / 0.1025},
		// 2000–2001: g_Q = 10 %, g_Y = 5 %.
		{"To only", Method{To: 2001}, 2},
		// 2001–2003 (2002 is missing): g_Q = (133.1/110)^(1/2) − 1 = 10 %,
		// g_Y = (1.05⁵)^(1/2) − 1.
		{"To only, skipping a missing year", Method{To: 2003, Window: 1}, 0.1 / (math.Pow(1.05, 2.5) - 1)},
		// The default window, 5 years, reaches before 2000: the first
		// observed year, as "From only".
		{"To only, the default window", Method{To: 2003}, 0.1 / 0.1025},
		// A 2-year window from 2003: 2001.
		{"Window 2", Method{Window: 2}, 0.1 / (math.Pow(1.05, 2.5) - 1)},
		{"From only, the observed year before the last", Method{From: 2001}, 0.1 / (math.Pow(1.05, 2.5) - 1)},
	} {
		mod, err := c.m.Fit(h, d)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if diff := cmp.Diff(c.want, mod.(*Model).Elasticity(), approx); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	for _, c := range []struct {
		name string
		m    Method
		want error
	}{
		{"From only, at the last year", Method{From: 2003}, forecast.ErrSetting},
		{"To only, unobserved", Method{To: 2002}, forecast.ErrTooFew},
		{"To only, at the first year", Method{To: 2000}, forecast.ErrTooFew},
		{"To only, before the history", Method{To: 1990}, forecast.ErrTooFew},
	} {
		if _, err := c.m.Fit(h, d); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

// TestValueReceiver checks that a Method value, not only a pointer, is a
// forecast.Method, like the other methods of the module.
func TestValueReceiver(t *testing.T) {
	for _, m := range []forecast.Method{Method{}, &Method{}} {
		mod, err := m.Fit(copperHistory(), forecast.Drivers{forecast.GDP: planGDP()})
		if err != nil {
			t.Fatalf("%T: %v", m, err)
		}
		if m.Name() != "elasticity" || mod.(*Model).Elasticity() == 0 {
			t.Errorf("%T: name %q, E₀ %v", m, m.Name(), mod.(*Model).Elasticity())
		}
	}
}
