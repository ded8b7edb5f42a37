// Package plantest holds what the tests of the reproduction share: the
// report of the plan's problem under a scenario with the default method
// set, and the relative error the tests compare figures by.
package plantest

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

// Reproduce returns plan.Reproduce of sc with defaults.Set(names...),
// failing t with Fatal on an error.
func Reproduce(t testing.TB, sc plan.Scenario, names ...string) *plan.Report {
	t.Helper()
	set, err := defaults.Set(names...)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := plan.Reproduce(sc, set)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// RelErr returns |got − want| / |want|.
func RelErr(got, want float64) float64 { return math.Abs(got-want) / math.Abs(want) }
