package regression

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/lmref"
	"github.com/nonferrous/demand/series"
)

// TestConformance runs the forecasttest kit on every spec, on the plan's
// copper history (3 observed years, 1 residual DF), the 20-year data set,
// the same with gaps, its last five years, and a two-year history whose
// fit has no residual DF (NaN intervals). The models are
// forecast.Refitters: the kit also checks Refit and ForecastTo against Fit
// and Forecast, and that they allocate nothing.
func TestConformance(t *testing.T) {
	gdp, _ := planGDP().Window(2000, 2010)
	plan := planScenario()
	planDrivers := forecast.Drivers{forecast.GDP: gdp}

	long := series.New("y", "", lmref.Start, lmref.Y...)
	longDrivers := forecast.Drivers{forecast.GDP: series.New("gdp", "", lmref.Start, lmref.D...)}
	longScenario := forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2021, lmref.FD...)}}
	weights := series.New("w", "", lmref.Start, lmref.W()...)
	gaps := long.Clone()
	gaps.Values[2], gaps.Values[7], gaps.Values[8] = math.NaN(), math.NaN(), math.NaN()
	short, _ := long.Window(2016, 2020)
	shortScenario := forecast.Scenario{Horizon: 3, Drivers: longScenario.Drivers}

	two := series.New("q", "", 2005, 374, math.NaN(), math.NaN(), math.NaN(), math.NaN(), 753)

	for _, m := range []Method{
		{},
		{Spec: Linear},
		{Spec: LogLinear},
		{Spec: LogLinear, BiasAdjust: true},
		{Spec: OnDriver, Driver: forecast.GDP},
		{Spec: LogLog},
		{Spec: LogLog, BiasAdjust: true, Weights: weights},
		{Spec: Linear, Weights: weights},
	} {
		name := m.Name()
		if m.BiasAdjust {
			name += "/bias"
		}
		if m.Weights.Len() > 0 {
			name += "/weighted"
		}
		t.Run(name, func(t *testing.T) {
			drv := func(d forecast.Drivers) forecast.Drivers {
				if m.Spec.usesDriver() {
					return d
				}
				return nil
			}
			scn := func(s forecast.Scenario) forecast.Scenario {
				if !m.Spec.usesDriver() {
					s.Drivers = nil
				}
				return s
			}
			cases := []forecasttest.Case{
				{Name: "long", History: long, Drivers: drv(longDrivers), Scenario: scn(longScenario)},
				{Name: "long with gaps", History: gaps, Drivers: drv(longDrivers), Scenario: scn(longScenario)},
			}
			if m.Weights.Len() == 0 {
				cases = append(cases,
					forecasttest.Case{Name: "short", History: short, Drivers: drv(longDrivers), Scenario: scn(shortScenario)},
					forecasttest.Case{Name: "copper", History: copperHistory(), Drivers: drv(planDrivers), Scenario: scn(plan)})
				if !m.BiasAdjust {
					cases = append(cases, forecasttest.Case{Name: "two years", History: two, Drivers: drv(planDrivers), Scenario: scn(plan), NoInterval: true})
				}
			}
			forecasttest.Run(t, m, cases...)
		})
	}
}
