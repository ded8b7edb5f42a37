package forecast_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// wiggle is a positive series of n years with a trend and a persistent
// wiggle, so that drift's out-of-sample errors are neither zero nor all
// alike.
func wiggle(n int) series.Series {
	v := make([]float64, n)
	for i := range v {
		v[i] = 100 * math.Pow(1.05, float64(i)) * (1 + 0.05*math.Sin(1.3*float64(i)))
	}
	return series.New("q", "kt", 2000, v...)
}

// TestCalibratedPoint checks that calibration never moves the point, at
// any level, extreme ones included, and that its interval is centred on it.
func TestCalibratedPoint(t *testing.T) {
	h := wiggle(23)
	m := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{})
	if got, want := m.Name(), "drift"+forecast.CalibratedSuffix; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
	raw, err := baseline.Drift{}.Fit(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	model, err := m.Fit(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := forecast.Scenario{Horizon: 5}
	want, _ := raw.Forecast(sc, 0.8)
	prev := 0.0
	for _, level := range []float64{1e-9, 0.5, 0.8, 0.95, 0.999, 1 - 1e-12} {
		f, err := model.Forecast(sc, level)
		if err != nil {
			t.Fatalf("level %g: %v", level, err)
		}
		for k, p := range f.Point.Values {
			if p != want.Point.Values[k] {
				t.Errorf("level %g: point %d = %v, want drift's %v", level, k, p, want.Point.Values[k])
			}
			lo, up := f.Lower.Values[k], f.Upper.Values[k]
			if math.IsNaN(lo) || !(lo <= p && p <= up) || math.Abs((up-p)-(p-lo)) > 1e-9*math.Abs(p) {
				t.Errorf("level %g, step %d: %v not centred in [%v, %v]", level, k+1, p, lo, up)
			}
		}
		if w := f.Upper.Values[4] - f.Lower.Values[4]; w < prev {
			t.Errorf("level %g: width %v below the lower level's %v", level, w, prev)
		} else {
			prev = w
		}
	}
	// A backtest at an extreme level runs and scores every origin.
	for _, level := range []float64{0.001, 0.999} {
		bt, err := forecast.Backtest(m, h, nil, 5, forecast.BacktestSettings{Level: level})
		if err != nil {
			t.Fatalf("backtest at %g: %v", level, err)
		}
		if bt.Measures.N != 90 {
			t.Errorf("backtest at %g: %d errors, want 90", level, bt.Measures.N)
		}
	}
}

// TestCalibratedQuantile checks the quantile rule on histories whose
// drift errors are known: a straight line, which drift forecasts exactly
// (every score 0: no interval), and the line with one jump, whose few
// non-zero scores must give an interval at the levels the scores reach
// and beyond.
func TestCalibratedQuantile(t *testing.T) {
	// 2000–2011 rise by 10 a year; the scale s_t of a positive series is
	// last·mean|Δ ln y|.
	v := make([]float64, 12)
	for i := range v {
		v[i] = 100 + 10*float64(i)
	}
	h := series.New("q", "kt", 2000, v...)
	model, err := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Horizon: 1}).Fit(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The first window holds drift's 3 years and the margin of 2.
	if n, ok := forecast.CalibrationErrors(model); !ok || n != 7 {
		t.Errorf("CalibrationErrors = %d, %v; want 7 one-step errors (origins 2004–2010)", n, ok)
	}
	f, err := model.Forecast(forecast.Scenario{Horizon: 2}, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	// Every one-step error is 0, so q = 0: no interval (NaN bounds) rather
	// than one of width 0, the point kept.
	for k, p := range f.Point.Values {
		if p != 220+10*float64(k) || !math.IsNaN(f.Lower.Values[k]) || !math.IsNaN(f.Upper.Values[k]) {
			t.Errorf("step %d: %v in [%v, %v], want %v and NaN bounds", k+1, p, f.Lower.Values[k], f.Upper.Values[k], 220+10*float64(k))
		}
	}

	// 20 years on the line, the last 30 above it: 1 of the 15 one-step
	// scores (origins 2004–2018) is not 0, so the quantile at 0.8 (the
	// a = 0.8·16/15 quantile of the scores) is 0, and the levels above
	// read the scores up to 15/16 and the tail from there: a positive
	// width that does not shrink with the level (without that, the tail
	// through the zero quantile was 0 at every level).
	jump := make([]float64, 20)
	for i := range jump {
		jump[i] = 100 + 10*float64(i)
	}
	jump[19] += 30
	model, err = forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Horizon: 1}).Fit(series.New("q", "kt", 2000, jump...), nil)
	if err != nil {
		t.Fatal(err)
	}
	prev := 0.0
	for _, level := range []float64{0.5, 0.8, 0.9, 0.95, 0.99} {
		f, err := model.Forecast(forecast.Scenario{Horizon: 1}, level)
		if err != nil {
			t.Fatal(err)
		}
		w := f.Upper.Values[0] - f.Lower.Values[0]
		if math.IsNaN(w) || w < prev || level >= 0.9 && !(w > 0) {
			t.Errorf("jump, level %g: width %v after %v; want an interval, wider than 0 from 0.9, never narrower", level, w, prev)
		}
		prev = w
	}

	// Too short to calibrate (one origin): NaN bounds, the point kept.
	short := series.New("q", "kt", 2000, 100, 110, 125, 130)
	model, err = forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{}).Fit(short, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err = model.Forecast(forecast.Scenario{Horizon: 1}, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(f.Lower.Values[0]) || !math.IsNaN(f.Upper.Values[0]) || f.Point.Values[0] != 140 {
		t.Errorf("short history: %v [%v, %v], want 140 with NaN bounds", f.Point.Values[0], f.Lower.Values[0], f.Upper.Values[0])
	}
}

// TestCalibratedNoLookAhead checks that a calibrated forecast depends only
// on the history it is fit on: histories that share their backing array
// with later years (a slice of a longer series) give the same interval
// whatever those later years hold, and Fit writes nothing into them.
func TestCalibratedNoLookAhead(t *testing.T) {
	m := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{})
	fit := func(later float64) (forecast.Forecast, []float64) {
		t.Helper()
		long := wiggle(30)
		for i := 20; i < 30; i++ {
			long.Values[i] = later
		}
		// The first 20 years, their array's capacity reaching the later ten.
		h := series.Series{Name: long.Name, Unit: long.Unit, Start: long.Start, Values: long.Values[:20]}
		model, err := m.Fit(h, nil)
		if err != nil {
			t.Fatal(err)
		}
		f, err := model.Forecast(forecast.Scenario{Horizon: 3}, 0.9)
		if err != nil {
			t.Fatal(err)
		}
		return f, long.Values[20:]
	}
	fa, restA := fit(math.NaN())
	fb, restB := fit(1e6)
	for k := range fa.Upper.Values {
		if fa.Upper.Values[k] != fb.Upper.Values[k] || fa.Lower.Values[k] != fb.Lower.Values[k] {
			t.Errorf("step %d: interval depends on years after the history", k+1)
		}
	}
	for i := range restB {
		if !math.IsNaN(restA[i]) || restB[i] != 1e6 {
			t.Fatalf("Fit wrote into the years after the history: %v, %v", restA, restB)
		}
	}
}

