package forecast_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// fc builds a forecast from 2011 at level 0.95; nil bounds give no interval.
func fc(method string, point, lower, upper []float64) forecast.Forecast {
	f := forecast.Forecast{Method: method, Level: 0.95, Point: series.New("q", "10kt", 2011, point...)}
	if lower != nil {
		f.Lower = series.New("q", "10kt", 2011, lower...)
		f.Upper = series.New("q", "10kt", 2011, upper...)
	}
	return f
}

func TestCombine(t *testing.T) {
	nan := math.NaN()
	a := fc("a", []float64{10, 20}, []float64{8, 16}, []float64{12, 24})
	b := fc("b", []float64{14, 30}, []float64{10, 20}, []float64{18, 40})
	c := fc("c", []float64{nan, 50}, nil, nil)
	for _, tc := range []struct {
		name    string
		cname   string
		weights []float64
		members []forecast.Forecast
		want    forecast.Combination
	}{
		{
			// Equal weights: point (10+14)/2 = 12, (20+30)/2 = 25; half-widths
			// (2+4)/2 = 3 and (4+10)/2 = 7: [9, 15] and [18, 32].
			name:    "equal",
			members: []forecast.Forecast{a, b},
			want: forecast.Combination{
				Forecast: forecast.Forecast{Method: "combination", Level: 0.95,
					Point: series.New("q", "10kt", 2011, 12, 25),
					Lower: series.New("q", "10kt", 2011, 9, 18),
					Upper: series.New("q", "10kt", 2011, 15, 32)},
				Members: []string{"a", "b"}, Weights: []float64{0.5, 0.5},
			},
		},
		{
			// Weights 3:1 → 0.75, 0.25: point 0.75·10+0.25·14 = 11, 0.75·20+0.25·30 = 22.5;
			// half-widths 0.75·2+0.25·4 = 2.5 and 0.75·4+0.25·10 = 5.5: [8.5, 13.5],
			// [17, 28].
			name:    "fixed",
			cname:   "mix",
			weights: []float64{3, 1},
			members: []forecast.Forecast{a, b},
			want: forecast.Combination{
				Forecast: forecast.Forecast{Method: "mix", Level: 0.95,
					Point: series.New("q", "10kt", 2011, 11, 22.5),
					Lower: series.New("q", "10kt", 2011, 8.5, 17),
					Upper: series.New("q", "10kt", 2011, 13.5, 28)},
				Members: []string{"a", "b"}, Weights: []float64{0.75, 0.25},
			},
		},
		{
			// c has no point in 2011 (a and b share it equally: 12, 9, 15) and no
			// interval. 2012: point (20+30+50)/3 = 100/3; the half-width over a
			// and b, (4+10)/2 = 7, is centred on it: [100/3 − 7, 100/3 + 7]
			// (the older mean of the bounds, [18, 32], missed the point).
			name:    "member without interval",
			members: []forecast.Forecast{a, b, c},
			want: forecast.Combination{
				Forecast: forecast.Forecast{Method: "combination", Level: 0.95,
					Point: series.New("q", "10kt", 2011, 12, 100.0/3),
					Lower: series.New("q", "10kt", 2011, 9, 100.0/3-7),
					Upper: series.New("q", "10kt", 2011, 15, 100.0/3+7)},
				Members: []string{"a", "b", "c"}, Weights: []float64{1.0 / 3, 1.0 / 3, 1.0 / 3},
			},
		},
		{
			// Weights 1, 0, 1 → 0.5, 0, 0.5: b is ignored.
			// 2011: c missing → a alone: 10 [8, 12]. 2012: (20+50)/2 = 35 with
			// a's half-width, 4: [31, 39].
			name:    "zero weight",
			weights: []float64{1, 0, 1},
			members: []forecast.Forecast{a, b, c},
			want: forecast.Combination{
				Forecast: forecast.Forecast{Method: "combination", Level: 0.95,
					Point: series.New("q", "10kt", 2011, 10, 35),
					Lower: series.New("q", "10kt", 2011, 8, 31),
					Upper: series.New("q", "10kt", 2011, 12, 39)},
				Members: []string{"a", "b", "c"}, Weights: []float64{0.5, 0, 0.5},
			},
		},
		{
			// No member has an interval in 2012: NaN bounds.
			name:    "no interval",
			members: []forecast.Forecast{fc("c", []float64{1, 50}, nil, nil)},
			want: forecast.Combination{
				Forecast: forecast.Forecast{Method: "combination", Level: 0.95,
					Point: series.New("q", "10kt", 2011, 1, 50),
					Lower: series.New("q", "10kt", 2011, nan, nan),
					Upper: series.New("q", "10kt", 2011, nan, nan)},
				Members: []string{"c"}, Weights: []float64{1},
			},
		},
	} {
		before := cloneForecasts(tc.members)
		got, err := forecast.Combine(tc.cname, tc.weights, tc.members...)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d := cmp.Diff(tc.want, got, cmpopts.EquateApprox(1e-14, 0), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: Combine mismatch (-want +got):\n%s", tc.name, d)
		}
		if d := cmp.Diff(before, tc.members, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: Combine modified its members (-before +after):\n%s", tc.name, d)
		}
	}
}

