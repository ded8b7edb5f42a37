package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/series"
)

// recentYears is the span of the default driver growth: each driver's
// compound growth over its last five years.
const recentYears = 5

const forecastUsage = `usage: demand forecast -series FILE -drivers FILE [-growth RATE | -scenario FILE]
                       [-target YEAR] [-level L] [-panel [SERIES=]FILE]... [-out DIR]

Forecasts each consumption series in FILE with every method the data allow
(regression on GDP and log-log, elasticity arc and point, intensity log trend
and Malenbaum, drift and the linear and log-linear trends, expert judgment),
each interval but the expert panel's calibrated from the series' own
out-of-sample errors, combines them with equal and with inverse-MSE backtest
weights, and writes forecasts.csv, forecasts.json and PNG charts to DIR.

CSV files have a "year" column first and one column per series, headed
"name [unit]"; an empty cell is a year outside the series, NaN a missing value:

    year,copper [kt],aluminium [kt]
    2019,1381.5,2540.5
    2020,1409,2663.2

Flags:
`

// forecastConfig holds the parsed flags of "demand forecast".
type forecastConfig struct {
	seriesFile, driversFile, scenarioFile string
	growth                                float64
	growthSet                             bool
	target                                int
	level                                 float64
	panels                                panelFlag
	out                                   string
}

// panelFlag collects -panel values: SERIES=FILE, or FILE alone.
type panelFlag []string

func (p *panelFlag) String() string { return strings.Join(*p, ",") }
func (p *panelFlag) Set(v string) error {
	if v == "" {
		return errors.New("empty panel")
	}
	*p = append(*p, v)
	return nil
}

// growthFlag records whether -growth was given.
type growthFlag struct {
	v   *float64
	set *bool
}

func (g growthFlag) String() string {
	if g.v == nil || !*g.set {
		return ""
	}
	return strconv.FormatFloat(*g.v, 'g', -1, 64)
}

func (g growthFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= -1 {
		return fmt.Errorf("%q is not a growth rate (a fraction above -1, such as 0.05)", s)
	}
	*g.v, *g.set = v, true
	return nil
}

// runForecast is "demand forecast".
func runForecast(args []string, stdout, stderr io.Writer) int {
	c, err := parseForecastFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, forecastUsage)
		forecastFlags(&forecastConfig{}, stdout).PrintDefaults()
		return exitOK
	}
	if err == nil {
		err = forecastCmd(c, stdout, stderr)
	}
	return exit(stderr, "forecast", err)
}

