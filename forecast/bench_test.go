package forecast_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func BenchmarkCombine(b *testing.B) {
	members := make([]forecast.Forecast, 4)
	for i := range members {
		members[i] = fc(fmt.Sprintf("m%d", i), []float64{10, 20, 30, 40, 50}, []float64{8, 16, 24, 32, 40}, []float64{12, 24, 36, 48, 60})
	}
	w := []float64{1, 2, 3, 4}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := forecast.Combine("", w, members...); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAccuracy(b *testing.B) {
	train, _ := y.Window(2000, 2009)
	test, _ := y.Window(2010, 2014)
	pred := series.New("f", "", 2010, 21.5, 22.7, 23.8, 24.9, 26.1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := forecast.Accuracy(test, pred, train); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBacktest(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := forecast.Backtest(drift{}, y, nil, 5, forecast.BacktestSettings{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCalibratedFit fits calibrated drift to a 40-year series: 37
// rolling origins, a Refitter model reused across them.
func BenchmarkCalibratedFit(b *testing.B) {
	v := make([]float64, 40)
	for i := range v {
		v[i] = 100 * math.Pow(1.04, float64(i)) * (1 + 0.03*math.Sin(1.7*float64(i)))
	}
	h := series.New("q", "kt", 1980, v...)
	m := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Fit(h, nil); err != nil {
			b.Fatal(err)
		}
	}
}
