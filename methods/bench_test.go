package methods_test

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/series"
)

// BenchmarkAnalyseDefault runs the default methods, their backtests and
// combinations on one 26-year series with GDP and population, as demand
// forecast does for each series.
func BenchmarkAnalyseDefault(b *testing.B) {
	const n = 26
	q, gdp, pop := make([]float64, n), make([]float64, n+5), make([]float64, n+5)
	for i := range gdp {
		gdp[i] = 100 * math.Pow(1.05, float64(i)) * (1 + 0.01*math.Sin(float64(i)))
		pop[i] = 48 * math.Pow(1.004, float64(i))
		if i < n {
			q[i] = 420 * math.Pow(gdp[i]/100, 0.9) * (1 + 0.02*math.Cos(float64(i)))
		}
	}
	h := series.New("copper", "kt", 1995, q...)
	future := forecast.Drivers{forecast.GDP: series.New("gdp", "index", 1995, gdp...), forecast.Population: series.New("population", "million", 1995, pop...)}
	observed := forecast.Drivers{}
	for k, d := range future {
		observed[k] = series.New(d.Name, d.Unit, d.Start, d.Values[:n]...)
	}
	sc := forecast.Scenario{Horizon: 5, Drivers: future}
	cands := methods.Default(methods.Options{})
	b.ReportAllocs()
	for b.Loop() {
		a := forecast.Analyse(h, observed, sc, cands, forecast.AnalysisSettings{Level: 0.8})
		if len(a.Forecasts) != 13 {
			b.Fatalf("%d forecasts, want 13: skipped %v, notes %v", len(a.Forecasts), a.Skipped, a.Notes)
		}
	}
}
