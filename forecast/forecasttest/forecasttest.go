package forecasttest

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Case is one conformance case: a history, its observed drivers and a
// scenario the method must be able to fit and forecast.
//
// Drivers should hold only drivers the method needs: the kit removes each
// in turn (from Drivers and from Scenario.Drivers) and expects an error.
type Case struct {
	Name       string
	History    series.Series
	Drivers    forecast.Drivers
	Scenario   forecast.Scenario
	NoInterval bool // the method gives NaN intervals for this case: interval checks are skipped

	// RefitAllocates says that the method's models, forecast.Refitters,
	// allocate in Refit or ForecastTo for this case, as documented by the
	// method: the refit check does not count allocations.
	RefitAllocates bool

	// ForecastToWrites says that the method's models, forecast.Refitters,
	// change the model in ForecastTo, as forecast.Refitter allows: the
	// concurrency check does not call ForecastTo from several goroutines
	// at once.
	ForecastToWrites bool
}

// levels are the interval levels the kit forecasts at.
var levels = [...]float64{0.5, 0.8, 0.95}

// Run runs the conformance checks on m for each case as subtests of t.
// See the package documentation for the checks.
func Run(t *testing.T, m forecast.Method, cases ...Case) {
	t.Helper()
	run(testingT{t}, m, cases)
}

// tester is the part of *testing.T the kit uses, so that the kit itself
// can be tested with a recorder.
type tester interface {
	Helper()
	Errorf(format string, args ...any)
	Run(name string, f func(tester)) bool
}

// testingT adapts *testing.T to tester.
type testingT struct{ *testing.T }

func (t testingT) Run(name string, f func(tester)) bool {
	return t.T.Run(name, func(t *testing.T) { f(testingT{t}) })
}

func run(t tester, m forecast.Method, cases []Case) {
	t.Helper()
	var name string
	if !protect(t, "Name", func() { name = m.Name() }) {
		return
	}
	if name == "" {
		t.Errorf("Name() is empty")
	}
	if len(cases) == 0 {
		t.Errorf("no cases given")
	}
	var rs refitState
	for _, c := range cases {
		t.Run(c.Name, func(t tester) { checkCase(t, m, name, c, &rs) })
	}
}

// protect calls f, reporting a panic as a failure; it reports whether f
// returned normally.
func protect(t tester, what string, f func()) (ok bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", what, r)
			ok = false
		}
	}()
	f()
	return true
}

// fitForecast fits m and forecasts at level, reporting panics. It returns
// the first error and whether either call panicked.
func fitForecast(t tester, what string, m forecast.Method, h series.Series, d forecast.Drivers, s forecast.Scenario, level float64) (f forecast.Forecast, model forecast.Model, err error, ok bool) {
	t.Helper()
	if !protect(t, what+": Fit", func() { model, err = m.Fit(h, d) }) {
		return f, nil, nil, false
	}
	if err != nil {
		return f, nil, err, true
	}
	if model == nil {
		t.Errorf("%s: Fit returned a nil Model and no error", what)
		return f, nil, nil, false
	}
	if !protect(t, what+": Forecast", func() { f, err = model.Forecast(s, level) }) {
		return f, model, nil, false
	}
	return f, model, err, true
}

