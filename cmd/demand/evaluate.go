package main

// The evaluate subcommand: held-out accuracy and calibration of every
// method the data allow, on the user's own series (forecast.Evaluation).

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/ets"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
	"github.com/nonferrous/demand/theta"
)

// evalMethod is a method demand evaluate can run.
type evalMethod struct {
	name      string   // its name in -methods and in the results
	needs     []string // the drivers it needs
	newMethod func() forecast.Method
}

// evalMethods are the methods of demand evaluate, in the order of its
// tables. Without -drivers it runs those that need no driver; with drivers
// those whose drivers are all given. A new method is evaluated by adding it
// here.
var evalMethods = []evalMethod{
	{"naive", nil, func() forecast.Method { return baseline.Naive{} }},
	{"drift", nil, func() forecast.Method { return baseline.Drift{} }},
	{"mean", nil, func() forecast.Method { return baseline.Mean{} }},
	{"ets", nil, func() forecast.Method { return ets.Auto{} }},
	{"theta", nil, func() forecast.Method { return theta.Method{} }},
	{"regression-linear", nil, func() forecast.Method { return regression.Method{Spec: regression.Linear} }},
	{"regression-loglinear", nil, func() forecast.Method { return regression.Method{Spec: regression.LogLinear} }},
	{"regression", []string{forecast.GDP}, func() forecast.Method { return regression.Method{} }},
	{"regression-loglog", []string{forecast.GDP}, func() forecast.Method { return regression.Method{Spec: regression.LogLog} }},
	{"elasticity-arc", []string{forecast.GDP}, func() forecast.Method { return &elasticity.Method{} }},
	{"elasticity-point", []string{forecast.GDP}, func() forecast.Method { return &elasticity.Method{Estimator: elasticity.Point} }},
	{"intensity", []string{forecast.GDP}, func() forecast.Method { return intensity.Method{} }},
	{"intensity-malenbaum", []string{forecast.GDP, forecast.Population}, func() forecast.Method {
		return intensity.Method{Trajectory: intensity.Malenbaum}
	}},
	{"regression-linear-anchored", nil, func() forecast.Method { return regression.Method{Spec: regression.Linear, Anchor: true} }},
	{"regression-loglinear-anchored", nil, func() forecast.Method { return regression.Method{Spec: regression.LogLinear, Anchor: true} }},
	{"regression-anchored", []string{forecast.GDP}, func() forecast.Method { return regression.Method{Anchor: true} }},
	{"regression-loglog-anchored", []string{forecast.GDP}, func() forecast.Method { return regression.Method{Spec: regression.LogLog, Anchor: true} }},
	{"intensity-anchored", []string{forecast.GDP}, func() forecast.Method { return intensity.Method{Anchor: true} }},
	{"intensity-malenbaum-anchored", []string{forecast.GDP, forecast.Population}, func() forecast.Method {
		return intensity.Method{Trajectory: intensity.Malenbaum, Anchor: true}
	}},
	{forecast.InverseMSECombinationName, nil, methods.Combination},
}

// The calibrated variant of every method above (forecast.Calibrated with
// its default settings, as demand forecast runs them), named with
// forecast.CalibratedSuffix, follows the originals.
func init() {
	for _, m := range evalMethods[:len(evalMethods):len(evalMethods)] {
		newMethod := m.newMethod
		evalMethods = append(evalMethods, evalMethod{m.name + forecast.CalibratedSuffix, m.needs, func() forecast.Method {
			return forecast.Calibrated(newMethod(), forecast.CalibrationSettings{})
		}})
	}
}

const evalUsage = `usage: demand evaluate -series FILE [-drivers FILE] -holdout H [-levels 80,95] [-methods LIST] [-out DIR]

Held-out evaluation: for each series in FILE, the last H observed years are
held out, every method is fit on the years before them and forecasts them
(using the drivers' observed values in those years), and the forecasts are
scored: sMAPE, MASE, the coverage of the prediction intervals at each level,
and MSIS at 95 %. It prints a table per method and writes
DIR/evaluation.csv (one row per series, method, held-out year and level),
DIR/summary.csv (the scores pooled and per step h) and DIR/errors.csv (the
series a method could not use, and why).

The series file is a CSV table, long (columns series,year,value and
optionally unit, rows in any order) or wide (a year column, then one column
per series). The drivers file has the same format and holds series named
gdp (real GDP at constant prices) and optionally population; they apply to
every series.

Without -drivers, the methods that need no driver run; with it, every
method whose drivers are given.

Flags:
  -series FILE    the series to evaluate (required)
  -drivers FILE   the drivers: gdp, population
  -holdout H      the number of observed years held out at the end of each series (required)
  -levels LIST    interval levels in percent, comma-separated (default 80,95); 95 is
                  added if absent, for MSIS
  -methods LIST   comma-separated method names (default: every method the data allow)
  -out DIR        the directory written (default evaluate-out)

Methods: {methods}

Exit status: 0 when the evaluation ran (even if a method could not use some
series: see errors.csv), 1 for a data error, 2 for a usage error.
`

