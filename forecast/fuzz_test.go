package forecast_test

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// FuzzAnalyse runs the entry points that take a user's history — Analyse,
// Backtest, Accuracy, Combine and Evaluation — on histories and drivers of
// any values (NaN, infinities and zeros included), any start year (near
// math.MinInt and math.MaxInt included) and any horizon: none may panic,
// and what Analyse forecasts is finite.
func FuzzAnalyse(f *testing.F) {
	seed := func(start, horizon int, vals ...float64) {
		b := make([]byte, 8*len(vals))
		for i, v := range vals {
			binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
		}
		f.Add(start, horizon, b)
	}
	seed(2000, 5, 1, 2, 4, 7, 11, 16, 22, 29)
	seed(2000, 3, 5, math.NaN(), 7, 8, 0, 10, -3, 12)
	seed(math.MaxInt-3, 2, 1, 2, 3, 4, 5, 6)
	seed(math.MinInt, 2, 1, 2, 3, 4, 5, 6)
	seed(series.MaxYear-4, forecast.HorizonLimit, 1, 2, 3, 4, 5, 6)
	seed(1990, math.MaxInt, 1, 2, 3, 4, 5, 6)
	seed(1990, -1, math.Inf(1), 2, 3, 4)
	seed(1990, 1)
	f.Fuzz(func(t *testing.T, start, horizon int, data []byte) {
		n := min(len(data)/8, 64)
		v := make([]float64, n)
		for i := range v {
			v[i] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*i:]))
		}
		h := series.Series{Name: "q", Unit: "kt", Start: start, Values: v}
		// GDP: the same values' magnitudes, shifted by a year.
		g := series.Series{Name: forecast.GDP, Start: start + 1, Values: make([]float64, n+max(min(horizon, 8), 0))}
		for i := range g.Values {
			g.Values[i] = 100 + float64(i)
			if i < n {
				g.Values[i] += math.Abs(v[i])
			}
		}
		d := forecast.Drivers{forecast.GDP: g}
		sc := forecast.Scenario{Name: "s", Horizon: horizon}
		cands := []forecast.Candidate{{Method: drift{}}, {Method: naive{}}, {Method: regression.Method{}}, {Method: regression.Method{Spec: regression.LogLinear}}}
		a := forecast.Analyse(h, d, sc, cands, forecast.AnalysisSettings{Level: 0.8})
		for _, fc := range a.Forecasts {
			for _, p := range fc.Point.Values {
				if math.IsNaN(p) || math.IsInf(p, 0) {
					t.Fatalf("%s: point %g", fc.Method, p)
				}
			}
		}
		forecast.Backtest(regression.Method{}, h, d, horizon, forecast.BacktestSettings{MaxOrigins: 5})
		forecast.Accuracy(h, g, h)
		if len(a.Forecasts) > 1 {
			forecast.Combine("c", []float64{1, float64(horizon)}, a.Forecasts[0], a.Forecasts[1])
		}
		forecast.Evaluation{Methods: []forecast.Method{drift{}, regression.Method{}}, Holdout: horizon, Workers: 1}.Run(
			[]forecast.EvalSeries{{History: h, Drivers: d}})
	})
}