// TestCombinedInterval checks that a combination's point lies strictly
// inside its interval, calibrated or not, when the members disagree.
func TestCombinedInterval(t *testing.T) {
	h := wiggle(23)
	for _, m := range []forecast.Method{
		forecast.Combined("", baseline.Naive{}, baseline.Drift{}, baseline.Mean{}),
		forecast.Calibrated(forecast.Combined("", baseline.Naive{}, baseline.Drift{}, baseline.Mean{}), forecast.CalibrationSettings{}),
	} {
		model, err := m.Fit(h, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, level := range []float64{0.5, 0.8, 0.95} {
			f, err := model.Forecast(forecast.Scenario{Horizon: 4}, level)
			if err != nil {
				t.Fatal(err)
			}
			for k, p := range f.Point.Values {
				if !(f.Lower.Values[k] < p && p < f.Upper.Values[k]) {
					t.Errorf("%s at %g, step %d: %v on or outside [%v, %v]", m.Name(), level, k+1, p, f.Lower.Values[k], f.Upper.Values[k])
				}
			}
		}
	}
	if _, err := forecast.Combined("c", baseline.Drift{}, baseline.Drift{}).Fit(h, nil); err != nil {
		t.Fatal(err)
	}
	model, _ := forecast.Combined("c", baseline.Drift{}, baseline.Drift{}).Fit(h, nil)
	if _, err := model.Forecast(forecast.Scenario{Horizon: 1}, 0.8); !errors.Is(err, forecast.ErrDuplicate) || strings.Count(err.Error(), "forecast:") != 1 {
		t.Errorf("two members named drift: %v, want ErrDuplicate naming the package once", err)
	}
	_, err := forecast.Combined("c").Fit(h, nil)
	if want := `forecast: no forecasts to combine: combined method "c" has no members`; !errors.Is(err, forecast.ErrNoForecasts) || err.Error() != want {
		t.Errorf("no members: %v, want %q", err, want)
	}
}

// TestBadSettings checks that a nil method and settings out of their
// ranges are errors, not panics or silent defaults, in Calibrated,
// Combined and Backtest.
func TestBadSettings(t *testing.T) {
	h := wiggle(12)
	for _, c := range []struct {
		name string
		m    forecast.Method
		is   error
		msg  string
	}{
		{"calibrated nil", forecast.Calibrated(nil, forecast.CalibrationSettings{}), forecast.ErrNilMethod, "forecast: nil-method-calibrated: nil method"},
		{"scaling", forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Scaling: 99}), forecast.ErrSetting, "unknown Scaling(99)"},
		{"horizon negative", forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Horizon: -1}), forecast.ErrSetting, "Horizon -1"},
		{"horizon too far", forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Horizon: 1e8}), forecast.ErrHorizon, "Horizon 100000000"},
		{"mintrain negative", forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{MinTrain: -5}), forecast.ErrSetting, "MinTrain -5"},
		{"combined nil member", forecast.Combined("x", baseline.Drift{}, nil), forecast.ErrNilMethod, `forecast: combined method "x": member 2: nil method`},
		{"inverse-mse nil member", forecast.CombinedInverseMSE("y", nil), forecast.ErrNilMethod, `forecast: combined method "y": member 1: nil method`},
	} {
		if _, err := c.m.Fit(h, nil); !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: Fit: %v, want %v containing %q", c.name, err, c.is, c.msg)
		}
		if _, err := forecast.Backtest(c.m, h, nil, 2, forecast.BacktestSettings{}); err == nil {
			t.Errorf("%s: Backtest: no error", c.name)
		}
	}
	if _, err := forecast.Backtest(baseline.Drift{}, h, nil, 2, forecast.BacktestSettings{MinTrain: -3}); !errors.Is(err, forecast.ErrSetting) {
		t.Errorf("Backtest with MinTrain −3: %v, want ErrSetting", err)
	}
}

