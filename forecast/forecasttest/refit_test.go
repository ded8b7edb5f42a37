package forecasttest

import (
	"errors"
	"strings"
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
	errAbove    float64 // Fit errs on a history with a value above this, if > 0
	panicAbove  float64 // Fit panics on a history with a value above this, if > 0
}

type refitModel struct {
	*toyModel
	m       refitToy
	scratch []float64
}

var _ forecast.Refitter = (*refitModel)(nil)

func (m refitToy) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	for _, v := range h.Values {
		if m.panicAbove > 0 && v > m.panicAbove {
			panic("toy: too large")
		}
		if m.errAbove > 0 && v > m.errAbove {
			return nil, errors.New("toy: too large")
		}
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
	return &refitModel{toyModel: mod.(*toyModel), m: m}, nil
}

func (r *refitModel) Refit(h series.Series, d forecast.Drivers) error {
	switch {
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
	return r.forecastTo(dst, s, level)
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
	} {
		if raceEnabled && !tc.race {
			continue // allocations are not counted under the race detector
		}
		log := record(tc.m, trend)
		found := false
		for _, l := range log {
			found = found || strings.Contains(l, tc.want)
		}
		if !found {
			t.Errorf("%s: no failure containing %q; reported:\n%s", tc.name, tc.want, strings.Join(log, "\n"))
		}
	}
}
