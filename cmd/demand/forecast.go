package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/exp/stats"
	"gonum.org/v1/plot/font"

	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/plotting"
	"github.com/nonferrous/demand/series"
)

// recentYears is the span of the default driver growth: each driver's
// compound growth over its last five years.
const recentYears = 5

const forecastUsage = `usage: demand forecast -series FILE -drivers FILE [-growth RATE | -scenario FILE]
                       [-target YEAR] [-level LEVEL] [-panel [SERIES=]FILE]... [-out DIR] [-font FILE]
                       [-charts=false]

Forecasts each consumption series in FILE with every method the data allow
(regression on GDP and log-log, elasticity arc and point, intensity log trend
and Malenbaum, drift and the linear and log-linear trends, expert judgment),
each interval but the expert panel's calibrated from the series' own
out-of-sample errors, combines them with equal and with inverse-MSE backtest
weights (combination-inverse-mse, the rule measured best on the M1 yearly
series, is the one to use when both are given), shows exponential smoothing
(ets) and Theta beside them, not combined, and writes forecasts.csv,
forecasts.json and PNG charts to DIR.

CSV files have a "year" column first and one column per series, headed
"name [unit]"; an empty cell is a year outside the series, NaN a missing value:

    year,copper [kt],aluminium [kt]
    2019,1381.5,2540.5
    2020,1409,2663.2

or are long (tidy) tables, one row per series and year in any order, with
an optional unit column; the format is told from the header:

    series,year,value,unit
    copper,2019,1381.5,kt

Checks (errors stop the run; warnings go to stderr):
  - a series whose last year is missing is an error, and so is one that
    no method can forecast if it is the only one (otherwise a warning);
  - a driver at or below zero is an error; consumption of zero, and
    consumption below zero (the series is then taken as one that can be
    negative, a balance, and its forecasts may be), are warnings;
  - the drivers must cover the last year of every series;
  - -growth is a fraction: 1 or more is an error (7 for 0.07), beyond ±0.2
    a warning; it sets GDP only, other drivers keep their own recent growth;
  - a scenario driver in another unit than the observed one, or whose
    first value is 10 times or more above or below the last observed
    one, is an error; a change of more than 20 % in a year is a warning,
    and so is a row for an observed year that differs from the drivers
    (the observed value is used);
  - a panel must judge the target year, and its median likely value must
    lie within a factor of 10 of the series' last value;
  - a method whose forecast falls below zero, for a series that never
    does, is left out, with a warning; an interval bound below zero is a
    warning.

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
	font                                  string
	charts                                bool
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

// numberFlag is a flag holding a number, whose error for text that is
// not one says what is wanted; a zero value shows no default.
type numberFlag[T int | float64] struct {
	v    *T
	want string // what the flag takes, such as "a year, such as 2030"
}

func (f numberFlag[T]) String() string {
	if f.v == nil || *f.v == 0 {
		return ""
	}
	return fmt.Sprint(*f.v)
}

func (f numberFlag[T]) Set(s string) error {
	switch p := any(f.v).(type) {
	case *int:
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if errors.Is(err, strconv.ErrRange) {
			return errors.New("out of range")
		}
		if err != nil {
			return fmt.Errorf("not %s", f.want)
		}
		*p = n
	case *float64:
		x, err := series.ParseNumber(s)
		if err != nil {
			return fmt.Errorf("not %s", f.want)
		}
		*p = x
	}
	return nil
}

// growthFlag is a growth-rate flag, a fraction that macro.RateProblem
// accepts; set, if not nil, records whether it was given. The flag shows
// its default if show is set or set is nil.
type growthFlag struct {
	v    *float64
	set  *bool
	show bool
}

func (g growthFlag) String() string {
	if g.v == nil || g.set != nil && !*g.set && !g.show {
		return ""
	}
	return strconv.FormatFloat(*g.v, 'g', -1, 64)
}

func (g growthFlag) Set(s string) error {
	v, err := series.ParseNumber(s)
	if err != nil {
		return errors.New("not a growth rate (a fraction, such as 0.05)")
	}
	if why := macro.RateProblem(v); why != "" {
		return errors.New(why)
	}
	*g.v = v
	if g.set != nil {
		*g.set = true
	}
	return nil
}

// runForecast is "demand forecast".
func runForecast(args []string, stdout, stderr io.Writer) int {
	c, err := parseForecastFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, forecastUsage)
		forecastFlags(&forecastConfig{}, stdout).PrintDefaults()
		fmt.Fprint(stdout, "\n"+exitStatus)
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
	fs.Var(growthFlag{v: &c.growth, set: &c.growthSet}, "growth", "constant annual growth `RATE` of GDP after its last year, a fraction (0.05 is 5 %; 1 or more\nis an error); other drivers keep their own recent growth\n(default: each driver's compound growth over its last five years)")
	fs.StringVar(&c.scenarioFile, "scenario", "", "CSV of future driver values (columns as in -drivers) covering the years after\nthe drivers' last through the target year; a driver it lacks grows as by default")
	fs.Var(numberFlag[int]{&c.target, "a year, such as 2030"}, "target", "last forecast `YEAR` (default: five years after the latest observation)")
	c.level = 0.8
	fs.Var(numberFlag[float64]{&c.level, "a level (a fraction, such as 0.8)"}, "level", "prediction interval `LEVEL`, in (0, 1)")
	fs.Var(&c.panels, "panel", "expert panel CSV (expert,round,year,low,likely,high,weight) for a series,\nas SERIES=FILE; FILE alone when there is one series; may be repeated.\nThe panel must judge the target year")
	fs.StringVar(&c.out, "out", "forecast-out", "output directory, created if need be")
	fs.StringVar(&c.font, "font", "", "TrueType or OpenType font file (.ttf, .otf, .ttc) for the chart text. The bundled\nfonts have no Chinese glyphs: series named in Chinese need a CJK font here\n(e.g. NotoSansCJK-Regular.ttc, DroidSansFallbackFull.ttf)")
	fs.BoolVar(&c.charts, "charts", true, "write a fan chart per series and the small multiples (-charts=false writes none:\nfaster for many series)")
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
	case c.level >= 10 && c.level < 100: // a percentage: 80 for 0.8
		return c, usagef("-level %g is not in (0, 1): levels are fractions (did you mean %g?)", c.level, c.level/100)
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
	if c.font != "" {
		data, err := os.ReadFile(c.font)
		if err != nil {
			return fmt.Errorf("-font: %w", err)
		}
		if in.fonts, err = plotting.ParseFont(filepath.Base(c.font), data); err != nil {
			return fmt.Errorf("-font %s: %w", c.font, err)
		}
	}
	if c.charts {
		for _, h := range in.series {
			if w := glyphWarning(h.Name, in.fonts, c.font); w != "" {
				fmt.Fprintln(stderr, "demand forecast: warning:", w)
			}
		}
	}
	out, err := newOutput(c, in, stderr)
	if err != nil {
		return err
	}
	summarizeHead(stdout, in)
	progress := progressFunc(stderr, "demand forecast")
	for i, h := range in.series {
		r := analyse(h, in)
		warnBelowZero(stderr, r)
		for _, w := range negativeWarnings(r, in.level) {
			fmt.Fprintln(stderr, "demand forecast: warning:", w)
		}
		if err := out.add(r); err != nil {
			return err
		}
		summarize(stdout, in, r)
		progress(i+1, len(in.series))
	}
	paths, err := out.finish()
	if err != nil {
		return err
	}
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
	a := forecast.Analyse(h, in.drivers, sc, methods.Default(opts), forecast.AnalysisSettings{Level: in.level, NonNegative: !signed(h)})
	for i, s := range a.Skipped {
		if s.Driver != "" {
			a.Skipped[i].Reason = fmt.Sprintf("needs a %q column in the drivers file", s.Driver)
		}
	}
	return a
}

// warnBelowZero warns on stderr of each method left out of r because its
// forecast falls below zero (forecast.ErrBelowZero: the series cannot be
// negative, so the method's fit does not suit it over the horizon).
func warnBelowZero(stderr io.Writer, r forecast.Analysis) {
	for _, s := range r.Skipped {
		if errors.Is(s.Err, forecast.ErrBelowZero) {
			fmt.Fprintf(stderr, "demand forecast: warning: series %q, method %q: %s; left out of the combinations\n", r.History.Name, s.Method, s.Reason)
		}
	}
}

// progressFunc returns a function that reports on stderr, at most once
// every two seconds, the progress of a run that has lasted more than two
// seconds.
func progressFunc(stderr io.Writer, cmd string) func(done, n int) {
	start := time.Now()
	last := start
	return func(done, n int) {
		now := time.Now()
		if now.Sub(last) < 2*time.Second || done == n {
			return
		}
		last = now
		fmt.Fprintf(stderr, "%s: %d of %d series done (%.0f s)\n", cmd, done, n, now.Sub(start).Seconds())
	}
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
	fonts    font.Collection      // the chart font (-font), nil for the bundled one
}

type panelFile struct {
	path      string
	judgments []expert.Judgment
}

// readDrivers reads the drivers file path: the series named gdp and
// population (in any case) under their standard names, each checked and
// positive in every year; another series is reported on stderr, prefixed
// by cmd, and ignored. It also returns the names of every series of the
// file.
func readDrivers(path string, stderr io.Writer, cmd string) (forecast.Drivers, []string, error) {
	ds, err := readFile(path, series.ReadAnyCSV)
	if err != nil {
		return nil, nil, err
	}
	drivers := forecast.Drivers{}
	var names []string
	for _, d := range ds {
		key := strings.ToLower(d.Name)
		names = append(names, d.Name)
		switch key {
		case forecast.GDP, forecast.Population:
			if _, dup := drivers[key]; dup {
				return nil, nil, fmt.Errorf("%s: two columns named %q", path, key)
			}
			if err := d.Validate(); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", path, err)
			}
			for i, v := range d.Values {
				if v <= 0 {
					return nil, nil, fmt.Errorf("%s: %q is %g in %d: a driver must be positive", path, d.Name, v, d.Start+i)
				}
			}
			drivers[key] = d
		default:
			fmt.Fprintf(stderr, "%s: %s: column %q ignored (drivers are \"gdp\" and \"population\")\n", cmd, path, d.Name)
		}
	}
	return drivers, names, nil
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
	for _, s := range ss {
		if last := s.End(); s.Len() > 0 && math.IsNaN(s.Values[s.Len()-1]) {
			return nil, fmt.Errorf("%s: series %q: its last year, %d, is missing: every method starts from the last year; drop the row or cell of %d, or give its value",
				c.seriesFile, s.Name, last, last)
		}
		checkConsumption(s, c.seriesFile, stderr)
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
		return nil, usagef("-target %d is not after the last year of the data, %d (series %q in %s)",
			in.target, latest.End(), latest.Name, c.seriesFile)
	}
	if in.target-latest.End() > 100 {
		return nil, usagef("-target %d is more than 100 years after the data (%d)", in.target, latest.End())
	}

	var names []string
	if in.drivers, names, err = readDrivers(c.driversFile, stderr, "demand forecast"); err != nil {
		return nil, err
	}
	if _, ok := in.drivers[forecast.GDP]; !ok {
		return nil, fmt.Errorf("%s: no \"gdp\" column (columns: %s)", c.driversFile, strings.Join(names, ", "))
	}
	for _, key := range sortedKeys(in.drivers) {
		d := in.drivers[key]
		for _, s := range ss {
			if d.End() < s.End() {
				return nil, fmt.Errorf("%s: %q ends in %d, before the last year of series %q (%d) in %s: the drivers must cover every series through its last year",
					c.driversFile, d.Name, d.End(), s.Name, s.End(), c.seriesFile)
			}
		}
	}
	if c.growthSet {
		if w := macro.GrowthWarning(c.growth); w != "" {
			fmt.Fprintf(stderr, "demand forecast: warning: -growth %g: %s\n", c.growth, w)
		}
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
		p, desc, err := futurePath(in.drivers[key], scen[key], c, in.target, stderr)
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
				return nil, usagef("-panel %s: name the series (-panel SERIES=FILE): the series file has %d series", pv, len(ss))
			}
			name, path = ss[0].Name, pv
		}
		found := false
		for _, s := range ss {
			found = found || s.Name == name
		}
		if !found {
			return nil, usagef("-panel %s: no series %q in %s", pv, name, c.seriesFile)
		}
		if _, dup := in.panels[name]; dup {
			return nil, usagef("-panel %s: series %q has a panel already", pv, name)
		}
		js, err := readFile(path, expert.ReadCSV)
		if err != nil {
			return nil, err
		}
		if len(js) == 0 {
			return nil, fmt.Errorf("%s: %w: the file has a header and no row", path, expert.ErrNoJudgments)
		}
		var h series.Series
		for _, s := range ss {
			if s.Name == name {
				h = s
			}
		}
		if err := checkPanel(js, h, in.target, path); err != nil {
			return nil, err
		}
		in.panels[name] = panelFile{path, js}
	}
	return in, nil
}

// futurePath returns driver d extended through target: by scen where it
// covers the years after d's last, else GDP at the -growth rate
// (macro.Grow), else at d's compound growth over its last five years
// (macro.GrowRecent). The path keeps d's name and unit. It describes the
// choice, and warns on stderr of a scenario step beyond ±20 % a year.
func futurePath(d, scen series.Series, c forecastConfig, target int, stderr io.Writer) (series.Series, string, error) {
	last, ok := d.At(d.End())
	if !ok || math.IsNaN(last) {
		return series.Series{}, "", fmt.Errorf("%s: %q: the last year, %d, is missing; the future path starts from it", c.driversFile, d.Name, d.End())
	}
	// A scenario's rows for observed years are not used: say so where
	// they differ from the observed values (beyond rounding).
	for y := scen.Start; y <= min(scen.End(), d.End()); y++ {
		v, _ := scen.At(y)
		if o, ok := d.At(y); ok && !math.IsNaN(v) && !math.IsNaN(o) && math.Abs(v-o) > 1e-9*math.Abs(o) {
			fmt.Fprintf(stderr, "demand forecast: warning: %s: %q is %g in %d, but %g in %s, which is used: the scenario's rows for observed years are ignored\n",
				c.scenarioFile, scen.Name, v, y, o, c.driversFile)
			break
		}
	}
	if d.End() >= target {
		return d.Clone(), "observed through the target year", nil
	}
	from := d.End() + 1
	if scen.Len() > 0 {
		if scen.Unit != "" && d.Unit != "" && scen.Unit != d.Unit {
			return series.Series{}, "", fmt.Errorf("%s: %q is in %q, but the observed %q in %s is in %q: give the scenario's levels in the observed unit (or a growth rate with -growth)",
				c.scenarioFile, scen.Name, scen.Unit, d.Name, c.driversFile, d.Unit)
		}
		// The scenario must give every year from the drivers' end to the target.
		vals := make([]float64, 0, target-d.End())
		prev, prevYear := last, d.End()
		for y := from; y <= target; y++ {
			v, ok := scen.At(y)
			if !ok || math.IsNaN(v) {
				return series.Series{}, "", fmt.Errorf("%s: %q has no value for %d (the scenario must cover %d–%d, the years after the drivers' last)",
					c.scenarioFile, scen.Name, y, from, target)
			}
			if v <= 0 {
				return series.Series{}, "", fmt.Errorf("%s: %q is %g in %d; drivers must be positive", c.scenarioFile, scen.Name, v, y)
			}
			if y == from && (v >= 10*last || v <= last/10) {
				return series.Series{}, "", fmt.Errorf("%s: %q is %g in %d, %.3g times its last observed value %g (%d, in %s): a scenario within a factor of 10 is expected; is it in another unit?",
					c.scenarioFile, scen.Name, v, y, v/last, last, d.End(), c.driversFile)
			}
			if g := v/prev - 1; math.Abs(g) > macro.WarnRate {
				fmt.Fprintf(stderr, "demand forecast: warning: %s: %q changes by %+.1f %% from %d to %d (%g to %g)\n", c.scenarioFile, scen.Name, 100*g, prevYear, y, prev, v)
			}
			prev, prevYear = v, y
			vals = append(vals, v)
		}
		return d.Extend(vals...), "scenario file " + c.scenarioFile, nil
	}
	if c.growthSet && strings.EqualFold(d.Name, forecast.GDP) {
		p, err := macro.Grow(d, c.growth, target)
		if err != nil {
			return series.Series{}, "", fmt.Errorf("%s: %w", c.driversFile, err)
		}
		return p, fmt.Sprintf("%.4g %% a year (-growth)", 100*c.growth), nil
	}
	base := d.End() - recentYears
	hint := "give -growth or -scenario"
	if c.growthSet {
		hint = "-growth sets GDP only; give a -scenario with a " + strconv.Quote(d.Name) + " column"
	}
	if !d.Contains(base) {
		return series.Series{}, "", fmt.Errorf("%s: %q covers %d–%d, too short for the default five-year growth; %s",
			c.driversFile, d.Name, d.Start, d.End(), hint)
	}
	p, g, err := macro.GrowRecent(d, recentYears, target)
	if err != nil {
		return series.Series{}, "", fmt.Errorf("%s: default growth of %q over %d–%d: %w; %s", c.driversFile, d.Name, base, d.End(), err, hint)
	}
	desc := fmt.Sprintf("%.4g %% a year (its %d–%d growth)", 100*g, base, d.End())
	if c.growthSet {
		desc += ", not -growth, which sets GDP only"
	}
	return p, desc, nil
}

// checkConsumption checks a consumption series of file and warns on
// stderr: of its first value below zero (the series is then taken as a
// quantity that can be negative, such as a net balance, whose forecasts
// may be too; consumption cannot be), and, once, of its zeros (the methods
// that take logs or ratios will not fit it).
func checkConsumption(s series.Series, file string, stderr io.Writer) {
	negative := false
	var zeros []int
	for i, v := range s.Values {
		switch {
		case v < 0 && !negative:
			negative = true
			fmt.Fprintf(stderr, "demand forecast: warning: %s: series %q is %g in %d, negative: it is taken as a quantity that can be negative (a balance, a change), and so may its forecasts be; consumption cannot be negative: check the data\n", file, s.Name, v, s.Start+i)
		case v == 0:
			zeros = append(zeros, s.Start+i)
		}
	}
	if len(zeros) > 0 {
		more := ""
		if len(zeros) > 1 {
			more = fmt.Sprintf(" and %d later years", len(zeros)-1)
		}
		fmt.Fprintf(stderr, "demand forecast: warning: %s: series %q is 0 in %d%s: the methods that take logs or ratios will not fit it\n", file, s.Name, zeros[0], more)
	}
}

// checkPanel checks the panel js read from path for series h: it must
// judge the target year, and the median of its likely values for it must
// lie within a factor of 10 of the series' last observed value (a panel in
// other units than its series is an error).
func checkPanel(js []expert.Judgment, h series.Series, target int, path string) error {
	var likely []float64
	var years []int
	for _, j := range js {
		if j.Year == target {
			likely = append(likely, j.Likely)
		}
		if !slices.Contains(years, j.Year) {
			years = append(years, j.Year)
		}
	}
	if len(likely) == 0 {
		slices.Sort(years)
		ys := make([]string, len(years))
		for i, y := range years {
			ys[i] = strconv.Itoa(y)
		}
		return fmt.Errorf("%s: the panel judges %s, not the target year %d: give -target %d or a panel for %d",
			path, strings.Join(ys, ", "), target, years[len(years)-1], target)
	}
	slices.Sort(likely)
	med := stats.Quantiles(likely, 0.5)[0]
	lastYear := h.End() // observed: load refuses a missing last year
	last, _ := h.At(lastYear)
	if last > 0 && (med >= 10*last || med <= last/10) {
		return fmt.Errorf("%s: the panel's median likely value for %d is %.4g, %.3g times the last value of series %q (%g in %d): a panel in other units than its series?",
			path, target, med, med/last, h.Name, last, lastYear)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
