package theta_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
	"github.com/nonferrous/demand/theta"
)

func ExampleMethod() {
	y := series.New("demand", "10kt", 2001,
		112.4, 118.9, 121.3, 131.0, 135.6, 133.2, 142.8, 151.5, 149.9, 160.2,
		171.8, 168.4, 180.1, 189.6, 186.0, 197.3, 210.5, 207.9, 221.4, 229.8)
	mod, err := theta.Method{}.Fit(y, nil)
	if err != nil {
		log.Fatal(err)
	}
	m := mod.(*theta.Model)
	fmt.Printf("alpha %.4f, drift %.4f\n", m.Alpha(), m.Drift())
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 3}, 0.8)
	if err != nil {
		log.Fatal(err)
	}
	for i, p := range fc.Point.Values {
		fmt.Printf("%d: %.1f [%.1f, %.1f]\n", fc.Point.Start+i, p, fc.Lower.Values[i], fc.Upper.Values[i])
	}
	// Output:
	// alpha 0.9999, drift 3.0065
	// 2021: 232.8 [221.5, 244.1]
	// 2022: 235.8 [219.9, 251.8]
	// 2023: 238.8 [219.3, 258.3]
}
