package intensity_test

import (
	"fmt"
	"log"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/series"
)

// The plan's copper case: consumption observed in 2000, 2005 and 2010
// (万吨), the GDP index 2000 = 1 growing 9.8 % a year to 2005, 11.2 % to
// 2010 and 7 % to 2015.
func copperData() (series.Series, forecast.Scenario) {
	nan := math.NaN()
	q := series.New("copper", "10kt", 2000,
		374/math.Pow(1.14, 5), nan, nan, nan, nan, 374, nan, nan, nan, nan, 753)
	gdp := series.New("gdp", "index", 2000, 1)
	for y := 2001; y <= 2015; y++ {
		g := 0.07
		switch {
		case y <= 2005:
			g = 0.098
		case y <= 2010:
			g = 0.112
		}
		gdp = gdp.Extend(gdp.Values[gdp.Len()-1] * (1 + g))
	}
	return q, forecast.Scenario{Name: "12th FYP", Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: gdp}}
}

func Example() {
	q, s := copperData()
	// One GDP series spans history and future: Fit reads the observed
	// years, Forecast the scenario's.
	m, err := intensity.Method{}.Fit(q, s.Drivers)
	if err != nil {
		log.Fatal(err)
	}
	f, err := m.Forecast(s, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	v, _ := f.Point.At(2015)
	lo, _ := f.Lower.At(2015)
	hi, _ := f.Upper.At(2015)
	fmt.Printf("%s 2015: %.0f (95%% %.0f–%.0f) %s\n", f.Method, v, lo, hi, f.Point.Unit)
	for _, p := range m.(forecast.ParameterReporter).Parameters() {
		fmt.Printf("%-28s %10.5f ± %.5f\n", p.Name, p.Value, p.StdErr)
	}
	// The plan's 2015 copper figure is 970: the annual intensity change
	// from 2010 that reaches it.
	r, err := m.(forecast.Implier).Implied(s, 2015, 970)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s to reach 970: %.2f%%/yr\n", r.Name, 100*r.Value)
	// Output:
	// intensity 2015: 1266 (95% 1061–1511) 10kt
	// intercept                     -66.06738 ± 2.16251
	// trend                           0.03567 ± 0.00108
	// historical-intensity-change     0.03631 ± NaN
	// intensity-change to reach 970: -1.69%/yr
}

func ExampleMethod_cagr() {
	q, s := copperData()
	// Continue the 2005–2010 rate of change of copper per unit of GDP.
	m, err := intensity.Method{Trajectory: intensity.CAGR}.Fit(q, s.Drivers)
	if err != nil {
		log.Fatal(err)
	}
	f, err := m.Forecast(s, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("rate %.4f, 2015: %.1f, interval [%.1f, %.1f]\n",
		m.(forecast.ParameterReporter).Parameters()[0].Value, f.Point.Values[4], f.Lower.Values[4], f.Upper.Values[4])
	// The interval holds the scatter of ln I about the rate over the two
	// five-year gaps (2005–2010's is 0, the rate coming from it), one
	// degree of freedom; R 4.x: I <- c(q0, 374/1.098^5, 753/(1.098^5*1.112^5)),
	// r1 <- log(I[2]/I[1]) - 5*log(1+rate), p*exp(±qt(0.975,1)*sqrt(5*r1^2/5))
	// gives 986.33935011577955 and 1585.6241256969729.

	// Output:
	// rate 0.0344, 2015: 1250.6, interval [986.3, 1585.6]
}

func ExampleMethod_malenbaum() {
	// Income per head rises 1.1/1.01 a year; intensity traces an inverted
	// U, ln I = −2 + 1.5·ln y − 0.25·(ln y)², peaking at y* = e³.
	var gdp, pop, q []float64
	for k := range 15 {
		gdp = append(gdp, 100*math.Pow(1.1, float64(k)))
		pop = append(pop, 10*math.Pow(1.01, float64(k)))
		if k < 10 {
			ly := math.Log(gdp[k] / pop[k])
			q = append(q, math.Exp(-2+1.5*ly-0.25*ly*ly)*gdp[k])
		}
	}
	d := forecast.Drivers{
		forecast.GDP:        series.New("gdp", "bn", 2000, gdp...),
		forecast.Population: series.New("population", "m", 2000, pop...),
	}
	m, err := intensity.Method{Trajectory: intensity.Malenbaum}.Fit(series.New("metal", "kt", 2000, q...), d)
	if err != nil {
		log.Fatal(err)
	}
	peak, ok := m.(*intensity.Model).PeakIncome()
	fmt.Printf("peak income %.4f (e³ = %.4f), %t\n", peak, math.Exp(3), ok)
	f, err := m.Forecast(forecast.Scenario{Horizon: 5, Drivers: d}, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	ly := math.Log(gdp[14] / pop[14])
	fmt.Printf("2014: %.4f (curve %.4f)\n", f.Point.Values[4], math.Exp(-2+1.5*ly-0.25*ly*ly)*gdp[14])
	// Output:
	// peak income 20.0855 (e³ = 20.0855), true
	// 2014: 458.3374 (curve 458.3374)
}
