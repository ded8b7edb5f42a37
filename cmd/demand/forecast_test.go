package main

import (
	"bytes"
	"encoding/json"
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
	var out, errOut bytes.Buffer
	code = run(append([]string{"forecast"}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
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
	if errOut != "" {
		t.Errorf("warnings on a clean input:\n%s", errOut)
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
	f, err := os.Open(filepath.Join(dir, "forecasts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fs, err := forecast.ReadCSV(f)
	if err != nil {
		t.Fatalf("ReadCSV of the output: %v", err)
	}
	got := map[string]bool{}
	for _, fc := range fs {
		got[fc.Point.Name+"/"+fc.Method] = true
		if fc.Point.End() != 2025 || fc.Point.Start != 2021 || fc.Level != 0.8 {
			t.Errorf("%s/%s covers %d–%d at level %g, want 2021–2025 at 0.8", fc.Point.Name, fc.Method, fc.Point.Start, fc.Point.End(), fc.Level)
		}
	}
	for _, s := range []string{"copper", "aluminium", "zinc"} {
		for _, m := range []string{"regression", "regression-loglog", "elasticity-arc", "elasticity-point", "intensity", "intensity-malenbaum", forecast.DefaultCombinationName, forecast.InverseMSECombinationName} {
			if !got[s+"/"+m] {
				t.Errorf("no forecast %s/%s in forecasts.csv", s, m)
			}
		}
	}
	if !got["copper/expert"] || got["zinc/expert"] {
		t.Errorf("expert forecasts: copper %v, zinc %v; want copper only", got["copper/expert"], got["zinc/expert"])
	}

	// The JSON holds the same forecasts.
	b, err := os.ReadFile(filepath.Join(dir, "forecasts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Target int
		Series []struct {
			History   json.RawMessage
			Forecasts []forecast.Forecast
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("forecasts.json: %v", err)
	}
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
	for _, want := range []string{
		"target year 2023",
		"gdp: 4.423 % a year (its 2015–2020 growth)",
		`not run: intensity-malenbaum: needs a "population" column in the drivers file`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
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
	usage := map[string]bool{"no flags": true, "no drivers": true, "unknown flag": true, "bad growth": true,
		"growth and scenario": true, "bad level": true, "extra argument": true}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no flags", nil, "demand forecast: -series FILE is required"},
		{"no drivers", []string{"-series", okSeries}, "demand forecast: -drivers FILE is required"},
		{"unknown flag", []string{"-seris", okSeries}, "demand forecast: flag provided but not defined: -seris"},
		{"bad growth", []string{"-series", okSeries, "-drivers", okDrivers, "-growth", "5%"}, `invalid value "5%" for flag -growth: "5%" is not a growth rate`},
		{"growth and scenario", []string{"-series", okSeries, "-drivers", okDrivers, "-growth", "0.05", "-scenario", scenCSV}, "demand forecast: give -growth or -scenario, not both"},
		{"bad level", []string{"-series", okSeries, "-drivers", okDrivers, "-level", "95"}, "demand forecast: -level 95 is not in (0, 1)"},
		{"extra argument", []string{"-series", okSeries, "-drivers", okDrivers, "more"}, `demand forecast: unexpected argument "more"`},
		{"missing series file", []string{"-series", filepath.Join(dir, "nope.csv"), "-drivers", okDrivers}, "nope.csv: no such file or directory"},
		{"empty series file", []string{"-series", w("empty.csv", ""), "-drivers", okDrivers}, "empty.csv: series: csv line 1: bad header: empty input"},
		{"ragged row", []string{"-series", w("ragged.csv", "year,a\n2000,1\n2001,2,3\n"), "-drivers", okDrivers}, "ragged.csv: series: csv line 3, column 3: wrong number of fields: have 3, header has 2"},
		{"bad number", []string{"-series", w("num.csv", "year,a\n2000,1\n2001,1O\n"), "-drivers", okDrivers}, `num.csv: series: csv line 3, column 2 ("a"): bad value: "1O" is not a number`},
		{"duplicate year", []string{"-series", w("dup.csv", "year,a\n2000,1\n2000,2\n"), "-drivers", okDrivers}, "dup.csv: series: csv line 3, column 1 (\"year\"): bad year: duplicate year 2000"},
		{"year gap", []string{"-series", w("gap.csv", "year,a\n2000,1\n2002,2\n"), "-drivers", okDrivers}, "gap.csv: series: csv line 3, column 1 (\"year\"): bad year: 2002 does not follow 2000"},
		{"Inf", []string{"-series", w("inf.csv", "year,a\n2000,Inf\n"), "-drivers", okDrivers}, `inf.csv: series: csv line 2, column 2 ("a"): bad value: "Inf" is infinite`},
		{"target before data", []string{"-series", okSeries, "-drivers", okDrivers, "-target", "2019"}, `demand forecast: -target 2019 is not after the last year of the data, 2020 (series "copper" in testdata/series.csv)`},
		{"no gdp", []string{"-series", okSeries, "-drivers", w("nogdp.csv", "year,income\n2000,1\n")}, `nogdp.csv: no "gdp" column (columns: income)`},
		{"gdp last missing", []string{"-series", okSeries, "-drivers", w("gdpnan.csv", "year,gdp\n2000,1\n2001,NaN\n")}, `gdpnan.csv: "gdp": the last year, 2001, is missing`},
		{"gdp too short", []string{"-series", okSeries, "-drivers", w("gdpshort.csv", "year,gdp\n2018,1\n2019,1.1\n2020,1.2\n")}, `gdpshort.csv: "gdp" covers 2018–2020, too short for the default five-year growth; give -growth or -scenario`},
		{"scenario short", []string{"-series", okSeries, "-drivers", okDrivers, "-scenario", w("scen.csv", "year,gdp\n2021,1\n2022,2\n")}, `scen.csv: "gdp" has no value for 2023 (the scenario must cover 2021–2025`},
		{"scenario no gdp", []string{"-series", okSeries, "-drivers", okDrivers, "-scenario", w("scen2.csv", "year,population\n2021,1\n")}, `scen2.csv: no "gdp" column`},
		{"panel without series", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", panelCSV}, "-panel testdata/panel-copper.csv: name the series (-panel SERIES=FILE): the series file has 3 series"},
		{"panel unknown series", []string{"-series", okSeries, "-drivers", okDrivers, "-panel", "tin=" + panelCSV}, `-panel tin=testdata/panel-copper.csv: no series "tin"`},
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
	// "flat" has a zero under every log; "short" only two years; the panel
	// judges 2030, not the target.
	ser := writeFile(t, dir, "s.csv", "year,flat,short\n2014,0,\n2015,0,\n2016,0,\n2017,0,\n2018,0,\n2019,0,5\n2020,0,6\n")
	pan := writeFile(t, dir, "p.csv", "expert,round,year,low,likely,high,weight\na,1,2030,1,2,3,\n")
	s, errOut, code := forecastRun("-series", ser, "-drivers", driversCSV, "-growth", "0.03", "-panel", "short="+pan, "-out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"not run: regression-loglog: regression:",
		"not run: elasticity-arc: elasticity:",
		"not run: intensity: intensity:",
		"not run: expert: expert: no judgments",
		"elasticity-point: no backtest",
		"drivers: gdp: 3 % a year (-growth)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
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
