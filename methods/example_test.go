package methods_test

import (
	"fmt"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/series"
)

// ExampleDefault runs every default method the data allow on one series,
// with GDP continued at its growth of the last five years.
func ExampleDefault() {
	q := series.New("copper", "kt", 2010, 100, 108, 115, 125, 133, 140, 151, 160)
	gdp := series.New("gdp", "index 2010=100", 2010, 100, 107, 114, 121, 129, 137, 146, 155)
	future, _, err := macro.GrowRecent(gdp, 5, 2020)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc := forecast.Scenario{Horizon: 3, Drivers: forecast.Drivers{forecast.GDP: future}}
	a := forecast.Analyse(q, forecast.Drivers{forecast.GDP: gdp}, sc, methods.Default(methods.Options{}), forecast.AnalysisSettings{Level: 0.8})
	for _, f := range a.Forecasts {
		v, _ := f.Point.At(2020)
		fmt.Printf("%-24s %.1f\n", f.Method, v)
	}
	for _, s := range a.Skipped {
		fmt.Printf("not run: %s (%s)\n", s.Method, s.Driver)
	}
	// Every method's figure agrees with the same rule by hand (python3:
	// closed-form OLS, each trend shifted through the 2017 observation; GDP
	// at its 2012–2017 growth; the arc elasticity over 2012–2017) to the
	// digits shown.

	// Output:
	// regression               194.3
	// regression-loglog        195.0
	// elasticity-arc           195.1
	// elasticity-point         194.9
	// intensity                195.0
	// drift                    185.7
	// regression-linear-anchored 185.6
	// regression-loglinear-anchored 195.5
	// ets                      184.1
	// theta                    172.8
	// combination              192.6
	// combination-inverse-mse  193.1
	// not run: intensity-malenbaum (population)
}
