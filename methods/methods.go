package methods

import (
	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/regression"
)

// Labels of the default candidates, as their forecasts are named.
const (
	Regression         = "regression"
	RegressionLogLog   = "regression-loglog"
	ElasticityArc      = "elasticity-arc"
	ElasticityPoint    = "elasticity-point"
	Intensity          = "intensity"
	IntensityMalenbaum = "intensity-malenbaum"
	Expert             = "expert"
)

// Options are the inputs of Default beyond the history and drivers. The
// zero value gives the methods that need no panel.
type Options struct {
	// Panel holds an expert panel's judgments of the series; nil means no
	// expert candidate.
	Panel []expert.Judgment
	// Year is the target year the panel judges (expert.Method.Year); 0
	// means the latest year in Panel.
	Year int
}

// Default returns the module's default candidates, described in the
// package documentation, in that order: regression, regression-loglog,
// elasticity-arc, elasticity-point, intensity, intensity-malenbaum, and
// expert when o.Panel is not nil. Each call returns new values.
func Default(o Options) []forecast.Candidate {
	cs := []forecast.Candidate{
		{Label: Regression, Method: regression.Method{}},
		{Label: RegressionLogLog, Method: regression.Method{Spec: regression.LogLog}},
		{Label: ElasticityArc, Method: &elasticity.Method{}},
		{Label: ElasticityPoint, Method: &elasticity.Method{Estimator: elasticity.Point}},
		{Label: Intensity, Method: intensity.Method{}},
		{Label: IntensityMalenbaum, Method: intensity.Method{Trajectory: intensity.Malenbaum}, Needs: []string{forecast.Population}},
	}
	if o.Panel != nil {
		cs = append(cs, forecast.Candidate{Label: Expert, Method: &expert.Method{Panel: o.Panel, Year: o.Year}, NoBacktest: true})
	}
	return cs
}