func checkCase(t tester, m forecast.Method, name string, c Case, rs *refitState) {
	t.Helper()
	if c.History.Len() == 0 || c.Scenario.Horizon < 1 {
		t.Errorf("invalid case: the history must be non-empty and the horizon ≥ 1")
		return
	}
	h0, d0, s0 := c.History.Clone(), cloneDrivers(c.Drivers), cloneScenario(c.Scenario)
	h, d, s := h0.Clone(), cloneDrivers(d0), cloneScenario(s0)

	var model forecast.Model
	var err error
	if !protect(t, "Fit", func() { model, err = m.Fit(h, d) }) {
		return
	}
	if err != nil {
		t.Errorf("Fit: %v", err)
		return
	}
	if model == nil {
		t.Errorf("Fit returned a nil Model and no error")
		return
	}
	unchanged(t, "Fit", h0, h, d0, d, s0, s)

	fs := make([]forecast.Forecast, len(levels))
	for i, level := range levels {
		if !protect(t, fmt.Sprintf("Forecast at level %g", level), func() { fs[i], err = model.Forecast(s, level) }) {
			return
		}
		if err != nil {
			t.Errorf("Forecast at level %g: %v", level, err)
			return
		}
		unchanged(t, fmt.Sprintf("Forecast at level %g", level), h0, h, d0, d, s0, s)
		if !checkForecast(t, fs[i], name, level, h0.End(), s0.Horizon) {
			return
		}
	}
	checkIntervals(t, fs, c.NoInterval)

	// Determinism: the same model forecasts the same; a second fit too.
	last := len(levels) - 1
	var again forecast.Forecast
	if protect(t, "second Forecast", func() { again, err = model.Forecast(s, levels[last]) }) {
		if err != nil {
			t.Errorf("second Forecast: %v", err)
		} else if diff := forecastDiff(fs[last], again); diff != "" {
			t.Errorf("not deterministic: a second Forecast from the same model differs: %s", diff)
		}
	}
	if f2, _, err, ok := fitForecast(t, "second fit", m, h0.Clone(), cloneDrivers(d0), cloneScenario(s0), levels[last]); ok {
		if err != nil {
			t.Errorf("second fit: %v", err)
		} else if diff := forecastDiff(fs[last], f2); diff != "" {
			t.Errorf("not deterministic: a second Fit and Forecast differs: %s", diff)
		}
	}

	checkRefit(t, m, model, rs, c, h0, d0, s0, fs)
	checkRefitError(t, m, model, h0, d0, s0, fs)
	checkConcurrent(t, m, model, h0, d0, s0, c.ForecastToWrites)

	// Bad requests.
	for _, level := range []float64{0, 1, math.NaN(), -0.5, 1.5} {
		var err error
		if protect(t, fmt.Sprintf("Forecast at level %g", level), func() { _, err = model.Forecast(cloneScenario(s0), level) }) && err == nil {
			t.Errorf("Forecast at level %g: no error", level)
		}
	}
	for _, hor := range []int{0, -1} {
		bad := cloneScenario(s0)
		bad.Horizon = hor
		var err error
		if protect(t, fmt.Sprintf("Forecast with horizon %d", hor), func() { _, err = model.Forecast(bad, 0.95) }) && err == nil {
			t.Errorf("Forecast with horizon %d: no error", hor)
		}
	}

	// Bad histories and missing drivers.
	for _, b := range badHistories(h0) {
		what := "bad history (" + b.name + ")"
		if _, _, err, ok := fitForecast(t, what, m, b.s, cloneDrivers(d0), cloneScenario(s0), 0.95); ok && err == nil {
			t.Errorf("%s: Fit and Forecast gave no error", what)
		}
	}
	names := make([]string, 0, len(d0))
	for k := range d0 {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		what := fmt.Sprintf("driver %q removed", k)
		dd, ss := cloneDrivers(d0), cloneScenario(s0)
		delete(dd, k)
		delete(ss.Drivers, k)
		if _, _, err, ok := fitForecast(t, what, m, h0.Clone(), dd, ss, 0.95); ok && err == nil {
			t.Errorf("%s: Fit and Forecast gave no error (Case.Drivers must hold only drivers the method needs)", what)
		}
	}
}

// unchanged reports a difference between the pristine and the working
// copies of the inputs after call.
func unchanged(t tester, call string, h0, h series.Series, d0, d forecast.Drivers, s0, s forecast.Scenario) {
	t.Helper()
	if diff := seriesDiff(h0, h); diff != "" {
		t.Errorf("%s modified the history: %s", call, diff)
	}
	if diff := driversDiff(d0, d); diff != "" {
		t.Errorf("%s modified the drivers: %s", call, diff)
	}
	if diff := driversDiff(s0.Drivers, s.Drivers); diff != "" {
		t.Errorf("%s modified the scenario's drivers: %s", call, diff)
	}
	if s0.Name != s.Name || s0.Horizon != s.Horizon {
		t.Errorf("%s modified the scenario: name %q, horizon %d, was %q, %d", call, s.Name, s.Horizon, s0.Name, s0.Horizon)
	}
}

// checkForecast checks one forecast's method, level, years and points. It
// reports whether the years are right, so that the interval checks can
// index the bounds.
func checkForecast(t tester, f forecast.Forecast, name string, level float64, end, horizon int) bool {
	t.Helper()
	at := fmt.Sprintf("Forecast at level %g", level)
	if f.Method != name {
		t.Errorf("%s: Method %q, want the method's Name %q", at, f.Method, name)
	}
	if f.Level != level {
		t.Errorf("%s: Level %g, want %g", at, f.Level, level)
	}
	ok := true
	for _, b := range []struct {
		what string
		s    series.Series
	}{{"Point", f.Point}, {"Lower", f.Lower}, {"Upper", f.Upper}} {
		if b.s.Start != end+1 || b.s.Len() != horizon {
			t.Errorf("%s: %s covers %s, want %d–%d (the %d years after the history's last, %d)",
				at, b.what, span(b.s), end+1, end+horizon, horizon, end)
			ok = false
		}
	}
	for i, v := range f.Point.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s: point at %d is %g, want finite", at, f.Point.Start+i, v)
		}
	}
	return ok
}