// TestCalibratedDriverGap checks that the calibration cuts an origin's
// horizon before a year its driver lacks, as Backtest does, rather than
// dropping the origin: both score the same number of errors.
func TestCalibratedDriverGap(t *testing.T) {
	q := make([]float64, 25)
	g := make([]float64, 25)
	for i := range q {
		g[i] = 100 * math.Pow(1.06, float64(i))
		q[i] = 50 + 0.8*g[i] + 10*math.Sin(float64(i))
	}
	g[17], q[17] = math.NaN(), math.NaN() // a year the driver lacks is a missing year of the history, as Analyse makes it
	h := series.New("q", "kt", 1990, q...)
	d := forecast.Drivers{forecast.GDP: series.New("gdp", "", 1990, g...)}
	m := regression.Method{}
	model, err := forecast.Calibrated(m, forecast.CalibrationSettings{Horizon: 3, MinTrain: 5, Scaling: forecast.ScaleH}).Fit(h, d)
	if err != nil {
		t.Fatal(err)
	}
	bt, err := forecast.Backtest(m, h, d, 3, forecast.BacktestSettings{MinTrain: 5})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := forecast.CalibrationErrors(model); n != bt.Measures.N {
		t.Errorf("calibration rests on %d errors, the backtest scores %d", n, bt.Measures.N)
	}
}

type judged struct{ baseline.Naive }

func (judged) Judgment() bool { return true }

// TestJudgmentNotBacktested checks that a judgment is neither backtested
// nor calibrated.
func TestJudgmentNotBacktested(t *testing.T) {
	h := wiggle(10)
	if _, err := forecast.Backtest(judged{}, h, nil, 2, forecast.BacktestSettings{}); !errors.Is(err, forecast.ErrLookAhead) {
		t.Errorf("Backtest: %v, want ErrLookAhead", err)
	}
	if _, err := forecast.Calibrated(judged{}, forecast.CalibrationSettings{}).Fit(h, nil); !errors.Is(err, forecast.ErrLookAhead) {
		t.Errorf("Calibrated: %v, want ErrLookAhead", err)
	}
}