// evalConfig holds the parsed flags of demand evaluate.
type evalConfig struct {
	seriesFile, driversFile string
	holdout                 int
	levels                  []float64
	methods                 []string // nil: the default set
	out                     string
}

func evalUsageText() string {
	var names []string
	for _, m := range evalMethods {
		n := m.name
		if len(m.needs) > 0 {
			n += " (" + strings.Join(m.needs, ", ") + ")"
		}
		names = append(names, n)
	}
	return strings.Replace(evalUsage, "{methods}", strings.Join(names, ", "), 1)
}

// runEvaluate runs demand evaluate with args (the arguments after
// "evaluate") and returns the exit status: 0 on success, 1 for a data
// error, 2 for a usage error. -h prints the usage on stdout.
func runEvaluate(args []string, stdout, stderr io.Writer) int {
	cfg, err := evalParseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, evalUsageText())
		return exitOK
	}
	if err != nil {
		return exit(stderr, "evaluate", usageError{err})
	}
	return exit(stderr, "evaluate", evalRun(cfg, stdout, stderr))
}

func evalParseFlags(args []string) (evalConfig, error) {
	var cfg evalConfig
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.seriesFile, "series", "", "")
	fs.StringVar(&cfg.driversFile, "drivers", "", "")
	fs.Var(numberFlag[int]{&cfg.holdout, "a number of years, such as 6"}, "holdout", "")
	levels := fs.String("levels", "80,95", "")
	methods := fs.String("methods", "", "")
	fs.StringVar(&cfg.out, "out", "evaluate-out", "")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	holdoutSet := false
	fs.Visit(func(f *flag.Flag) { holdoutSet = holdoutSet || f.Name == "holdout" })
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case cfg.seriesFile == "":
		return cfg, errors.New("-series is required")
	case !holdoutSet:
		return cfg, errors.New("-holdout H is required: the number of last observed years of each series to hold out")
	case cfg.holdout < 1 || cfg.holdout > forecast.HorizonLimit:
		return cfg, fmt.Errorf("-holdout must be from 1 to %d (years held out), have %d", forecast.HorizonLimit, cfg.holdout)
	case cfg.out == "":
		return cfg, errors.New("-out is empty")
	}
	var err error
	if cfg.levels, err = evalParseLevels(*levels); err != nil {
		return cfg, err
	}
	if *methods != "" {
		for _, n := range strings.Split(*methods, ",") {
			n = strings.TrimSpace(n)
			if !slices.ContainsFunc(evalMethods, func(m evalMethod) bool { return m.name == n }) {
				return cfg, fmt.Errorf("-methods: unknown method %q", n)
			}
			if slices.Contains(cfg.methods, n) {
				return cfg, fmt.Errorf("-methods: %q given twice", n)
			}
			cfg.methods = append(cfg.methods, n)
		}
	}
	return cfg, nil
}

// evalParseLevels parses "80,95" into 0.8, 0.95 and adds 0.95 if absent.
func evalParseLevels(s string) ([]float64, error) {
	var ls []float64
	for _, f := range strings.Split(s, ",") {
		v, err := series.ParseNumber(f)
		if err != nil || !(v > 0 && v < 100) {
			return nil, fmt.Errorf("-levels: %q is not a level in percent, in (0, 100)", f)
		}
		if v < 1 {
			// A level under 1 % is almost surely a fraction written for a
			// percentage: an interval that should hold 0.8 % of outcomes
			// is of no use, so it is refused rather than guessed.
			return nil, fmt.Errorf("-levels: %q is under 1 %%; levels are in percent (did you mean %g?)", f, v*100)
		}
		l := v / 100
		if slices.Contains(ls, l) {
			return nil, fmt.Errorf("-levels: %q given twice", f)
		}
		ls = append(ls, l)
	}
	if !slices.Contains(ls, 0.95) {
		ls = append(ls, 0.95)
	}
	slices.Sort(ls)
	return ls, nil
}

