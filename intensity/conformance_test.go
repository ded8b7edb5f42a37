package intensity

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// TestConformance runs the forecasttest kit, which for these models, all
// forecast.Refitters, also checks Refit and ForecastTo against Fit and
// Forecast and, but for Malenbaum's (documented to allocate), that they
// allocate nothing.
func TestConformance(t *testing.T) {
	// Two observed years leave the log trend no residual degrees of
	// freedom: NaN intervals.
	two := series.New("copper", "10kt", 2005, 374, math.NaN(), math.NaN(), math.NaN(), math.NaN(), 753)
	twoCase := forecasttest.Case{Name: "two-points", History: two, Drivers: planDrivers(), Scenario: planScenario(), NoInterval: true}
	copperCase := forecasttest.Case{Name: "copper", History: copper(), Drivers: planDrivers(), Scenario: planScenario()}
	hm, dm, sm := malenbaumData()
	gaps := hm.Clone()
	gaps.Values[1] = math.NaN()
	malenbaumCase := forecasttest.Case{Name: "inverted-u", History: hm, Drivers: dm, Scenario: sm, RefitAllocates: true}
	malenbaumGaps := forecasttest.Case{Name: "inverted-u with a gap", History: gaps, Drivers: dm, Scenario: sm, RefitAllocates: true}
	// The same history against GDP alone, for the trajectories that do not
	// use population.
	gdpCase := forecasttest.Case{Name: "gdp-only", History: hm,
		Drivers:  forecast.Drivers{forecast.GDP: dm[forecast.GDP]},
		Scenario: forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: sm.Drivers[forecast.GDP]}}}
	gdpGaps := gdpCase
	gdpGaps.Name, gdpGaps.History = "gdp-only with a gap", gaps

	t.Run("log-trend", func(t *testing.T) {
		forecasttest.Run(t, Method{}, copperCase, gdpCase, gdpGaps, twoCase)
	})
	t.Run("cagr", func(t *testing.T) {
		c, m, g, two := copperCase, gdpCase, gdpGaps, twoCase
		c.NoInterval, m.NoInterval, g.NoInterval = true, true, true
		forecasttest.Run(t, Method{Trajectory: CAGR}, c, m, g, two)
		forecasttest.Run(t, Method{Trajectory: CAGR, From: 2000}, c)
	})
	t.Run("malenbaum", func(t *testing.T) {
		three, _ := hm.Window(2000, 2002)
		forecasttest.Run(t, Method{Trajectory: Malenbaum}, malenbaumCase, malenbaumGaps,
			forecasttest.Case{Name: "three-points", History: three, Drivers: dm, Scenario: sm, NoInterval: true, RefitAllocates: true})
	})
	t.Run("other-driver", func(t *testing.T) {
		d := forecast.Drivers{"steel": dm[forecast.GDP]}
		s := forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{"steel": sm.Drivers[forecast.GDP]}}
		forecasttest.Run(t, Method{Driver: "steel"}, forecasttest.Case{Name: "steel", History: hm, Drivers: d, Scenario: s})
	})
}
