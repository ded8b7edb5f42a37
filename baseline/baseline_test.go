package baseline

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

var nan = math.NaN()

// history is the reference series of the tests against R.
func history() series.Series {
	return series.New("q", "kt", 1999, 374, 420, 381, 455, 502, 490, 560, 613, 598, 671, 753, 742)
}

// short is the three-year reference series.
func short() series.Series { return series.New("z", "", 2000, 1.5, 1.2, 1.9) }

type reference struct {
	method       forecast.Method
	history      series.Series
	level        float64
	point        []float64
	lower, upper []float64
}

// Values from R 4.2.2, forecast 8.20, printed with sprintf("%.17g"):
//
//	y <- ts(c(374, 420, 381, 455, 502, 490, 560, 613, 598, 671, 753, 742), start = 1999)
//	naive(y, h = 5, level = c(50, 80, 95))
//	rwf(y, h = 5, drift = TRUE, level = c(50, 80, 95))
//	meanf(y, h = 5, level = c(50, 80, 95))
//	z <- ts(c(1.5, 1.2, 1.9), start = 2000)
//	naive(z, h = 3, level = c(80, 95)); rwf(z, h = 3, drift = TRUE, level = c(80, 95)); meanf(z, h = 3, level = c(80, 95))
func references() []reference {
	rep := func(v float64, n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = v
		}
		return s
	}
	// rwf's point forecasts, the same at every level.
	drift := []float64{775.4545454545455, 808.90909090909088, 842.36363636363637, 875.81818181818176, 909.27272727272725}
	driftShort := []float64{2.0999999999999996, 2.2999999999999998, 2.4999999999999996}
	return []reference{
		{Naive{}, history(), 0.5, rep(742, 5),
			[]float64{705.86368909559576, 690.8955390248608, 679.41007351546671, 669.72737819119152, 661.1967523616853},
			[]float64{778.13631090440424, 793.1044609751392, 804.58992648453329, 814.27262180880848, 822.8032476383147}},
		{Naive{}, history(), 0.8, rep(742, 5),
			[]float64{673.33988203811452, 644.89992998416494, 623.07718723634184, 604.67976407622905, 588.47130889406981},
			[]float64{810.66011796188548, 839.10007001583506, 860.92281276365816, 879.32023592377095, 895.52869110593019}},
		{Naive{}, history(), 0.95, rep(742, 5),
			[]float64{636.99341111383183, 593.49825785864493, 560.12325291965919, 531.98682222766354, 507.19812916515389},
			[]float64{847.00658888616817, 890.50174214135507, 923.87674708034081, 952.01317777233646, 976.80187083484611}},
		{Drift{}, history(), 0.5, drift,
			[]float64{744.53532593308501, 763.39723207791849, 784.51907330575762, 806.68070515695774, 829.43964574982886},
			[]float64{806.37376497600599, 854.42094974026327, 900.20819942151513, 944.95565847940577, 989.10580879562565}},
		{Drift{}, history(), 0.8, drift,
			[]float64{716.70706386327515, 722.43513942357481, 732.45716213846504, 744.45481947318387, 757.58738204964948},
			[]float64{834.20202704581584, 895.38304239460695, 952.27011058880771, 1007.1815441631796, 1060.958072495805}},
		{Drift{}, history(), 0.95, drift,
			[]float64{685.60802566008908, 676.65859465968583, 674.27618913120682, 674.91525601599676, 677.29001068697744},
			[]float64{865.30106524900191, 941.15958715849592, 1010.4510835960659, 1076.7211076203666, 1141.2554438584771}},
		{Mean{}, history(), 0.5, rep(546.58333333333337, 5), rep(451.0996833196059, 5), rep(642.06698334706084, 5)},
		{Mean{}, history(), 0.8, rep(546.58333333333337, 5), rep(359.92310613036182, 5), rep(733.24356053630493, 5)},
		{Mean{}, history(), 0.95, rep(546.58333333333337, 5), rep(245.25778363488183, 5), rep(847.90888303178485, 5)},

		{Naive{}, short(), 0.8, rep(1.8999999999999999, 3),
			[]float64{1.2098633610701088, 0.9239994053347641, 0.70464827720861134},
			[]float64{2.590136638929891, 2.8760005946652356, 3.0953517227913885}},
		{Naive{}, short(), 0.95, rep(1.8999999999999999, 3),
			[]float64{0.84452709272037874, 0.40733589980779961, 0.07186729857926144},
			[]float64{2.9554729072796211, 3.3926641001922002, 3.7281327014207384}},
		{Drift{}, short(), 0.8, driftShort,
			[]float64{0.99014378797865721, 0.48761239512635313, 0.018286064669859048},
			[]float64{3.2098562120213421, 4.1123876048736463, 4.9817139353301396}},
		{Drift{}, short(), 0.95, driftShort,
			[]float64{0.40262139888574255, -0.47180764869935476, -1.2954539356449795},
			[]float64{3.7973786011142567, 5.0718076486993544, 6.2954539356449786}},
		{Mean{}, short(), 0.8, rep(1.5333333333333332, 3), rep(0.76868219848509978, 3), rep(2.2979844681815669, 3)},
		{Mean{}, short(), 0.95, rep(1.5333333333333332, 3), rep(-0.21146765369369191, 3), rep(3.2781343203603583, 3)},
	}
}