// forecastFlags returns the flag set of "demand forecast", parsing into c
// and printing its defaults to w.
func forecastFlags(c *forecastConfig, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("demand forecast", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.StringVar(&c.seriesFile, "series", "", "CSV of consumption series, one column per series (required)")
	fs.StringVar(&c.driversFile, "drivers", "", "CSV of drivers: column \"gdp\" (real GDP at constant prices) and optionally \"population\" (required)")
	fs.Var(growthFlag{&c.growth, &c.growthSet}, "growth", "constant annual growth of every driver after its last year, a fraction (0.05 is 5 %)\n(default: each driver's compound growth over its last five years)")
	fs.StringVar(&c.scenarioFile, "scenario", "", "CSV of future driver values (columns as in -drivers) covering the years after\nthe drivers' last through the target year; a driver it lacks grows as by default")
	fs.IntVar(&c.target, "target", 0, "last forecast year (default: five years after the latest observation)")
	fs.Float64Var(&c.level, "level", 0.8, "prediction interval level, in (0, 1)")
	fs.Var(&c.panels, "panel", "expert panel CSV (expert,round,year,low,likely,high,weight) for a series,\nas SERIES=FILE; FILE alone when there is one series; may be repeated.\nThe panel must judge the target year")
	fs.StringVar(&c.out, "out", "forecast-out", "output directory, created if need be")
	return fs
}

// parseForecastFlags parses and checks args. It returns flag.ErrHelp for
// -h and a usageError for a bad command line.
func parseForecastFlags(args []string) (forecastConfig, error) {
	var c forecastConfig
	fs := forecastFlags(&c, io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, usageError{err}
	}
	switch {
	case fs.NArg() > 0:
		return c, usagef("unexpected argument %q", fs.Arg(0))
	case c.seriesFile == "":
		return c, usagef("-series FILE is required")
	case c.driversFile == "":
		return c, usagef("-drivers FILE is required")
	case c.growthSet && c.scenarioFile != "":
		return c, usagef("give -growth or -scenario, not both")
	case !(c.level > 0 && c.level < 1):
		return c, usagef("-level %g is not in (0, 1)", c.level)
	case c.out == "":
		return c, usagef("-out must name a directory")
	}
	return c, nil
}

// forecastCmd loads the files of c, forecasts every series, writes the
// files and prints the summary.
func forecastCmd(c forecastConfig, stdout, stderr io.Writer) error {
	in, err := load(c, stderr)
	if err != nil {
		return err
	}
	results := make([]forecast.Analysis, len(in.series))
	for i, h := range in.series {
		results[i] = analyse(h, in)
	}
	paths, err := write(c.out, in, results, stderr)
	if err != nil {
		return err
	}
	summarize(stdout, in, results)
	fmt.Fprintln(stdout, "\nwritten:")
	for _, p := range paths {
		fmt.Fprintln(stdout, " ", p)
	}
	return nil
}

// analyse runs the default methods on h, as forecast.Analyse, and words
// the skips for a missing driver in terms of the drivers file.
func analyse(h series.Series, in *inputs) forecast.Analysis {
	sc := forecast.Scenario{Name: "demand", Horizon: in.target - h.End(), Drivers: in.future}
	opts := methods.Options{Year: in.target}
	if p, ok := in.panels[h.Name]; ok {
		opts.Panel = p.judgments
	}
	a := forecast.Analyse(h, in.drivers, sc, methods.Default(opts), forecast.AnalysisSettings{Level: in.level})
	for i, s := range a.Skipped {
		if s.Driver != "" {
			a.Skipped[i].Reason = fmt.Sprintf("needs a %q column in the drivers file", s.Driver)
		}
	}
	return a
}

// inputs is everything loaded and derived from the files.
type inputs struct {
	series   []series.Series
	drivers  forecast.Drivers // observed
	future   forecast.Drivers // observed and assumed, through target
	scenario string           // how the future was made, for the reports
	target   int
	level    float64
	panels   map[string]panelFile // by series name
}

type panelFile struct {
	path      string
	judgments []expert.Judgment
}

// readFile opens path and reads it with read, naming the file in errors.
func readFile[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// load reads the files named by c and builds the scenario.
func load(c forecastConfig, stderr io.Writer) (*inputs, error) {
	in := &inputs{level: c.level, panels: map[string]panelFile{}}
	ss, err := readFile(c.seriesFile, series.ReadAnyCSV)
	if err != nil {
		return nil, err
	}
	in.series = ss
	latest := ss[0]
	for _, s := range ss {
		if s.End() > latest.End() {
			latest = s
		}
	}
	in.target = c.target
	if in.target == 0 {
		in.target = latest.End() + 5
	}
	if in.target <= latest.End() {
		return nil, fmt.Errorf("-target %d is not after the last year of the data, %d (series %q in %s)",
			in.target, latest.End(), latest.Name, c.seriesFile)
	}
	if in.target-latest.End() > 100 {
		return nil, fmt.Errorf("-target %d is more than 100 years after the data (%d)", in.target, latest.End())
	}

	ds, err := readFile(c.driversFile, series.ReadAnyCSV)
	if err != nil {
		return nil, err
	}
	in.drivers = forecast.Drivers{}
	var names []string
	for _, d := range ds {
		key := strings.ToLower(d.Name)
		names = append(names, d.Name)
		switch key {
		case forecast.GDP, forecast.Population:
			if _, dup := in.drivers[key]; dup {
				return nil, fmt.Errorf("%s: two columns named %q", c.driversFile, key)
			}
			if err := d.Validate(); err != nil {
				return nil, fmt.Errorf("%s: %w", c.driversFile, err)
			}
			in.drivers[key] = d
		default:
			fmt.Fprintf(stderr, "demand forecast: %s: column %q ignored (drivers are \"gdp\" and \"population\")\n", c.driversFile, d.Name)
		}
	}
	if _, ok := in.drivers[forecast.GDP]; !ok {
		return nil, fmt.Errorf("%s: no \"gdp\" column (columns: %s)", c.driversFile, strings.Join(names, ", "))
	}

	var scen map[string]series.Series
	if c.scenarioFile != "" {
		ss, err := readFile(c.scenarioFile, series.ReadAnyCSV)
		if err != nil {
			return nil, err
		}
		scen = map[string]series.Series{}
		for _, s := range ss {
			key := strings.ToLower(s.Name)
			if _, ok := in.drivers[key]; !ok {
				fmt.Fprintf(stderr, "demand forecast: %s: column %q ignored (not a driver of %s)\n", c.scenarioFile, s.Name, c.driversFile)
				continue
			}
			scen[key] = s
		}
		if _, ok := scen[forecast.GDP]; !ok {
			return nil, fmt.Errorf("%s: no \"gdp\" column", c.scenarioFile)
		}
	}
	in.future = forecast.Drivers{}
	var how []string
	for _, key := range sortedKeys(in.drivers) {
		p, desc, err := futurePath(in.drivers[key], scen[key], c, in.target)
		if err != nil {
			return nil, err
		}
		in.future[key] = p
		how = append(how, key+": "+desc)
	}
	in.scenario = strings.Join(how, "; ")

	for _, pv := range c.panels {
		name, path, ok := strings.Cut(pv, "=")
		if !ok {
			if len(ss) != 1 {
				return nil, fmt.Errorf("-panel %s: name the series (-panel SERIES=FILE): the series file has %d series", pv, len(ss))
			}
			name, path = ss[0].Name, pv
		}
		found := false
		for _, s := range ss {
			found = found || s.Name == name
		}
		if !found {
			return nil, fmt.Errorf("-panel %s: no series %q in %s", pv, name, c.seriesFile)
		}
		if _, dup := in.panels[name]; dup {
			return nil, fmt.Errorf("-panel %s: series %q has a panel already", pv, name)
		}
		js, err := readFile(path, expert.ReadCSV)
		if err != nil {
			return nil, err
		}
		in.panels[name] = panelFile{path, js}
	}
	return in, nil
}

// futurePath returns driver d extended through target: by scen where it
// covers the years after d's last, else at the -growth rate (macro.Grow),
// else at d's compound growth over its last five years (macro.GrowRecent).
// The path keeps d's name and unit. It describes the choice.
func futurePath(d, scen series.Series, c forecastConfig, target int) (series.Series, string, error) {
	if last, ok := d.At(d.End()); !ok || math.IsNaN(last) {
		return series.Series{}, "", fmt.Errorf("%s: %q: the last year, %d, is missing; the future path starts from it", c.driversFile, d.Name, d.End())
	}
	if d.End() >= target {
		return d.Clone(), "observed through the target year", nil
	}
	from := d.End() + 1
	if scen.Len() > 0 {
		// The scenario must give every year from the drivers' end to the target.
		vals := make([]float64, 0, target-d.End())
		for y := from; y <= target; y++ {
			v, ok := scen.At(y)
			if !ok || math.IsNaN(v) {
				return series.Series{}, "", fmt.Errorf("%s: %q has no value for %d (the scenario must cover %d–%d, the years after the drivers' last)",
					c.scenarioFile, scen.Name, y, from, target)
			}
			if v <= 0 {
				return series.Series{}, "", fmt.Errorf("%s: %q is %g in %d; drivers must be positive", c.scenarioFile, scen.Name, v, y)
			}
			vals = append(vals, v)
		}
		return d.Extend(vals...), "scenario file " + c.scenarioFile, nil
	}
	if c.growthSet {
		p, err := macro.Grow(d, c.growth, target)
		if err != nil {
			return series.Series{}, "", fmt.Errorf("%s: %w", c.driversFile, err)
		}
		return p, fmt.Sprintf("%.4g %% a year (-growth)", 100*c.growth), nil
	}
	base := d.End() - recentYears
	if !d.Contains(base) {
		return series.Series{}, "", fmt.Errorf("%s: %q covers %d–%d, too short for the default five-year growth; give -growth or -scenario",
			c.driversFile, d.Name, d.Start, d.End())
	}
	p, g, err := macro.GrowRecent(d, recentYears, target)
	if err != nil {
		return series.Series{}, "", fmt.Errorf("%s: default growth of %q over %d–%d: %w; give -growth or -scenario", c.driversFile, d.Name, base, d.End(), err)
	}
	return p, fmt.Sprintf("%.4g %% a year (its %d–%d growth)", 100*g, base, d.End()), nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
