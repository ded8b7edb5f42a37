package ets

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/smoothtest"
	"github.com/nonferrous/demand/series"
)

// conformanceCases are the histories the kit runs: the reference series,
// the same with gaps and with a missing first year, its last eight years,
// and a falling series that crosses zero (additive models only).
func conformanceCases(positiveOnly bool) []forecasttest.Case {
	long := smoothtest.History()
	gaps := long.Clone()
	gaps.Values[0], gaps.Values[6], gaps.Values[11] = math.NaN(), math.NaN(), math.NaN()
	short, _ := long.Window(2013, 2020)
	cases := []forecasttest.Case{
		{Name: "long", History: long, Scenario: forecast.Scenario{Horizon: 6}},
		{Name: "gaps", History: gaps, Scenario: forecast.Scenario{Horizon: 6}},
		{Name: "short", History: short, Scenario: forecast.Scenario{Horizon: 3}},
	}
	if !positiveOnly {
		cases = append(cases, forecasttest.Case{Name: "crossing zero",
			History:  series.New("y", "t", 1990, 30, 26, 21, 19, 12, 9, 4, 1, -3, -6, -12),
			Scenario: forecast.Scenario{Horizon: 4}})
	}
	return cases
}

func TestConformance(t *testing.T) {
	t.Run("auto", func(t *testing.T) {
		forecasttest.Run(t, Auto{}, conformanceCases(false)...)
	})
	t.Run("auto-bic", func(t *testing.T) {
		forecasttest.Run(t, Auto{IC: BIC, Specs: []Spec{AAN, MAdN}}, conformanceCases(true)...)
	})
	for _, s := range Specs() {
		t.Run(s.String(), func(t *testing.T) {
			forecasttest.Run(t, Method{Spec: s}, conformanceCases(s.Multiplicative())...)
		})
	}
	t.Run("simulated", func(t *testing.T) {
		cases := conformanceCases(true)
		for i := range cases {
			cases[i].RefitAllocates = true // the paths
		}
		forecasttest.Run(t, Auto{Simulate: 2000, Seed: 7}, cases...)
	})
	t.Run("fixed", func(t *testing.T) {
		m := Method{Spec: AAdN, Alpha: 0.3, Beta: 0.1, Phi: 0.9, Initial: []float64{100, 5}}
		forecasttest.Run(t, m, conformanceCases(false)...)
	})
}
