package lsq_test

import (
	"math"
	"sync"
	"testing"

	"github.com/nonferrous/demand/lsq"
)

// concurrentLevels are two interval levels with different t quantiles:
// a lsq.Line that kept the quantile of the last level it was asked for would
// give one level the other's interval when called concurrently. (The
// Models' Forecast and ForecastTo are checked in the same way by the
// forecasttest kit in TestConformance.)
var concurrentLevels = [2]float64{0.95, 0.5}

const (
	concurrentGoroutines = 8
	concurrentRounds     = 200
)

// runConcurrently calls do(g, level) concurrentRounds times from each of
// concurrentGoroutines goroutines, goroutine g at level
// concurrentLevels[g%2], with nothing ordering the calls of one goroutine
// against another's: under -race, a write one of them makes to shared
// state is reported whether or not the calls happen to overlap in time.
func runConcurrently(do func(g int, level float64)) {
	var wg sync.WaitGroup
	for g := range concurrentGoroutines {
		wg.Go(func() {
			for range concurrentRounds {
				do(g, concurrentLevels[g%2])
			}
		})
	}
	wg.Wait()
}

// TestLinePredictConcurrent calls Predict, PredictTo and TrendTo of one
// lsq.Line at two levels from several goroutines at once and checks every
// result against the one a lone call gives, bit for bit. Run with -race,
// it also checks that they do not write to the Line.
func TestLinePredictConcurrent(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8}
	y := []float64{1.2, 1.9, 3.4, 3.9, 5.3, 5.8, 7.4, 7.9}
	var l, tr lsq.Line
	if err := l.Fit(x, y, nil); err != nil {
		t.Fatal(err)
	}
	if err := tr.FitTrend(2001, y); err != nil {
		t.Fatal(err)
	}
	const x0 = 10.0
	type result struct{ mean, lower, upper [3]float64 }
	predict := func(level float64) (r result, err error) {
		if r.mean[0], r.lower[0], r.upper[0], err = l.Predict(x0, level); err != nil {
			return r, err
		}
		if err = l.PredictTo(r.mean[1:2], r.lower[1:2], r.upper[1:2], []float64{x0}, level); err != nil {
			return r, err
		}
		err = tr.TrendTo(r.mean[2:], r.lower[2:], r.upper[2:], level)
		return r, err
	}
	var want [2]result
	for i, level := range concurrentLevels {
		r, err := predict(level)
		if err != nil {
			t.Fatal(err)
		}
		// The interval is mean ± t σ̂ sqrt(1 + 1/n + (x₀ − x̄)²/Sxx).
		half := lsq.TQuantile(level, l.DF) * l.Sigma * math.Sqrt(1+l.Leverage(x0))
		if math.Abs(r.upper[0]-r.mean[0]-half) > 1e-12*half {
			t.Fatalf("level %g: half width %v, want %v", level, r.upper[0]-r.mean[0], half)
		}
		want[i] = r
	}
	if want[0].upper == want[1].upper {
		t.Fatal("the two levels give the same interval")
	}

	got := make([][]result, concurrentGoroutines)
	errs := make([]error, concurrentGoroutines)
	runConcurrently(func(g int, level float64) {
		r, err := predict(level)
		if err != nil && errs[g] == nil {
			errs[g] = err
		}
		got[g] = append(got[g], r)
	})
	for g := range concurrentGoroutines {
		if errs[g] != nil {
			t.Errorf("goroutine %d: %v", g, errs[g])
		}
		for i, r := range got[g] {
			if r != want[g%2] {
				t.Errorf("goroutine %d, call %d at level %g: got %+v, want %+v", g, i, concurrentLevels[g%2], r, want[g%2])
				break
			}
		}
	}
}
