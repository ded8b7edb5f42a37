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
// empty (its three series have no values). With Batch.Levels, Forecasts
// holds one forecast per method and level (see Batch.Levels).
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

	// Levels, when it holds any level, replaces Level: every method
	// forecasts each job at each of Levels from one fit, and each Result's
	// Forecasts holds len(Levels) forecasts per method, method by method:
	// Forecasts[k*len(Levels)+l] is that of Methods[k] at Levels[l]. Errs
	// still holds one error per method, for its fit or any of its
	// forecasts. Levels must be in (0, 1), as Model.Forecast checks.
	Levels []float64

	// Progress, when not nil, is called after each chunk of jobs with the
	// number of jobs done so far and the number of jobs, from the worker
	// goroutines but never by two at once.
	Progress func(done, total int)

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
	levels := b.Levels
	if len(levels) == 0 {
		level := b.Level
		if level == 0 {
			level = DefaultLevel
		}
		levels = []float64{level}
	}
	var progress func(int)
	if b.Progress != nil {
		var mu sync.Mutex
		done := 0
		progress = func(k int) {
			mu.Lock()
			defer mu.Unlock()
			done += k
			b.Progress(done, n)
		}
	}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, (n+chunk-1)/chunk)
	if workers <= 1 {
		w := newWorker(b.Methods, levels)
		for lo := 0; lo < n; lo += chunk {
			hi := min(lo+chunk, n)
			w.run(dst, jobs, lo, hi)
			if progress != nil {
				progress(hi - lo)
			}
		}
		return dst
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := newWorker(b.Methods, levels)
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				hi := min(lo+chunk, n)
				w.run(dst, jobs, lo, hi)
				if progress != nil {
					progress(hi - lo)
				}
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
	levels  []float64
}

func newWorker(methods []Method, levels []float64) *worker {
	return &worker{methods: methods, models: make([]Refitter, len(methods)), levels: levels}
}

// run processes jobs[lo:hi] into dst[lo:hi].
func (w *worker) run(dst []Result, jobs []Job, lo, hi int) {
	k, nl := len(w.methods), len(w.levels)
	for i := lo; i < hi; i++ {
		r := &dst[i]
		if cap(r.Forecasts) < k*nl {
			r.Forecasts = make([]Forecast, k*nl)
		}
		if cap(r.Errs) < k {
			r.Errs = make([]error, k)
		}
		r.Forecasts, r.Errs = r.Forecasts[:k*nl], r.Errs[:k]
		for j, m := range w.methods {
			fs := r.Forecasts[j*nl : (j+1)*nl]
			err := w.one(j, m, &jobs[i], fs)
			if err != nil {
				for l := range fs {
					f := &fs[l]
					f.Point.Values, f.Lower.Values, f.Upper.Values = f.Point.Values[:0], f.Lower.Values[:0], f.Upper.Values[:0]
				}
				err = fmt.Errorf("forecast: batch job %d (%s), method %s: %w", i, jobLabel(jobs[i].History), m.Name(), err)
			}
			r.Errs[j] = err
		}
	}
}

// one fits job with method j and forecasts it at each level, into fs.
func (w *worker) one(j int, m Method, job *Job, fs []Forecast) (err error) {
	defer func() {
		if p := recover(); p != nil {
			w.models[j] = nil // its state is unknown
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	rf := w.models[j]
	if rf != nil {
		if err := rf.Refit(job.History, job.Drivers); err != nil {
			return err
		}
	} else {
		mod, err := m.Fit(job.History, job.Drivers)
		if err != nil {
			return err
		}
		var ok bool
		if rf, ok = mod.(Refitter); ok {
			w.models[j] = rf
		} else {
			for l, level := range w.levels {
				fc, err := mod.Forecast(job.Scenario, level)
				if err != nil {
					return err
				}
				fs[l] = fc
			}
			return nil
		}
	}
	for l, level := range w.levels {
		if err := rf.ForecastTo(&fs[l], job.Scenario, level); err != nil {
			return err
		}
	}
	return nil
}

func jobLabel(h series.Series) string {
	if h.Name == "" {
		return "unnamed series"
	}
	return fmt.Sprintf("%q", h.Name)
}
