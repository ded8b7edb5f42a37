// Package plantest holds what the tests of the reproduction share: the
// default method set, the report of the plan's problem under a scenario
// and the ex-post check with it, and the relative error the tests compare
// figures by.
package plantest

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

// Set returns defaults.Set(names...), all the default methods when names
// is empty, failing t with Fatal on an error.
func Set(t testing.TB, names ...string) plan.MethodSet {
	t.Helper()
	set, err := defaults.Set(names...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// Reproduce returns plan.Reproduce of sc with defaults.Set(names...),
// failing t with Fatal on an error.
func Reproduce(t testing.TB, sc plan.Scenario, names ...string) *plan.Report {
	t.Helper()
	rep, err := plan.Reproduce(sc, Set(t, names...))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// ExPost returns plan.CheckExPost with defaults.Set(names...), failing t
// with Fatal on an error.
func ExPost(t testing.TB, names ...string) *plan.ExPost {
	t.Helper()
	c, err := plan.CheckExPost(Set(t, names...))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// RelErr returns |got − want| / |want|.
func RelErr(got, want float64) float64 { return math.Abs(got-want) / math.Abs(want) }