// evalRun reads the inputs, runs the evaluation, writes the files and
// prints the table.
func evalRun(cfg evalConfig, stdout, stderr io.Writer) error {
	ss, err := readFile(cfg.seriesFile, series.ReadAnyCSV)
	if err != nil {
		return err
	}
	var drivers forecast.Drivers
	if cfg.driversFile != "" {
		if drivers, _, err = readDrivers(cfg.driversFile, stderr, "demand evaluate"); err != nil {
			return err
		}
	}
	chosen, err := evalChoose(cfg.methods, drivers)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(drivers) {
		if !slices.ContainsFunc(chosen, func(m evalMethod) bool { return slices.Contains(m.needs, name) }) {
			fmt.Fprintf(stderr, "demand evaluate: driver %q is used by no method evaluated\n", name)
		}
	}

	e := forecast.Evaluation{Holdout: cfg.holdout, Levels: cfg.levels, Progress: progressFunc(stderr, "demand evaluate")}
	for _, m := range chosen {
		e.Methods = append(e.Methods, m.newMethod())
		e.Names = append(e.Names, m.name)
	}
	data := make([]forecast.EvalSeries, len(ss))
	for i, s := range ss {
		data[i] = forecast.EvalSeries{History: s, Drivers: drivers}
	}
	r, err := e.Run(data)
	if err != nil {
		return err
	}

	paths, err := evalWrite(cfg.out, r)
	if err != nil {
		return err
	}
	evalReport(stdout, r, cfg.seriesFile)
	if len(r.Errors) > 0 {
		const shown = 10
		fmt.Fprintf(stderr, "demand evaluate: %d series or series-method pairs could not be evaluated (all in %s):\n", len(r.Errors), paths[2])
		for _, e := range r.Errors[:min(shown, len(r.Errors))] {
			fmt.Fprintf(stderr, "  %v\n", e)
		}
		if len(r.Errors) > shown {
			fmt.Fprintf(stderr, "  … and %d more\n", len(r.Errors)-shown)
		}
	}
	fmt.Fprintln(stdout, "\nwritten:")
	for _, p := range paths {
		fmt.Fprintln(stdout, " ", p)
	}
	if evalScoredMax(r) == 0 {
		return errors.New("no series could be evaluated by any method")
	}
	return nil
}

// evalChoose returns the methods named (all the drivers allow if names is
// nil), in the order of evalMethods.
func evalChoose(names []string, drivers forecast.Drivers) ([]evalMethod, error) {
	var chosen []evalMethod
	for _, m := range evalMethods {
		asked := slices.Contains(names, m.name)
		if names != nil && !asked {
			continue
		}
		var missing []string
		for _, d := range m.needs {
			if _, ok := drivers[d]; !ok {
				missing = append(missing, d)
			}
		}
		if len(missing) > 0 {
			if asked {
				return nil, usagef("method %s needs the driver %s: give a -drivers file with a series named so",
					m.name, strings.Join(missing, " and "))
			}
			continue
		}
		chosen = append(chosen, m)
	}
	return chosen, nil
}

// evalWrite writes evaluation.csv, summary.csv and errors.csv into dir and
// returns their paths.
func evalWrite(dir string, r *forecast.EvalResult) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"evaluation.csv", r.WriteCSV},
		{"summary.csv", r.WriteSummaryCSV},
		{"errors.csv", r.WriteErrorsCSV},
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		out, err := os.Create(p)
		if err != nil {
			return nil, err
		}
		err = f.write(out)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// evalReport prints the table of the summary and what it says.
func evalReport(w io.Writer, r *forecast.EvalResult, file string) {
	fmt.Fprintf(w, "Held-out evaluation of %s: %d series, the last %d observed years of each held out\n\n", file, r.Series, r.Holdout)
	evalTable(w, r.Levels, r.Summary, true)
	fmt.Fprintln(w, "\nsMAPE in percent (M3: 200|y−f|/(|y|+|f|)); MASE and MSIS scaled by each series' mean absolute")
	fmt.Fprintln(w, "annual change over its fitted years; coverage: the share of held-out values inside the interval.")

	gaps, complete := evalGaps(r, nil)
	ranked := r.Summary
	if r.CommonSeries < evalScoredMax(r) && r.CommonSeries > 0 {
		fmt.Fprintf(w, "\nOn the %d series every method forecast:\n\n", r.CommonSeries)
		evalTable(w, r.Levels, r.Common, false)
		ranked = r.Common
		failed := make(map[string]bool) // the series some method failed on
		for _, e := range r.Errors {
			failed[e.Series] = true
		}
		_, complete = evalGaps(r, failed)
	}
	if len(gaps) > 0 {
		fmt.Fprintln(w, "\nValues left out of a score:")
		for _, g := range gaps {
			fmt.Fprintln(w, " ", g)
		}
	}
	switch {
	case evalScoredMax(r) == 0:
		fmt.Fprintln(w, "\nNo method forecast any series: nothing to rank.")
		return
	case r.CommonSeries == 0:
		fmt.Fprintln(w, "\nNo series was forecast by every method: the methods cannot be ranked on the same data.")
		return
	}
	i95 := slices.Index(r.Levels, 0.95)
	best := func(score func(forecast.MethodSummary) float64, among func(string) bool) string {
		name, v := "-", math.Inf(1)
		for _, m := range ranked {
			if s := score(m); s < v && among(m.Method) {
				name, v = m.Method, s
			}
		}
		return name
	}
	all := func(string) bool { return true }
	among, which := all, ""
	if len(complete) < len(ranked) && len(complete) > 0 {
		among, which = func(m string) bool { return complete[m] }, ", among the methods with an interval for every value"
	}
	fmt.Fprintf(w, "\nMost accurate: %s by MASE, %s by sMAPE; best intervals (lowest MSIS at 95 %%%s): %s.\n",
		best(func(m forecast.MethodSummary) float64 { return m.Pooled.MASE }, all),
		best(func(m forecast.MethodSummary) float64 { return m.Pooled.SMAPE }, all),
		which, best(func(m forecast.MethodSummary) float64 { return m.Pooled.Intervals[i95].MSIS }, among))
	fmt.Fprintln(w, "Honest intervals cover about their level; coverage well below it means intervals too narrow.")
}

