package forecast_test

import (
	"fmt"
	"log"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func ExampleCombine() {
	// Two methods' 2015 forecasts of a metal's consumption (10 kt); the
	// second gives no interval.
	reg := forecast.Forecast{Method: "regression", Level: 0.95,
		Point: series.New("copper", "10kt", 2015, 1000),
		Lower: series.New("copper", "10kt", 2015, 900),
		Upper: series.New("copper", "10kt", 2015, 1100)}
	ela := forecast.Forecast{Method: "elasticity", Level: 0.95,
		Point: series.New("copper", "10kt", 2015, 1100),
		Lower: series.New("copper", "10kt", 2015, math.NaN()),
		Upper: series.New("copper", "10kt", 2015, math.NaN())}

	eq, err := forecast.Combine("", nil, reg, ela)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %v: %.0f [%.0f, %.0f]\n", eq.Method, eq.Weights, eq.Point.Values[0], eq.Lower.Values[0], eq.Upper.Values[0])

	// Bates–Granger weights from backtest MSEs 100 and 400: 0.8 and 0.2.
	w, err := forecast.InverseMSEWeights(100, 400)
	if err != nil {
		log.Fatal(err)
	}
	bg, err := forecast.Combine("bates-granger", w, reg, ela)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %.1f: %.0f [%.0f, %.0f]\n", bg.Method, bg.Weights, bg.Point.Values[0], bg.Lower.Values[0], bg.Upper.Values[0])
	// Output:
	// combination [0.5 0.5]: 1050 [950, 1150]
	// bates-granger [0.8 0.2]: 1020 [920, 1120]
}

func ExampleAccuracy() {
	training := series.New("q", "", 2000, 10, 12, 13, 15)
	actual := series.New("q", "", 2004, 16, 18)
	predicted := series.New("q", "", 2004, 17, 17.5)
	m, err := forecast.Accuracy(actual, predicted, training)
	if err != nil {
		log.Fatal(err)
	}
	// Errors −1 and 0.5; the naive in-sample scale is (2+1+2)/3 = 5/3.
	fmt.Printf("N %d  ME %.2f  MAE %.2f  RMSE %.4f  MAPE %.4f  MASE %.2f\n", m.N, m.ME, m.MAE, m.RMSE, m.MAPE, m.MASE)
	// Output:
	// N 2  ME -0.25  MAE 0.75  RMSE 0.7906  MAPE 4.5139  MASE 0.45
}

func ExampleBacktest() {
	// naive, a Method defined in this package's tests, forecasts the last
	// observed value for every later year.
	h := series.New("q", "", 2000, 1, 2, 4, 7, 11)
	r, err := forecast.Backtest(naive{}, h, nil, 2, forecast.BacktestSettings{MinTrain: 2})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range r.Origins {
		fmt.Println(o.Year, o.Errors)
	}
	fmt.Printf("pooled ME %.1f, 1 step %.1f, 2 steps %.1f\n", r.Measures.ME, r.ByStep[0].ME, r.ByStep[1].ME)
	// Output:
	// 2001 [2 5]
	// 2002 [3 7]
	// 2003 [4]
	// pooled ME 4.2, 1 step 3.0, 2 steps 6.0
}