func TestAgainstR(t *testing.T) {
	opt := cmpopts.EquateApprox(1e-10, 0)
	for _, r := range references() {
		mod, err := r.method.Fit(r.history, nil)
		if err != nil {
			t.Fatalf("%s on %s: %v", r.method.Name(), r.history.Name, err)
		}
		h := len(r.point)
		fc, err := mod.Forecast(forecast.Scenario{Horizon: h}, r.level)
		if err != nil {
			t.Fatal(err)
		}
		if fc.Point.Start != r.history.End()+1 {
			t.Errorf("%s: forecast starts in %d", r.method.Name(), fc.Point.Start)
		}
		for _, c := range []struct {
			what      string
			want, got []float64
		}{{"point", r.point, fc.Point.Values}, {"lower", r.lower, fc.Lower.Values}, {"upper", r.upper, fc.Upper.Values}} {
			if d := cmp.Diff(c.want, c.got, opt); d != "" {
				t.Errorf("%s on %s at %g, %s (-want +got):\n%s", r.method.Name(), r.history.Name, r.level, c.what, d)
			}
		}
	}
}

// gaps is history() with 2001, 2004 and 2005 missing.
func gaps() series.Series {
	return series.New("q", "kt", 1999, 374, 420, nan, 455, 502, nan, nan, 613, 598, 671, 753, 742)
}

// TestGaps checks the treatment of missing years against the formulas of
// the package documentation, evaluated in R:
//
//	d <- c(420-374, 455-420, 502-455, 613-502, 598-613, 671-598, 753-671, 742-753)
//	k <- c(1, 2, 1, 3, 1, 1, 1, 1)   # the gaps
//	s2 <- sum(d^2/k)/length(d)        # naive: 2680.4375
//	b <- sum(d)/sum(k)                # drift: 33.454545454545453
//	s2d <- sum((d-k*b)^2/k)/(length(d)-1); bse <- sqrt(s2d/sum(k))
//	742 - qnorm(0.9)*sqrt(s2*(1:3))                          # naive lower 80 %
//	742 + (1:3)*b + qnorm(0.975)*sqrt(s2d*(1:3) + ((1:3)*bse)^2) # drift upper 95 %
//	y <- c(374, 420, 455, 502, 613, 598, 671, 753, 742)
//	mean(y) - qt(0.9, 8)*sd(y)*sqrt(1 + 1/9)                 # mean lower 80 %
//
// The naive variance is the maximum likelihood estimate of the random walk
// observed at the years given, the estimate R's Arima(y, order = c(0, 1, 0))
// approaches numerically (its sigma2 is 2680.455 here, its 80 % lower
// bounds 675.650, 648.167, 627.079).
func TestGaps(t *testing.T) {
	opt := cmpopts.EquateApprox(1e-10, 0)
	for _, c := range []struct {
		method forecast.Method
		level  float64
		upper  bool
		want   []float64
	}{
		{Naive{}, 0.8, false, []float64{675.65030541586395, 648.16736205980203, 627.07895791359874}},
		{Drift{}, 0.95, true, []float64{849.39493036661975, 917.74639056037017, 980.69343005722203}},
		{Mean{}, 0.8, false, []float64{365.04943785090813, 365.04943785090813, 365.04943785090813}},
	} {
		mod, err := c.method.Fit(gaps(), nil)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := mod.Forecast(forecast.Scenario{Horizon: 3}, c.level)
		if err != nil {
			t.Fatal(err)
		}
		got := fc.Lower.Values
		if c.upper {
			got = fc.Upper.Values
		}
		if d := cmp.Diff(c.want, got, opt); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.method.Name(), d)
		}
	}
	mod, _ := Drift{}.Fit(gaps(), nil)
	ps := mod.(forecast.ParameterReporter).Parameters()
	if d := cmp.Diff(33.454545454545453, ps[0].Value, opt); ps[0].Name != ParamDrift || d != "" {
		t.Errorf("drift %v (-want +got):\n%s", ps[0], d)
	}
}

