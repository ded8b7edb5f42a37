package lsq_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/lsq"
)

func TestOLSErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	design := func(rows ...[]float64) *mat.Dense {
		x := mat.NewDense(len(rows), len(rows[0]), nil)
		for i, r := range rows {
			x.SetRow(i, r)
		}
		return x
	}
	good := design([]float64{1, 1}, []float64{1, 2}, []float64{1, 3})
	for _, tc := range []struct {
		name    string
		x       *mat.Dense
		y, w    []float64
		want    error
		mention string // the error names the place
	}{
		{"NaN in x", design([]float64{1, 1}, []float64{1, nan}, []float64{1, 3}), []float64{1, 2, 3}, nil, lsq.ErrNotFinite, "row 1, column 1"},
		{"Inf in y", good, []float64{1, 2, -inf}, nil, lsq.ErrNotFinite, "row 2"},
		{"negative weight", good, []float64{1, 2, 3}, []float64{1, -1, 1}, lsq.ErrWeight, "row 1"},
		{"NaN weight", good, []float64{1, 2, 3}, []float64{nan, 1, 1}, lsq.ErrWeight, "row 0"},
		{"Inf weight", good, []float64{1, 2, 3}, []float64{1, 1, inf}, lsq.ErrWeight, "row 2"},
		{"fewer rows than columns", design([]float64{1, 2, 3}, []float64{1, 4, 9}), []float64{1, 2}, nil, lsq.ErrTooFew, "2 rows"},
		{"zero weights leave too few rows", good, []float64{1, 2, 3}, []float64{0, 1, 0}, lsq.ErrTooFew, "1 rows"},
		{"collinear columns", design([]float64{1, 2, 1}, []float64{1, 3, 2}, []float64{1, 4, 3}, []float64{1, 7, 6}), []float64{1, 2, 3, 4}, nil, lsq.ErrSingular, "column 2"},
		{"zero column", design([]float64{1, 0}, []float64{1, 0}, []float64{1, 0}), []float64{1, 2, 3}, nil, lsq.ErrSingular, "column 1"},
		{"constant regressor", design([]float64{1, 5}, []float64{1, 5}, []float64{1, 5}), []float64{1, 2, 3}, nil, lsq.ErrSingular, "column 1"},
		{"collinear only on weighted rows", design([]float64{1, 1}, []float64{1, 1}, []float64{1, 3}), []float64{1, 2, 3}, []float64{1, 1, 0}, lsq.ErrSingular, "column 1"},
		{"no columns", &mat.Dense{}, nil, nil, lsq.ErrTooFew, "no columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := lsq.OLS(tc.x, tc.y, tc.w)
			if !errors.Is(err, tc.want) {
				t.Fatalf("OLS = %v, %v; want an error wrapping %q", f, err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "lsq: ") || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("error %q does not start with the package name or mention %q", err, tc.mention)
			}
		})
	}
}

// Collinearity is judged relative to each column's own norm: a regressor
// measured in large units (GDP in yuan, ~1e13) is not taken as singular.
func TestOLSScaleInvariant(t *testing.T) {
	x := mat.NewDense(4, 2, []float64{1, 1e13, 1, 2e13, 1, 3e13, 1, 5e13})
	f, err := lsq.OLS(x, []float64{2, 4, 7, 10}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Hand-checked: x/1e13 = 1, 2, 3, 5 (mean 2.75, Sxx = 8.75); y mean 5.75,
	// Sxy = (−1.75)(−3.75) + (−0.75)(−1.75) + (0.25)(1.25) + (2.25)(4.25) = 17.75,
	// slope 17.75/8.75 = 2.0285714… per 1e13, intercept 5.75 − 2.75·2.0285714… = 0.1714285….
	want := []float64{0.17142857142857143, 2.0285714285714286e-13}
	if diff := cmp.Diff(want, f.Coef, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("coefficients mismatch (-want +got):\n%s", diff)
	}
}

func TestOLSPanics(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 1, 1, 2, 1, 3})
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"short y", func() { lsq.OLS(x, []float64{1, 2}, nil) }},
		{"short weights", func() { lsq.OLS(x, []float64{1, 2, 3}, []float64{1}) }},
		{"predict row length", func() {
			f, _ := lsq.OLS(x, []float64{1, 2, 4}, nil)
			f.Predict([]float64{1}, 0.9)
		}},
		{"leverage row length", func() {
			f, _ := lsq.OLS(x, []float64{1, 2, 4}, nil)
			f.Leverage([]float64{1, 2, 3})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			tc.f()
		})
	}
}