func TestCalibratedName(t *testing.T) {
	for _, c := range []struct {
		set  forecast.CalibrationSettings
		want string
	}{
		{forecast.CalibrationSettings{}, "drift-calibrated"},
		{forecast.CalibrationSettings{Scaling: forecast.ScaleOwn, Horizon: 3}, "drift-calibrated-own-horizon-3"},
		{forecast.CalibrationSettings{Scaling: forecast.ScaleSqrtH, MinTrain: 5}, "drift-calibrated-sqrt-h-mintrain-5"},
		{forecast.CalibrationSettings{Scaling: forecast.ScaleH}, "drift-calibrated-h"},
	} {
		if got := forecast.Calibrated(baseline.Drift{}, c.set).Name(); got != c.want {
			t.Errorf("Name = %q, want %q", got, c.want)
		}
	}
}

// TestCalibratedFallback checks both quantile rules against scores worked
// out here by hand: drift's one-step errors on twelve irregular years give
// M = 7 origins; at 80 % (a = 0.8·8/7 ≤ 1, and 80 % the tail level) q is
// the conformal quantile, at 95 % the Laplace tail through it.
func TestCalibratedFallback(t *testing.T) {
	y := []float64{100, 104, 103, 111, 118, 116, 125, 131, 128, 140, 146, 151}
	h := series.New("q", "kt", 2000, y...)
	// scale is s_t of y[:n]: y[n−1]·mean|Δ ln y|.
	scale := func(n int) float64 {
		var sum float64
		for j := 1; j < n; j++ {
			sum += math.Abs(math.Log(y[j] / y[j-1]))
		}
		return y[n-1] * sum / float64(n-1)
	}
	// Origins 2004–2010: windows of 5 to 11 years (drift's 3 and the
	// margin of 2); drift forecasts y_i + (y_i − y_0)/i one year on.
	var z []float64
	for i := 4; i <= 10; i++ {
		p := y[i] + (y[i]-y[0])/float64(i)
		z = append(z, math.Abs(y[i+1]-p)/scale(i+1))
	}
	slices.Sort(z)
	// 80 %: type-7 quantile at a = 0.8·8/7 of the 7 scores, rank
	// 1 + 6a = 6.486 (1-based).
	a := 0.8 * 8 / 7
	r := 6 * a
	q80 := z[int(r)] + (r-math.Floor(r))*(z[int(r)+1]-z[int(r)])
	// 95 %: q80·L(0.95)/L(0.8), L(α) = (t_{7,(1+α)/2}/z_{(1+α)/2})·ln(1/(1−α));
	// R 4.2.2: qt(0.975, 7) = 2.3646242515927844, qnorm(0.975) =
	// 1.9599639845400536, qt(0.9, 7) = 1.4149239276505086, qnorm(0.9) =
	// 1.2815515655446008.
	l95 := 2.3646242515927844 / 1.9599639845400536 * math.Log(20)
	l80 := 1.4149239276505086 / 1.2815515655446008 * math.Log(5)
	q95 := q80 * l95 / l80

	model, err := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Horizon: 1}).Fit(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	sT := scale(len(y))
	for _, c := range []struct{ level, q float64 }{{0.8, q80}, {0.95, q95}} {
		f, err := model.Forecast(forecast.Scenario{Horizon: 2}, c.level)
		if err != nil {
			t.Fatal(err)
		}
		for k := range 2 {
			want := c.q * sT * float64(k+1)
			if got := f.Upper.Values[k] - f.Point.Values[k]; math.Abs(got-want) > 1e-9*want {
				t.Errorf("level %g, step %d: half-width %.12g, want %.12g", c.level, k+1, got, want)
			}
		}
	}
}

