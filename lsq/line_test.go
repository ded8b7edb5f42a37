package lsq_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/internal/lmref"
	"github.com/nonferrous/demand/lsq"
)

// TestLineMatchesQR checks the closed-form lsq.Line against lsq.OLS (QR) on the
// design [1 x] to 1e-10 relative, weighted and unweighted.
func TestLineMatchesQR(t *testing.T) {
	years := make([]float64, len(lmref.Y))
	for i := range years {
		years[i] = float64(lmref.Start + i)
	}
	logY := make([]float64, len(lmref.Y))
	for i, v := range lmref.Y {
		logY[i] = math.Log(v)
	}
	for _, tc := range []struct {
		name    string
		x, y, w []float64
		future  []float64
	}{
		{"y on year", years, lmref.Y, nil, []float64{2021, 2022, 2025}},
		{"ln y on year", years, logY, nil, []float64{2021, 2030}},
		{"y on d", lmref.D, lmref.Y, nil, lmref.FD},
		{"y on year weighted", years, lmref.Y, lmref.W(), []float64{2021, 2025}},
		{"y on d weighted", lmref.D, lmref.Y, lmref.W(), lmref.FD},
		{"three points", []float64{2000, 2005, 2010}, []float64{194.2438804705711, 374, 753}, nil, []float64{2015}},
		{"two points", []float64{2000, 2010}, []float64{194.2438804705711, 753}, nil, []float64{2015}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := mat.NewDense(len(tc.x), 2, nil)
			for i, v := range tc.x {
				x.Set(i, 0, 1)
				x.Set(i, 1, v)
			}
			f, err := lsq.OLS(x, tc.y, tc.w)
			if err != nil {
				t.Fatal(err)
			}
			var l lsq.Line
			if err := l.Fit(tc.x, tc.y, tc.w); err != nil {
				t.Fatal(err)
			}
			want := []float64{f.Coef[0], f.Coef[1], f.StdErr[0], f.StdErr[1], f.Sigma, float64(f.N), float64(f.DF)}
			got := []float64{l.Intercept, l.Slope, l.InterceptSE, l.SlopeSE, l.Sigma, float64(l.N), float64(l.DF)}
			n := len(tc.future)
			mean, lower, upper := make([]float64, n), make([]float64, n), make([]float64, n)
			if err := l.PredictTo(mean, lower, upper, tc.future, 0.9); err != nil {
				t.Fatal(err)
			}
			for i, x0 := range tc.future {
				m, lo, up, err := f.Predict([]float64{1, x0}, 0.9)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, m, lo, up)
				got = append(got, mean[i], lower[i], upper[i])
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-10, 0), cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("Line differs from lsq.OLS (-lsq.OLS +lsq.Line):\n%s", diff)
			}
		})
	}
}

