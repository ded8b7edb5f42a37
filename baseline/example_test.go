package baseline_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// The three baselines on one history, with their 80 % intervals.
func Example() {
	h := series.New("copper", "万吨", 2003, 305, 336, 374, 425, 486, 513, 590, 753)
	for _, m := range []forecast.Method{baseline.Naive{}, baseline.Drift{}, baseline.Mean{}} {
		mod, err := m.Fit(h, nil)
		if err != nil {
			log.Fatal(err)
		}
		fc, err := mod.Forecast(forecast.Scenario{Horizon: 2}, 0.8)
		if err != nil {
			log.Fatal(err)
		}
		for i, p := range fc.Point.Values {
			fmt.Printf("%-5s %d  %6.1f  [%6.1f, %6.1f]\n", fc.Method, fc.Point.Start+i, p, fc.Lower.Values[i], fc.Upper.Values[i])
		}
	}
	// Output:
	// naive 2011   753.0  [ 653.8,  852.2]
	// naive 2012   753.0  [ 612.7,  893.3]
	// drift 2011   817.0  [ 752.5,  881.5]
	// drift 2012   881.0  [ 784.3,  977.7]
	// mean  2011   472.8  [ 250.9,  694.6]
	// mean  2012   472.8  [ 250.9,  694.6]
}