// TestCalibratedScaler checks that the zero Scaling takes the method's own
// CalibrationScaling, and an explicit one overrides it.
func TestCalibratedScaler(t *testing.T) {
	h := wiggle(23)
	m := regression.Method{Spec: regression.LogLinear, Anchor: true}
	if s := m.CalibrationScaling(); s != forecast.ScaleSqrtH {
		t.Fatalf("log-linear trend's CalibrationScaling = %v, want sqrt-h", s)
	}
	if s := (regression.Method{Spec: regression.Linear}).CalibrationScaling(); s != forecast.ScaleH {
		t.Errorf("linear trend's CalibrationScaling = %v, want h", s)
	}
	width := func(s forecast.Scaling) []float64 {
		t.Helper()
		model, err := forecast.Calibrated(m, forecast.CalibrationSettings{Scaling: s}).Fit(h, nil)
		if err != nil {
			t.Fatal(err)
		}
		f, err := model.Forecast(forecast.Scenario{Horizon: 4}, 0.8)
		if err != nil {
			t.Fatal(err)
		}
		w := make([]float64, 4)
		for k := range w {
			w[k] = f.Upper.Values[k] - f.Lower.Values[k]
		}
		return w
	}
	auto, sqrt, lin := width(forecast.ScaleAuto), width(forecast.ScaleSqrtH), width(forecast.ScaleH)
	if !slices.Equal(auto, sqrt) {
		t.Errorf("ScaleAuto widths %v, want ScaleSqrtH's %v", auto, sqrt)
	}
	if slices.Equal(auto, lin) {
		t.Errorf("ScaleAuto widths %v equal ScaleH's", auto)
	}
	// Under √h the width 4 steps on is twice the first (√4); under h four
	// times.
	if r := sqrt[3] / sqrt[0]; math.Abs(r-2) > 1e-9 {
		t.Errorf("sqrt-h: width ratio step 4/step 1 = %v, want 2", r)
	}
	if r := lin[3] / lin[0]; math.Abs(r-4) > 1e-9 {
		t.Errorf("h: width ratio step 4/step 1 = %v, want 4", r)
	}
}

// TestCalibratedNested checks that the intervals of one forecast at
// increasing levels nest, on series whose largest backtest errors are far
// above their median (a break, noise, a sign change).
func TestCalibratedNested(t *testing.T) {
	noisy := series.New("noisy", "kt", 2005, 519.2, 351.8, 555.7, 432.9, 204.9, 474.4, 382.5, 437.5, 481.7, 650.1,
		512.4, 496.6, 546.7, 282.5, 648.8, 370.7, 552.7, 364.8, 382.8, 452.4)
	net := series.New("net", "kt", 1995, 25.7, 21.1, 16.2, 16.1, 12.5, 0, 12.3, 15.2, 7.9, 10.0, 7.5, 6.8, 10.1, 7.4, 7.8,
		8.6, 7.4, -1.1, 3.6, -4.3, -0.2, 4.8, -2.6, -4.1, -3.5, -4.9, -5.9, -9.3, -4.8, -6.3)
	brk := make([]float64, 40)
	for i := range brk {
		brk[i] = 200 + 8*float64(i) + 15*math.Sin(float64(i))
		if i >= 23 {
			brk[i] -= 120
		}
	}
	levels := []float64{0.5, 0.8, 0.9, 0.95, 0.99, 0.999}
	for _, h := range []series.Series{noisy, net, series.New("break", "kt", 1985, brk...), wiggle(9), wiggle(30)} {
		for _, m := range []forecast.Method{baseline.Naive{}, baseline.Drift{}, regression.Method{Spec: regression.Linear, Anchor: true}} {
			for n := 6; n <= h.Len(); n += 3 {
				cut, _ := h.Window(h.Start, h.Start+n-1)
				model, err := forecast.Calibrated(m, forecast.CalibrationSettings{}).Fit(cut, nil)
				if err != nil {
					t.Fatal(err)
				}
				prev := 0.0
				for i, level := range levels {
					f, err := model.Forecast(forecast.Scenario{Horizon: 3}, level)
					if err != nil {
						t.Fatal(err)
					}
					w := f.Upper.Values[2] - f.Lower.Values[2]
					if math.IsNaN(w) != math.IsNaN(prev) && i > 0 {
						t.Errorf("%s, %s on %d years: an interval at %g but not at %g, or the other way", h.Name, m.Name(), n, level, levels[i-1])
					}
					if math.IsNaN(w) {
						prev = w
						continue
					}
					if w < prev {
						t.Errorf("%s, %s on %d years: width at %g %v below the lower level's %v", h.Name, m.Name(), n, level, w, prev)
					}
					prev = w
				}
			}
		}
	}
}
