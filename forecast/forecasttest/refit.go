package forecasttest

import (
	"fmt"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// AllocRuns is the number of runs over which the refit check averages the
// allocations of Refit and ForecastTo (testing.AllocsPerRun).
const AllocRuns = 50

// refitState is what the refit check keeps across the cases of one Run: one
// model, refit to each case's history in turn, and one Forecast it writes
// into, as a caller fitting many series keeps them.
type refitState struct {
	model forecast.Refitter
	dst   forecast.Forecast
}

// checkRefit checks a method whose models are forecast.Refitters: Refit to
// the case's history followed by ForecastTo into a reused Forecast must
// give, at each of Levels, what a fresh Fit and Forecast gave (fs), bit
// for bit, and leave the inputs unchanged; and, unless the race detector
// is on or c.RefitAllocates is set, Refit and ForecastTo of the same data
// must then allocate nothing.
// The model refit is the one the previous case of the Run left in rs, or
// for the first case a model fit to the history doubled (to the history
// itself if that fails), so that Refit always replaces a fit to other data.
func checkRefit(t tester, m forecast.Method, model forecast.Model, rs *refitState, c Case, h0 series.Series, d0 forecast.Drivers, s0 forecast.Scenario, fs []forecast.Forecast) {
	t.Helper()
	if _, ok := model.(forecast.Refitter); !ok {
		return
	}
	if rs.model == nil {
		doubled := h0.Clone()
		for i, v := range doubled.Values {
			doubled.Values[i] = 2 * v
		}
		var other forecast.Model
		var err error
		if !protect(t, "refit check: Fit of the history doubled", func() { other, err = m.Fit(doubled, cloneDrivers(d0)) }) {
			return
		}
		if err != nil || other == nil {
			if !protect(t, "refit check: Fit", func() { other, err = m.Fit(h0.Clone(), cloneDrivers(d0)) }) || err != nil {
				return // reported by the other checks
			}
		}
		r, ok := other.(forecast.Refitter)
		if !ok {
			t.Errorf("refit check: Fit returned a %T, a forecast.Refitter, and then a %T, not one", model, other)
			return
		}
		rs.model = r
	}

	h, d, s := h0.Clone(), cloneDrivers(d0), cloneScenario(s0)
	for i, level := range Levels {
		var err error
		if !protect(t, "Refit", func() { err = rs.model.Refit(h, d) }) {
			return
		}
		if err != nil {
			t.Errorf("Refit: %v (Fit gave no error)", err)
			return
		}
		unchanged(t, "Refit", h0, h, d0, d, s0, s)
		at := fmt.Sprintf("ForecastTo at level %g", level)
		if !protect(t, at, func() { err = rs.model.ForecastTo(&rs.dst, s, level) }) {
			return
		}
		if err != nil {
			t.Errorf("%s after Refit: %v (Forecast gave no error)", at, err)
			return
		}
		unchanged(t, at, h0, h, d0, d, s0, s)
		if diff := forecastDiff(fs[i], rs.dst); diff != "" {
			t.Errorf("Refit and %s differ from Fit and Forecast: %s", at, diff)
		}
	}

	if raceEnabled || c.RefitAllocates {
		return
	}
	level := Levels[len(Levels)-1]
	var err error
	var allocs float64
	if !protect(t, "Refit and ForecastTo (allocation count)", func() {
		allocs = testing.AllocsPerRun(AllocRuns, func() {
			if err == nil {
				err = rs.model.Refit(h, d)
			}
			if err == nil {
				err = rs.model.ForecastTo(&rs.dst, s, level)
			}
		})
	}) {
		return
	}
	switch {
	case err != nil:
		t.Errorf("Refit and ForecastTo at level %g, run again: %v", level, err)
	case allocs != 0:
		t.Errorf("Refit and ForecastTo at level %g allocate %v times per call in steady state, want 0", level, allocs)
	}
}
