package benchmarks

import (
	"fmt"
	"os"
	"testing"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
	"github.com/nonferrous/demand/theta"
)

// univariate are the methods demand evaluate runs without drivers, less
// their calibrated variants: the baselines, exponential smoothing, Theta,
// the trends plain and anchored, and the default combination.
func univariate() []forecast.Method {
	return []forecast.Method{
		baseline.Naive{}, baseline.Drift{}, baseline.Mean{}, ets.Auto{}, theta.Method{},
		regression.Method{Spec: regression.Linear}, regression.Method{Spec: regression.LogLinear},
		regression.Method{Spec: regression.Linear, Anchor: true}, regression.Method{Spec: regression.LogLinear, Anchor: true},
		methods.Combination(),
	}
}

// calibrated returns univariate's methods, each wrapped in
// forecast.Calibrated: the calibrated rows of demand evaluate.
func calibrated() []forecast.Method {
	var ms []forecast.Method
	for _, m := range univariate() {
		ms = append(ms, forecast.Calibrated(m, forecast.CalibrationSettings{}))
	}
	return ms
}

// benchEvaluate times the held-out evaluation of the univariate methods on
// data, 6 years held out at 80 and 95 %, and reports series/s; with
// calibrated, of their calibrated variants.
func benchEvaluate(b *testing.B, data []forecast.EvalSeries, cal bool) {
	ms := univariate()
	if cal {
		ms = calibrated()
	}
	e := forecast.Evaluation{Methods: ms, Holdout: 6}
	b.ReportAllocs()
	for b.Loop() {
		r, err := e.Run(data)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Errors) != 0 {
			b.Fatalf("%d errors, the first %v", len(r.Errors), r.Errors[0])
		}
		sink = r.Summary[0].Pooled.MASE
	}
	b.ReportMetric(float64(len(data))*float64(b.N)/b.Elapsed().Seconds(), "series/s")
}

// BenchmarkEvaluateM1 evaluates every univariate method on the 181 yearly
// series of the M1 competition, read from the long CSV file named by the
// environment variable DEMAND_M1 (the benchmark is skipped without it).
func BenchmarkEvaluateM1(b *testing.B) {
	name := os.Getenv("DEMAND_M1")
	if name == "" {
		b.Skip("DEMAND_M1 names no M1 file")
	}
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	ss, err := series.ReadAnyCSV(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	data := make([]forecast.EvalSeries, len(ss))
	for i, s := range ss {
		data[i] = forecast.EvalSeries{History: s}
	}
	b.Run("methods=plain", func(b *testing.B) { benchEvaluate(b, data, false) })
	b.Run("methods=calibrated", func(b *testing.B) { benchEvaluate(b, data, true) })
}

// BenchmarkEvaluateM1Shape is BenchmarkEvaluateM1 on synthetic data of
// the same shape: 181 positive trending series of 15 to 58 years.
func BenchmarkEvaluateM1Shape(b *testing.B) {
	src := synth.New(181)
	data := make([]forecast.EvalSeries, 181)
	for i := range data {
		n := 15 + i*43/180
		data[i] = forecast.EvalSeries{History: series.Series{Name: fmt.Sprintf("s%d", i), Start: synth.Start, Values: src.Trend(n)}}
	}
	benchEvaluate(b, data, false)
}
