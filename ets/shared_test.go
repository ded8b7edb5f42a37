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

// TestDistinctNames checks that the six models, the automatic choice and
// their settings (criterion, candidates, fixed parameters and states,
// simulation and seed, a Label) have distinct names, and so distinct
// forecasts in a CSV table and a combination.
func TestDistinctNames(t *testing.T) {
	forecasttest.CheckDistinctNames(t, smoothtest.SharedCase(), ets.Auto{},
		ets.Method{Spec: ets.ANN}, ets.Method{Spec: ets.AAN}, ets.Method{Spec: ets.AAdN},
		ets.Method{Spec: ets.MNN}, ets.Method{Spec: ets.MAN}, ets.Method{Spec: ets.MAdN},
		ets.Auto{IC: ets.AIC}, ets.Auto{IC: ets.BIC},
		ets.Auto{Specs: []ets.Spec{ets.ANN}}, ets.Auto{Specs: []ets.Spec{ets.ANN, ets.AAN}},
		ets.Auto{Specs: []ets.Spec{ets.AAN, ets.ANN}}, ets.Auto{IC: ets.BIC, Specs: []ets.Spec{ets.ANN, ets.AAN}},
		ets.Auto{Simulate: 2000}, ets.Auto{Simulate: 2000, Seed: 1}, ets.Auto{Simulate: 1000, Seed: 1},
		ets.Auto{Label: "ets, by hand"},
		ets.Method{Spec: ets.ANN, Alpha: 0.3}, ets.Method{Spec: ets.ANN, Alpha: 0.5},
		ets.Method{Spec: ets.AAN, Alpha: 0.5, Beta: 0.1}, ets.Method{Spec: ets.AAN, Beta: 0.1},
		ets.Method{Spec: ets.AAdN, Phi: 0.9}, ets.Method{Spec: ets.AAdN, Alpha: 0.5, Beta: 0.1, Phi: 0.9},
		ets.Method{Spec: ets.AAdN, Alpha: 0.5, Beta: 0.1, Phi: 0.9, Initial: []float64{10, 1}},
		ets.Method{Spec: ets.AAdN, Alpha: 0.5, Beta: 0.1, Phi: 0.9, Initial: []float64{10, 1.5}},
		ets.Method{Spec: ets.AAdN, Simulate: 2000, Seed: 1}, ets.Method{Spec: ets.AAdN, Simulate: 2000, Seed: 2},
		ets.Method{Spec: ets.AAdN, Simulate: 2000}, ets.Method{Spec: ets.MAdN, Simulate: 2000, Seed: 1},
		ets.Method{Spec: ets.AAdN, Label: "damped, by hand"})
}

// TestNames checks the names of configurations: the defaults keep "ets"
// and "ets-<model>", every other setting is spelt, and a Label wins.
func TestNames(t *testing.T) {
	for _, c := range []struct {
		m    forecast.Method
		want string
	}{
		{ets.Auto{}, "ets"},
		{ets.Auto{Seed: 9}, "ets"}, // no simulation: the seed changes nothing
		{ets.Auto{IC: ets.AIC}, "ets-aic"},
		{ets.Auto{IC: ets.BIC}, "ets-bic"},
		{ets.Auto{IC: 7}, "ets-ic(7)"},
		{ets.Auto{Specs: []ets.Spec{ets.ANN}}, "ets-specs-ann"},
		{ets.Auto{Specs: []ets.Spec{ets.ANN, ets.AAN}}, "ets-specs-ann+aan"},
		{ets.Auto{Specs: []ets.Spec{ets.AAdN, ets.MAdN}}, "ets-specs-aadn+madn"},
		{ets.Auto{Specs: []ets.Spec{}}, "ets-specs"},
		{ets.Auto{Simulate: 2000}, "ets-simulate-2000"},
		{ets.Auto{Simulate: 2000, Seed: 7}, "ets-simulate-2000-seed-7"},
		{ets.Auto{IC: ets.AIC, Specs: []ets.Spec{ets.AAdN, ets.MAdN}, Simulate: 2000, Seed: 7}, "ets-aic-specs-aadn+madn-simulate-2000-seed-7"},
		{ets.Auto{Label: "mine", IC: ets.BIC}, "mine"},
		{ets.Method{}, "ets-ann"},
		{ets.Method{Spec: ets.AAdN}, "ets-aadn"},
		{ets.Method{Spec: ets.MAN}, "ets-man"},
		{ets.Method{Spec: 9}, "ets-unknown"},
		{ets.Method{Spec: ets.AAdN, Seed: 3}, "ets-aadn"},
		{ets.Method{Alpha: 0.3}, "ets-ann-alpha-0.3"},
		{ets.Method{Spec: ets.AAN, Beta: 0.05}, "ets-aan-beta-0.05"},
		{ets.Method{Spec: ets.AAdN, Phi: 0.9}, "ets-aadn-phi-0.9"},
		{ets.Method{Spec: ets.AAN, Alpha: 0.5, Beta: 0.1, Initial: []float64{100, 5}}, "ets-aan-alpha-0.5-beta-0.1-initial-100+5"},
		{ets.Method{Spec: ets.ANN, Alpha: 0.5, Initial: []float64{-2.5}}, "ets-ann-alpha-0.5-initial--2.5"},
		{ets.Method{Initial: []float64{}}, "ets-ann-initial"},
		{ets.Method{Spec: ets.AAdN, Simulate: 2000}, "ets-aadn-simulate-2000"},
		{ets.Method{Spec: ets.AAdN, Simulate: 2000, Seed: 1}, "ets-aadn-simulate-2000-seed-1"},
		{ets.Method{Spec: ets.AAdN, Alpha: 0.3, Beta: 0.1, Phi: 0.9, Initial: []float64{100, 5}, Simulate: 500, Seed: 42},
			"ets-aadn-alpha-0.3-beta-0.1-phi-0.9-initial-100+5-simulate-500-seed-42"},
		{ets.Method{Label: "damped", Spec: ets.AAdN, Alpha: 0.3}, "damped"},
	} {
		if got := c.m.Name(); got != c.want {
			t.Errorf("%#v: Name %q, want %q", c.m, got, c.want)
		}
	}
}

// TestDefaultNamesDoNotAllocate checks that the names of Auto's zero
// value and of a model with nothing fixed are not made anew.
func TestDefaultNamesDoNotAllocate(t *testing.T) {
	ms := []forecast.Method{ets.Auto{}, ets.Auto{Seed: 1}, ets.Method{Spec: ets.AAdN}, ets.Method{Spec: ets.MAN, Seed: 1}, ets.Method{Spec: 9}}
	for _, m := range ms {
		if a := testing.AllocsPerRun(100, func() { _ = m.Name() }); a != 0 {
			t.Errorf("%s: Name allocates %v times", m.Name(), a)
		}
	}
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
