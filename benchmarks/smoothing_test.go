package benchmarks

import (
	"testing"

	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
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
		job.Drivers = nil
		benchPaths(b, m.Name()+"/n=20", m, job)
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
		benchBatch(b, m.Name()+"/", m, jobs)
	}
}
