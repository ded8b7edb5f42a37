package elasticity

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
)

// TestSharedErrors checks, with the kit, that every estimator words the
// bad inputs all methods share as every other method does.
func TestSharedErrors(t *testing.T) {
	c := conformanceCases(false)[1]
	sh := forecasttest.Shared{Package: "elasticity", Positive: true}
	t.Run("arc", func(t *testing.T) {
		d := sh
		d.Driver = forecast.GDP
		forecasttest.CheckSharedErrors(t, Method{}, d, c)
	})
	t.Run("point", func(t *testing.T) {
		d := sh
		d.Driver = forecast.GDP
		forecasttest.CheckSharedErrors(t, Method{Estimator: Point}, d, c)
	})
	t.Run("given", func(t *testing.T) { forecasttest.CheckSharedErrors(t, Method{Estimator: Given, Value: 0.8}, sh, c) })
}

// TestDistinctNames checks that arc, point and given elasticities, their
// windows and targets give configurations of distinct names, and so
// distinct forecasts in a CSV table and a combination.
func TestDistinctNames(t *testing.T) {
	forecasttest.CheckDistinctNames(t, conformanceCases(false)[1],
		Method{}, Method{From: 2005}, Method{Estimator: Point}, Method{Estimator: Point, From: 2006, To: 2009},
		Method{Estimator: Given, Value: 0.8}, Method{Estimator: Given, Value: 0.9},
		Method{Estimator: Point, TargetYear: 2020, Target: 0.5}, Method{Estimator: Point, TargetYear: 2020, Target: 0.6},
		Method{Estimator: Given, Value: 0.8, Label: "elasticity (plan)"})
}
