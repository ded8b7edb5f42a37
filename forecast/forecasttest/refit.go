package forecasttest

import (
	"errors"
	"fmt"
	"slices"
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
// give, at each of levels, what a fresh Fit and Forecast gave (fs), bit
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
	for i, level := range levels {
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
	level := levels[len(levels)-1]
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

// checkRefitError checks, for a method whose models are
// forecast.Refitters, what a Refit to each of the bad histories (see
// badHistories) leaves, on a model fit to the case's history: Refit must
// give the error Fit gives, the same text, or none if Fit gives none (and
// then forecast at the last of levels as the model Fit returned does).
// After a Refit error the model must hold nothing stale: Forecast and
// ForecastTo must return an error, Parameters (if the model is a
// forecast.ParameterReporter) report no parameter, and Implied (if it is a
// forecast.Implier, asked for the first forecast year's point at the first
// of levels) return an error. A Refit to the case's history must then
// recover: Forecast and ForecastTo at each of levels give fs, bit for bit,
// and Parameters what they were after Fit.
func checkRefitError(t tester, m forecast.Method, model forecast.Model, h0 series.Series, d0 forecast.Drivers, s0 forecast.Scenario, fs []forecast.Forecast) {
	t.Helper()
	if _, ok := model.(forecast.Refitter); !ok {
		return
	}
	var fitted forecast.Model
	var err error
	if !protect(t, "refit error check: Fit", func() { fitted, err = m.Fit(h0.Clone(), cloneDrivers(d0)) }) || err != nil || fitted == nil {
		return // reported by the other checks
	}
	r, ok := fitted.(forecast.Refitter)
	if !ok {
		t.Errorf("refit error check: Fit returned a %T, a forecast.Refitter, and then a %T, not one", model, fitted)
		return
	}
	params, ok := parameters(t, "refit error check: Parameters after Fit", r)
	if !ok {
		return
	}
	params = slices.Clone(params)

	for _, b := range badHistories(h0) {
		what := "refit error check: bad history (" + b.name + ")"
		var fresh forecast.Model
		var fitErr error
		if panicked(func() { fresh, fitErr = m.Fit(b.s.Clone(), cloneDrivers(d0)) }) {
			continue // reported by the bad history check
		}
		var refitErr error
		if !protect(t, what+": Refit", func() { refitErr = r.Refit(b.s.Clone(), cloneDrivers(d0)) }) {
			return
		}
		switch {
		case fitErr == nil && refitErr == nil:
			if fresh == nil {
				break // reported by the bad history check
			}
			level := levels[len(levels)-1]
			if diff := forecastOutcome(r, cloneScenario(s0), level).diff(forecastOutcome(fresh, cloneScenario(s0), level)); diff != "" {
				t.Errorf("%s: Refit and Forecast at level %g differ from Fit and Forecast: %s", what, level, diff)
			}
		case fitErr == nil || refitErr == nil || fitErr.Error() != refitErr.Error():
			t.Errorf("%s: Refit error %s, Fit's %s", what, errText(refitErr), errText(fitErr))
		}
		if refitErr != nil {
			checkNoFit(t, what, r, s0, fs[0])
		}
		if !checkRecovery(t, what, r, h0, d0, s0, fs, params) {
			return
		}
	}
}

// checkNoFit checks that r, whose last Refit failed, holds nothing stale;
// f is a forecast of its last good fit, whose first point Implied is
// asked for.
func checkNoFit(t tester, what string, r forecast.Refitter, s0 forecast.Scenario, f forecast.Forecast) {
	t.Helper()
	what += ", after the failed Refit"
	level := levels[len(levels)-1]
	if o := forecastOutcome(r, cloneScenario(s0), level); o.panic != nil {
		t.Errorf("%s: Forecast at level %g panicked: %v", what, level, o.panic)
	} else if o.err == "" {
		t.Errorf("%s: Forecast at level %g gave no error", what, level)
	}
	var dst forecast.Forecast
	if o := forecastToOutcome(r, &dst, cloneScenario(s0), level); o.panic != nil {
		t.Errorf("%s: ForecastTo at level %g panicked: %v", what, level, o.panic)
	} else if o.err == "" {
		t.Errorf("%s: ForecastTo at level %g gave no error", what, level)
	}
	if p, ok := parameters(t, what+": Parameters", r); ok && len(p) != 0 {
		t.Errorf("%s: Parameters = %v, want none", what, p)
	}
	if im, ok := r.(forecast.Implier); ok && f.Point.Len() > 0 {
		year, target := f.Point.Start, f.Point.Values[0]
		var err error
		if protect(t, what+": Implied", func() { _, err = im.Implied(cloneScenario(s0), year, target) }) && err == nil {
			t.Errorf("%s: Implied(%d, %g) gave no error", what, year, target)
		}
	}
}

// checkRecovery refits r to the case's history and checks that it then
// forecasts fs and reports params, as after Fit. It reports whether r
// could be refit.
func checkRecovery(t tester, what string, r forecast.Refitter, h0 series.Series, d0 forecast.Drivers, s0 forecast.Scenario, fs []forecast.Forecast, params []forecast.Parameter) bool {
	t.Helper()
	what += ", then Refit to the case's history"
	var err error
	if !protect(t, what, func() { err = r.Refit(h0.Clone(), cloneDrivers(d0)) }) {
		return false
	}
	if err != nil {
		t.Errorf("%s: %v (Fit gave no error)", what, err)
		return false
	}
	var dst forecast.Forecast
	for i, level := range levels {
		want := outcome{f: fs[i]}
		if diff := forecastOutcome(r, cloneScenario(s0), level).diff(want); diff != "" {
			t.Errorf("%s: Forecast at level %g differs from Fit and Forecast: %s", what, level, diff)
		}
		if diff := forecastToOutcome(r, &dst, cloneScenario(s0), level).diff(want); diff != "" {
			t.Errorf("%s: ForecastTo at level %g differs from Fit and Forecast: %s", what, level, diff)
		}
	}
	if p, ok := parameters(t, what+": Parameters", r); ok {
		if diff := parametersDiff(params, p); diff != "" {
			t.Errorf("%s: Parameters differ from those after Fit: %s", what, diff)
		}
	}
	return true
}

// parameters returns the parameters model reports, none if it is not a
// forecast.ParameterReporter; ok is false if Parameters panicked.
func parameters(t tester, what string, model forecast.Model) (p []forecast.Parameter, ok bool) {
	t.Helper()
	pr, is := model.(forecast.ParameterReporter)
	if !is {
		return nil, true
	}
	ok = protect(t, what, func() { p = pr.Parameters() })
	return p, ok
}

// parametersDiff describes the first difference between want and got, ""
// if none; values and standard errors are compared bit for bit, NaN equal
// to NaN.
func parametersDiff(want, got []forecast.Parameter) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d parameters, was %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if w.Name != g.Name || !same(w.Value, g.Value) || !same(w.StdErr, g.StdErr) {
			return fmt.Sprintf("parameter %d is %s = %g (SE %g), was %s = %g (SE %g)", i, g.Name, g.Value, g.StdErr, w.Name, w.Value, w.StdErr)
		}
	}
	return ""
}

