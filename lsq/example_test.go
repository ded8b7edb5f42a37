package lsq_test

import (
	"fmt"
	"log"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/lsq"
)

func ExampleOLS() {
	// y = 1, 2, 4 at x = 1, 2, 3, with an intercept column.
	x := mat.NewDense(3, 2, []float64{
		1, 1,
		1, 2,
		1, 3,
	})
	f, err := lsq.OLS(x, []float64{1, 2, 4}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("β = %.4f, SE = %.4f, R² = %.4f, DF = %d\n", f.Coef, f.StdErr, f.R2, f.DF)
	mean, lo, hi, err := f.Predict([]float64{1, 4}, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("at x = 4: %.4f [%.4f, %.4f]\n", mean, lo, hi)
	// Output:
	// β = [-0.6667 1.5000], SE = [0.6236 0.2887], R² = 0.9643, DF = 1
	// at x = 4: 5.3333 [-4.1373, 14.8040]
}

// A Line reused across series fits and forecasts without allocating.
func ExampleLine_TrendTo() {
	var l lsq.Line
	var mean, lower, upper [3]float64
	for _, y := range [][]float64{
		{10, 12, 13, 15, 18},
		{100, 96, 95, 91, 88},
	} {
		if err := l.FitTrend(2020, y); err != nil {
			log.Fatal(err)
		}
		if err := l.TrendTo(mean[:], lower[:], upper[:], 0.9); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("slope %.2f/yr; 2025–2027: %.1f, upper %.1f\n", l.Slope, mean, upper)
	}
	// Output:
	// slope 1.90/yr; 2025–2027: [19.3 21.2 23.1], upper [21.4 23.6 25.8]
	// slope -2.90/yr; 2025–2027: [85.3 82.4 79.5], upper [88.0 85.5 83.1]
}
