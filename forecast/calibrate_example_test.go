package forecast_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// ExampleCalibrated sets drift's interval from the series' own
// out-of-sample errors: 13 rolling origins, up to 6 years ahead.
func ExampleCalibrated() {
	q := series.New("copper", "kt", 2000, 100, 108, 119, 125, 131, 146, 152, 160, 178, 181, 190, 211, 220, 226, 241, 260, 262, 280)
	m := forecast.Calibrated(baseline.Drift{}, forecast.CalibrationSettings{})
	model, err := m.Fit(q, nil)
	if err != nil {
		log.Fatal(err)
	}
	n, _ := forecast.CalibrationErrors(model)
	f, err := model.Forecast(forecast.Scenario{Horizon: 3}, 0.8)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s from %d errors\n", f.Method, n)
	for k, p := range f.Point.Values {
		fmt.Printf("%d %.1f [%.1f, %.1f]\n", f.Point.Start+k, p, f.Lower.Values[k], f.Upper.Values[k])
	}
	// The rule is the scores |e|/(s_t·k) and their type-7 quantile at
	// a = 0.8·14/13; TestCalibratedFallback works it out step by step on a
	// shorter history.

	// Output:
	// drift-calibrated from 63 errors
	// 2018 290.6 [282.2, 299.0]
	// 2019 301.2 [284.4, 318.0]
	// 2020 311.8 [286.6, 336.9]
}