// checkIntervals checks that each interval contains its point and that the
// intervals at increasing levels nest. With noInterval, bounds may be NaN,
// but then both bounds of a year must be.
func checkIntervals(t tester, fs []forecast.Forecast, noInterval bool) {
	t.Helper()
	for i, f := range fs {
		if diff := seriesDiff(fs[0].Point, f.Point); diff != "" && i > 0 {
			t.Errorf("point at level %g differs from the point at level %g: %s", f.Level, fs[0].Level, diff)
		}
		for j, p := range f.Point.Values {
			year := f.Point.Start + j
			l, u := f.Lower.Values[j], f.Upper.Values[j]
			if math.IsNaN(l) || math.IsNaN(u) {
				switch {
				case !noInterval:
					t.Errorf("level %g, year %d: interval [%g, %g] has a NaN bound (set Case.NoInterval if the method gives none)", f.Level, year, l, u)
				case !math.IsNaN(l) || !math.IsNaN(u):
					t.Errorf("level %g, year %d: interval [%g, %g] has one NaN bound, want both or neither", f.Level, year, l, u)
				}
				continue
			}
			if math.IsInf(l, 0) || math.IsInf(u, 0) {
				t.Errorf("level %g, year %d: interval [%g, %g] is infinite", f.Level, year, l, u)
			}
			if !(l <= p && p <= u) {
				t.Errorf("level %g, year %d: interval [%g, %g] does not contain the point %g", f.Level, year, l, u, p)
			}
			if i == 0 {
				continue
			}
			pl, pu := fs[i-1].Lower.Values[j], fs[i-1].Upper.Values[j]
			if math.IsNaN(pl) || math.IsNaN(pu) {
				continue
			}
			if l > pl || u < pu {
				t.Errorf("year %d: interval [%g, %g] at level %g does not contain [%g, %g] at level %g",
					year, l, u, f.Level, pl, pu, fs[i-1].Level)
			}
		}
	}
}

type badHistory struct {
	name string
	s    series.Series
}

// badHistories returns the unusable histories derived from h, which is
// non-empty.
func badHistories(h series.Series) []badHistory {
	n := h.Len()
	with := func(name string, f func(v []float64)) badHistory {
		b := h.Clone()
		f(b.Values)
		return badHistory{name, b}
	}
	nan, inf := math.NaN(), math.Inf(1)
	bs := []badHistory{
		{"empty", series.Series{Name: h.Name, Unit: h.Unit, Start: h.Start}},
		{"single year", series.Series{Name: h.Name, Unit: h.Unit, Start: h.End(), Values: []float64{h.Values[n-1]}}},
		with("last year missing", func(v []float64) { v[n-1] = nan }),
		with("all missing", func(v []float64) {
			for i := range v {
				v[i] = nan
			}
		}),
		with("+Inf in the last year", func(v []float64) { v[n-1] = inf }),
		with("-Inf in the first year", func(v []float64) { v[0] = -inf }),
	}
	if n > 1 {
		bs = append(bs, with("single observed year", func(v []float64) {
			for i := range n - 1 {
				v[i] = nan
			}
		}))
	}
	if n > 2 {
		bs = append(bs, with("+Inf in a middle year", func(v []float64) { v[n/2] = inf }))
	}
	return bs
}

func cloneDrivers(d forecast.Drivers) forecast.Drivers {
	if d == nil {
		return nil
	}
	c := make(forecast.Drivers, len(d))
	for k, s := range d {
		c[k] = s.Clone()
	}
	return c
}

func cloneScenario(s forecast.Scenario) forecast.Scenario {
	s.Drivers = cloneDrivers(s.Drivers)
	return s
}

// same reports whether a and b are the same float64, NaN equal to NaN.
func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
}

// seriesDiff describes the first difference between want and got, "" if
// none.
func seriesDiff(want, got series.Series) string {
	label := ""
	if want.Name != "" {
		label = fmt.Sprintf("%q: ", want.Name)
	}
	switch {
	case want.Name != got.Name:
		return fmt.Sprintf("name %q, was %q", got.Name, want.Name)
	case want.Unit != got.Unit:
		return fmt.Sprintf("%sunit %q, was %q", label, got.Unit, want.Unit)
	case want.Start != got.Start || want.Len() != got.Len():
		return fmt.Sprintf("%scovers %s, was %s", label, span(got), span(want))
	}
	for i, v := range want.Values {
		if !same(v, got.Values[i]) {
			return fmt.Sprintf("%svalue at %d is %g, was %g", label, want.Start+i, got.Values[i], v)
		}
	}
	return ""
}

func driversDiff(want, got forecast.Drivers) string {
	for k := range got {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("driver %q added", k)
		}
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		g, ok := got[k]
		if !ok {
			return fmt.Sprintf("driver %q removed", k)
		}
		if diff := seriesDiff(want[k], g); diff != "" {
			return fmt.Sprintf("driver %q: %s", k, diff)
		}
	}
	return ""
}

func forecastDiff(want, got forecast.Forecast) string {
	if want.Method != got.Method {
		return fmt.Sprintf("Method %q, then %q", want.Method, got.Method)
	}
	if !same(want.Level, got.Level) {
		return fmt.Sprintf("Level %g, then %g", want.Level, got.Level)
	}
	for _, p := range []struct {
		what      string
		want, got series.Series
	}{{"Point", want.Point, got.Point}, {"Lower", want.Lower, got.Lower}, {"Upper", want.Upper, got.Upper}} {
		if diff := seriesDiff(p.want, p.got); diff != "" {
			return p.what + ": " + diff
		}
	}
	return ""
}

func span(s series.Series) string {
	if s.Len() == 0 {
		return "no years"
	}
	return fmt.Sprintf("%d–%d", s.Start, s.End())
}
