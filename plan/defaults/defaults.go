// Package defaults is the plan reproduction's method set: the elasticity,
// consumption-intensity and regression methods configured as the design's
// defaults fix them, so that anyone can re-derive each figure by hand.
//
// For a problem p (plan.NewProblem):
//
//   - elasticity: E = p.HistoricalElasticity(), the published 2006–2010
//     consumption growth over 11.2 %, held constant; Q_t = Q_{t−1}(1 + E·g_t).
//   - intensity: OLS of ln(Q/Y) on the year over 2000, 2005 and 2010,
//     extrapolated; Q_2015 = Î_2015·Y_2015.
//   - regression: OLS of Q on Y over 2000, 2005 and 2010; Q_2015 = a + b·Y_2015.
//
// Y is the GDP index of macro.PlanIndex. The fourth method the plan names,
// expert judgment, needs a panel the plan does not publish; a caller with
// one adds an expert.Method to its own set.
//
// This package imports the method packages so that package plan need not.
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
