package benchmarks

import (
	"fmt"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/series"
)

// synthJobs returns n jobs of the speed benchmarks' synthetic data (package
// internal/synth): histories of points annual values from synth.Start with
// a linear trend and noise, and a GDP index growing 4–10 % a year over the
// history and the synth.Horizon forecast years.
func synthJobs(n, points int) []forecast.Job {
	src := synth.New(points)
	jobs := make([]forecast.Job, n)
	for i := range jobs {
		q := src.Trend(points)
		g := src.GDP(points + synth.Horizon)
		jobs[i] = forecast.Job{
			History:  series.Series{Name: fmt.Sprintf("s%d", i), Unit: "10kt", Start: synth.Start, Values: q},
			Drivers:  forecast.Drivers{forecast.GDP: series.Series{Name: forecast.GDP, Start: synth.Start, Values: g}},
			Scenario: forecast.Scenario{Horizon: synth.Horizon},
		}
	}
	return jobs
}

// benchPaths runs the sub-benchmarks name/path=fit, which fits m to job's
// history and drivers and forecasts its scenario with a 95 % interval on
// the allocating path (Method.Fit and Model.Forecast), and name/path=refit,
// which does the same on the reusing one (Refit and ForecastTo into a
// reused Forecast).
func benchPaths(b *testing.B, name string, m forecast.Method, job forecast.Job) {
	b.Run(name+"/path=fit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mod, err := m.Fit(job.History, job.Drivers)
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
	b.Run(name+"/path=refit", func(b *testing.B) {
		mod, err := m.Fit(job.History, job.Drivers)
		if err != nil {
			b.Fatal(err)
		}
		rf := mod.(forecast.Refitter)
		var f forecast.Forecast
		if err := rf.ForecastTo(&f, job.Scenario, 0.95); err != nil { // sizes f
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := rf.Refit(job.History, job.Drivers); err != nil {
				b.Fatal(err)
			}
			if err := rf.ForecastTo(&f, job.Scenario, 0.95); err != nil {
				b.Fatal(err)
			}
			sink = f.Upper.Values[synth.Horizon-1]
		}
	})
}

// benchBatch runs the sub-benchmarks prefix+"series=n/workers=max" and
// prefix+"series=n/workers=1", which forecast the n jobs with m through
// forecast.Batch.RunTo into reused results, with all of GOMAXPROCS and
// with one worker, and report series/s. A job that fails fails the
// benchmark.
func benchBatch(b *testing.B, prefix string, m forecast.Method, jobs []forecast.Job) {
	n := len(jobs)
	for _, workers := range []int{0, 1} {
		name := "max"
		if workers == 1 {
			name = "1"
		}
		b.Run(fmt.Sprintf("%sseries=%d/workers=%s", prefix, n, name), func(b *testing.B) {
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
