package regression

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/lmref"
	"github.com/nonferrous/demand/series"
)

func longCase() forecasttest.Case {
	return forecasttest.Case{
		Name:     "long",
		History:  series.New("y", "", lmref.Start, lmref.Y...),
		Drivers:  forecast.Drivers{forecast.GDP: series.New("gdp", "", lmref.Start, lmref.D...)},
		Scenario: forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2021, lmref.FD...)}},
	}
}

// TestSharedErrors checks, with the kit, that every spec words the bad
// inputs all methods share as every other method does.
func TestSharedErrors(t *testing.T) {
	c := longCase()
	for _, tc := range []struct {
		m  Method
		sh forecasttest.Shared
	}{
		{Method{}, forecasttest.Shared{Package: "regression", Driver: forecast.GDP}},
		{Method{Spec: Linear}, forecasttest.Shared{Package: "regression"}},
		{Method{Spec: LogLinear}, forecasttest.Shared{Package: "regression", Positive: true}},
		{Method{Spec: LogLog}, forecasttest.Shared{Package: "regression", Positive: true, Driver: forecast.GDP}},
		{Method{Spec: Linear, Weights: series.New("w", "", lmref.Start, lmref.W()...)}, forecasttest.Shared{Package: "regression"}},
	} {
		t.Run(tc.m.Name(), func(t *testing.T) { forecasttest.CheckSharedErrors(t, tc.m, tc.sh, c) })
	}
}

// TestDistinctNames checks that the specs, bias adjustment and weights
// give configurations of distinct names, and so distinct forecasts in a
// CSV table and a combination.
func TestDistinctNames(t *testing.T) {
	w := series.New("w", "", lmref.Start, lmref.W()...)
	forecasttest.CheckDistinctNames(t, longCase(),
		Method{}, Method{Spec: Linear}, Method{Spec: LogLinear}, Method{Spec: LogLinear, BiasAdjust: true},
		Method{Spec: LogLog}, Method{Spec: LogLog, BiasAdjust: true}, Method{Weights: w}, Method{Spec: Linear, Weights: w},
		Method{Spec: Linear, Weights: w, Label: "linear, other weights"})
}
