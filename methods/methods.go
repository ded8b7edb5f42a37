package methods

import (
	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/theta"
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

// Univariate returns the methods that need no driver and join the default
// candidates, each measured on M1 yearly (see the package documentation):
// drift and the anchored linear and log-linear trends, whose inverse-MSE
// combination was the most accurate forecast measured there. A univariate
// method joins them by one line here once demand evaluate has measured
// that it makes the combination better; exponential smoothing and Theta
// did not, and are in Alone.
func Univariate() []forecast.Method {
	return []forecast.Method{
		baseline.Drift{},
		regression.Method{Spec: regression.Linear, Anchor: true},
		regression.Method{Spec: regression.LogLinear, Anchor: true},
	}
}

// Alone returns the univariate methods that Default runs beside the others
// but keeps out of the combinations (forecast.Candidate.Alone): automatic
// exponential smoothing (ets.Auto, named "ets") and Theta ("theta").
func Alone() []forecast.Method {
	return []forecast.Method{ets.Auto{}, theta.Method{}}
}

// Combination returns the inverse-MSE combination of the Univariate
// methods, CombinedInverseMSE(Univariate()), named
// forecast.InverseMSECombinationName ("combination-inverse-mse"): the
// combination rule measured best on M1 yearly, as Analyse applies it to
// every backtested candidate.
func Combination() forecast.Method {
	return forecast.CombinedInverseMSE("", Univariate()...)
}

// DefaultCombination returns the combination measured best on M1 yearly
// with its interval calibrated: Calibrated(Combination()), named
// "combination-inverse-mse-calibrated".
func DefaultCombination() forecast.Method {
	return forecast.Calibrated(Combination(), forecast.CalibrationSettings{})
}

// Default returns the module's default candidates, described in the
// package documentation, in that order: regression, regression-loglog,
// elasticity-arc, elasticity-point, intensity, intensity-malenbaum, the
// Univariate methods under their Names, the Alone methods (ets, theta,
// kept out of the combinations), and expert when o.Panel is not nil. Every candidate but expert is Calibrated (forecast.CalibrationSettings
// zero value), its label unchanged. Each call returns new values.
func Default(o Options) []forecast.Candidate {
	cal := func(m forecast.Method) forecast.Method { return forecast.Calibrated(m, forecast.CalibrationSettings{}) }
	cs := []forecast.Candidate{
		{Label: Regression, Method: cal(regression.Method{Anchor: true})},
		{Label: RegressionLogLog, Method: cal(regression.Method{Spec: regression.LogLog, Anchor: true})},
		{Label: ElasticityArc, Method: cal(&elasticity.Method{})},
		{Label: ElasticityPoint, Method: cal(&elasticity.Method{Estimator: elasticity.Point})},
		{Label: Intensity, Method: cal(intensity.Method{Anchor: true})},
		{Label: IntensityMalenbaum, Method: cal(intensity.Method{Trajectory: intensity.Malenbaum, Anchor: true}), Needs: []string{forecast.Population}},
	}
	for _, m := range Univariate() {
		cs = append(cs, forecast.Candidate{Label: m.Name(), Method: cal(m)})
	}
	// Exponential smoothing and Theta are shown beside the defaults but
	// combined with nothing: on M1 each made the default combination less
	// accurate (see the package documentation).
	for _, m := range Alone() {
		cs = append(cs, forecast.Candidate{Label: m.Name(), Method: cal(m), Alone: true})
	}
	if o.Panel != nil {
		cs = append(cs, forecast.Candidate{Label: Expert, Method: &expert.Method{Panel: o.Panel, Year: o.Year}, NoBacktest: true})
	}
	return cs
}