func cloneForecasts(fs []forecast.Forecast) []forecast.Forecast {
	out := make([]forecast.Forecast, len(fs))
	for i, f := range fs {
		out[i] = f
		out[i].Point, out[i].Lower, out[i].Upper = f.Point.Clone(), f.Lower.Clone(), f.Upper.Clone()
	}
	return out
}

func TestCombineErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	a := fc("a", []float64{10, 20}, []float64{8, 16}, []float64{12, 24})
	later := a
	later.Point = series.New("q", "", 2012, 10, 20)
	shorter := a
	shorter.Point = series.New("q", "", 2011, 10)
	level := a
	level.Level = 0.8
	badBound := a
	badBound.Lower = series.New("q", "", 2011, 8)
	infPoint := fc("i", []float64{inf, 20}, nil, nil)
	infBound := fc("i", []float64{10, 20}, []float64{-inf, 16}, []float64{12, 24})
	nanPoint := fc("n", []float64{nan, 20}, nil, nil)
	otherUnit := a
	otherUnit.Point = series.New("q", "万吨", 2011, 10, 20)
	otherSeries := a
	otherSeries.Method = "o"
	otherSeries.Point = series.New("aluminium", a.Point.Unit, 2011, 10, 20)
	badLevel := a
	badLevel.Level = 7
	for _, tc := range []struct {
		name    string
		weights []float64
		members []forecast.Forecast
		is      error
	}{
		{name: "none", is: forecast.ErrNoForecasts},
		{name: "empty point", members: []forecast.Forecast{{Method: "e", Level: 0.95}}, is: forecast.ErrMismatch},
		{name: "start", members: []forecast.Forecast{a, later}, is: forecast.ErrMismatch},
		{name: "length", members: []forecast.Forecast{a, shorter}, is: forecast.ErrMismatch},
		{name: "level", members: []forecast.Forecast{a, level}, is: forecast.ErrMismatch},
		{name: "unit", members: []forecast.Forecast{a, otherUnit}, is: forecast.ErrMismatch},
		{name: "series", members: []forecast.Forecast{a, otherSeries}, is: forecast.ErrMismatch},
		{name: "level outside (0, 1)", members: []forecast.Forecast{badLevel, badLevel}, is: forecast.ErrLevel},
		{name: "bound years", members: []forecast.Forecast{a, badBound}, is: forecast.ErrMismatch},
		{name: "inf point", members: []forecast.Forecast{a, infPoint}},
		{name: "inf bound", members: []forecast.Forecast{a, infBound}},
		{name: "all NaN at a year", members: []forecast.Forecast{nanPoint, nanPoint}},
		{name: "NaN where the others have no weight", weights: []float64{0, 1}, members: []forecast.Forecast{a, nanPoint}},
		{name: "weights length", weights: []float64{1}, members: []forecast.Forecast{a, a}, is: forecast.ErrWeights},
		{name: "negative weight", weights: []float64{1, -1}, members: []forecast.Forecast{a, a}, is: forecast.ErrWeights},
		{name: "NaN weight", weights: []float64{1, nan}, members: []forecast.Forecast{a, a}, is: forecast.ErrWeights},
		{name: "Inf weight", weights: []float64{1, inf}, members: []forecast.Forecast{a, a}, is: forecast.ErrWeights},
		{name: "zero sum", weights: []float64{0, 0}, members: []forecast.Forecast{a, a}, is: forecast.ErrWeights},
		{name: "overflowing sum", weights: []float64{math.MaxFloat64, math.MaxFloat64}, members: []forecast.Forecast{a, a}, is: forecast.ErrWeights},
	} {
		_, err := forecast.Combine("", tc.weights, tc.members...)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.is)
		}
	}
}

func TestEqualWeightsPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("EqualWeights(0) did not panic")
		}
	}()
	forecast.EqualWeights(0)
}

func TestInverseMSEWeights(t *testing.T) {
	for _, tc := range []struct {
		mse  []float64
		want []float64
	}{
		// 1/1 : 1/4 = 1 : 0.25 → 0.8, 0.2.
		{mse: []float64{1, 4}, want: []float64{0.8, 0.2}},
		// 1/2 : 1/3 : 1/6 = 3 : 2 : 1 → 1/2, 1/3, 1/6.
		{mse: []float64{2, 3, 6}, want: []float64{0.5, 1.0 / 3, 1.0 / 6}},
		// Zero MSEs share the weight.
		{mse: []float64{0, 2, 0}, want: []float64{0.5, 0, 0.5}},
	} {
		got, err := forecast.InverseMSEWeights(tc.mse...)
		if err != nil {
			t.Errorf("InverseMSEWeights(%v): %v", tc.mse, err)
			continue
		}
		if d := cmp.Diff(tc.want, got, cmpopts.EquateApprox(1e-15, 0)); d != "" {
			t.Errorf("InverseMSEWeights(%v) mismatch (-want +got):\n%s", tc.mse, d)
		}
	}
	for _, mse := range [][]float64{nil, {1, -1}, {1, math.NaN()}, {math.Inf(1)}} {
		if _, err := forecast.InverseMSEWeights(mse...); !errors.Is(err, forecast.ErrWeights) {
			t.Errorf("InverseMSEWeights(%v): error %v, want ErrWeights", mse, err)
		}
	}
}

func TestBacktestWeights(t *testing.T) {
	d, err := forecast.Backtest(drift{}, y, nil, 2, forecast.BacktestSettings{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := forecast.Backtest(naive{}, y, nil, 2, forecast.BacktestSettings{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := forecast.BacktestWeights(d, n)
	if err != nil {
		t.Fatal(err)
	}
	md, mn := d.Measures.RMSE*d.Measures.RMSE, n.Measures.RMSE*n.Measures.RMSE
	want := []float64{(1 / md) / (1/md + 1/mn), (1 / mn) / (1/md + 1/mn)}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Errorf("BacktestWeights mismatch (-want +got):\n%s", d)
	}
	// The drift is far more accurate on this trending series than the naive.
	if !(got[0] > 0.8) {
		t.Errorf("drift weight %v, want > 0.8", got[0])
	}

	if _, err := forecast.BacktestWeights(nil); !errors.Is(err, forecast.ErrWeights) {
		t.Errorf("BacktestWeights(nil): error %v, want ErrWeights", err)
	}
	if _, err := forecast.BacktestWeights(); !errors.Is(err, forecast.ErrWeights) {
		t.Errorf("BacktestWeights(): error %v, want ErrWeights", err)
	}
	h1, err := forecast.Backtest(naive{}, y, nil, 1, forecast.BacktestSettings{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := forecast.BacktestWeights(d, h1); !errors.Is(err, forecast.ErrMismatch) {
		t.Errorf("horizons 2 and 1: error %v, want ErrMismatch", err)
	}
	shifted := *n
	shifted.Origins = append([]forecast.Origin(nil), n.Origins...)
	shifted.Origins[3].Year++
	if _, err := forecast.BacktestWeights(d, &shifted); !errors.Is(err, forecast.ErrMismatch) {
		t.Errorf("shifted origin: error %v, want ErrMismatch", err)
	}
}
