package baseline

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// TestSharedErrors checks, with the kit, that the baselines word the bad
// inputs all methods share as every other method does; their errors
// start with the method's name (naive, drift, mean).
func TestSharedErrors(t *testing.T) {
	c := forecasttest.Case{
		Name:     "short",
		History:  series.New("q", "t", 2000, 3, 5, 4, 7, 8, 9),
		Scenario: forecast.Scenario{Horizon: 4},
	}
	for _, m := range []forecast.Method{Naive{}, Drift{}, Mean{}} {
		t.Run(m.Name(), func(t *testing.T) {
			forecasttest.CheckSharedErrors(t, m, forecasttest.Shared{Package: m.Name()}, c)
		})
	}
}

// TestDistinctNames checks that the three baselines have distinct names,
// and so distinct forecasts in a CSV table and a combination.
func TestDistinctNames(t *testing.T) {
	forecasttest.CheckDistinctNames(t, forecasttest.Case{
		Name:     "short",
		History:  series.New("q", "t", 2000, 3, 5, 4, 7, 8, 9),
		Scenario: forecast.Scenario{Horizon: 4},
	}, Naive{}, Drift{}, Mean{})
}
