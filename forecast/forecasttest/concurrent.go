package forecasttest

import (
	"fmt"
	"sync"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Goroutines is the number of goroutines of the concurrency check.
const Goroutines = 8

// Rounds is the number of times each goroutine of the concurrency check
// forecasts from the shared model, so that calls at different levels
// overlap often enough to show a model that keeps per-call state.
const Rounds = 100

// outcome is the result of one Fit and Forecast: a forecast, or the text
// of an error, or a panic.
type outcome struct {
	f     forecast.Forecast
	err   string
	panic any
}

// cloneForecast returns a deep copy of f, so that a result is kept as it
// was returned even if the model later reuses its memory.
func cloneForecast(f forecast.Forecast) forecast.Forecast {
	f.Point, f.Lower, f.Upper = f.Point.Clone(), f.Lower.Clone(), f.Upper.Clone()
	return f
}

// recoverOutcome, deferred, sets *o to the panic of the call it ends, if
// there is one.
func recoverOutcome(o *outcome) {
	if r := recover(); r != nil {
		*o = outcome{panic: r}
	}
}

// attempt fits m on h and d and forecasts s at level, recovering a panic.
func attempt(m forecast.Method, h series.Series, d forecast.Drivers, s forecast.Scenario, level float64) (o outcome) {
	defer recoverOutcome(&o)
	model, err := m.Fit(h, d)
	if err != nil {
		return outcome{err: err.Error()}
	}
	if model == nil {
		return outcome{err: "nil Model and no error"}
	}
	return forecastOutcome(model, s, level)
}

// forecastOutcome forecasts s at level with model, recovering a panic.
func forecastOutcome(model forecast.Model, s forecast.Scenario, level float64) (o outcome) {
	defer recoverOutcome(&o)
	f, err := model.Forecast(s, level)
	if err != nil {
		return outcome{err: err.Error()}
	}
	return outcome{f: cloneForecast(f)}
}

// forecastToOutcome forecasts s at level with r into dst, recovering a
// panic. The outcome's forecast shares memory with dst.
func forecastToOutcome(r forecast.Refitter, dst *forecast.Forecast, s forecast.Scenario, level float64) (o outcome) {
	defer recoverOutcome(&o)
	if err := r.ForecastTo(dst, s, level); err != nil {
		return outcome{err: err.Error()}
	}
	return outcome{f: *dst}
}

func (o outcome) diff(want outcome) string {
	switch {
	case o.panic != nil:
		return fmt.Sprintf("panicked: %v", o.panic)
	case want.err != "" || o.err != "":
		if o.err != want.err {
			return fmt.Sprintf("error %q, want %q", o.err, want.err)
		}
		return ""
	}
	return forecastDiff(want.f, o.f)
}

// checkConcurrent runs Fit and Forecast of the same Method value, and
// Forecast of the same fitted model, from Goroutines goroutines at once,
// all reading the same history, drivers and scenario values, and compares
// each result with the one the same call gives alone. Half of the
// goroutines fit the case's history and half the history doubled (an
// exact scaling), so that a method keeping fit state in the Method value
// shows it. Goroutine g then forecasts from the shared model Rounds times
// at Levels()[g%len(Levels())], so that calls at different levels overlap and
// a model keeping per-level state (a cached quantile) in itself shows it;
// if the model is a forecast.Refitter, and unless forecastToWrites, it
// also calls ForecastTo each round, into a Forecast of its own. The inputs
// must be unchanged afterwards. Run under the race detector, the check
// also finds unsynchronised access to shared state.
func checkConcurrent(t tester, m forecast.Method, model forecast.Model, h0 series.Series, d0 forecast.Drivers, s0 forecast.Scenario, forecastToWrites bool) {
	t.Helper()
	doubled := h0.Clone()
	for i, v := range doubled.Values {
		doubled.Values[i] = 2 * v
	}
	hs := [2]series.Series{h0.Clone(), doubled}
	hs0 := [2]series.Series{h0.Clone(), doubled.Clone()}
	d, s := cloneDrivers(d0), cloneScenario(s0)
	r, _ := model.(forecast.Refitter)
	if forecastToWrites {
		r = nil
	}

	// References, one call at a time.
	last := levels[len(levels)-1]
	var fitRef [2]outcome
	for v := range hs {
		fitRef[v] = attempt(m, hs[v].Clone(), cloneDrivers(d0), cloneScenario(s0), last)
		if fitRef[v].panic != nil {
			t.Errorf("concurrency check: Fit and Forecast of the history%s panicked: %v", variant(v), fitRef[v].panic)
			return
		}
	}
	modelRef := make([]outcome, len(levels))
	toRef := make([]outcome, len(levels))
	for i, level := range levels {
		modelRef[i] = forecastOutcome(model, cloneScenario(s0), level)
		if modelRef[i].panic != nil {
			t.Errorf("concurrency check: Forecast at level %g panicked: %v", level, modelRef[i].panic)
			return
		}
		if r == nil {
			continue
		}
		var dst forecast.Forecast
		toRef[i] = forecastToOutcome(r, &dst, cloneScenario(s0), level)
		if toRef[i].panic != nil {
			t.Errorf("concurrency check: ForecastTo at level %g panicked: %v", level, toRef[i].panic)
			return
		}
		toRef[i].f = cloneForecast(toRef[i].f)
	}

	// The same calls once more on the values the goroutines will share.
	// A method that breaks the contract one call at a time (changes its
	// inputs, is not deterministic) is reported by the other checks;
	// calling it concurrently would only add races of its own making.
	for v := range hs {
		if attempt(m, hs[v], d, s, last).diff(fitRef[v]) != "" || seriesDiff(hs0[v], hs[v]) != "" {
			return
		}
	}
	if driversDiff(d0, d) != "" || driversDiff(s0.Drivers, s.Drivers) != "" {
		return
	}

	// The same calls from many goroutines at once. Each goroutine keeps
	// the first difference of each call it makes.
	fits := make([]outcome, Goroutines)
	forecasts := make([]string, Goroutines)
	forecastTos := make([]string, Goroutines)
	var start, done sync.WaitGroup
	start.Add(1)
	for g := range Goroutines {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			fits[g] = attempt(m, hs[g%2], d, s, last)
			i := g % len(levels)
			var dst forecast.Forecast
			for round := range Rounds {
				if forecasts[g] == "" {
					if diff := forecastOutcome(model, s, levels[i]).diff(modelRef[i]); diff != "" {
						forecasts[g] = fmt.Sprintf("round %d: %s", round, diff)
					}
				}
				if r != nil && forecastTos[g] == "" {
					if diff := forecastToOutcome(r, &dst, s, levels[i]).diff(toRef[i]); diff != "" {
						forecastTos[g] = fmt.Sprintf("round %d: %s", round, diff)
					}
				}
			}
		}()
	}
	start.Done()
	done.Wait()

	for g := range Goroutines {
		if diff := fits[g].diff(fitRef[g%2]); diff != "" {
			t.Errorf("concurrency check: goroutine %d: Fit and Forecast of the history%s from %d goroutines at once differs from a lone call: %s",
				g, variant(g%2), Goroutines, diff)
		}
		level := levels[g%len(levels)]
		if forecasts[g] != "" {
			t.Errorf("concurrency check: goroutine %d: Forecast at level %g of one model from %d goroutines at once (at levels %v) differs from a lone call: %s",
				g, level, Goroutines, levels, forecasts[g])
		}
		if forecastTos[g] != "" {
			t.Errorf("concurrency check: goroutine %d: ForecastTo at level %g of one model, each goroutine into its own Forecast, from %d goroutines at once (at levels %v) differs from a lone call: %s",
				g, level, Goroutines, levels, forecastTos[g])
		}
	}
	for v := range hs {
		if diff := seriesDiff(hs0[v], hs[v]); diff != "" {
			t.Errorf("concurrency check: the history%s was modified: %s", variant(v), diff)
		}
	}
	if diff := driversDiff(d0, d); diff != "" {
		t.Errorf("concurrency check: the drivers were modified: %s", diff)
	}
	if diff := driversDiff(s0.Drivers, s.Drivers); diff != "" {
		t.Errorf("concurrency check: the scenario's drivers were modified: %s", diff)
	}
}

func variant(v int) string {
	if v == 1 {
		return " doubled"
	}
	return ""
}
