package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes a series and a drivers CSV of its own into a temporary
// directory and returns their paths.
func writeFiles(t *testing.T, series, drivers string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	return writeFile(t, dir, "s.csv", series), writeFile(t, dir, "d.csv", drivers)
}

const warnDrivers = "year,gdp\n2006,72\n2007,79\n2008,85\n2009,92\n2010,100\n2011,109.6\n2012,118.3\n2013,127.5\n2014,136.9\n2015,146.5\n"

// A Chinese series name and a zig-zag series whose calibrated 80 %
// intervals reach below zero in the first forecast year, and whose drift
// forecast falls below zero.
const warnSeries = "year,铜 [万吨],tin [kt]\n2006,500,13\n2007,560,2.8\n2008,610,13.5\n2009,680,2.2\n2010,753,12.4\n2011,800,3\n2012,870,14\n2013,930,2\n2014,990,15\n2015,1060,2.5\n"

func TestForecastWarnings(t *testing.T) {
	s, d := writeFiles(t, warnSeries, warnDrivers)
	var out, errOut bytes.Buffer
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", t.TempDir()}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	msg := errOut.String()
	checkContains(t, "stderr", msg,
		`warning: series "铜": the bundled chart fonts have no glyph for "铜", left out of the charts; give -font FILE`,
		`warning: series "tin", method "regression-loglog": the 80 % interval's lower bound is -10.72 in 2016, below zero`,
		`the charts draw it at 0): the calibrated interval is symmetric about the point, so a wide one reaches below zero; read the lower bound as 0`,
		`warning: series "tin", method "drift": forecast below zero: -1 in 2018; a quantity that cannot be negative; left out of the combinations`,
	)
	// Only tin: the intervals of copper stay above zero.
	for _, no := range []string{`"铜", method`} {
		if strings.Contains(msg, no) {
			t.Errorf("stderr warns of %s:\n%s", no, msg)
		}
	}

	// A series that is negative in its history can be: no warning.
	s, d = writeFiles(t, "year,balance [kt]\n2010,5\n2011,-3\n2012,4\n2013,-2\n2014,6\n2015,-1\n", warnDrivers)
	errOut.Reset()
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", t.TempDir()}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "below zero") {
		t.Errorf("signed series warned:\n%s", errOut.String())
	}
}

func TestForecastFont(t *testing.T) {
	s, d := writeFiles(t, warnSeries, warnDrivers)
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", t.TempDir(), "-font", bad}, &out, &errOut)
	if code != exitData || !strings.Contains(errOut.String(), "-font "+bad+": plotting: unusable font") {
		t.Errorf("bad font: exit %d, stderr %q", code, errOut.String())
	}
	errOut.Reset()
	code = run([]string{"forecast", "-series", s, "-drivers", d, "-out", t.TempDir(), "-font", bad + ".missing"}, &out, &errOut)
	if code != exitData || !strings.Contains(errOut.String(), "-font: open "+bad+".missing") {
		t.Errorf("missing font: exit %d, stderr %q", code, errOut.String())
	}

	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(droid); err != nil {
		t.Skipf("no CJK font to try: %v", err)
	}
	errOut.Reset()
	dir := t.TempDir()
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", dir, "-font", droid}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "no glyph") {
		t.Errorf("with a CJK font: %s", errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "fan-铜.png")); err != nil {
		t.Error(err)
	}
}

// TestForecastPages checks that 13 series give two pages of small
// multiples, 12 and 1.
func TestForecastPages(t *testing.T) {
	var b strings.Builder
	b.WriteString("year")
	for i := 1; i <= 13; i++ {
		fmt.Fprintf(&b, ",s%d [kt]", i)
	}
	b.WriteString("\n")
	for y := 2010; y <= 2015; y++ {
		fmt.Fprintf(&b, "%d", y)
		for i := 1; i <= 13; i++ {
			fmt.Fprintf(&b, ",%d", 100*i+10*(y-2010)*i)
		}
		b.WriteString("\n")
	}
	s, d := writeFiles(t, b.String(), warnDrivers)
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", dir}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, name := range []string{"small-multiples.png", "small-multiples-2.png"} {
		if !strings.Contains(out.String(), filepath.Join(dir, name)) {
			t.Errorf("%s not written:\n%s", name, out.String())
		}
	}
	if strings.Contains(out.String(), "small-multiples-3.png") {
		t.Error("a third page for 13 series")
	}
}

