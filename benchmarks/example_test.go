package benchmarks_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// Example is the usage example of the README: three methods on one
// series, combined with equal weights.
func Example() {
	// Illustrative consumption (NaN would mark a missing year) and real GDP index.
	q := series.New("copper", "万吨", 2000, 194.2, 230, 262, 305, 336, 374, 425, 486, 513, 590, 753)
	gdp := series.New("gdp", "index", 2000, 1, 1.08, 1.18, 1.3, 1.43, 1.6, 1.8, 2.06, 2.26, 2.47, 2.71)
	drivers := forecast.Drivers{forecast.GDP: gdp}

	// The scenario: GDP grows 7 % a year for five years, in its own unit.
	future, err := macro.Grow(gdp, 0.07, 2015) // 2000–2015
	if err != nil {
		log.Fatal(err)
	}
	sc := forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: future}}

	var fs []forecast.Forecast
	for _, m := range []forecast.Method{&elasticity.Method{}, intensity.Method{}, regression.Method{}} {
		model, err := m.Fit(q, drivers)
		if err != nil {
			log.Fatal(err)
		}
		f, err := model.Forecast(sc, 0.95)
		if err != nil {
			log.Fatal(err)
		}
		fs = append(fs, f)
	}
	c, err := forecast.Combine("", nil, fs...) // equal weights
	if err != nil {
		log.Fatal(err)
	}
	v, _ := c.Forecast.Point.At(2015)
	fmt.Printf("2015: %.0f 万吨\n", v)
	// The arc elasticity compares 2005 and 2010 (elasticity.DefaultArcWindow).

	// Output: 2015: 1088 万吨
}