// A saturated fit (DF = 0) interpolates: point predictions, NaN standard
// errors, intervals and likelihood statistics.
func TestOLSZeroDF(t *testing.T) {
	x := mat.NewDense(2, 2, []float64{1, 0, 1, 1})
	f, err := lsq.OLS(x, []float64{3, 5}, nil) // y = 3 + 2x
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	type stats struct {
		Coef, StdErr, T                          []float64
		R2, AdjR2, Sigma, LogLik, AIC, AICc, BIC float64
		N, P, DF                                 int
	}
	want := stats{[]float64{3, 2}, []float64{nan, nan}, []float64{nan, nan}, 1, nan, nan, nan, nan, nan, nan, 2, 2, 0}
	got := stats{f.Coef, f.StdErr, f.T, f.R2, f.AdjR2, f.Sigma, f.LogLik, f.AIC, f.AICc, f.BIC, f.N, f.P, f.DF}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("fit mismatch (-want +got):\n%s", diff)
	}
	m, lo, up, err := f.Predict([]float64{1, 2}, 0.95)
	if err != nil || math.Abs(m-7) > 1e-12 || !math.IsNaN(lo) || !math.IsNaN(up) {
		t.Errorf("Predict = %v, %v, %v, %v; want 7, NaN, NaN, nil", m, lo, up, err)
	}
}

func TestPredictErrors(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 1, 1, 2, 1, 3})
	f, err := lsq.OLS(x, []float64{1, 2, 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, level := range []float64{0, 1, -0.5, math.NaN()} {
		if _, _, _, err := f.Predict([]float64{1, 4}, level); !errors.Is(err, lsq.ErrLevel) {
			t.Errorf("level %v: error %v, want lsq.ErrLevel", level, err)
		}
	}
	if _, _, _, err := f.Predict([]float64{1, math.Inf(-1)}, 0.9); !errors.Is(err, lsq.ErrNotFinite) {
		t.Errorf("infinite row: error %v, want lsq.ErrNotFinite", err)
	}
}

// Hand-checkable: y = 1, 2, 4 on x = 1, 2, 3 gives slope 1.5, intercept
// −2/3, residuals 1/6, −1/3, 1/6, RSS = 1/6, σ̂² = 1/6, Sxx = 2, and the
// uncentred and centred sums needed below.
func TestOLSHand(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 1, 1, 2, 1, 3})
	f, err := lsq.OLS(x, []float64{1, 2, 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// SE(slope) = σ̂/sqrt(Sxx) = sqrt(1/12); SE(intercept) = σ̂ sqrt(1/3 + 4/2) = sqrt(7/18).
	// TSS = (1−7/3)² + (2−7/3)² + (4−7/3)² = 14/3; R² = 1 − (1/6)/(14/3) = 27/28.
	want := []float64{-2.0 / 3, 1.5, math.Sqrt(7.0 / 18), math.Sqrt(1.0 / 12), 27.0 / 28, 1.0 / 6}
	got := []float64{f.Coef[0], f.Coef[1], f.StdErr[0], f.StdErr[1], f.R2, f.RSS()}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-13, 0)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	// Leverage at x₀ = 4: 1/3 + (4 − 2)²/2 = 7/3.
	if h := f.Leverage([]float64{1, 4}); math.Abs(h-7.0/3) > 1e-13 {
		t.Errorf("Leverage = %v, want 7/3", h)
	}
}

// Data whose fit overflows float64 is an error, not an Inf or NaN result.
func TestOverflow(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 0, 1, 1, 1, 2})
	y := []float64{-1e308, 1e308, -1e308}
	if _, err := lsq.OLS(x, y, nil); !errors.Is(err, lsq.ErrNotFinite) {
		t.Errorf("OLS: error %v, want lsq.ErrNotFinite", err)
	}
	var l lsq.Line
	if err := l.Fit([]float64{0, 1, 2}, y, nil); !errors.Is(err, lsq.ErrNotFinite) {
		t.Errorf("Line: error %v, want lsq.ErrNotFinite", err)
	}
}

// TestOLSZeroColumnMessage checks that an all-zero column (over the rows
// with nonzero weight) is reported as such, not by a NaN ratio 0/0.
func TestOLSZeroColumnMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		x    *mat.Dense
		w    []float64
	}{
		{"zero column", mat.NewDense(3, 2, []float64{1, 0, 1, 0, 1, 0}), nil},
		{"zero on the weighted rows", mat.NewDense(3, 2, []float64{1, 0, 1, 0, 1, 7}), []float64{1, 1, 0}},
	} {
		_, err := lsq.OLS(tc.x, []float64{1, 2, 3}, tc.w)
		if !errors.Is(err, lsq.ErrSingular) {
			t.Fatalf("%s: error %v, want lsq.ErrSingular", tc.name, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "column 1 is all zero") || strings.Contains(msg, "NaN") {
			t.Errorf("%s: error %q, want it to say column 1 is all zero, without NaN", tc.name, msg)
		}
	}
}