func TestParameters(t *testing.T) {
	// Values from R, forecast 8.20, on history():
	//	fit <- rwf(y, drift = TRUE)$model; fit$par$drift; fit$par$drift.se; sqrt(fit$sigma2)
	//	m <- meanf(y)$model; m$mu; m$mu.se; m$sd
	//	sqrt(naive(y)$model$sigma2)
	for _, c := range []struct {
		method forecast.Method
		want   []forecast.Parameter
	}{
		{Naive{}, []forecast.Parameter{{Name: ParamSigma, Value: 53.575774715477856, StdErr: nan}}},
		{Drift{}, []forecast.Parameter{{Name: ParamDrift, Value: 33.454545454545453, StdErr: 13.233128975391226}, {Name: ParamSigma, Value: 43.889323613752893, StdErr: nan}}},
		{Mean{}, []forecast.Parameter{{Name: ParamMean, Value: 546.58333333333337, StdErr: 37.970574399158359}, {Name: ParamSigma, Value: 131.53392810383275, StdErr: nan}}},
	} {
		mod, err := c.method.Fit(history(), nil)
		if err != nil {
			t.Fatal(err)
		}
		got := mod.(forecast.ParameterReporter).Parameters()
		if d := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-10, 0), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.method.Name(), d)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		h    series.Series
		want error
		text string
	}{
		{"empty", series.Series{Name: "q"}, series.ErrEmpty, `series "q": series: empty series`},
		{"one year", series.New("q", "", 2000, 1), forecast.ErrTooFew, `series "q": too few observed years: need 2, have 1`},
		{"one observed", series.New("q", "", 2000, nan, nan, 1), forecast.ErrTooFew, "need 2, have 1"},
		{"last missing", series.New("q", "", 2000, 1, 2, nan), forecast.ErrLastMissing, `series "q", year 2002: last year missing`},
		{"infinite", series.New("q", "", 2000, 1, math.Inf(-1), 2), forecast.ErrNotFinite, `series "q", year 2001: value not finite: -Inf`},
		{"overflow", series.New("q", "", 2000, -1.5e308, 1.5e308), forecast.ErrNotFinite, "overflow"},
	} {
		for _, m := range []forecast.Method{Naive{}, Drift{}, Mean{}} {
			if c.name == "overflow" && m.Name() == "mean" {
				continue // the mean of the two is finite
			}
			_, err := m.Fit(c.h, nil)
			var fe *forecast.Error
			if !errors.Is(err, c.want) || !errors.As(err, &fe) || !strings.Contains(err.Error(), c.text) || !strings.HasPrefix(err.Error(), m.Name()+": ") {
				t.Errorf("%s, %s: error %v, want %v containing %q", m.Name(), c.name, err, c.want, c.text)
			}
		}
	}

	// A model after a failed Refit holds no fit.
	mod, _ := Naive{}.Fit(history(), nil)
	rf := mod.(*Model)
	if err := rf.Refit(series.New("q", "", 2000, 1), nil); err == nil {
		t.Fatal("Refit of one year succeeded")
	}
	if _, err := rf.Forecast(forecast.Scenario{Horizon: 1}, 0.8); !errors.Is(err, forecast.ErrNotFitted) {
		t.Errorf("Forecast after a failed Refit: %v", err)
	}
	if _, err := rf.Forecast(forecast.Scenario{Horizon: 0}, 0.8); !errors.Is(err, forecast.ErrHorizon) {
		t.Errorf("horizon 0: %v", err)
	}

	// Two observed years: the drift has no σ̂, so no interval.
	mod, err := Drift{}.Fit(series.New("q", "", 2000, 1, nan, 3), nil)
	if err != nil {
		t.Fatal(err)
	}
	fc, _ := mod.Forecast(forecast.Scenario{Horizon: 2}, 0.8)
	if fc.Point.Values[1] != 5 || !math.IsNaN(fc.Lower.Values[0]) || !math.IsNaN(fc.Upper.Values[1]) {
		t.Errorf("two-year drift: %v [%v, %v]", fc.Point.Values, fc.Lower.Values, fc.Upper.Values)
	}
}

// TestConformance runs the forecasttest kit on the three methods: the
// reference series, the same with gaps, the three-year series, and for
// Drift a two-year history (no interval). The models are Refitters: the kit
// also checks that Refit and ForecastTo match Fit and Forecast bit for bit
// and allocate nothing.
func TestConformance(t *testing.T) {
	sc := forecast.Scenario{Horizon: 6}
	for _, m := range []forecast.Method{Naive{}, Drift{}, Mean{}} {
		t.Run(m.Name(), func(t *testing.T) {
			cases := []forecasttest.Case{
				{Name: "reference", History: history(), Scenario: sc},
				{Name: "gaps", History: gaps(), Scenario: sc},
				{Name: "short", History: short(), Scenario: forecast.Scenario{Horizon: 3}},
				{Name: "constant", History: series.New("c", "t", 2000, 5, 5, 5, 5), Scenario: sc},
			}
			if m.Name() == "drift" {
				cases = append(cases, forecasttest.Case{Name: "two years", History: series.New("q", "", 2000, 1, nan, 3), Scenario: sc, NoInterval: true})
			} else {
				cases = append(cases, forecasttest.Case{Name: "two years", History: series.New("q", "", 2000, 1, nan, 3), Scenario: sc})
			}
			forecasttest.Run(t, m, cases...)
		})
	}
}
