package ets_test

import (
	"testing"

	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/smoothtest"
	"github.com/nonferrous/demand/series"
)

// TestSharedErrors checks, with the kit, that every model words the bad
// inputs all methods share as every other method does; errors start with
// the method's name (ets, ets-ann, …).
func TestSharedErrors(t *testing.T) {
	for _, m := range []forecast.Method{ets.Auto{}, ets.Method{Spec: ets.ANN}, ets.Method{Spec: ets.AAdN}, ets.Method{Spec: ets.MAN}} {
		t.Run(m.Name(), func(t *testing.T) {
			forecasttest.CheckSharedErrors(t, m, forecasttest.Shared{Package: m.Name(), Positive: m.Name() == "ets-man"}, smoothtest.SharedCase())
		})
	}
}

// TestDistinctNames checks that the six models and the automatic choice
// have distinct names, and so distinct forecasts in a CSV table and a
// combination.
func TestDistinctNames(t *testing.T) {
	forecasttest.CheckDistinctNames(t, smoothtest.SharedCase(), ets.Auto{},
		ets.Method{Spec: ets.ANN}, ets.Method{Spec: ets.AAN}, ets.Method{Spec: ets.AAdN},
		ets.Method{Spec: ets.MNN}, ets.Method{Spec: ets.MAN}, ets.Method{Spec: ets.MAdN})
}

// TestMinTrain checks that a backtest of each model starts from as many
// observed years as the model is fit from: the first origin's fit never
// fails for want of years.
func TestMinTrain(t *testing.T) {
	h := series.New("q", "t", 2000, 10, 12, 11, 14, 15, 17, 16, 19, 21, 22, 24, 23)
	for _, m := range []forecast.Method{ets.Auto{}, ets.Method{Spec: ets.ANN}, ets.Method{Spec: ets.AAdN}, ets.Method{Spec: ets.MAN}} {
		if _, err := forecast.Backtest(m, h, nil, 2, forecast.BacktestSettings{}); err != nil {
			t.Errorf("%s: %v", m.Name(), err)
		}
	}
	if got := (ets.Method{Spec: ets.AAdN}).MinTrain(); got != 7 {
		t.Errorf("AAdN MinTrain = %d, want 7 (5 parameters and states + 2)", got)
	}
}

// TestCalibrationScaling checks the Scaling by which forecast.Calibrated
// pools the errors of each method: √h for Auto, the default for a given
// model.
func TestCalibrationScaling(t *testing.T) {
	var m forecast.Method = ets.Auto{}
	if cs, ok := m.(forecast.CalibrationScaler); !ok || cs.CalibrationScaling() != forecast.ScaleSqrtH {
		t.Errorf("Auto: not a CalibrationScaler of sqrt-h")
	}
	m = ets.Method{Spec: ets.ANN}
	if _, ok := m.(forecast.CalibrationScaler); ok {
		t.Errorf("Method: a CalibrationScaler, want the default scaling")
	}
}
