package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/synth"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

const (
	start   = synth.Start
	points  = 20
	horizon = synth.Horizon
	level   = 0.95
	tol     = 1e-8 // relative agreement required of every point and bound
)

func main() {
	gen := flag.String("gen", "", "write the synthetic series to `dir`/series.csv")
	goDir := flag.String("go", "", "forecast `dir`/series.csv here and write dir/go.csv")
	cmpDir := flag.String("compare", "", "compare the peers' results in `dir` and print the table")
	smoothDir := flag.String("go-smooth", "", "forecast the first -ns series of `dir`/series.csv with ets.Auto and theta here, write dir/go-ets.csv and dir/go-theta.csv, print timings")
	cmpSmooth := flag.String("compare-smooth", "", "compare the peers' exponential smoothing and Theta results in `dir` and print the table")
	ns := flag.Int("ns", 300, "number of series for -go-smooth")
	n := flag.Int("n", 10000, "number of series for -gen")
	minTime := flag.Duration("time", time.Second, "minimum timing per Go variant")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("peers: ")
	switch {
	case *gen != "":
		check(writeSeries(filepath.Join(*gen, "series.csv"), *n))
	case *goDir != "":
		check(runGo(*goDir, *minTime))
	case *cmpDir != "":
		check(compare(*cmpDir))
	case *smoothDir != "":
		check(runGoSmooth(*smoothDir, *ns, *minTime))
	case *cmpSmooth != "":
		check(compareSmooth(*cmpSmooth))
	default:
		flag.Usage()
		os.Exit(2)
	}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// writeSeries writes n series as rows id,start,y1,…,y20: synth.Source.Trend,
// a random level and slope, and normal noise of standard deviation 3.
func writeSeries(path string, n int) error {
	src := synth.New(points)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "id,start")
	for k := 1; k <= points; k++ {
		fmt.Fprintf(w, ",y%d", k)
	}
	fmt.Fprintln(w)
	for i := range n {
		fmt.Fprintf(w, "%d,%d", i, start)
		for _, y := range src.Trend(points) {
			fmt.Fprintf(w, ",%s", strconv.FormatFloat(y, 'g', -1, 64))
		}
		fmt.Fprintln(w)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// readCSV returns the rows of a CSV file after its header, as numbers.
func readCSV(path string) ([][]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	rows := make([][]float64, len(recs)-1)
	for i, rec := range recs[1:] {
		rows[i] = make([]float64, len(rec))
		for j, s := range rec {
			v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return nil, fmt.Errorf("%s: line %d, column %d: %v", path, i+2, j+1, err)
			}
			rows[i][j] = v
		}
	}
	return rows, nil
}

// timeIt runs f until at least min has passed and returns series/s.
func timeIt(nSeries int, min time.Duration, f func()) float64 {
	f() // warm up: buffers, the t quantile cache
	runs := 0
	t0 := time.Now()
	for time.Since(t0) < min {
		f()
		runs++
	}
	return float64(nSeries*runs) / time.Since(t0).Seconds()
}

// readJobs returns the series of dir/series.csv (the first ns of them, or
// all if ns is negative) as jobs forecasting horizon years.
func readJobs(dir string, ns int) ([]forecast.Job, error) {
	rows, err := readCSV(filepath.Join(dir, "series.csv"))
	if err != nil {
		return nil, err
	}
	if ns >= 0 && ns < len(rows) {
		rows = rows[:ns]
	}
	jobs := make([]forecast.Job, len(rows))
	for i, r := range rows {
		jobs[i] = forecast.Job{
			History:  series.Series{Name: strconv.Itoa(int(r[0])), Start: int(r[1]), Values: r[2:]},
			Scenario: forecast.Scenario{Horizon: horizon},
		}
	}
	return jobs, nil
}

// writeForecasts writes path: the header head followed by the columns
// p1…, l1…, u1… of the horizon years, then for each forecast fs[i] a row of
// lead[i] followed by its points, lower and upper bounds, each to 17
// significant digits.
func writeForecasts(path, head string, lead []string, fs []forecast.Forecast) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	fmt.Fprint(w, head)
	for _, p := range []string{"p", "l", "u"} {
		for k := 1; k <= horizon; k++ {
			fmt.Fprintf(w, ",%s%d", p, k)
		}
	}
	fmt.Fprintln(w)
	for i, f := range fs {
		fmt.Fprint(w, lead[i])
		for _, v := range [][]float64{f.Point.Values, f.Lower.Values, f.Upper.Values} {
			for _, x := range v {
				fmt.Fprintf(w, ",%s", strconv.FormatFloat(x, 'g', 17, 64))
			}
		}
		fmt.Fprintln(w)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return out.Close()
}

// printTimings prints the timings as lines "TIMING name value", sorted by
// name.
func printTimings(timings map[string]float64) {
	names := make([]string, 0, len(timings))
	for k := range timings {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Printf("TIMING %s %.6g\n", k, timings[k])
	}
}

// readTimings reads the TIMING lines that printTimings wrote (those of
// several runs, concatenated) from path: each name's last value, and the
// names in the order of their first line.
func readTimings(path string) (rate map[string]float64, order []string, err error) {
	tf, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	rate = map[string]float64{}
	for _, line := range strings.Split(string(tf), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != "TIMING" {
			continue
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %q: %v", filepath.Base(path), line, err)
		}
		if _, dup := rate[f[1]]; !dup {
			order = append(order, f[1])
		}
		rate[f[1]] = v
	}
	return rate, order, nil
}

func runGo(dir string, min time.Duration) error {
	jobs, err := readJobs(dir, -1)
	if err != nil {
		return err
	}
	m := regression.Method{Spec: regression.Linear}
	var res []forecast.Result
	timings := map[string]float64{}
	for _, workers := range []int{0, 1} {
		b := forecast.Batch{Methods: []forecast.Method{m}, Level: level, Workers: workers}
		name := fmt.Sprintf("go-batch-%dw", runtime.GOMAXPROCS(0))
		if workers == 1 {
			name = "go-batch-1w"
		}
		timings[name] = timeIt(len(jobs), min, func() { res = b.RunTo(res, jobs) })
	}
	for i, r := range res {
		if r.Errs[0] != nil {
			return fmt.Errorf("series %d: %v", i, r.Errs[0])
		}
	}
	// The single-series loop: Method.Fit and Model.Forecast, allocating.
	single := make([]forecast.Forecast, len(jobs))
	timings["go-fit-loop"] = timeIt(len(jobs), min, func() {
		for i, j := range jobs {
			mod, err := m.Fit(j.History, nil)
			if err != nil {
				log.Fatal(err)
			}
			if single[i], err = mod.Forecast(j.Scenario, level); err != nil {
				log.Fatal(err)
			}
		}
	})
	// The closed-form bound, one goroutine.
	q := lsq.TQuantile(level, points-2)
	bound := make([][3][horizon]float64, len(jobs))
	timings["go-limit-1w"] = timeIt(len(jobs), min, func() {
		for i, j := range jobs {
			o := &bound[i]
			synth.TrendTo(o[0][:], o[1][:], o[2][:], j.History.Start, j.History.Values, q)
		}
	})
	// Batch, loop and bound must agree.
	for i := range jobs {
		f, s := res[i].Forecasts[0], single[i]
		for k, pair := range [3][2][]float64{{f.Point.Values, s.Point.Values}, {f.Lower.Values, s.Lower.Values}, {f.Upper.Values, s.Upper.Values}} {
			for y := range horizon {
				if pair[0][y] != pair[1][y] {
					return fmt.Errorf("series %d: batch and loop differ at %d, %d", i, k, y)
				}
				if b := bound[i][k][y]; math.Abs(pair[0][y]-b) > 1e-12*math.Abs(b) {
					return fmt.Errorf("series %d: batch %g and bound %g differ", i, pair[0][y], b)
				}
			}
		}
	}
	lead := make([]string, len(res))
	fs := make([]forecast.Forecast, len(res))
	for i, r := range res {
		lead[i], fs[i] = strconv.Itoa(i), r.Forecasts[0]
	}
	if err := writeForecasts(filepath.Join(dir, "go.csv"), "id", lead, fs); err != nil {
		return err
	}
	printTimings(timings)
	return nil
}

// compare checks each peer's results against go.csv and prints the table.
func compare(dir string) error {
	ref, err := readCSV(filepath.Join(dir, "go.csv"))
	if err != nil {
		return err
	}
	fmt.Printf("agreement with this library (%d series, %d forecast years, point and 95 %% bounds; tolerance %.0e relative):\n", len(ref), horizon, tol)
	for _, peer := range []string{"r-lm", "r-lmfit", "statsmodels"} {
		rows, err := readCSV(filepath.Join(dir, peer+".csv"))
		if err != nil {
			return err
		}
		if len(rows) != len(ref) {
			return fmt.Errorf("%s: %d series, want %d", peer, len(rows), len(ref))
		}
		worst, at := 0.0, ""
		for i := range ref {
			if len(rows[i]) != len(ref[i]) || rows[i][0] != ref[i][0] {
				return fmt.Errorf("%s: row %d does not match series %v", peer, i+2, ref[i][0])
			}
			for j := 1; j < len(ref[i]); j++ {
				d := math.Abs(rows[i][j]-ref[i][j]) / math.Max(1, math.Abs(ref[i][j]))
				if !(d <= worst) {
					worst, at = d, fmt.Sprintf("series %d, column %d", i, j)
				}
			}
		}
		status := "ok"
		if !(worst <= tol) {
			status = "DISAGREE"
		}
		fmt.Printf("  %-12s max relative difference %.2e (%s)  %s\n", peer, worst, at, status)
		if status != "ok" {
			defer os.Exit(1)
		}
	}
	rate, order, err := readTimings(filepath.Join(dir, "timings.txt"))
	if err != nil {
		return err
	}
	sort.Slice(order, func(i, j int) bool { return rate[order[i]] > rate[order[j]] })
	batch := ""
	for _, k := range order {
		if strings.HasPrefix(k, "go-batch-") && (batch == "" || rate[k] > rate[batch]) {
			batch = k
		}
	}
	fmt.Printf("\nthroughput (series/s; ratio = %s / row):\n", batch)
	for _, k := range order {
		fmt.Printf("  %-16s %14.0f  %10.2f×\n", k, rate[k], rate[batch]/rate[k])
	}
	return nil
}
