package intensity

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

// TestSharedErrors checks, with the kit, that every trajectory words the
// bad inputs all methods share as every other method does.
func TestSharedErrors(t *testing.T) {
	hm, dm, sm := malenbaumData()
	c := forecasttest.Case{Name: "inverted-u", History: hm, Drivers: dm, Scenario: sm}
	sh := forecasttest.Shared{Package: "intensity", Positive: true, Driver: forecast.GDP}
	for _, m := range []Method{{}, {Trajectory: CAGR}, {Trajectory: Malenbaum}} {
		t.Run(m.Name(), func(t *testing.T) { forecasttest.CheckSharedErrors(t, m, sh, c) })
	}
	t.Run("malenbaum without population", func(t *testing.T) {
		s := sh
		s.Driver = forecast.Population
		forecasttest.CheckSharedErrors(t, Method{Trajectory: Malenbaum}, s, c)
	})
}

// TestDistinctNames checks that the trajectories and the CAGR windows give
// configurations of distinct names, and so distinct forecasts in a CSV
// table and a combination.
func TestDistinctNames(t *testing.T) {
	hm, dm, sm := malenbaumData()
	forecasttest.CheckDistinctNames(t, forecasttest.Case{Name: "inverted-u", History: hm, Drivers: dm, Scenario: sm},
		Method{}, Method{Trajectory: CAGR}, Method{Trajectory: CAGR, From: hm.Start}, Method{Trajectory: Malenbaum},
		Method{Label: "intensity (plan)"})
}
