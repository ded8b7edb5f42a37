package regression_test

import (
	"fmt"
	"log"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// The plan's default regression: copper consumption on the GDP index over
// the observed years 2000, 2005 and 2010, forecast to 2015.
func ExampleMethod() {
	nan := math.NaN()
	copper := series.New("copper", "万吨", 2000,
		374/math.Pow(1.14, 5), nan, nan, nan, nan, 374, nan, nan, nan, nan, 753)
	gdp := series.New("gdp", "index 2000 = 1", 2000, 1)
	for y := 2001; y <= 2015; y++ {
		g := map[bool]float64{true: 1.098, false: 1.112}[y <= 2005]
		if y > 2010 {
			g = 1.07
		}
		gdp = gdp.Extend(gdp.Values[gdp.Len()-1] * g)
	}
	model, err := regression.Method{}.Fit(copper, forecast.Drivers{forecast.GDP: gdp})
	if err != nil {
		log.Fatal(err)
	}
	fc, err := model.Forecast(forecast.Scenario{Horizon: 5}, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range model.(forecast.ParameterReporter).Parameters() {
		fmt.Printf("%s = %.2f (SE %.2f)\n", p.Name, p.Value, p.StdErr)
	}
	fmt.Printf("%s 2015: %.0f [%.0f, %.0f] %s\n", fc.Method, fc.Point.Values[4], fc.Lower.Values[4], fc.Upper.Values[4], fc.Point.Unit)
	// Output:
	// intercept = -139.66 (SE 18.16)
	// slope = 327.76 (SE 9.52)
	// regression 2015: 1108 [807, 1408] 万吨
}
