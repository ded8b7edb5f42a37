package forecast_test

import (
	"fmt"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

func ExampleBatch() {
	// Three series, the second of which no method can use (its last year
	// is missing), forecast with the linear trend and the log-linear trend.
	jobs := []forecast.Job{
		{History: series.New("copper", "10kt", 2006, 360, 380, 400, 420, 440), Scenario: forecast.Scenario{Horizon: 2}},
		{History: series.New("lead", "10kt", 2006, 200, 210, 220, 230, math.NaN()), Scenario: forecast.Scenario{Horizon: 2}},
		{History: series.New("zinc", "10kt", 2006, 300, 330, 350, 380, 410), Scenario: forecast.Scenario{Horizon: 2}},
	}
	b := forecast.Batch{Methods: []forecast.Method{
		regression.Method{Spec: regression.Linear},
		regression.Method{Spec: regression.LogLinear},
	}}
	for i, r := range b.Run(jobs) {
		for k, f := range r.Forecasts {
			if err := r.Errs[k]; err != nil {
				fmt.Printf("%d %s: error\n", i, b.Methods[k].Name())
				continue
			}
			fmt.Printf("%d %s %s: %.1f %.1f\n", i, f.Method, f.Point.Name, f.Point.Values[0], f.Point.Values[1])
		}
	}
	// The linear trend of zinc by hand: t̄ = 2008, ȳ = 354, Sxx = 10,
	// Sxy = 270, b = 27, so 354 + 27·3 = 435 and 462. The log-linear
	// figures equal R's exp(predict(lm(log(y) ~ t), data.frame(t = 2011:2012))).

	// Output:
	// 0 regression-linear copper: 460.0 480.0
	// 0 regression-loglinear copper: 463.8 487.6
	// 1 regression-linear: error
	// 1 regression-loglinear: error
	// 2 regression-linear zinc: 435.0 462.0
	// 2 regression-loglinear zinc: 442.8 478.1
}
