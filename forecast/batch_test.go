package forecast_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// batchJobs returns n jobs of varying length, some with missing years,
// all with a GDP driver covering history and forecast years.
func batchJobs(n int, gaps bool) []forecast.Job {
	jobs := make([]forecast.Job, n)
	for i := range jobs {
		start, length := 1990+i%7, 8+i%13
		q := make([]float64, length)
		g := make([]float64, length+5)
		g[0] = 100
		for k := 1; k < len(g); k++ {
			g[k] = g[k-1] * (1.05 + 0.01*math.Sin(float64(i+k)))
		}
		for k := range q {
			q[k] = 50 + float64(i%11) + 3*float64(k) + 2*math.Sin(0.7*float64(i*k+1))
		}
		if gaps && i%5 == 0 {
			q[length/2] = math.NaN()
		}
		jobs[i] = forecast.Job{
			History:  series.Series{Name: fmt.Sprintf("s%d", i), Unit: "t", Start: start, Values: q},
			Drivers:  forecast.Drivers{forecast.GDP: series.Series{Name: "gdp", Start: start, Values: g}},
			Scenario: forecast.Scenario{Horizon: 5},
		}
	}
	return jobs
}

// panicky panics on the history named "boom" and is the drift method
// otherwise.
type panicky struct{ drift }

func (p panicky) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	if h.Name == "boom" {
		panic("boom")
	}
	return p.drift.Fit(h, d)
}

func batchMethods() []forecast.Method {
	return []forecast.Method{
		regression.Method{Spec: regression.Linear},
		regression.Method{},
		&elasticity.Method{Estimator: elasticity.Point},
		intensity.Method{},
		drift{}, // not a Refitter
	}
}

// TestBatchMatchesSequential checks that the batch gives, in input order,
// exactly the sequential Fit and Forecast of every job with every method,
// whatever the number of workers.
func TestBatchMatchesSequential(t *testing.T) {
	// The drift method refuses the histories with gaps: those errors too
	// must come out as in the sequential loop.
	jobs := batchJobs(300, true)
	methods := batchMethods()
	want := make([]forecast.Result, len(jobs))
	nerr := 0
	for i, j := range jobs {
		want[i] = forecast.Result{Forecasts: make([]forecast.Forecast, len(methods)), Errs: make([]error, len(methods))}
		for k, m := range methods {
			mod, err := m.Fit(j.History, j.Drivers)
			if err == nil {
				want[i].Forecasts[k], err = mod.Forecast(j.Scenario, 0.9)
			}
			if err != nil {
				if k != len(methods)-1 {
					t.Fatalf("job %d, %s: %v", i, m.Name(), err)
				}
				nerr++
				want[i].Errs[k] = err
			}
		}
	}
	if nerr != 60 {
		t.Fatalf("%d sequential errors, want 60", nerr)
	}
	var reused []forecast.Result
	for _, workers := range []int{1, 2, 3, 8, 0} {
		b := forecast.Batch{Methods: methods, Level: 0.9, Workers: workers}
		got := b.Run(jobs)
		if diff := resultsDiff(want, got); diff != "" {
			t.Errorf("workers %d: batch differs from sequential: %s", workers, diff)
		}
		reused = b.RunTo(reused, jobs)
		if diff := resultsDiff(want, reused); diff != "" {
			t.Errorf("workers %d: RunTo into reused results differs from sequential: %s", workers, diff)
		}
	}
	if got := (forecast.Batch{Methods: methods}).Run(nil); len(got) != 0 {
		t.Errorf("Run(nil) = %v, want no results", got)
	}
}

// resultsDiff describes the first difference between batch results got
// and the sequential want: forecasts must be equal bit for bit (NaN equal
// to NaN), a failed forecast empty, and a batch error must end with the
// sequential one (it wraps it with the job and method).
func resultsDiff(want, got []forecast.Result) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d results, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if len(g.Forecasts) != len(w.Forecasts) || len(g.Errs) != len(w.Errs) {
			return fmt.Sprintf("job %d: %d forecasts and %d errors, want %d", i, len(g.Forecasts), len(g.Errs), len(w.Forecasts))
		}
		for k := range w.Errs {
			we, ge := w.Errs[k], g.Errs[k]
			if (we == nil) != (ge == nil) || we != nil && !strings.HasSuffix(ge.Error(), we.Error()) {
				return fmt.Sprintf("job %d, method %d: error %v, want %v", i, k, ge, we)
			}
			if we != nil {
				if n := len(g.Forecasts[k].Point.Values); n != 0 {
					return fmt.Sprintf("job %d, method %d: failed forecast has %d values", i, k, n)
				}
				continue
			}
			if diff := cmp.Diff(w.Forecasts[k], g.Forecasts[k], cmpopts.EquateNaNs()); diff != "" {
				return fmt.Sprintf("job %d, method %d (-want +got):\n%s", i, k, diff)
			}
		}
	}
	return ""
}

