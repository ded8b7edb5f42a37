package forecasttest

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// refitToy is the drift toy with models that are forecast.Refitters. Its
// defect fields break the Refitter contract one way each; the others make
// the kit take its less travelled paths.
type refitToy struct {
	toy

	staleRefit  bool    // Refit keeps the previous fit
	allocRefit  bool    // Refit allocates
	failRefit   bool    // Refit returns an error
	panicRefit  bool    // Refit panics
	failAfter   *int    // Refit fails once it has been called this many times more
	failTo      bool    // ForecastTo returns an error
	oneRefitter *bool   // only the first Fit returns a Refitter (set after it)
	errAbove    float64 // Fit and Refit err on a history with a value above this, if > 0
	panicAbove  float64 // Fit and Refit panic on a history with a value above this, if > 0

	keepFit       bool // a failed Refit keeps the previous fit: stale forecasts
	staleParams   bool // Parameters reports the previous fit after a failed Refit
	staleImplied  bool // Implied solves with the previous fit after a failed Refit
	otherError    bool // Refit's errors are not Fit's
	strictRefit   bool // Refit rejects an infinite value (which the toy's Fit may accept)
	offAfterError bool // after a failed Refit, the next fits are off by one
	stuck         bool // after a failed Refit, Refit fails
	cacheTo       bool // ForecastTo caches the level in the model (see toy.cacheLevel)
}

type refitModel struct {
	*toyModel
	m       refitToy
	scratch []float64
	failed  bool // a Refit has failed
}

var (
	_ forecast.Refitter          = (*refitModel)(nil)
	_ forecast.ParameterReporter = (*refitModel)(nil)
	_ forecast.Implier           = (*refitModel)(nil)
)

// check applies errAbove and panicAbove.
func (m refitToy) check(h series.Series) error {
	for _, v := range h.Values {
		if m.panicAbove > 0 && v > m.panicAbove {
			panic("toy: too large")
		}
		if m.errAbove > 0 && v > m.errAbove {
			return errors.New("toy: too large")
		}
	}
	return nil
}

func (m refitToy) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	if err := m.check(h); err != nil {
		return nil, err
	}
	mod, err := m.toy.Fit(h, d)
	if err != nil {
		return nil, err
	}
	if m.oneRefitter != nil {
		if *m.oneRefitter {
			return mod, nil
		}
		*m.oneRefitter = true
	}
	tm := mod.(*toyModel)
	if m.cacheTo {
		tm.cached = new(atomic.Uint64)
	}
	return &refitModel{toyModel: tm, m: m}, nil
}

func (r *refitModel) Refit(h series.Series, d forecast.Drivers) error {
	err := r.refit(h, d)
	if err == nil {
		if r.m.offAfterError && r.failed {
			r.last++
		}
		return nil
	}
	r.failed = true
	if !r.m.keepFit {
		r.fitted = false
	}
	if r.m.otherError {
		return fmt.Errorf("toy refit: %w", err)
	}
	return err
}

func (r *refitModel) refit(h series.Series, d forecast.Drivers) error {
	if err := r.m.check(h); err != nil {
		return err
	}
	if r.m.strictRefit {
		if err := h.Validate(); err != nil {
			return err
		}
	}
	switch {
	case r.m.stuck && r.failed:
		return errors.New("toy: refit stuck")
	case r.m.panicRefit:
		panic("toy: refit broken")
	case r.m.failRefit:
		return errors.New("toy: refit failed")
	case r.m.staleRefit:
		return nil
	case r.m.failAfter != nil:
		if *r.m.failAfter == 0 {
			return errors.New("toy: refit worn out")
		}
		*r.m.failAfter--
	case r.m.allocRefit:
		r.scratch = make([]float64, h.Len(), cap(r.scratch)+h.Len())
	}
	return r.m.fit(r.toyModel, h, d)
}

func (r *refitModel) ForecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	if r.m.failTo {
		return errors.New("toy: cannot forecast to")
	}
	return r.forecastToAt(dst, s, level, r.cacheLevel || r.m.cacheTo)
}

func (r *refitModel) Parameters() []forecast.Parameter {
	if !r.fitted && !r.m.staleParams {
		return nil
	}
	return []forecast.Parameter{{Name: "slope", Value: r.slope, StdErr: math.NaN()}}
}

// Implied returns the slope that makes the forecast for year equal target.
func (r *refitModel) Implied(s forecast.Scenario, year int, target float64) (forecast.Parameter, error) {
	if !r.fitted && !r.m.staleImplied {
		return forecast.Parameter{}, errors.New("toy: the model holds no fit")
	}
	if year <= r.end {
		return forecast.Parameter{}, errors.New("toy: not a forecast year")
	}
	return forecast.Parameter{Name: "slope", Value: (target - r.last) / float64(year-r.end), StdErr: math.NaN()}, nil
}

// TestRefitGood checks that a correct Refitter passes, on one case and on
// several that share one model.
func TestRefitGood(t *testing.T) {
	for _, tc := range []struct {
		name  string
		m     forecast.Method
		cases []Case
	}{
		{"drift", refitToy{toy: toy{name: "toy"}}, []Case{trend, noInterval}},
		{"drift without interval", refitToy{toy: toy{name: "toy", noInterval: true}}, []Case{noInterval}},
		{"gdp", refitToy{toy: toy{name: "toy", needGDP: true}}, []Case{plan}},
		{"doubled history does not fit", refitToy{toy: toy{name: "toy"}, errAbove: 30}, []Case{trend}},
		{"allocates, as documented", refitToy{toy: toy{name: "toy"}, allocRefit: true}, []Case{{Name: "trend", History: trend.History, Scenario: trend.Scenario, RefitAllocates: true}}},
	} {
		if log := record(tc.m, tc.cases...); len(log) != 0 {
			t.Errorf("%s: the kit reported failures for a conforming method:\n%s", tc.name, strings.Join(log, "\n"))
		}
	}
	Run(t, refitToy{toy: toy{name: "toy"}}, trend, noInterval)
}