// TestForecastNoneForOneSeries checks that a series no method can forecast
// is a warning on stderr, the others forecast and the exit status 0.
func TestForecastNoneForOneSeries(t *testing.T) {
	s, d := writeFiles(t, "year,copper [kt],tin [kt]\n2012,500,\n2013,560,\n2014,610,\n2015,680,13\n", warnDrivers)
	var out, errOut bytes.Buffer
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-growth", "0.05", "-charts=false", "-out", t.TempDir()}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	checkContains(t, "stderr", errOut.String(), `demand forecast: warning: no method could forecast series "tin" (the reasons are in the summary)`)
	if strings.Contains(errOut.String(), `series "copper" (the reasons`) {
		t.Errorf("copper reported as not forecast:\n%s", errOut.String())
	}
	checkContains(t, "stdout", out.String(), "\ntin [kt]: 2015, last 13.00\n", `not run: drift: series "tin": too few observed years: need 2, have 1`)
}

// TestForecastLongName checks that a series name longer than a file name
// may be gives a chart whose file name is cut, and no warning.
func TestForecastLongName(t *testing.T) {
	name := strings.Repeat("铜", 100) // 300 bytes
	var b strings.Builder
	fmt.Fprintf(&b, "year,%s [kt]\n", name)
	for y := 2006; y <= 2015; y++ {
		fmt.Fprintf(&b, "%d,%d\n", y, 500+40*(y-2006)+(y%3)*7)
	}
	s, d := writeFiles(t, b.String(), warnDrivers)
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", dir}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "not written") {
		t.Errorf("stderr: %s", errOut.String())
	}
	want := "fan-" + strings.Repeat("铜", 66) + ".png" // 198 bytes: a rune is not cut
	for _, f := range []string{want, "small-multiples.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("chart %s: %v", f, err)
		}
	}
}

// TestForecastStaleCharts checks that charts an earlier run left in -out,
// which this run does not write, are named in a warning.
func TestForecastStaleCharts(t *testing.T) {
	s, d := writeFiles(t, warnSeries, warnDrivers)
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := run([]string{"forecast", "-series", s, "-drivers", d, "-out", dir}, &out, &errOut); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, errOut.String())
	}
	one := writeFile(t, t.TempDir(), "one.csv", "year,tin [kt]\n2006,13\n2007,12.8\n2008,13.5\n2009,12.2\n2010,12.4\n2011,13\n2012,14\n2013,12\n2014,15\n2015,12.5\n")
	out.Reset()
	errOut.Reset()
	if code := run([]string{"forecast", "-series", one, "-drivers", d, "-out", dir}, &out, &errOut); code != exitOK {
		t.Fatalf("second run: exit %d: %s", code, errOut.String())
	}
	checkContains(t, "stderr", errOut.String(), "demand forecast: warning: "+dir+" holds 1 chart of an earlier run, not of this one: fan-铜.png\n")
}

// TestScenarioObservedRows checks that a scenario row for an observed year
// that contradicts the drivers is named in a warning (the observed value
// is used).
func TestScenarioObservedRows(t *testing.T) {
	scen := writeFile(t, t.TempDir(), "scen.csv", "year,gdp [index 1995=100]\n2020,400\n2021,350\n2022,360\n2023,370\n2024,380\n2025,390\n")
	var out, errOut bytes.Buffer
	if code := run([]string{"forecast", "-series", seriesCSV, "-drivers", driversCSV, "-scenario", scen, "-charts=false", "-out", t.TempDir()}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	checkContains(t, "stderr", errOut.String(), `demand forecast: warning: `+scen+`: "gdp" is 400 in 2020, but 346.3 in `+driversCSV+`, which is used: the scenario's rows for observed years are ignored`)

	// A row that repeats the observed value is no warning.
	same := writeFile(t, t.TempDir(), "same.csv", "year,gdp [index 1995=100]\n2020,346.3\n2021,350\n2022,360\n2023,370\n2024,380\n2025,390\n")
	errOut.Reset()
	if code := run([]string{"forecast", "-series", seriesCSV, "-drivers", driversCSV, "-scenario", same, "-charts=false", "-out", t.TempDir()}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "observed years are ignored") {
		t.Errorf("a matching row warned: %s", errOut.String())
	}
}
