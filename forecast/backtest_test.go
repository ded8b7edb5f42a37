package forecast_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func TestBacktestTsCV(t *testing.T) {
	r, err := forecast.Backtest(drift{}, y, nil, 2, forecast.BacktestSettings{})
	if err != nil {
		t.Fatal(err)
	}
	// Values from R 4.x, forecast package, y as in TestAccuracyR:
	//  print(tsCV(y, rwf, drift=TRUE, h=2, initial=2), digits=15)
	// rows 2002–2013 (the origin years); the h=2 error of 2013 is NA there,
	// since 2015 is beyond the data, and Backtest stops at horizon 1.
	// Hand check, origin 2002: drift (12.1−10.2)/2 = 0.95, forecasts 13.05
	// and 14.0, errors 13.8−13.05 = 0.75 and 14.2−14.0 = 0.2.
	want := [][]float64{
		{0.750000000000002, 0.199999999999999},
		{-0.800000000000002, -0.300000000000002},
		{0.700000000000001, 1.100000000000001},
		{0.260000000000002, -1.079999999999998},
		{-1.383333333333333, -1.066666666666666},
		{0.514285714285712, 1.328571428571426},
		{0.749999999999996, 0.299999999999997},
		{-0.533333333333331, 0.233333333333334},
		{0.820000000000000, 0.340000000000000},
		{-0.554545454545455, 0.590909090909093},
		{1.191666666666666, 0.383333333333333},
		{-0.899999999999999},
	}
	var got [][]float64
	for i, o := range r.Origins {
		if o.Year != 2002+i {
			t.Errorf("origin %d is year %d, want %d", i, o.Year, 2002+i)
		}
		got = append(got, o.Errors)
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-10, 1e-12)); d != "" {
		t.Errorf("backtest errors mismatch (-want +got):\n%s", d)
	}
	// The pooled and per-step ME are the means of R's errors.
	var sum, sum1 float64
	var n int
	for _, row := range want {
		sum1 += row[0]
		for _, e := range row {
			sum += e
			n++
		}
	}
	if r.Measures.N != n || math.Abs(r.Measures.ME-sum/float64(n)) > 1e-12 {
		t.Errorf("pooled N, ME = %d, %v, want %d, %v", r.Measures.N, r.Measures.ME, n, sum/float64(n))
	}
	if r.ByStep[0].N != 12 || math.Abs(r.ByStep[0].ME-sum1/12) > 1e-12 {
		t.Errorf("step 1 N, ME = %d, %v, want 12, %v", r.ByStep[0].N, r.ByStep[0].ME, sum1/12)
	}
	if r.ByStep[1].N != 11 {
		t.Errorf("step 2 N = %d, want 11", r.ByStep[1].N)
	}
	// The toy drift gives no interval: nothing to score.
	if r.Intervals.N != 0 || !math.IsNaN(r.Intervals.Coverage) || !math.IsNaN(r.IntervalsByStep[1].MSIS) {
		t.Errorf("intervals scored without an interval: %+v", r.Intervals)
	}
}