// evalGaps returns what the scores leave out, as lines: MASE and MSIS
// the values of the series with no scale (r.Unscaled), coverage and MSIS
// the values a method gives no interval for, with their series, one line
// for the methods that leave out the same ones. It also returns the
// methods with an interval for every value, over the series not in skip.
func evalGaps(r *forecast.EvalResult, skip map[string]bool) ([]string, map[string]bool) {
	noInterval := make(map[string][]string) // method → series with a value and no interval
	for _, row := range r.Rows {
		if skip[row.Series] || !math.IsNaN(row.Lower) && !math.IsNaN(row.Upper) {
			continue
		}
		ss := noInterval[row.Method]
		if len(ss) == 0 || ss[len(ss)-1] != row.Series {
			noInterval[row.Method] = append(ss, row.Series)
		}
	}
	var lines []string
	if len(r.Unscaled) > 0 {
		lines = append(lines, fmt.Sprintf("MASE and MSIS: every value of %s, whose fitted years give no scale (no year-to-year change, or none observed)",
			strings.Join(r.Unscaled, ", ")))
	}
	complete := make(map[string]bool)
	type gap struct {
		missing, of int
		series      string
	}
	var gaps []gap
	methods := make(map[gap][]string)
	for _, m := range r.Summary {
		if len(noInterval[m.Method]) == 0 {
			complete[m.Method] = true
			continue
		}
		least := m.Pooled.N
		for _, iv := range m.Pooled.Intervals {
			least = min(least, iv.N)
		}
		g := gap{m.Pooled.N - least, m.Pooled.N, strings.Join(noInterval[m.Method], ", ")}
		if methods[g] == nil {
			gaps = append(gaps, g)
		}
		methods[g] = append(methods[g], m.Method)
	}
	for _, g := range gaps {
		lines = append(lines, fmt.Sprintf("coverage and MSIS of %s: %d of their %d values, which have no interval (in %s)",
			strings.Join(methods[g], ", "), g.missing, g.of, g.series))
	}
	return lines, complete
}

// evalScoredMax returns the most series any method forecast.
func evalScoredMax(r *forecast.EvalResult) int {
	n := 0
	for _, m := range r.Summary {
		n = max(n, m.Series)
	}
	return n
}

// evalTable prints one row per method: series, failures (if failed),
// sMAPE, MASE, coverage at each level and MSIS at 95 %.
func evalTable(w io.Writer, levels []float64, ms []forecast.MethodSummary, failed bool) {
	i95 := slices.Index(levels, 0.95)
	width := len("method")
	for _, m := range ms {
		width = max(width, len(m.Method))
	}
	fmt.Fprintf(w, "%-*s  %6s", width, "method", "series")
	if failed {
		fmt.Fprintf(w, "  %6s", "failed")
	}
	fmt.Fprintf(w, "  %6s  %7s", "sMAPE", "MASE")
	for _, l := range levels {
		fmt.Fprintf(w, "  %8s", "cover"+forecast.LevelLabel(l))
	}
	fmt.Fprintf(w, "  %7s\n", "MSIS95")
	for _, m := range ms {
		p := m.Pooled
		fmt.Fprintf(w, "%-*s  %6d", width, m.Method, m.Series)
		if failed {
			fmt.Fprintf(w, "  %6d", m.Failed)
		}
		fmt.Fprintf(w, "  %6s  %7s", evalNum(p.SMAPE, 2), evalNum(p.MASE, 3))
		for _, iv := range p.Intervals {
			c := "-"
			if !math.IsNaN(iv.Coverage) {
				c = strconv.FormatFloat(100*iv.Coverage, 'f', 1, 64) + " %"
			}
			fmt.Fprintf(w, "  %8s", c)
		}
		fmt.Fprintf(w, "  %7s\n", evalNum(p.Intervals[i95].MSIS, 2))
	}
}

// evalNum formats v with prec decimals, "-" for NaN.
func evalNum(v float64, prec int) string {
	if math.IsNaN(v) {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}
