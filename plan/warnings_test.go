package plan_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/nonferrous/demand/internal/plantest"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/plan"
)

// TestStudyChecksGrowth checks that NewStudy rejects a growth given in
// percent, suggesting the fraction, and a low scenario above the high one.
func TestStudyChecksGrowth(t *testing.T) {
	set := plantest.Set(t)
	for _, c := range []struct {
		growth, low, high float64
		is                error
		msg               string
	}{
		{7, 0.06, 0.08, macro.ErrRate, `plan: scenario "custom": GDP growth 2011–2015: macro: invalid growth rate: rate 7 is a rise of 100 % or more a year: rates are fractions (did you mean 0.07?)`},
		{0.07, 5, 8, macro.ErrRate, "did you mean 0.05?"},
		{0.07, 0.08, 0.06, plan.ErrLowHigh, "plan: the low scenario grows faster than the high one: low 0.08, high 0.06"},
	} {
		sc, lo, hi := plan.Scenarios(c.growth, c.low, c.high)
		_, err := plan.NewStudy(sc, lo, hi, set)
		if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("growth %g, low %g, high %g: error %v, want %v containing %q", c.growth, c.low, c.high, err, c.is, c.msg)
		}
	}
}

// TestDocumentWarnings checks that a GDP path falling 60 % a year warns of
// the growth and of the regressions' 2015 figures below zero, and that the
// plan's own scenario warns of nothing.
func TestDocumentWarnings(t *testing.T) {
	set := plantest.Set(t)
	sc, lo, hi := plan.Scenarios(-0.6, plan.LowGrowth, plan.HighGrowth)
	st, err := plan.NewStudy(sc, lo, hi, set)
	if err != nil {
		t.Fatal(err)
	}
	ws := strings.Join(plan.NewDocument(st).Warnings(), "\n")
	for _, want := range []string{
		"main scenario: a growth rate of -0.6 is -60 % a year, beyond ±20 %",
		"copper: regression forecasts -",
		"for 2015, below zero: consumption cannot be negative",
	} {
		if !strings.Contains(ws, want) {
			t.Errorf("warnings lack %q:\n%s", want, ws)
		}
	}
	sc, lo, hi = plan.Scenarios(plan.PlanScenario().Growth, plan.LowGrowth, plan.HighGrowth)
	if st, err = plan.NewStudy(sc, lo, hi, set); err != nil {
		t.Fatal(err)
	}
	if ws := plan.NewDocument(st).Warnings(); len(ws) != 0 {
		t.Errorf("the plan's scenario warns: %q", ws)
	}
}