func TestBacktestHand(t *testing.T) {
	h := series.New("q", "", 2000, 1, 2, 4, 7, 11)
	r, err := forecast.Backtest(naive{}, h, nil, 2, forecast.BacktestSettings{MinTrain: 2, Level: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	// Origins 2001, 2002, 2003 (2003 only one year ahead, 2005 being
	// beyond the history).
	//  2001: forecasts 2, 2; errors 4−2 = 2, 7−2 = 5; scale |2−1| = 1.
	//  2002: forecasts 4, 4; errors 3, 7; scale (1+2)/2 = 1.5.
	//  2003: forecast 7; error 4; scale (1+2+3)/3 = 2.
	// Pooled: errors 2, 5, 3, 7, 4: ME = MAE = 21/5, RMSE = √(103/5),
	// MASE = (2/1 + 5/1 + 3/1.5 + 7/1.5 + 4/2)/5 = (11 + 14/3)/5.
	// Step 1: errors 2, 3, 4: ME 3, MASE (2 + 2 + 2)/3 = 2.
	// Step 2: errors 5, 7: ME 6, MASE (5 + 14/3)/2.
	type origin struct {
		Year   int
		Errors []float64
		Scale  float64
	}
	var gotO []origin
	for _, o := range r.Origins {
		gotO = append(gotO, origin{o.Year, o.Errors, o.Scale})
		if o.Forecast.Level != 0.8 {
			t.Errorf("origin %d: level %v, want 0.8", o.Year, o.Forecast.Level)
		}
	}
	wantO := []origin{{2001, []float64{2, 5}, 1}, {2002, []float64{3, 7}, 1.5}, {2003, []float64{4}, 2}}
	opts := []cmp.Option{cmpopts.EquateApprox(1e-14, 0), cmpopts.IgnoreFields(forecast.Measures{}, "MPE", "MAPE", "SMAPE")}
	if d := cmp.Diff(wantO, gotO, opts...); d != "" {
		t.Errorf("origins mismatch (-want +got):\n%s", d)
	}
	if r.Method != "naive" || r.Horizon != 2 {
		t.Errorf("Method, Horizon = %q, %d, want naive, 2", r.Method, r.Horizon)
	}
	want := forecast.Measures{N: 5, ME: 21.0 / 5, MAE: 21.0 / 5, RMSE: math.Sqrt(103.0 / 5), MASE: (11 + 14.0/3) / 5}
	if d := cmp.Diff(want, r.Measures, opts...); d != "" {
		t.Errorf("pooled measures mismatch (-want +got):\n%s", d)
	}
	wantStep := []forecast.Measures{
		{N: 3, ME: 3, MAE: 3, RMSE: math.Sqrt(29.0 / 3), MASE: 2},
		{N: 2, ME: 6, MAE: 6, RMSE: math.Sqrt(37.0), MASE: (5 + 14.0/3) / 2},
	}
	if d := cmp.Diff(wantStep, r.ByStep, opts...); d != "" {
		t.Errorf("per-step measures mismatch (-want +got):\n%s", d)
	}

	// The toy naive's interval is its point, and every actual lies above
	// it: coverage 0, interval score (2/α)·e = 10e at 80 %, MSIS 10·MASE,
	// pinball (0.1e + 0.9e)/2 = e/2.
	wantI := forecast.IntervalMeasures{N: 5, Level: 0.8, Coverage: 0, Winkler: 10 * 21.0 / 5, MSIS: 10 * (11 + 14.0/3) / 5, Pinball: 21.0 / 10}
	if d := cmp.Diff(wantI, r.Intervals, opts...); d != "" {
		t.Errorf("pooled interval measures mismatch (-want +got):\n%s", d)
	}
	wantIStep := []forecast.IntervalMeasures{
		{N: 3, Level: 0.8, Winkler: 30, MSIS: 20, Pinball: 1.5},
		{N: 2, Level: 0.8, Winkler: 60, MSIS: 10 * (5 + 14.0/3) / 2, Pinball: 3},
	}
	if d := cmp.Diff(wantIStep, r.IntervalsByStep, opts...); d != "" {
		t.Errorf("per-step interval measures mismatch (-want +got):\n%s", d)
	}
}

func TestBacktestGaps(t *testing.T) {
	nan := math.NaN()
	// 2001 is missing: it is no origin and adds no error; 2005 is missing:
	// the errors for it are NaN and skipped. Origins (MinTrain 2): 2002
	// (observed 1, 4), 2003, 2004. Horizon 3 cut at 2005.
	//  2002: forecasts 4 for 2003–2005: errors 3, 6, NaN.
	//  2003: forecasts 7 for 2004–2005: errors 3, NaN.
	//  2004: forecast 10 for 2005: error NaN.
	// Step 3 has no origin: N = 0 and NaN measures.
	h := series.New("q", "", 2000, 1, nan, 4, 7, 10, nan)
	r, err := forecast.Backtest(naive{}, h, nil, 3, forecast.BacktestSettings{MinTrain: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]float64
	for _, o := range r.Origins {
		got = append(got, o.Errors)
	}
	want := [][]float64{{3, 6, nan}, {3, nan}, {nan}}
	if d := cmp.Diff(want, got, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", d)
	}
	if r.Measures.N != 3 || r.Measures.ME != 4 {
		t.Errorf("pooled N, ME = %d, %v, want 3, 4", r.Measures.N, r.Measures.ME)
	}
	if s := r.ByStep[2]; s.N != 0 || !math.IsNaN(s.ME) || !math.IsNaN(s.MASE) {
		t.Errorf("step 3 = %+v, want N 0 and NaN measures", s)
	}
	// Origin 2002's window 1, NaN, 4 has no consecutive observed pair: MASE NaN.
	if !math.IsNaN(r.Origins[0].Scale) || !math.IsNaN(r.Measures.MASE) {
		t.Errorf("scale %v, MASE %v, want NaN", r.Origins[0].Scale, r.Measures.MASE)
	}
}

func TestBacktestDrivers(t *testing.T) {
	// Q = 2·GDP exactly, so the ratio method forecasts without error — if,
	// and only if, each origin's scenario holds the observed GDP after the
	// origin; ratio's Fit fails if it is shown GDP beyond the origin.
	g := series.New("gdp", "", 1998, 1, 1.5, 2, 3, 5, 8, 13, 21)
	q := series.New("q", "", 2000, 4, 6, 10, 16, 26, 42)
	d := forecast.Drivers{forecast.GDP: g}
	r, err := forecast.Backtest(ratio{}, q, d, 2, forecast.BacktestSettings{MinTrain: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Origins) != 5 || r.Origins[0].Year != 2000 {
		t.Fatalf("%d origins from %d, want 5 from 2000", len(r.Origins), r.Origins[0].Year)
	}
	if r.Measures.N != 9 || math.Abs(r.Measures.MAE) > 1e-12 {
		t.Errorf("N, MAE = %d, %v, want 9, 0", r.Measures.N, r.Measures.MAE)
	}
	if g.Len() != 8 || g.Values[7] != 21 || d[forecast.GDP].Len() != 8 {
		t.Error("Backtest modified the drivers")
	}

	// A driver starting after the first origin is passed empty: the method
	// fails there for want of it.
	late := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2003, 16, 26, 42)}
	if _, err := forecast.Backtest(ratio{}, q, late, 1, forecast.BacktestSettings{MinTrain: 1}); err == nil ||
		!strings.Contains(err.Error(), "origin 2000") {
		t.Errorf("late driver: error %v, want one at origin 2000", err)
	}
	// A driver ending before the history does: the scenario misses 2005.
	short := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 2, 3, 5, 8, 13)}
	if _, err := forecast.Backtest(ratio{}, q, short, 1, forecast.BacktestSettings{MinTrain: 4}); !errors.Is(err, forecast.ErrDriverYears) {
		t.Errorf("short driver: error %v, want ErrDriverYears", err)
	}
	// No drivers at all.
	if _, err := forecast.Backtest(ratio{}, q, nil, 1, forecast.BacktestSettings{}); !errors.Is(err, forecast.ErrMissingDriver) {
		t.Errorf("no driver: error %v, want ErrMissingDriver", err)
	}
}

