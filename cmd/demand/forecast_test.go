package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nonferrous/demand/forecast"
)

// forecastRun runs demand forecast with args and returns its outputs and
// exit code.
func forecastRun(args ...string) (stdout, stderr string, code int) {
	return runT(append([]string{"forecast"}, args...)...)
}

const (
	seriesCSV  = "testdata/series.csv"
	driversCSV = "testdata/drivers.csv"
	scenCSV    = "testdata/scenario.csv"
	panelCSV   = "testdata/panel-copper.csv"
)

func TestEndToEnd(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := forecastRun("-series", seriesCSV, "-drivers", driversCSV, "-scenario", scenCSV,
		"-panel", "copper="+panelCSV, "-out", dir)
	if code != exitOK {
		t.Fatalf("exit %d\nstderr:\n%s", code, errOut)
	}
	// Progress lines come every 2 s, and a slow run (the race detector)
	// may print one; anything else is a warning.
	if w := withoutProgress(errOut); w != "" {
		t.Errorf("warnings on a clean input:\n%s", w)
	}
	for _, name := range []string{"forecasts.csv", "forecasts.json", "fan-copper.png", "fan-aluminium.png", "fan-zinc.png", "small-multiples.png"} {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
		if !strings.Contains(out, p) {
			t.Errorf("the summary does not list %s", p)
		}
	}

	// The CSV reads back: every method for every series, the expert for
	// copper only, both combinations, all ending in 2025.
	fs := readForecastCSV(t, filepath.Join(dir, "forecasts.csv"))
	got := map[string]bool{}
	for _, fc := range fs {
		got[fc.Point.Name+"/"+fc.Method] = true
		if fc.Point.End() != 2025 || fc.Point.Start != 2021 || fc.Level != 0.8 {
			t.Errorf("%s/%s covers %d–%d at level %g, want 2021–2025 at 0.8", fc.Point.Name, fc.Method, fc.Point.Start, fc.Point.End(), fc.Level)
		}
	}
	for _, s := range []string{"copper", "aluminium", "zinc"} {
		for _, m := range []string{"regression", "regression-loglog", "elasticity-arc", "elasticity-point", "intensity", "intensity-malenbaum", "drift", "ets", "theta", forecast.DefaultCombinationName, forecast.InverseMSECombinationName} {
			if !got[s+"/"+m] {
				t.Errorf("no forecast %s/%s in forecasts.csv", s, m)
			}
		}
	}
	if !got["copper/expert"] || got["zinc/expert"] {
		t.Errorf("expert forecasts: copper %v, zinc %v; want copper only", got["copper/expert"], got["zinc/expert"])
	}

	// The JSON holds the same forecasts.
	doc := readGoldenDoc(t, filepath.Join(dir, "forecasts.json"))
	n := 0
	for _, s := range doc.Series {
		n += len(s.Forecasts)
	}
	if doc.Target != 2025 || len(doc.Series) != 3 || n != len(fs) {
		t.Errorf("forecasts.json: target %d, %d series, %d forecasts; want 2025, 3, %d", doc.Target, len(doc.Series), n, len(fs))
	}
	if !strings.Contains(out, "drivers: gdp: scenario file "+scenCSV) {
		t.Errorf("the summary does not say where the scenario came from:\n%s", out)
	}
}

func TestDefaultScenarioAndSkips(t *testing.T) {
	dir := t.TempDir()
	// Drivers without population: Malenbaum cannot run, and says why.
	drv := writeFile(t, dir, "gdp.csv", "year,gdp\n"+strings.Join(gdpRows(), "\n")+"\n")
	s, errOut, code := forecastRun("-series", seriesCSV, "-drivers", drv, "-target", "2023", "-out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkContains(t, "summary", s,
		"target year 2023",
		"gdp: 4.423 % a year (its 2015–2020 growth)",
		`not run: intensity-malenbaum: needs a "population" column in the drivers file`,
	)
}

// gdpRows returns the year and GDP of testdata/drivers.csv.
func gdpRows() []string {
	b, err := os.ReadFile(driversCSV)
	if err != nil {
		panic(err)
	}
	var rows []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(l, ",")
		rows = append(rows, f[0]+","+f[1])
	}
	return rows
}

// lineCSV returns a wide CSV file of one series, column column, over
// 1995–2020: first in 1995, then step more each year.
func lineCSV(column string, first, step int) string {
	var b strings.Builder
	b.WriteString("year," + column + "\n")
	for y := 1995; y <= 2020; y++ {
		fmt.Fprintf(&b, "%d,%d\n", y, first+(y-1995)*step)
	}
	return b.String()
}