func TestRefitBroken(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    forecast.Method
		want string // a failure containing this must be reported
		race bool   // the failure is reported under the race detector too
	}{
		// The model is first fit to the history doubled (20, 22, …, 50):
		// a Refit that keeps it forecasts 50 + 3 = 53 for 2011, not 26.5.
		{"stale", refitToy{toy: toy{name: "toy"}, staleRefit: true},
			`trend: Refit and ForecastTo at level 0.5 differ from Fit and Forecast: Point: value at 2011 is 53, was 26.5`, true},
		{"allocates", refitToy{toy: toy{name: "toy"}, allocRefit: true},
			"trend: Refit and ForecastTo at level 0.95 allocate 1 times per call in steady state, want 0", false},
		{"fails", refitToy{toy: toy{name: "toy"}, failRefit: true}, "trend: Refit: toy: refit failed (Fit gave no error)", true},
		{"panics", refitToy{toy: toy{name: "toy"}, panicRefit: true}, "trend: Refit panicked: toy: refit broken", true},
		{"fails when run again", refitToy{toy: toy{name: "toy"}, failAfter: new(3)},
			"trend: Refit and ForecastTo at level 0.95, run again: toy: refit worn out", false},
		{"ForecastTo fails", refitToy{toy: toy{name: "toy"}, failTo: true},
			"trend: ForecastTo at level 0.5 after Refit: toy: cannot forecast to (Forecast gave no error)", true},
		{"one Refitter", refitToy{toy: toy{name: "toy"}, oneRefitter: new(false)},
			"trend: refit check: Fit returned a *forecasttest.refitModel, a forecast.Refitter, and then a *forecasttest.toyModel, not one", true},
		{"doubled history panics", refitToy{toy: toy{name: "toy"}, panicAbove: 30},
			"trend: refit check: Fit of the history doubled panicked: toy: too large", true},
		// The refit error check: each toy below mishandles a Refit to a bad
		// history, or the Refit to the case's history after it.
		{"stale forecast after a failed Refit", refitToy{toy: toy{name: "toy"}, keepFit: true},
			"trend: refit error check: bad history (last year missing), after the failed Refit: Forecast at level 0.95 gave no error", true},
		{"stale ForecastTo after a failed Refit", refitToy{toy: toy{name: "toy"}, keepFit: true},
			"trend: refit error check: bad history (last year missing), after the failed Refit: ForecastTo at level 0.95 gave no error", true},
		{"stale parameters after a failed Refit", refitToy{toy: toy{name: "toy"}, staleParams: true},
			"trend: refit error check: bad history (last year missing), after the failed Refit: Parameters = [{slope 1.5 NaN}], want none", true},
		{"stale Implied after a failed Refit", refitToy{toy: toy{name: "toy"}, staleImplied: true},
			"trend: refit error check: bad history (last year missing), after the failed Refit: Implied(2011, 26.5) gave no error", true},
		{"Refit error not Fit's", refitToy{toy: toy{name: "toy"}, otherError: true},
			`trend: refit error check: bad history (last year missing): Refit error "toy refit: toy: last year missing", Fit's "toy: last year missing"`, true},
		{"Refit error where Fit gives none", refitToy{toy: toy{name: "toy", acceptInf: true}, strictRefit: true},
			`trend: refit error check: bad history (+Inf in the last year): Refit error "series: validate: q: infinite value at year 2010 (value +Inf)", Fit's none`, true},
		{"no recovery", refitToy{toy: toy{name: "toy"}, stuck: true},
			"trend: refit error check: bad history (empty), then Refit to the case's history: toy: refit stuck (Fit gave no error)", true},
		{"recovery off", refitToy{toy: toy{name: "toy"}, offAfterError: true},
			"trend: refit error check: bad history (empty), then Refit to the case's history: ForecastTo at level 0.5 differs from Fit and Forecast: Point: value at 2011 is 27.5, was 26.5", true},
	} {
		if raceEnabled && !tc.race {
			continue // allocations are not counted under the race detector
		}
		checkReported(t, tc.name, record(tc.m, trend), tc.want)
	}
}

func TestParametersDiff(t *testing.T) {
	p := []forecast.Parameter{{Name: "a", Value: 1, StdErr: nan}, {Name: "b", Value: 2, StdErr: 0.5}}
	for _, tc := range []struct {
		got  []forecast.Parameter
		want string
	}{
		{[]forecast.Parameter{{Name: "a", Value: 1, StdErr: nan}, {Name: "b", Value: 2, StdErr: 0.5}}, ""},
		{p[:1], "1 parameters, was 2"},
		{[]forecast.Parameter{p[0], {Name: "c", Value: 2, StdErr: 0.5}}, "parameter 1 is c = 2 (SE 0.5), was b = 2 (SE 0.5)"},
		{[]forecast.Parameter{p[0], {Name: "b", Value: 3, StdErr: 0.5}}, "parameter 1 is b = 3 (SE 0.5), was b = 2 (SE 0.5)"},
		{[]forecast.Parameter{{Name: "a", Value: 1, StdErr: 0}, p[1]}, "parameter 0 is a = 1 (SE 0), was a = 1 (SE NaN)"},
	} {
		if got := parametersDiff(p, tc.got); got != tc.want {
			t.Errorf("parametersDiff(%v) = %q, want %q", tc.got, got, tc.want)
		}
	}
}
