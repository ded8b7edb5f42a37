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

// y is the test series shared with R: y <- ts(c(...), start = 2000).
var y = series.New("y", "", 2000,
	10.2, 11.5, 12.1, 13.8, 14.2, 15.9, 17.3, 17.1, 18.6, 20.4,
	21.0, 22.9, 23.5, 25.8, 26.1)

func TestAccuracyR(t *testing.T) {
	train, _ := y.Window(2000, 2009)
	test, _ := y.Window(2010, 2014)
	// The drift forecast of rwf: 20.4 + k (20.4 − 10.2)/9, k = 1 … 5.
	pred := series.Series{Start: 2010, Values: make([]float64, 5)}
	for k := range pred.Values {
		pred.Values[k] = 20.4 + float64(k+1)*(20.4-10.2)/9
	}
	got, err := forecast.Accuracy(test, pred, train)
	if err != nil {
		t.Fatal(err)
	}
	// Values from R 4.x, forecast package:
	//  y <- ts(c(10.2,11.5,12.1,13.8,14.2,15.9,17.3,17.1,18.6,20.4,21.0,22.9,23.5,25.8,26.1), start=2000)
	//  fit <- rwf(window(y, end=2009), h=5, drift=TRUE)
	//  print(accuracy(fit, window(y, start=2010)), digits=15)   # Test set row
	//  e <- window(y, start=2010) - fit$mean
	//  print(mean(200*abs(e)/(abs(window(y, start=2010))+abs(fit$mean))), digits=15)  # sMAPE
	want := forecast.Measures{
		N:     5,
		ME:    6.00000000000030e-02,
		RMSE:  0.486026976846165,
		MAE:   0.393333333333334,
		MPE:   0.137906323210603,
		MAPE:  1.66441763695595,
		MASE:  0.333962264150944,
		SMAPE: 1.66896581516942,
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-10, 0)); d != "" {
		t.Errorf("Accuracy mismatch (-want +got):\n%s", d)
	}
	if mse := got.MSE(); math.Abs(mse-want.RMSE*want.RMSE) > 1e-10 {
		t.Errorf("MSE = %v, want %v", mse, want.RMSE*want.RMSE)
	}
}

func TestAccuracyHand(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name                string
		actual, pred, train series.Series
		want                forecast.Measures
	}{
		{
			// Common years 2011–2012 (2013 is missing in actual, 2010 not predicted).
			// e = 4−2 = 2, 6−8 = −2. Training 1, 2, NaN, 5, 3: the pairs (1,2),
			// (5,3) give Q = (1+2)/2 = 1.5.
			// ME 0, MAE 2, RMSE 2, MPE (50 − 33.3̅)/2, MAPE (50 + 33.3̅)/2,
			// sMAPE (200·2/6 + 200·2/14)/2, MASE 2/1.5.
			name:   "gaps",
			actual: series.New("a", "", 2010, 9, 4, 6, nan),
			pred:   series.New("f", "", 2011, 2, 8, 7),
			train:  series.New("x", "", 2005, 1, 2, nan, 5, 3),
			want: forecast.Measures{N: 2, ME: 0, MAE: 2, RMSE: 2,
				MPE: (50 - 100.0/3) / 2, MAPE: (50 + 100.0/3) / 2,
				SMAPE: (400.0/6 + 400.0/14) / 2, MASE: 2 / 1.5},
		},
		{
			// A zero actual with a nonzero error: MPE, MAPE infinite, as in R.
			// e = 0−1 = −1, 2−2 = 0. sMAPE = (200·1/1 + 0)/2 = 100.
			// Empty training: MASE NaN.
			name:   "zero actual",
			actual: series.New("a", "", 2000, 0, 2),
			pred:   series.New("f", "", 2000, 1, 2),
			want:   forecast.Measures{N: 2, ME: -0.5, MAE: 0.5, RMSE: math.Sqrt(0.5), MPE: -inf, MAPE: inf, SMAPE: 100, MASE: nan},
		},
		{
			// A zero actual forecast exactly: 0/0 makes MPE, MAPE and sMAPE NaN.
			// Constant training: Q = 0, and the zero error gives 0/0, MASE NaN.
			name:   "zero actual and forecast",
			actual: series.New("a", "", 2000, 0, 2),
			pred:   series.New("f", "", 2000, 0, 1),
			train:  series.New("x", "", 1990, 3, 3),
			want:   forecast.Measures{N: 2, ME: 0.5, MAE: 0.5, RMSE: math.Sqrt(0.5), MPE: nan, MAPE: nan, SMAPE: nan, MASE: nan},
		},
		{
			// Constant training, Q = 0: MASE = 1/0 = +Inf. e = 1, 100 e/y = 50,
			// sMAPE = 200·1/3.
			name:   "constant training",
			actual: series.New("a", "", 2000, 2),
			pred:   series.New("f", "", 2000, 1),
			train:  series.New("x", "", 1990, 3, 3),
			want:   forecast.Measures{N: 1, ME: 1, MAE: 1, RMSE: 1, MPE: 50, MAPE: 50, SMAPE: 200.0 / 3, MASE: inf},
		},
	} {
		got, err := forecast.Accuracy(tc.actual, tc.pred, tc.train)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d := cmp.Diff(tc.want, got, cmpopts.EquateApprox(1e-12, 1e-15), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: Accuracy mismatch (-want +got):\n%s", tc.name, d)
		}
	}
}

func TestAccuracyErrors(t *testing.T) {
	nan := math.NaN()
	a := series.New("a", "", 2000, 1, 2, 3)
	for _, tc := range []struct {
		name                string
		actual, pred, train series.Series
		is                  error
	}{
		{name: "disjoint", actual: a, pred: series.New("f", "", 2003, 1), is: forecast.ErrNoOverlap},
		{name: "no common observed", actual: a, pred: series.New("f", "", 2000, nan, nan, nan), is: forecast.ErrNoOverlap},
		{name: "empty", actual: series.Series{}, pred: a, is: forecast.ErrNoOverlap},
		{name: "inf actual", actual: series.New("a", "", 2000, 1, math.Inf(1)), pred: a},
		{name: "inf predicted", actual: a, pred: series.New("f", "", 2000, math.Inf(-1))},
		{name: "inf training", actual: a, pred: a, train: series.New("x", "", 1990, 1, math.Inf(1))},
	} {
		_, err := forecast.Accuracy(tc.actual, tc.pred, tc.train)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.is)
		}
		var fe *forecast.Error
		if tc.is == nil && (!errors.Is(err, forecast.ErrNotFinite) || !errors.As(err, &fe) || fe.Year == 0 || strings.Count(err.Error(), "accuracy") != 1) {
			t.Errorf("%s: error %v is not a *forecast.Error wrapping ErrNotFinite at a year, naming accuracy once", tc.name, err)
		}
	}
}
