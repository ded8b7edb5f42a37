package defaults

import (
	"fmt"
	"slices"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/regression"
)

// Names lists the default methods in report order.
var Names = []string{"elasticity", "intensity", "regression"}

// Method returns the default method called name configured for p. It
// returns an error for a name not in Names.
func Method(name string, p plan.Problem) (forecast.Method, error) {
	switch name {
	case "elasticity":
		return &elasticity.Method{Estimator: elasticity.Given, Value: p.HistoricalElasticity()}, nil
	case "intensity":
		return intensity.Method{}, nil
	case "regression":
		return regression.Method{}, nil
	}
	return nil, fmt.Errorf("defaults: unknown method %q (have %v)", name, Names)
}

// Set returns the plan.MethodSet of the named default methods, all of
// Names when none is given. It returns an error for an unknown or
// repeated name.
func Set(names ...string) (plan.MethodSet, error) {
	if len(names) == 0 {
		names = Names
	}
	for i, n := range names {
		if !slices.Contains(Names, n) {
			return nil, fmt.Errorf("defaults: unknown method %q (have %v)", n, Names)
		}
		if slices.Contains(names[:i], n) {
			return nil, fmt.Errorf("defaults: method %q given twice", n)
		}
	}
	names = slices.Clone(names)
	return func(p plan.Problem) ([]forecast.Method, error) {
		ms := make([]forecast.Method, len(names))
		for i, n := range names {
			m, err := Method(n, p)
			if err != nil {
				return nil, err
			}
			ms[i] = m
		}
		return ms, nil
	}, nil
}
