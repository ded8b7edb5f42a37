package ets_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Automatic selection among the six models by AICc, as R's ets(y).
func ExampleAuto() {
	y := series.New("demand", "10kt", 2001,
		112.4, 118.9, 121.3, 131.0, 135.6, 133.2, 142.8, 151.5, 149.9, 160.2,
		171.8, 168.4, 180.1, 189.6, 186.0, 197.3, 210.5, 207.9, 221.4, 229.8)
	mod, err := ets.Auto{}.Fit(y, nil)
	if err != nil {
		log.Fatal(err)
	}
	m := mod.(*ets.Model)
	fmt.Printf("ETS(%v): loglik %.3f, AICc %.3f\n", m.Spec(), m.LogLik(), m.AICc())
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 3}, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	for i, p := range fc.Point.Values {
		fmt.Printf("%d: %.1f [%.1f, %.1f]\n", fc.Point.Start+i, p, fc.Lower.Values[i], fc.Upper.Values[i])
	}
	// Output:
	// ETS(MAN): loglik -57.274, AICc 128.834
	// 2021: 234.2 [221.7, 246.7]
	// 2022: 241.9 [228.7, 255.2]
	// 2023: 249.7 [235.4, 264.1]
}

// One model, damped trend, with its estimated parameters.
func ExampleMethod() {
	y := series.New("demand", "10kt", 2001,
		112.4, 118.9, 121.3, 131.0, 135.6, 133.2, 142.8, 151.5, 149.9, 160.2,
		171.8, 168.4, 180.1, 189.6, 186.0, 197.3, 210.5, 207.9, 221.4, 229.8)
	mod, err := ets.Method{Spec: ets.AAdN}.Fit(y, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range mod.(forecast.ParameterReporter).Parameters() {
		fmt.Printf("%s = %.4f\n", p.Name, p.Value)
	}
	// Output:
	// alpha = 0.1939
	// beta = 0.1650
	// phi = 0.9796
	// l0 = 107.5125
	// b0 = 5.1085
	// sigma2 = 26.0921
}
