package benchmarks

import (
	"fmt"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/series"
)

// synthJobs returns n jobs of the speed benchmarks' synthetic data (package
// internal/synth): histories of points annual values from synth.Start with
// a linear trend and noise, and a GDP index growing 4–10 % a year over the
// history and the synth.Horizon forecast years.
func synthJobs(n, points int) []forecast.Job {
	src := synth.New(points)
	jobs := make([]forecast.Job, n)
	for i := range jobs {
		q := src.Trend(points)
		g := src.GDP(points + synth.Horizon)
		jobs[i] = forecast.Job{
			History:  series.Series{Name: fmt.Sprintf("s%d", i), Unit: "10kt", Start: synth.Start, Values: q},
			Drivers:  forecast.Drivers{forecast.GDP: series.Series{Name: forecast.GDP, Start: synth.Start, Values: g}},
			Scenario: forecast.Scenario{Horizon: synth.Horizon},
		}
	}
	return jobs
}