func TestBacktestErrors(t *testing.T) {
	nan := math.NaN()
	h := series.New("q", "", 2000, 1, 2, 3, 4, 5)
	for _, tc := range []struct {
		name string
		m    forecast.Method
		h    series.Series
		hor  int
		set  forecast.BacktestSettings
		is   error
	}{
		{name: "horizon 0", m: naive{}, h: h, hor: 0, is: forecast.ErrHorizon},
		{name: "horizon -1", m: naive{}, h: h, hor: -1, is: forecast.ErrHorizon},
		{name: "level 1", m: naive{}, h: h, hor: 1, set: forecast.BacktestSettings{Level: 1}, is: forecast.ErrLevel},
		{name: "level NaN", m: naive{}, h: h, hor: 1, set: forecast.BacktestSettings{Level: nan}, is: forecast.ErrLevel},
		{name: "MinTrain -1", m: naive{}, h: h, hor: 1, set: forecast.BacktestSettings{MinTrain: -1}},
		{name: "empty", m: naive{}, h: series.Series{}, hor: 1, is: series.ErrEmpty},
		{name: "inf", m: naive{}, h: series.New("q", "", 2000, 1, math.Inf(1), 3, 4), hor: 1},
		{name: "too short", m: naive{}, h: series.New("q", "", 2000, 1, 2, 3), hor: 1, is: forecast.ErrTooShort},
		{name: "too short with gaps", m: naive{}, h: series.New("q", "", 2000, 1, nan, 2, nan, 3), hor: 1, is: forecast.ErrTooShort},
		{name: "no actual", m: naive{}, h: series.New("q", "", 2000, 1, 2, 3, nan), hor: 1, is: forecast.ErrTooShort},
		{name: "fit fails", m: drift{}, h: series.New("q", "", 2000, 1, nan, 3, 4, 5), hor: 1},
		{name: "wrong years", m: naive{yearOff: 1}, h: h, hor: 1},
	} {
		r, err := forecast.Backtest(tc.m, tc.h, nil, tc.hor, tc.set)
		if err == nil {
			t.Errorf("%s: no error, result %+v", tc.name, r)
			continue
		}
		if !strings.HasPrefix(err.Error(), "forecast: ") && !strings.HasPrefix(err.Error(), "series: ") {
			t.Errorf("%s: error %q lacks the package prefix", tc.name, err)
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.is)
		}
	}
}
