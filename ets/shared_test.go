package ets_test

import (
	"testing"

	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// sharedCase is a short positive series every model of the package fits.
func sharedCase() forecasttest.Case {
	return forecasttest.Case{
		Name:     "short",
		History:  series.New("q", "t", 2000, 10, 12, 11, 14, 15, 17, 16, 19, 21, 22),
		Scenario: forecast.Scenario{Horizon: 4},
	}
}

// TestSharedErrors checks, with the kit, that every model words the bad
// inputs all methods share as every other method does; errors start with
// the method's name (ets, ets-ann, …).
func TestSharedErrors(t *testing.T) {
	for _, m := range []forecast.Method{ets.Auto{}, ets.Method{Spec: ets.ANN}, ets.Method{Spec: ets.AAdN}, ets.Method{Spec: ets.MAN}} {
		t.Run(m.Name(), func(t *testing.T) {
			forecasttest.CheckSharedErrors(t, m, forecasttest.Shared{Package: m.Name(), Positive: m.Name() == "ets-man"}, sharedCase())
		})
	}
}

// TestDistinctNames checks that the six models and the automatic choice
// have distinct names, and so distinct forecasts in a CSV table and a
// combination.
func TestDistinctNames(t *testing.T) {
	forecasttest.CheckDistinctNames(t, sharedCase(), ets.Auto{},
		ets.Method{Spec: ets.ANN}, ets.Method{Spec: ets.AAN}, ets.Method{Spec: ets.AAdN},
		ets.Method{Spec: ets.MNN}, ets.Method{Spec: ets.MAN}, ets.Method{Spec: ets.MAdN})
}