// TestBatchErrors checks that bad series get their own errors, wrapped
// with the job, and leave the others untouched; a panic is one of them.
func TestBatchErrors(t *testing.T) {
	jobs := batchJobs(300, false)
	bad := map[int]error{
		3:   series.ErrEmpty,
		64:  forecast.ErrNotFinite,
		65:  nil, // the last year missing
		130: forecast.ErrMissingDriver,
		299: nil, // a panic
	}
	jobs[3].History = series.Series{Name: "empty"}
	jobs[64].History.Values[1] = math.Inf(1)
	jobs[65].History.Values[len(jobs[65].History.Values)-1] = math.NaN()
	jobs[130].Drivers = nil
	jobs[299].History.Name = "boom"
	methods := []forecast.Method{regression.Method{Spec: regression.Linear}, regression.Method{}, panicky{}}
	for _, workers := range []int{1, 4} {
		res := forecast.Batch{Methods: methods, Workers: workers}.Run(jobs)
		for i, r := range res {
			for k, err := range r.Errs {
				_, isBad := bad[i]
				switch {
				case i == 299:
					isBad = k == 2 // only the panicky method fails
				case k == 0 && i == 130, k == 2 && i != 3 && i != 64 && i != 65:
					isBad = false // Linear and drift need no driver
				}
				if (err != nil) != isBad {
					t.Errorf("workers %d, job %d, %s: error %v, want error %t", workers, i, methods[k].Name(), err, isBad)
					continue
				}
				if err == nil {
					if r.Forecasts[k].Level != 0.95 || len(r.Forecasts[k].Point.Values) != 5 {
						t.Errorf("workers %d, job %d, %s: forecast %+v, want 5 years at the default level 0.95", workers, i, methods[k].Name(), r.Forecasts[k])
					}
					continue
				}
				if !strings.Contains(err.Error(), fmt.Sprintf("job %d ", i)) || !strings.Contains(err.Error(), methods[k].Name()) {
					t.Errorf("job %d: error %q does not name the job and method", i, err)
				}
				if want := bad[i]; want != nil && k < 2 && !errors.Is(err, want) {
					t.Errorf("job %d, %s: error %v, want one wrapping %v", i, methods[k].Name(), err, want)
				}
				if i == 299 && k == 2 && !strings.Contains(err.Error(), "panic: boom") {
					t.Errorf("job 299: error %v, want the recovered panic", err)
				}
				if n := len(r.Forecasts[k].Point.Values); n != 0 {
					t.Errorf("job %d, %s: failed forecast has %d values, want none", i, methods[k].Name(), n)
				}
			}
		}
	}
}

// TestBatchAllocs checks that RunTo into reused results allocates nothing
// per series with Refitter methods: a batch's few allocations (workers,
// goroutines) do not grow with the number of jobs.
func TestBatchAllocs(t *testing.T) {
	methods := batchMethods()[:4]
	for _, workers := range []int{1, 2} {
		b := forecast.Batch{Methods: methods, Workers: workers}
		jobs := batchJobs(2000, true)
		res := b.Run(jobs)
		allocs := testing.AllocsPerRun(2, func() { res = b.RunTo(res, jobs) })
		// Each worker's first Fit of each method allocates its model, a few
		// dozen allocations; one allocation per series would make 2000.
		if allocs > float64(100*workers) {
			t.Errorf("workers %d: RunTo of 2000 jobs allocates %v times, want at most %d", workers, allocs, 100*workers)
		}
	}
}

// TestBatchLevels checks that Batch.Levels gives, from one fit, each
// method's forecast at each level, laid out method by method, equal to the
// sequential Fit and Forecast at that level, for every number of workers;
// and that Progress counts the jobs up to their number.
func TestBatchLevels(t *testing.T) {
	jobs := batchJobs(150, true)
	methods := batchMethods()
	levels := []float64{0.5, 0.8, 0.95}
	nl := len(levels)
	for _, workers := range []int{1, 3, 0} {
		var mu sync.Mutex
		var calls []int
		b := forecast.Batch{Methods: methods, Levels: levels, Level: 0.6, Workers: workers,
			Progress: func(done, total int) {
				mu.Lock()
				defer mu.Unlock()
				if total != len(jobs) {
					t.Errorf("Progress total %d, want %d", total, len(jobs))
				}
				calls = append(calls, done)
			}}
		got := b.Run(jobs)
		for i, j := range jobs {
			if len(got[i].Forecasts) != len(methods)*nl || len(got[i].Errs) != len(methods) {
				t.Fatalf("job %d: %d forecasts, %d errors", i, len(got[i].Forecasts), len(got[i].Errs))
			}
			for k, m := range methods {
				mod, err := m.Fit(j.History, j.Drivers)
				if (err != nil) != (got[i].Errs[k] != nil) {
					t.Fatalf("job %d, %s: error %v, batch %v", i, m.Name(), err, got[i].Errs[k])
				}
				if err != nil {
					continue
				}
				for l, level := range levels {
					want, err := mod.Forecast(j.Scenario, level)
					if err != nil {
						t.Fatal(err)
					}
					if d := cmp.Diff(want, got[i].Forecasts[k*nl+l], cmpopts.EquateNaNs()); d != "" {
						t.Fatalf("workers %d, job %d, %s at %v (-want +got):\n%s", workers, i, m.Name(), level, d)
					}
				}
			}
		}
		// 150 jobs are three chunks of 64, 64 and 22.
		if len(calls) != 3 || !slices.IsSorted(calls) || calls[2] != len(jobs) {
			t.Errorf("workers %d: Progress called with %v", workers, calls)
		}
	}
}