// FitTrend skips missing years and TrendTo forecasts the years after the
// last one; both agree with the Method's QR path.
func TestLineTrend(t *testing.T) {
	nan := math.NaN()
	y := []float64{194.2438804705711, nan, nan, nan, nan, 374, nan, nan, nan, nan, 753}
	var l lsq.Line
	if err := l.FitTrend(2000, y); err != nil {
		t.Fatal(err)
	}
	x := mat.NewDense(3, 2, []float64{1, 2000, 1, 2005, 1, 2010})
	f, err := lsq.OLS(x, []float64{y[0], y[5], y[10]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var mean, lower, upper [5]float64
	if err := l.TrendTo(mean[:], lower[:], upper[:], 0.95); err != nil {
		t.Fatal(err)
	}
	var want, got []float64
	for i := range 5 {
		m, lo, up, err := f.Predict([]float64{1, float64(2011 + i)}, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, m, lo, up)
		got = append(got, mean[i], lower[i], upper[i])
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("TrendTo differs from lsq.OLS (-lsq.OLS +lsq.Line):\n%s", diff)
	}
	// Predict at a second level, with its own t quantile, agrees too.
	m, lo, up, err := l.Predict(2015, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	wm, wlo, wup, _ := f.Predict([]float64{1, 2015}, 0.8)
	if diff := cmp.Diff([]float64{wm, wlo, wup}, []float64{m, lo, up}, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("Predict at 0.8 differs from lsq.OLS (-lsq.OLS +lsq.Line):\n%s", diff)
	}
}

func TestLineErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name    string
		x, y, w []float64
		want    error
	}{
		{"NaN x", []float64{1, nan, 3}, []float64{1, 2, 3}, nil, lsq.ErrNotFinite},
		{"Inf y", []float64{1, 2, 3}, []float64{1, inf, 3}, nil, lsq.ErrNotFinite},
		{"negative weight", []float64{1, 2, 3}, []float64{1, 2, 3}, []float64{1, -1, 1}, lsq.ErrWeight},
		{"one point", []float64{1}, []float64{1}, nil, lsq.ErrTooFew},
		{"one weighted point", []float64{1, 2}, []float64{1, 2}, []float64{0, 1}, lsq.ErrTooFew},
		{"constant x", []float64{2, 2, 2}, []float64{1, 2, 3}, nil, lsq.ErrSingular},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var l lsq.Line
			if err := l.Fit(tc.x, tc.y, tc.w); !errors.Is(err, tc.want) {
				t.Errorf("Fit error %v, want %q", err, tc.want)
			}
			// A failed fit leaves the lsq.Line unusable.
			if _, _, _, err := l.Predict(1, 0.9); !errors.Is(err, lsq.ErrTooFew) {
				t.Errorf("Predict after failed fit: error %v, want lsq.ErrTooFew", err)
			}
		})
	}
	for _, tc := range []struct {
		name string
		y    []float64
		want error
	}{
		{"empty", nil, lsq.ErrTooFew},
		{"last missing", []float64{1, 2, nan}, lsq.ErrTooFew},
		{"one observed", []float64{nan, nan, 3}, lsq.ErrTooFew},
		{"infinite", []float64{1, -inf, 3}, lsq.ErrNotFinite},
	} {
		t.Run("trend "+tc.name, func(t *testing.T) {
			var l lsq.Line
			if err := l.FitTrend(2000, tc.y); !errors.Is(err, tc.want) {
				t.Errorf("FitTrend error %v, want %q", err, tc.want)
			}
		})
	}

	var l lsq.Line
	if err := l.Fit([]float64{1, 2, 3}, []float64{1, 2, 4}, nil); err != nil {
		t.Fatal(err)
	}
	var d [1]float64
	if err := l.TrendTo(d[:], d[:], d[:], 0.9); !errors.Is(err, lsq.ErrTooFew) {
		t.Errorf("TrendTo after Fit: error %v, want lsq.ErrTooFew", err)
	}
	if _, _, _, err := l.Predict(1, 1.5); !errors.Is(err, lsq.ErrLevel) {
		t.Errorf("Predict level 1.5: error %v, want lsq.ErrLevel", err)
	}
	if err := l.PredictTo(d[:], d[:], d[:], []float64{nan}, 0.9); !errors.Is(err, lsq.ErrNotFinite) {
		t.Errorf("PredictTo NaN: error %v, want lsq.ErrNotFinite", err)
	}
	for name, f := range map[string]func(){
		"Fit lengths":       func() { l.Fit([]float64{1, 2}, []float64{1}, nil) },
		"Fit weights":       func() { l.Fit([]float64{1, 2}, []float64{1, 2}, []float64{1}) },
		"PredictTo lengths": func() { l.PredictTo(d[:], d[:], nil, d[:], 0.9) },
		"TrendTo lengths":   func() { l.TrendTo(d[:], nil, d[:], 0.9) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// The reuse API does not allocate in steady state.
func TestLineAllocs(t *testing.T) {
	y := append([]float64(nil), lmref.Y...)
	var l lsq.Line
	var mean, lower, upper [5]float64
	allocs := testing.AllocsPerRun(100, func() {
		if err := l.FitTrend(2001, y); err != nil {
			t.Fatal(err)
		}
		if err := l.TrendTo(mean[:], lower[:], upper[:], 0.95); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("FitTrend + TrendTo: %v allocations per run, want 0", allocs)
	}
}
