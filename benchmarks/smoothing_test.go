package benchmarks

import (
	"fmt"
	"testing"

	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/theta"
)

// smoothingMethods are the exponential smoothing methods timed per series:
// ets.Auto (all six models fitted by Nelder–Mead, then selection by AICc),
// the damped trend alone, and Theta.
func smoothingMethods() []forecast.Method {
	return []forecast.Method{ets.Auto{}, ets.Method{Spec: ets.AAdN}, theta.Method{}}
}

// BenchmarkSmoothing fits one synthetic series of 20 points and forecasts
// five years with a 95 % interval, on the allocating path (path=fit) and
// on the reusing one (path=refit: Refit and ForecastTo, 0 allocs/op).
func BenchmarkSmoothing(b *testing.B) {
	for _, m := range smoothingMethods() {
		job := synthJobs(1, 20)[0]
		b.Run(fmt.Sprintf("%s/n=20/path=fit", m.Name()), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				mod, err := m.Fit(job.History, nil)
				if err != nil {
					b.Fatal(err)
				}
				f, err := mod.Forecast(job.Scenario, 0.95)
				if err != nil {
					b.Fatal(err)
				}
				sink = f.Upper.Values[synth.Horizon-1]
			}
		})
		b.Run(fmt.Sprintf("%s/n=20/path=refit", m.Name()), func(b *testing.B) {
			mod, err := m.Fit(job.History, nil)
			if err != nil {
				b.Fatal(err)
			}
			rf := mod.(forecast.Refitter)
			var f forecast.Forecast
			if err := rf.ForecastTo(&f, job.Scenario, 0.95); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := rf.Refit(job.History, nil); err != nil {
					b.Fatal(err)
				}
				if err := rf.ForecastTo(&f, job.Scenario, 0.95); err != nil {
					b.Fatal(err)
				}
				sink = f.Upper.Values[synth.Horizon-1]
			}
		})
	}
}

// BenchmarkSmoothingBatch forecasts 1000 synthetic 20-point series with
// ets.Auto and with Theta through forecast.Batch.RunTo into reused results
// (one worker and all of GOMAXPROCS) and reports series/s.
func BenchmarkSmoothingBatch(b *testing.B) {
	const n = 1000
	jobs := synthJobs(n, 20)
	for i := range jobs {
		jobs[i].Drivers = nil
	}
	for _, m := range []forecast.Method{ets.Auto{}, theta.Method{}} {
		for _, workers := range []int{0, 1} {
			name := "max"
			if workers == 1 {
				name = "1"
			}
			b.Run(fmt.Sprintf("%s/series=%d/workers=%s", m.Name(), n, name), func(b *testing.B) {
				batch := forecast.Batch{Methods: []forecast.Method{m}, Workers: workers}
				res := batch.Run(jobs)
				for i, r := range res {
					if r.Errs[0] != nil {
						b.Fatalf("job %d: %v", i, r.Errs[0])
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					res = batch.RunTo(res, jobs)
				}
				sink = res[n-1].Forecasts[0].Upper.Values[synth.Horizon-1]
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "series/s")
			})
		}
	}
}
