package benchmarks

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"testing"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/regression"
)

var sink float64

// speedMethods are the methods timed one series at a time: the regression
// default (Q on GDP), the linear trend, the point elasticity (which, unlike
// the arc elasticity, fits every point) and the intensity log trend.
func speedMethods() []forecast.Method {
	return []forecast.Method{
		regression.Method{},
		regression.Method{Spec: regression.Linear},
		&elasticity.Method{Estimator: elasticity.Point},
		intensity.Method{},
	}
}

// BenchmarkSingle fits one series of n annual points and forecasts five
// years with a 95 % interval, on the allocating path (path=fit: Method.Fit
// and Model.Forecast) and on the reusing one (path=refit: Refit and
// ForecastTo into a reused Forecast, 0 allocs/op).
func BenchmarkSingle(b *testing.B) {
	for _, m := range speedMethods() {
		for _, n := range []int{10, 20, 50, 200} {
			benchPaths(b, fmt.Sprintf("%s/n=%d", m.Name(), n), m, synthJobs(1, n)[0])
		}
	}
}

// batchSizes are the batch sizes; a 10⁵ batch of the linear trend takes a
// few tens of milliseconds.
var batchSizes = []int{1e4, 1e5}

// BenchmarkBatch forecasts batches of synthetic 20-point series with the
// linear trend and a 95 % interval through forecast.Batch.RunTo into
// reused results, with all of GOMAXPROCS (workers=max) and with one
// worker, and reports series/s.
func BenchmarkBatch(b *testing.B) {
	for _, n := range batchSizes {
		benchBatch(b, "", regression.Method{Spec: regression.Linear}, synthJobs(n, 20))
	}
}

// BenchmarkLimit is the closed-form lower bound for BenchmarkBatch: the
// linear trend and its 95 % interval in a tight loop with the t quantile
// computed once, no checks, no missing years, over the same series, split
// evenly over GOMAXPROCS goroutines (workers=max) or in one (workers=1).
func BenchmarkLimit(b *testing.B) {
	q := lsq.TQuantile(0.95, 18)
	for _, n := range batchSizes {
		jobs := synthJobs(n, 20)
		out := make([][3][synth.Horizon]float64, n)
		for _, workers := range []int{runtime.GOMAXPROCS(0), 1} {
			name := "max"
			if workers == 1 {
				name = "1"
			}
			b.Run(fmt.Sprintf("series=%d/workers=%s", n, name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var wg sync.WaitGroup
					per := (n + workers - 1) / workers
					for lo := 0; lo < n; lo += per {
						hi := min(lo+per, n)
						wg.Go(func() {
							for i := lo; i < hi; i++ {
								o := &out[i]
								synth.TrendTo(o[0][:], o[1][:], o[2][:], synth.Start, jobs[i].History.Values, q)
							}
						})
					}
					wg.Wait()
				}
				sink = out[n-1][2][synth.Horizon-1]
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "series/s")
			})
		}
	}
}

// TestLimitMatchesBatch checks that the bound computes what the batch
// does, to 1e-12, so that the two time the same work.
func TestLimitMatchesBatch(t *testing.T) {
	jobs := synthJobs(500, 20)
	res := forecast.Batch{Methods: []forecast.Method{regression.Method{Spec: regression.Linear}}}.Run(jobs)
	q := lsq.TQuantile(0.95, 18)
	var o [3][synth.Horizon]float64
	for i, j := range jobs {
		synth.TrendTo(o[0][:], o[1][:], o[2][:], synth.Start, j.History.Values, q)
		f := res[i].Forecasts[0]
		for k, got := range [3][]float64{f.Point.Values, f.Lower.Values, f.Upper.Values} {
			for y := range synth.Horizon {
				if w := o[k][y]; math.Abs(got[y]-w) > 1e-12*math.Abs(w) {
					t.Fatalf("job %d, series %d, year %d: batch %.17g, bound %.17g", i, k, y, got[y], w)
				}
			}
		}
	}
}