// checkContains reports, through t, each of wants that text (named what)
// lacks.
func checkContains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// writeFile writes content to the file name in dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestForecastHelp(t *testing.T) {
	out, errOut, code := forecastRun("-h")
	if code != exitOK || errOut != "" {
		t.Fatalf("-h: exit %d, stderr %q; want 0 and nothing", code, errOut)
	}
	for _, f := range []string{"-series", "-drivers", "-growth", "-scenario", "-target", "-level", "-panel", "-out", "usage: demand forecast"} {
		if !strings.Contains(out, f) {
			t.Errorf("-h does not document %s:\n%s", f, out)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	w := func(name, content string) string { return writeFile(t, dir, name, content) }
	okSeries, okDrivers := seriesCSV, driversCSV
	usage := map[string]bool{"no flags": true, "no drivers": true, "unknown flag": true, "bad growth": true, "growth in percent": true, "growth hexadecimal": true,
		"growth and scenario": true, "bad level": true, "level one": true, "level small": true, "level text": true, "target text": true, "extra argument": true,
		"target before data": true, "target far": true, "panel without series": true, "panel unknown series": true}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no flags", nil, "demand forecast: -series FILE is required"},
		{"no drivers", []string{"-series", okSeries}, "demand forecast: -drivers FILE is required"},
		{"unknown flag", []string{"-seris", okSeries}, "demand forecast: flag provided but not defined: -seris"},
		{"bad growth", []string{"-series", okSeries, "-drivers", okDrivers, "-growth", "5%"}, `invalid value "5%" for flag -growth: not a growth rate (a fraction, such as 0.05)`},
		{"growth and scenario", []string{"-series", okSeries, "-drivers", okDrivers, "-growth", "0.05", "-scenario", scenCSV}, "demand forecast: give -growth or -scenario, not both"},
		{"bad level", []string{"-series", okSeries, "-drivers", okDrivers, "-level", "95"}, "demand forecast: -level 95 is not in (0, 1): levels are fractions (did you mean 0.95?)"},
		{"level one", []string{"-series", okSeries, "-drivers", okDrivers, "-level", "1"}, "demand forecast: -level 1 is not in (0, 1)"},
		{"level small", []string{"-series", okSeries, "-drivers", okDrivers, "-level", "1.5"}, "demand forecast: -level 1.5 is not in (0, 1)\n"},
		{"level text", []string{"-series", okSeries, "-drivers", okDrivers, "-level", "abc"}, `invalid value "abc" for flag -level: not a level (a fraction, such as 0.8)`},
		{"target text", []string{"-series", okSeries, "-drivers", okDrivers, "-target", "x"}, `invalid value "x" for flag -target: not a year, such as 2030`},
		{"extra argument", []string{"-series", okSeries, "-drivers", okDrivers, "more"}, `demand forecast: unexpected argument "more"`},
		{"missing series file", []string{"-series", filepath.Join(dir, "nope.csv"), "-drivers", okDrivers}, "nope.csv: no such file or directory"},
		{"empty series file", []string{"-series", w("empty.csv", ""), "-drivers", okDrivers}, "empty.csv: series: csv line 1: bad header: empty input"},
		{"ragged row", []string{"-series", w("ragged.csv", "year,a\n2000,1\n2001,2,3\n"), "-drivers", okDrivers}, "ragged.csv: series: csv line 3, column 3: wrong number of fields: have 3, header has 2"},
		{"bad number", []string{"-series", w("num.csv", "year,a\n2000,1\n2001,1O\n"), "-drivers", okDrivers}, `num.csv: series: csv line 3, column 2 ("a"): bad value: "1O" is not a number`},
		{"duplicate year", []string{"-series", w("dup.csv", "year,a\n2000,1\n2000,2\n"), "-drivers", okDrivers}, "dup.csv: series: csv line 3, column 1 (\"year\"): bad year: duplicate year 2000"},
		{"year gap", []string{"-series", w("gap.csv", "year,a\n2000,1\n2002,2\n"), "-drivers", okDrivers}, "gap.csv: series: csv line 3, column 1 (\"year\"): bad year: 2002 does not follow 2000"},
		{"Inf", []string{"-series", w("inf.csv", "year,a\n2000,Inf\n"), "-drivers", okDrivers}, `inf.csv: series: csv line 2, column 2 ("a"): bad value: "Inf" is infinite`},
		{"target before data", []string{"-series", okSeries, "-drivers", okDrivers, "-target", "2019"}, `demand forecast: -target 2019 is not after the last year of the data, 2020 (series "copper" in testdata/series.csv)`},
		{"last year missing", []string{"-series", w("lastnan.csv", "series,year,value,unit\ncopper,2019,1381.5,kt\ncopper,2020,1409,kt\ncopper,2021,,kt\n"), "-drivers", okDrivers}, `lastnan.csv: series "copper": its last year, 2021, is missing: every method starts from the last year; drop the row or cell of 2021, or give its value`},
		{"target far", []string{"-series", okSeries, "-drivers", okDrivers, "-target", "2200"}, `demand forecast: -target 2200 is more than 100 years after the data (2020)`},
		{"no gdp", []string{"-series", okSeries, "-drivers", w("nogdp.csv", "year,income\n2000,1\n")}, `nogdp.csv: no "gdp" column (columns: income)`},
		{"gdp last missing", []string{"-series", okSeries, "-drivers", w("gdpnan.csv", "year,gdp\n2019,1\n2020,NaN\n")}, `gdpnan.csv: "gdp": the last year, 2020, is missing`},
		{"gdp ends early", []string{"-series", okSeries, "-drivers", w("gdpearly.csv", "year,gdp\n2000,1\n2001,2\n")}, `gdpearly.csv: "gdp" ends in 2001, before the last year of series "copper" (2020) in testdata/series.csv: the drivers must cover every series through its last year`},
		{"gdp zero", []string{"-series", okSeries, "-drivers", w("gdp0.csv", "year,gdp\n2019,0\n2020,1\n")}, `gdp0.csv: "gdp" is 0 in 2019: a driver must be positive`},
		{"growth in percent", []string{"-series", okSeries, "-drivers", okDrivers, "-growth", "7"}, `invalid value "7" for flag -growth: rate 7 is a rise of 100 % or more a year: rates are fractions (did you mean 0.07?)`},
		{"growth hexadecimal", []string{"-series", okSeries, "-drivers", okDrivers, "-growth", "0x1p-4"}, `invalid value "0x1p-4" for flag -growth: not a growth rate (a fraction, such as 0.05)`},
		{"scenario in percent", []string{"-series", okSeries, "-drivers", okDrivers, "-scenario", w("pct.csv", "year,gdp [%]\n2021,5\n2022,5\n2023,5\n2024,5\n2025,5\n")}, `pct.csv: "gdp" is in "%", but the observed "gdp" in testdata/drivers.csv is in "index 1995=100": give the scenario's levels in the observed unit`},
		{"scenario tenfold", []string{"-series", okSeries, "-drivers", okDrivers, "-scenario", w("ten.csv", "year,gdp\n2021,3500\n2022,3600\n2023,3700\n2024,3800\n2025,3900\n")}, `ten.csv: "gdp" is 3500 in 2021, 10.1 times its last observed value 346.3 (2020, in testdata/drivers.csv): a scenario within a factor of 10 is expected; is it in another unit?`},
		{"panel for another year", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", "copper=" + w("p2030.csv", "expert,round,year,low,likely,high,weight\na,1,2030,1500,1600,1700,\nb,1,2031,1500,1600,1700,\n")}, `p2030.csv: the panel judges 2030, 2031, not the target year 2025: give -target 2031 or a panel for 2025`},
		{"panel in other units", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", "copper=" + w("pt.csv", "expert,round,year,low,likely,high,weight\na,1,2025,1.5,1.6,1.7,\nb,1,2025,1.4,1.5,1.9,\n")}, `pt.csv: the panel's median likely value for 2025 is 1.55, 0.0011 times the last value of series "copper" (1409 in 2020): a panel in other units than its series?`},
		{"nothing forecast", []string{"-series", w("one.csv", "year,a\n2020,2\n"), "-drivers", okDrivers}, "demand forecast: no method could forecast any of the 1 series; the reasons:\n  series \"a\": too few observed years: need 2, have 1 (regression, regression-loglog, elasticity-arc, elasticity-point, intensity, drift, regression-linear-anchored, regression-loglinear-anchored; 8 times)\n"},
		{"gdp too short", []string{"-series", okSeries, "-drivers", w("gdpshort.csv", "year,gdp\n2018,1\n2019,1.1\n2020,1.2\n")}, `gdpshort.csv: "gdp" covers 2018–2020, too short for the default five-year growth; give -growth or -scenario`},
		{"scenario short", []string{"-series", okSeries, "-drivers", okDrivers, "-scenario", w("scen.csv", "year,gdp\n2021,350\n2022,360\n")}, `scen.csv: "gdp" has no value for 2023 (the scenario must cover 2021–2025`},
		{"scenario no gdp", []string{"-series", okSeries, "-drivers", okDrivers, "-scenario", w("scen2.csv", "year,population\n2021,1\n")}, `scen2.csv: no "gdp" column`},
		{"panel without series", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", panelCSV}, "-panel testdata/panel-copper.csv: name the series (-panel SERIES=FILE): the series file has 3 series"},
		{"panel unknown series", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", "tin=" + panelCSV}, `-panel tin=testdata/panel-copper.csv: no series "tin"`},
		{"panel header only", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", "copper=" + w("ph.csv", "expert,round,year,low,likely,high\n")}, "ph.csv: no judgments: the file has a header and no row"},
		{"panel low > high", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", "copper=" + w("p.csv", "expert,round,year,low,likely,high,weight\na,1,2025,10,5,1,\n")}, "p.csv: expert: csv line 2, column 4 (\"low\"): need low ≤ likely ≤ high: expert \"a\", round 1, year 2025: low 10 > likely 5"},
	} {
		_, errOut, code := forecastRun(append(c.args, "-out", filepath.Join(dir, "out"))...)
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%s: stderr %q\nwant one containing %q", c.name, errOut, c.want)
		}
		// Errors in the command line exit 2 with a hint; errors in the
		// data exit 1.
		want, hint := exitData, false
		if usage[c.name] {
			want, hint = exitUsage, true
		}
		if code != want || strings.Contains(errOut, "demand forecast -h") != hint {
			t.Errorf("%s: exit %d, stderr %q; want exit %d, hint %v", c.name, code, errOut, want, hint)
		}
	}
}

// TestMethodsNotRun checks that methods that cannot run on a series are
// reported with their reason and the others still run.
func TestMethodsNotRun(t *testing.T) {
	dir := t.TempDir()
	// "flat" has a zero under every log (a warning each year); "short"
	// only two years.
	ser := writeFile(t, dir, "s.csv", "year,flat,short\n2014,0,\n2015,0,\n2016,0,\n2017,0,\n2018,0,\n2019,0,5\n2020,0,6\n")
	s, errOut, code := forecastRun("-series", ser, "-drivers", driversCSV, "-growth", "0.03", "-out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkContains(t, "stderr", errOut, `demand forecast: warning: `+ser+`: series "flat" is 0 in 2014 and 6 later years: the methods that take logs or ratios will not fit it`)
	if n := strings.Count(errOut, "is 0 in"); n != 1 {
		t.Errorf("%d warnings of zeros, want one for the series:\n%s", n, errOut)
	}
	checkContains(t, "summary", s,
		"not run: regression-loglog: series \"flat\", year 2014: value not positive: 0",
		"not run: elasticity-arc: series \"flat\", year 2014: value not positive: 0",
		"not run: intensity: series \"flat\", year 2014: value not positive: 0",
		"elasticity-point: no backtest",
		"note: combination: no interval: its members have none, and it cannot be calibrated: no member has a backtest\n",
		"drivers: gdp: 3 % a year (-growth)",
	)
}

// TestConcurrentAnalysis runs every method (methods.Default, through
// forecast.Analyse) on every series from many goroutines at once and checks that each gets what a lone run gets.
func TestConcurrentAnalysis(t *testing.T) {
	cfg, err := parseForecastFlags([]string{"-series", seriesCSV, "-drivers", driversCSV, "-panel", "copper=" + panelCSV})
	if err != nil {
		t.Fatal(err)
	}
	in, err := load(cfg, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]byte, len(in.series))
	for i, h := range in.series {
		if want[i], err = json.Marshal(analyse(h, in)); err != nil {
			t.Fatal(err)
		}
	}
	const g = 16
	got := make([][]byte, g)
	var wg sync.WaitGroup
	for k := range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[k], _ = json.Marshal(analyse(in.series[k%len(in.series)], in))
		}()
	}
	wg.Wait()
	for k := range g {
		if !bytes.Equal(got[k], want[k%len(in.series)]) {
			t.Errorf("goroutine %d (%s): result differs from a lone run", k, in.series[k%len(in.series)].Name)
		}
	}
}

// TestForecastChecks checks the warnings of demand forecast and the
// runs that go on despite them: a method whose forecast falls below zero
// is left out with a warning, a growth beyond ±20 % warns, -growth leaves
// population at its own growth, a missing GDP year is skipped with a
// note, -charts=false writes no chart, and series names that map to one
// file name get distinct chart files, with a message.
func TestForecastChecks(t *testing.T) {
	dir := t.TempDir()
	dec := writeFile(t, dir, "decl.csv", lineCSV("tin [kt]", 2000, -75))
	out, errOut, code := forecastRun("-series", dec, "-drivers", driversCSV, "-growth", "0.3", "-out", filepath.Join(dir, "o1"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkContains(t, "stderr", errOut,
		`demand forecast: warning: -growth 0.3: a growth rate of 0.3 is 30 % a year, beyond ±20 %`,
		`demand forecast: warning: series "tin", method "regression": forecast below zero: `,
		`; left out of the combinations`,
	)
	checkContains(t, "summary", out,
		"drivers: gdp: 30 % a year (-growth); population: 0.3702 % a year (its 2015–2020 growth), not -growth, which sets GDP only",
		"  not run: regression: forecast below zero: ",
	)

	// GDP missing in 2005, names that share a file name, no charts.
	b, err := os.ReadFile(driversCSV)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if f := strings.Split(l, ","); f[0] == "2005" {
			f[1] = "NaN"
			lines[i] = strings.Join(f, ",")
		}
	}
	drv := writeFile(t, dir, "d.csv", strings.Join(lines, "\n"))
	var clash strings.Builder
	clash.WriteString("year,Cu/1 [kt],Cu_1 [kt],cu 1 [kt]\n")
	for y := 1995; y <= 2020; y++ {
		fmt.Fprintf(&clash, "%d,%d,%d,%d\n", y, 100+5*(y-1995), 120+6*(y-1995), 90+4*(y-1995))
	}
	cl := writeFile(t, dir, "clash.csv", clash.String())
	o2 := filepath.Join(dir, "o2")
	out, errOut, code = forecastRun("-series", cl, "-drivers", drv, "-out", o2)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkContains(t, "summary", out, `note: driver "gdp" has no value for 2005: that year skipped, as a missing year of the history`)
	if strings.Contains(out, "not run: regression:") {
		t.Errorf("a missing GDP year stops the regression:\n%s", out)
	}
	for _, f := range []string{"fan-Cu_1.png", "fan-Cu_1-2.png", "fan-cu_1-3.png"} {
		if _, err := os.Stat(filepath.Join(o2, f)); err != nil {
			t.Errorf("chart %s: %v", f, err)
		}
	}
	checkContains(t, "stderr", errOut, `demand forecast: series "Cu/1" and "Cu_1" would share the chart file name "fan-Cu_1.png"; "Cu_1"'s is "fan-Cu_1-2.png"`)
	o3 := filepath.Join(dir, "o3")
	if _, errOut, code = forecastRun("-series", cl, "-drivers", drv, "-out", o3, "-charts=false"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	names, _ := filepath.Glob(filepath.Join(o3, "*"))
	if len(names) != 2 {
		t.Errorf("-charts=false wrote %q, want forecasts.csv and forecasts.json", names)
	}
}

// TestNegativeConsumption checks that a series with a value below zero is
// a warning, and is then taken as one that can be negative: its methods
// forecasting below zero are kept.
func TestNegativeConsumption(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "bal.csv", lineCSV("balance [kt]", 400, -20))
	out, errOut, code := forecastRun("-series", in, "-drivers", driversCSV, "-out", filepath.Join(dir, "o"), "-charts=false")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkContains(t, "stderr", errOut, `demand forecast: warning: `+in+`: series "balance" is -20 in 2016, negative: it is taken as a quantity that can be`)
	if strings.Contains(out, "forecast below zero") {
		t.Errorf("a method of a series that can be negative was left out:\n%s", out)
	}
}

// withoutProgress returns stderr without its progress lines ("… series
// done (N s)").
func withoutProgress(stderr string) string {
	var keep []string
	for _, l := range strings.SplitAfter(stderr, "\n") {
		if l != "" && !(strings.Contains(l, " series done (") && strings.HasSuffix(strings.TrimSpace(l), "s)")) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}
