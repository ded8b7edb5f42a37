package elasticity

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

func conformanceCases(noInterval bool) []forecasttest.Case {
	y := series.New(forecast.GDP, "", 2004, pointY...)
	future := series.New(forecast.GDP, "", 2011, 192.8, 206.3, 220.7, 236.2, 252.7)
	gaps := series.New("q", "t", 2004, pointQ...)
	gaps.Values[2] = math.NaN()
	return []forecasttest.Case{
		{
			Name:       "plan copper",
			History:    copperHistory(),
			Drivers:    forecast.Drivers{forecast.GDP: planGDP()},
			Scenario:   forecast.Scenario{Name: "7 %", Horizon: 5},
			NoInterval: true,
		},
		{
			Name:       "seven years, future driver in the scenario",
			History:    series.New("q", "t", 2004, pointQ...),
			Drivers:    forecast.Drivers{forecast.GDP: y},
			Scenario:   forecast.Scenario{Name: "future", Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: future}},
			NoInterval: noInterval,
		},
		{
			Name:       "seven years with a gap",
			History:    gaps,
			Drivers:    forecast.Drivers{forecast.GDP: y},
			Scenario:   forecast.Scenario{Name: "future", Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: future}},
			NoInterval: noInterval,
		},
	}
}

// TestConformance runs the forecasttest kit, which for these models, all
// forecast.Refitters, also checks Refit and ForecastTo against Fit and
// Forecast and that they allocate nothing.
func TestConformance(t *testing.T) {
	t.Run("arc", func(t *testing.T) { forecasttest.Run(t, &Method{}, conformanceCases(true)...) })
	t.Run("point", func(t *testing.T) { forecasttest.Run(t, &Method{Estimator: Point}, conformanceCases(false)...) })
	t.Run("given", func(t *testing.T) {
		forecasttest.Run(t, &Method{Estimator: Given, Value: 0.8}, conformanceCases(true)...)
	})
	t.Run("point to target", func(t *testing.T) {
		forecasttest.Run(t, &Method{Estimator: Point, TargetYear: 2020, Target: 0.5}, conformanceCases(false)[1:]...)
	})
}
