package forecast

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/nonferrous/demand/series"
)

// Job is one series of a batch: its history, the drivers observed with it
// and the scenario to forecast it under.
type Job struct {
	History  series.Series
	Drivers  Drivers
	Scenario Scenario
}

// Result is the outcome of one Job: Forecasts[k] and Errs[k] belong to
// Methods[k] of the Batch. Where Errs[k] is not nil, Forecasts[k] is
// empty (its three series have no values).
type Result struct {
	Forecasts []Forecast
	Errs      []error
}

// Batch fits and forecasts many series with a set of methods in parallel.
// The zero value of each setting is its documented default.
//
// Each worker goroutine keeps, for each method, one model that implements
// Refitter (the first such model Fit returns) and refits it for every
// later series, so that a batch of methods that support Refitter
// allocates nothing per series in the steady state (RunTo with reused
// results). Methods whose models are not Refitters are fit anew for every
// series. Results do not depend on the number of workers or on scheduling:
// Refitter's contract makes a refit model equal to a fresh one bit for bit.
type Batch struct {
	// Methods are the methods applied to every job, in the order of each
	// Result's Forecasts and Errs. Each must be safe for concurrent Fit, as
	// forecast.Method requires.
	Methods []Method

	// Level is the level of the prediction intervals; 0 means 0.95.
	Level float64

	// Workers is the number of goroutines; 0 or less means
	// runtime.GOMAXPROCS(0). Fewer are used when there are fewer jobs.
	Workers int
}

// chunk is the number of consecutive jobs a worker takes at a time.
const chunk = 64

// Run fits and forecasts every job with every method and returns the
// results in the order of jobs. A job that a method cannot fit or forecast
// gets an error in its Result, wrapped with the job's index, its history's
// name and the method's name; the other jobs are unaffected. A panic in a
// method is recovered and reported as that job's error in the same way.
func (b Batch) Run(jobs []Job) []Result { return b.RunTo(nil, jobs) }

// RunTo is Run writing into dst, which it returns resized to len(jobs). It
// reuses the Forecasts and Errs slices of dst's Results, and the Values of
// their forecasts, where their capacity suffices: a caller who runs batch
// after batch of same-sized series through RunTo with the previous results
// allocates nothing per series once they have grown to size.
func (b Batch) RunTo(dst []Result, jobs []Job) []Result {
	n := len(jobs)
	if cap(dst) < n {
		d := make([]Result, n)
		copy(d, dst[:cap(dst)])
		dst = d
	}
	dst = dst[:n]
	level := b.Level
	if level == 0 {
		level = DefaultLevel
	}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, (n+chunk-1)/chunk)
	if workers <= 1 {
		newWorker(b.Methods, level).run(dst, jobs, 0, n)
		return dst
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := newWorker(b.Methods, level)
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				w.run(dst, jobs, lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
	return dst
}

// worker holds one goroutine's reusable models.
type worker struct {
	methods []Method
	models  []Refitter // per method; nil until a Refitter has been fit
	level   float64
}

func newWorker(methods []Method, level float64) *worker {
	return &worker{methods: methods, models: make([]Refitter, len(methods)), level: level}
}

// run processes jobs[lo:hi] into dst[lo:hi].
func (w *worker) run(dst []Result, jobs []Job, lo, hi int) {
	k := len(w.methods)
	for i := lo; i < hi; i++ {
		r := &dst[i]
		if cap(r.Forecasts) < k {
			r.Forecasts = make([]Forecast, k)
		}
		if cap(r.Errs) < k {
			r.Errs = make([]error, k)
		}
		r.Forecasts, r.Errs = r.Forecasts[:k], r.Errs[:k]
		for j, m := range w.methods {
			f := &r.Forecasts[j]
			err := w.one(j, m, &jobs[i], f)
			if err != nil {
				f.Point.Values, f.Lower.Values, f.Upper.Values = f.Point.Values[:0], f.Lower.Values[:0], f.Upper.Values[:0]
				err = fmt.Errorf("forecast: batch job %d (%s), method %s: %w", i, jobLabel(jobs[i].History), m.Name(), err)
			}
			r.Errs[j] = err
		}
	}
}

// one fits and forecasts job with method j into f.
func (w *worker) one(j int, m Method, job *Job, f *Forecast) (err error) {
	defer func() {
		if p := recover(); p != nil {
			w.models[j] = nil // its state is unknown
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	if rf := w.models[j]; rf != nil {
		if err := rf.Refit(job.History, job.Drivers); err != nil {
			return err
		}
		return rf.ForecastTo(f, job.Scenario, w.level)
	}
	mod, err := m.Fit(job.History, job.Drivers)
	if err != nil {
		return err
	}
	if rf, ok := mod.(Refitter); ok {
		w.models[j] = rf
		return rf.ForecastTo(f, job.Scenario, w.level)
	}
	fc, err := mod.Forecast(job.Scenario, w.level)
	if err != nil {
		return err
	}
	*f = fc
	return nil
}

func jobLabel(h series.Series) string {
	if h.Name == "" {
		return "unnamed series"
	}
	return fmt.Sprintf("%q", h.Name)
}
