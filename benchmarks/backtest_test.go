package benchmarks

import (
	"fmt"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// BenchmarkBacktestRows backtests the regression of consumption on GDP
// (horizon 5, the default settings) on one history of 1,000, 8,000 and
// 64,000 annual rows: a linear trend with noise (package internal/synth)
// and a GDP index that grows by a constant amount a year, so that it stays
// finite however long the history. With at most DefaultMaxOrigins origins
// the time per backtest grows linearly with the rows.
func BenchmarkBacktestRows(b *testing.B) {
	for _, n := range []int{1000, 8000, 64000} {
		q := synth.New(n).Trend(n)
		g := make([]float64, n)
		for i := range g {
			g[i] = 100 + 0.5*float64(i)
		}
		h := series.Series{Name: "q", Unit: "10kt", Start: synth.Start, Values: q}
		d := forecast.Drivers{forecast.GDP: {Name: forecast.GDP, Start: synth.Start, Values: g}}
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := forecast.Backtest(regression.Method{}, h, d, 5, forecast.BacktestSettings{})
				if err != nil {
					b.Fatal(err)
				}
				if len(r.Origins) != forecast.DefaultMaxOrigins {
					b.Fatalf("%d origins, want %d", len(r.Origins), forecast.DefaultMaxOrigins)
				}
			}
		})
	}
}
