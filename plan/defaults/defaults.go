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

// names lists the default methods in report order.
var names = [...]string{"elasticity", "intensity", "regression"}

// Names returns (a copy of) the names of the default methods, in report
// order: elasticity, intensity, regression.
func Names() []string { return append([]string(nil), names[:]...) }

// Method returns the default method called name configured for p. It
// returns an error for a name not in Names.
func Method(name string, p plan.Problem) (forecast.Method, error) {
	switch name {
	case "elasticity":
		return &elasticity.Method{Label: "elasticity", Estimator: elasticity.Given, Value: p.HistoricalElasticity()}, nil
	case "intensity":
		return intensity.Method{}, nil
	case "regression":
		return regression.Method{}, nil
	}
	return nil, fmt.Errorf("defaults: unknown method %q (have %v)", name, names)
}

// Set returns the plan.MethodSet of the chosen default methods, all of
// Names() when none is given. It returns an error for an unknown or
// repeated name.
func Set(chosen ...string) (plan.MethodSet, error) {
	if len(chosen) == 0 {
		chosen = names[:]
	}
	for i, n := range chosen {
		if !slices.Contains(names[:], n) {
			return nil, fmt.Errorf("defaults: unknown method %q (have %v)", n, names)
		}
		if slices.Contains(chosen[:i], n) {
			return nil, fmt.Errorf("defaults: method %q given twice", n)
		}
	}
	chosen = slices.Clone(chosen)
	return func(p plan.Problem) ([]forecast.Method, error) {
		ms := make([]forecast.Method, len(chosen))
		for i, n := range chosen {
			m, err := Method(n, p)
			if err != nil {
				return nil, err
			}
			ms[i] = m
		}
		return ms, nil
	}, nil
}