// panicked calls f and reports whether it panicked.
func panicked(f func()) (p bool) {
	defer func() {
		if recover() != nil {
			p = true
		}
	}()
	f()
	return false
}

// errText quotes err's text, or says there is none.
func errText(err error) string {
	if err == nil {
		return "none"
	}
	return fmt.Sprintf("%q", err.Error())
}

// CheckFailedRefit checks, on a history bad that m rejects with an error
// wrapping want, that m.Fit(bad, d) and a Refit of the model m fits to good
// return the same error, and that the refit model then refuses ForecastTo
// of s at level 0.95 with forecast.ErrNotFitted. It fails t with Fatal if
// m cannot fit good or its model is not a forecast.Refitter, and returns
// the model whose Refit failed, for the method's own checks that it holds
// nothing stale.
func CheckFailedRefit(t *testing.T, m forecast.Method, good, bad series.Series, d forecast.Drivers, s forecast.Scenario, want error) forecast.Refitter {
	t.Helper()
	fresh, err := m.Fit(good, d)
	if err != nil {
		t.Fatal(err)
	}
	mod, ok := fresh.(forecast.Refitter)
	if !ok {
		t.Fatalf("%T is not a forecast.Refitter", fresh)
	}
	_, fitErr := m.Fit(bad, d)
	refitErr := mod.Refit(bad, d)
	if fitErr == nil || refitErr == nil || fitErr.Error() != refitErr.Error() || !errors.Is(refitErr, want) {
		t.Fatalf("Fit error %v, Refit error %v: want the same error, wrapping %q", fitErr, refitErr, want)
	}
	var dst forecast.Forecast
	if err := mod.ForecastTo(&dst, s, 0.95); !errors.Is(err, forecast.ErrNotFitted) {
		t.Errorf("ForecastTo after a failed Refit: error %v, want forecast.ErrNotFitted", err)
	}
	return mod
}
