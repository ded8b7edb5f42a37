package forecast_test

import (
	"errors"
	"math"
	"testing"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
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

// TestCalibratedQuantile checks the quantile rule on a history whose
// drift errors are known: a straight line with one jump. Drift fit on a
// line forecasts it exactly, so every score is 0 until the jump.
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
	// Every one-step error is 0, so q = 0: a degenerate interval.
	for k, p := range f.Point.Values {
		if f.Lower.Values[k] != p || f.Upper.Values[k] != p {
			t.Errorf("step %d: [%v, %v] about %v, want the point itself", k+1, f.Lower.Values[k], f.Upper.Values[k], p)
		}
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
// on the history it is fit on: appending later years to a copy and cutting
// them off again gives the same interval.
func TestCalibratedNoLookAhead(t *testing.T) {
	long := wiggle(30)
	cut, _ := long.Window(2000, 2019)
	m := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{})
	a, err := m.Fit(cut, nil)
	if err != nil {
		t.Fatal(err)
	}
	other := wiggle(30)
	for i := 20; i < 30; i++ {
		other.Values[i] *= 3
	}
	cut2, _ := other.Window(2000, 2019)
	b, err := m.Fit(cut2, nil)
	if err != nil {
		t.Fatal(err)
	}
	fa, _ := a.Forecast(forecast.Scenario{Horizon: 3}, 0.9)
	fb, _ := b.Forecast(forecast.Scenario{Horizon: 3}, 0.9)
	for k := range fa.Upper.Values {
		if fa.Upper.Values[k] != fb.Upper.Values[k] || fa.Lower.Values[k] != fb.Lower.Values[k] {
			t.Errorf("step %d: interval depends on years after the origin", k+1)
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
	if _, err := model.Forecast(forecast.Scenario{Horizon: 1}, 0.8); err == nil {
		t.Error("two members named drift: no error")
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
	} {
		if got := forecast.Calibrated(baseline.Drift{}, c.set).Name(); got != c.want {
			t.Errorf("Name = %q, want %q", got, c.want)
		}
	}
}
