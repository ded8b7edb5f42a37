package forecast_test

import (
	"fmt"
	"log"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// Which method forecasts these series best, and do its intervals cover
// what they claim? The last three years of each are held out.
func ExampleEvaluation() {
	data := []forecast.EvalSeries{
		{History: series.New("a", "", 2000, 374, 420, 381, 455, 502, 490, 560, 613, 598, 671, 753, 742)},
		{History: series.New("b", "", 2000, 12.1, 11.8, 13.5, 14.2, 13.9, 15.8, 17.2, 16.4, 18.9)},
		{History: series.New("c", "", 2000, 1500, 1620, 1580, 1710, 1690, 1850, 1790, 1950, 2110, 2050, 2230, 2400, 2380, 2500)},
		{History: series.New("d", "", 2000, 88, 95, 91, 102, 99, 97, 104, 110)},
	}
	e := forecast.Evaluation{
		Methods: []forecast.Method{baseline.Naive{}, baseline.Drift{}, regression.Method{Spec: regression.Linear}},
		Holdout: 3,
	}
	r, err := e.Run(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("method             sMAPE   MASE  cover80  cover95  MSIS95")
	for _, m := range r.Summary {
		p := m.Pooled
		fmt.Printf("%-17s %6.2f %6.3f %7.1f%% %7.1f%% %7.2f\n", m.Method, p.SMAPE, p.MASE,
			100*p.Intervals[0].Coverage, 100*p.Intervals[1].Coverage, p.Intervals[1].MSIS)
	}
	fmt.Println(len(r.Rows), "rows, first:", r.Rows[0].Series, r.Rows[0].Method, r.Rows[0].Year, r.Rows[0].Level)
	// Output:
	// method             sMAPE   MASE  cover80  cover95  MSIS95
	// naive              10.73  1.821    58.3%    91.7%    7.57
	// drift               4.79  0.811    91.7%   100.0%    6.64
	// regression-linear   5.13  0.918    75.0%   100.0%    4.75
	// 72 rows, first: a naive 2009 0.8
}

// The interval score of an 80 % interval [8, 12]: its width, plus 2/α = 10
// times the distance of an actual value outside it.
func ExampleIntervalScore() {
	for _, y := range []float64{10, 5, 13} {
		fmt.Printf("%v %.6g\n", y, forecast.IntervalScore(y, 8, 12, 0.8))
	}
	// Output:
	// 10 4
	// 5 34
	// 13 14
}
