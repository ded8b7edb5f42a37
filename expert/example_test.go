package expert_test

import (
	"fmt"
	"log"
	"math"
	"os"

	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// An illustrative two-round panel (made-up judgments from experts A–F, not
// a published panel) on China's refined copper consumption in 2015 (万吨),
// read from CSV, its convergence, and the forecast from 2010's 753.
func Example() {
	f, err := os.Open("testdata/copper2015.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	panel, err := expert.ReadCSV(f)
	if err != nil {
		log.Fatal(err)
	}
	rounds, err := expert.Summarize(panel, 2015)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rounds {
		fmt.Printf("round %d: median %.1f, quartiles %.1f–%.1f, PERT %.1f, spread %.3f\n",
			r.Round, r.Median, r.Q1, r.Q3, r.PERT, r.Spread)
	}
	for _, c := range expert.Convergence(rounds) {
		fmt.Printf("round %d→%d: median moved %.2f %%, spread %+.3f\n", c.From, c.To, 100*c.Median, c.Spread)
	}
	round, why := expert.Stop{MaxSpread: 0.05, MinChange: 0.001}.Check(rounds)
	fmt.Printf("stop after round %d: %v\n", round, why)

	nan := math.NaN()
	history := series.New("copper", "10kt", 2005, 374, nan, nan, nan, nan, 753)
	mod, err := (&expert.Method{Panel: panel}).Fit(history, nil)
	if err != nil {
		log.Fatal(err)
	}
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 5}, 0.5)
	if err != nil {
		log.Fatal(err)
	}
	for i, v := range fc.Point.Values {
		fmt.Printf("%d %6.1f [%6.1f, %6.1f]\n", fc.Point.Start+i, v, fc.Lower.Values[i], fc.Upper.Values[i])
	}
	// Output:
	// round 1: median 975.0, quartiles 912.5–1015.0, PERT 976.9, spread 0.105
	// round 2: median 970.0, quartiles 945.0–987.5, PERT 968.6, spread 0.044
	// round 1→2: median moved 0.51 %, spread -0.061
	// stop after round 2: consensus
	// 2011  792.1 [ 788.0,  795.0]
	// 2012  833.3 [ 824.6,  839.3]
	// 2013  876.6 [ 862.9,  886.0]
	// 2014  922.1 [ 903.0,  935.4]
	// 2015  970.0 [ 945.0,  987.5]
}

// Weighted quantiles: equal weights give R's type 7; a heavier weight
// pulls the quantiles towards its value. With weights 3, 1, 1, scaled to
// average 1 (1.8, 0.6, 0.6), the values stand at m_k = (C_k − w_k/2 − 1/2)/2
// = 0.2, 0.8, 1.1 (taken as 1): the median is 1 + 0.3/0.6 = 1.5.
func ExampleQuantiles() {
	x := []float64{1, 2, 3}
	fmt.Println(expert.Quantiles(x, nil, 0.25, 0.5, 0.75))
	fmt.Println(expert.Quantiles(x, []float64{1, 2, 1}, 0.25, 0.5, 0.75))
	fmt.Println(expert.Quantiles(x, []float64{3, 1, 1}, 0.25, 0.5, 0.75))
	// Output:
	// [1.5 2 2.5]
	// [1.5 2 2.5]
	// [1.0833333333333335 1.5 1.9166666666666665]
}
