package main

import (
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/theta"
)

// The exponential smoothing comparison: ets.Auto (the six models fitted,
// the one with the smallest AICc selected) against R's ets() and
// statsmodels' ETSModel (the same six fitted, the smallest aicc taken),
// and theta.Method against R's thetaf() and statsmodels' ThetaModel, on
// the first ns series of series.csv, forecasting 5 years with the 95 %
// interval. The results files hold id, model (the index of the selected
// model in ets.Specs(), -1 for Theta), the five points, lower and upper
// bounds.

func runGoSmooth(dir string, ns int, min time.Duration) error {
	jobs, err := readJobs(dir, ns)
	if err != nil {
		return err
	}
	timings := map[string]float64{}
	for _, m := range []forecast.Method{ets.Auto{}, theta.Method{}} {
		var res []forecast.Result
		for _, workers := range []int{0, 1} {
			b := forecast.Batch{Methods: []forecast.Method{m}, Level: level, Workers: workers}
			name := fmt.Sprintf("go-%s-batch-%dw", m.Name(), runtime.GOMAXPROCS(0))
			if workers == 1 {
				name = fmt.Sprintf("go-%s-batch-1w", m.Name())
			}
			timings[name] = timeIt(len(jobs), min, func() { res = b.RunTo(res, jobs) })
			if workers == 1 {
				timings[fmt.Sprintf("cpu-go-%s-batch-1w", m.Name())] = timeCPU(len(jobs), min, func() { res = b.RunTo(res, jobs) })
			}
		}
		lead := make([]string, len(res))
		fs := make([]forecast.Forecast, len(res))
		for i, r := range res {
			if r.Errs[0] != nil {
				return fmt.Errorf("series %d: %v", i, r.Errs[0])
			}
			code := -1
			if _, ok := m.(ets.Auto); ok {
				// Refit for the selected model: Batch keeps only forecasts.
				mod, err := m.Fit(jobs[i].History, nil)
				if err != nil {
					return err
				}
				code = int(mod.(*ets.Model).Spec())
			}
			lead[i], fs[i] = fmt.Sprintf("%d,%d", i, code), r.Forecasts[0]
		}
		if err := writeForecasts(filepath.Join(dir, "go-"+m.Name()+".csv"), "id,model", lead, fs); err != nil {
			return err
		}
	}
	printTimings(timings)
	return nil
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timeCPU runs f until at least min of CPU time has passed and returns
// series per CPU second, a figure that depends less than series/s on
// other work sharing the machine.
func timeCPU(nSeries int, min time.Duration, f func()) float64 {
	f()
	runs := 0
	t0 := cpuTime()
	for cpuTime()-t0 < min {
		f()
		runs++
	}
	return float64(nSeries*runs) / (cpuTime() - t0).Seconds()
}

// compareSmooth prints, for each peer, on how many series it selects the
// same model as this library, the largest relative difference of points
// and bounds over those series and on how many they agree to 1e-8; then
// the throughput table.
func compareSmooth(dir string) error {
	fmt.Printf("agreement with this library (point and 95 %% bounds of 5 years; relative difference, scaled by max(1, |value|)):\n")
	for _, c := range []struct{ ours, peer string }{
		{"go-ets", "r-ets"}, {"go-ets", "statsmodels-ets"},
		{"go-theta", "r-thetaf"}, {"go-theta", "statsmodels-theta"},
	} {
		ref, err := readCSV(filepath.Join(dir, c.ours+".csv"))
		if err != nil {
			return err
		}
		rows, err := readCSV(filepath.Join(dir, c.peer+".csv"))
		if err != nil {
			return err
		}
		if len(rows) != len(ref) {
			return fmt.Errorf("%s: %d series, want %d", c.peer, len(rows), len(ref))
		}
		same, agree := 0, 0
		worst := 0.0
		for i := range ref {
			if len(rows[i]) != len(ref[i]) || rows[i][0] != ref[i][0] {
				return fmt.Errorf("%s: row %d does not match series %v", c.peer, i+2, ref[i][0])
			}
			if rows[i][1] != ref[i][1] {
				continue
			}
			same++
			d := 0.0
			for j := 2; j < len(ref[i]); j++ {
				d = math.Max(d, math.Abs(rows[i][j]-ref[i][j])/math.Max(1, math.Abs(ref[i][j])))
			}
			worst = math.Max(worst, d)
			if d <= tol {
				agree++
			}
		}
		fmt.Printf("  %-18s same model on %4d of %d series; of those, %4d agree to %.0e, max difference %.2e\n", c.peer, same, len(ref), agree, tol, worst)
	}
	rate, order, err := readTimings(filepath.Join(dir, "timings-smooth.txt"))
	if err != nil {
		return err
	}
	for _, t := range []struct{ group, prefix, unit string }{
		{"ets", "", "series/s"}, {"theta", "", "series/s"},
		{"ets", "cpu-", "series per CPU second"}, {"theta", "cpu-", "series per CPU second"},
	} {
		batch := ""
		for _, k := range order {
			if strings.HasPrefix(k, t.prefix+"go-"+t.group+"-batch-") && (batch == "" || rate[k] > rate[batch]) {
				batch = k
			}
		}
		fmt.Printf("\nthroughput (%s; ratio = %s / row):\n", t.unit, batch)
		var rows []string
		for _, k := range order {
			if strings.Contains(k, t.group) && strings.HasPrefix(k, "cpu-") == (t.prefix == "cpu-") {
				rows = append(rows, k)
			}
		}
		sort.Slice(rows, func(i, j int) bool { return rate[rows[i]] > rate[rows[j]] })
		for _, k := range rows {
			fmt.Printf("  %-22s %12.1f  %10.2f×\n", k, rate[k], rate[batch]/rate[k])
		}
	}
	return nil
}
