package forecasttest_test

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// TestCalibratedConforms runs the kit on the wrappers: a calibrated
// method and a (calibrated) combination.
func TestCalibratedConforms(t *testing.T) {
	v := make([]float64, 20)
	for i := range v {
		v[i] = 100 * math.Pow(1.04, float64(i)) * (1 + 0.03*math.Sin(1.7*float64(i)))
	}
	c := forecasttest.Case{Name: "trend", History: series.New("q", "kt", 2000, v...), Scenario: forecast.Scenario{Horizon: 4}}
	for _, m := range []forecast.Method{
		forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{}),
		forecast.Calibrated(baseline.Naive{}, forecast.CalibrationSettings{Scaling: forecast.ScaleSqrtH}),
		forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{Scaling: forecast.ScaleOwn}),
		forecast.Combined("", baseline.Naive{}, baseline.Drift{}),
		forecast.Calibrated(forecast.CombinedInverseMSE("", baseline.Naive{}, baseline.Drift{}, baseline.Mean{}), forecast.CalibrationSettings{}),
	} {
		t.Run(m.Name(), func(t *testing.T) { forecasttest.Run(t, m, c) })
	}
}
