package intensity

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
)

// TestForecastConcurrent calls Forecast, and ForecastTo into each
// goroutine's own Forecast, of one LogTrend and one Malenbaum model at two
// levels from several goroutines at once, and checks every result against
// a lone call's, bit for bit. Run with -race, it also checks that they do
// not write to the model.
func TestForecastConcurrent(t *testing.T) {
	levels := [2]float64{0.95, 0.5}
	const goroutines, rounds = 8, 200
	h, d, s := malenbaumData()
	for _, m := range []Method{{}, {Trajectory: Malenbaum}} {
		t.Run(m.Name(), func(t *testing.T) {
			md := mustFit(t, m, h, d)
			var want [2]forecast.Forecast
			for i, level := range levels {
				want[i] = mustForecast(t, md, s, level)
			}
			if cmp.Equal(want[0].Upper, want[1].Upper) {
				t.Fatal("the two levels give the same interval")
			}
			diffs := make([]string, goroutines)
			var start, done sync.WaitGroup
			start.Add(1)
			for g := range goroutines {
				done.Add(1)
				go func() {
					defer done.Done()
					start.Wait()
					level := levels[g%2]
					var dst forecast.Forecast
					for range rounds {
						f, err := md.Forecast(s, level)
						if err == nil {
							err = md.ForecastTo(&dst, s, level)
						}
						if err != nil {
							diffs[g] = err.Error()
							return
						}
						if d := cmp.Diff(want[g%2], f, cmpopts.EquateNaNs()) + cmp.Diff(want[g%2], dst, cmpopts.EquateNaNs()); d != "" {
							diffs[g] = d
							return
						}
					}
				}()
			}
			start.Done()
			done.Wait()
			for g, d := range diffs {
				if d != "" {
					t.Errorf("goroutine %d at level %g (-want +got):\n%s", g, levels[g%2], d)
				}
			}
		})
	}
}
