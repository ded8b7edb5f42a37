package elasticity_test

import (
	"fmt"
	"log"
	"math"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// The plan's copper case: the arc elasticity over 2005–2010 against a GDP
// index growing 11.2 % a year, a 7 % a year scenario to 2015, and the
// elasticity the plan's own 2015 figure implies.
func Example() {
	nan := math.NaN()
	copper := series.New("copper", "10kt", 2005, 374, nan, nan, nan, nan, 753)
	gdp := series.New(forecast.GDP, "index", 2005, 1)
	for range 5 {
		gdp = gdp.Extend(gdp.Values[gdp.Len()-1] * 1.112)
	}
	for range 5 {
		gdp = gdp.Extend(gdp.Values[gdp.Len()-1] * 1.07)
	}
	drivers := forecast.Drivers{forecast.GDP: gdp}

	mod, err := (&elasticity.Method{}).Fit(copper, drivers)
	if err != nil {
		log.Fatal(err)
	}
	s := forecast.Scenario{Name: "7 %", Horizon: 5}
	f, err := mod.Forecast(s, 0.9)
	if err != nil {
		log.Fatal(err)
	}
	p, err := mod.(forecast.Implier).Implied(s, 2015, 970)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("E = %.4f\n", mod.(*elasticity.Model).Elasticity())
	fmt.Printf("2015: %.1f\n", f.Point.Values[4])
	fmt.Printf("implied %s for 970: %.4f\n", p.Name, p.Value)
	// Output:
	// E = 1.3413
	// 2015: 1179.4
	// implied elasticity for 970: 0.7422
}

// A given elasticity of 1.5 falling linearly to 1.0 by 2015 under 10 %
// growth: E = 1.4, 1.3, 1.2, 1.1, 1.0, so Q = 100·1.14 = 114,
// 114·1.13 = 128.82, 128.82·1.12 = 144.28, …
func ExampleMethod_targetPath() {
	m := &elasticity.Method{Estimator: elasticity.Given, Value: 1.5, TargetYear: 2015, Target: 1}
	mod, err := m.Fit(series.New("q", "", 2009, 90, 100), nil)
	if err != nil {
		log.Fatal(err)
	}
	gdp := series.New(forecast.GDP, "", 2010, 1, 1.1, 1.21, 1.331, 1.4641, 1.61051)
	f, err := mod.Forecast(forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: gdp}}, 0.9)
	if err != nil {
		log.Fatal(err)
	}
	for i, v := range f.Point.Values {
		fmt.Printf("%d %.2f\n", f.Point.Start+i, v)
	}
	// Output:
	// 2011 114.00
	// 2012 128.82
	// 2013 144.28
	// 2014 160.15
	// 2015 176.16
}

// The point elasticity, with an interval from its standard error.
func ExampleMethod_point() {
	q := series.New("q", "", 2004, 210.5, 236.1, 262.4, 301.9, 322.7, 371.2, 406.3)
	y := series.New(forecast.GDP, "", 2004, 100, 110.1, 121.7, 136.2, 148.9, 162.3, 180.2, 192.8)
	mod, err := (&elasticity.Method{Estimator: elasticity.Point}).Fit(q, forecast.Drivers{forecast.GDP: y})
	if err != nil {
		log.Fatal(err)
	}
	p := mod.(forecast.ParameterReporter).Parameters()[0]
	fmt.Printf("%s %.4f (SE %.4f)\n", p.Name, p.Value, p.StdErr)
	f, err := mod.Forecast(forecast.Scenario{Horizon: 1}, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("2011 %.1f [%.1f, %.1f]\n", f.Point.Values[0], f.Lower.Values[0], f.Upper.Values[0])
	// Output:
	// elasticity 1.1235 (SE 0.0290)
	// 2011 438.2 [407.4, 471.4]
}
