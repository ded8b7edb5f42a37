package expert

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

// TestSharedErrors checks, with the kit, that the expert method words the
// bad inputs all methods share as every other method does. (Only the last
// value of the history must be positive, which the kit's zero is.)
func TestSharedErrors(t *testing.T) {
	c := forecasttest.Case{Name: "copper to 2015", History: copperHistory(), Scenario: forecast.Scenario{Horizon: 5}}
	forecasttest.CheckSharedErrors(t, Method{Panel: readPanel(t)}, forecasttest.Shared{Package: "expert", Positive: true}, c)
}

// TestDistinctNames checks that the aggregates and intervals give
// configurations of distinct names, and so distinct forecasts in a CSV
// table and a combination.
func TestDistinctNames(t *testing.T) {
	p := readPanel(t)
	forecasttest.CheckDistinctNames(t, forecasttest.Case{Name: "copper to 2015", History: copperHistory(), Scenario: forecast.Scenario{Horizon: 5}},
		Method{Panel: p}, Method{Panel: p, Aggregate: PERTMean}, Method{Panel: p, Interval: Range},
		Method{Panel: p, Aggregate: PERTMean, Interval: Range}, Method{Panel: p[:len(p)/2], Label: "expert, first half"})
}
