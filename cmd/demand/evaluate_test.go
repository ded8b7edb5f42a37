package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
)

// miniLong is four series in a long table, rows of a and b interleaved
// and out of order.
const miniLong = `series,year,value
a,2000,374
b,2000,12.1
a,2001,420
b,2001,11.8
a,2003,455
a,2002,381
b,2002,13.5
b,2003,14.2
b,2004,13.9
b,2005,15.8
b,2006,17.2
b,2007,16.4
b,2008,18.9
a,2004,502
a,2005,490
a,2006,560
a,2007,613
a,2008,598
a,2009,671
a,2010,753
a,2011,742
c,2000,1500
c,2001,1620
c,2002,1580
c,2003,1710
c,2004,1690
c,2005,1850
c,2006,1790
c,2007,1950
c,2008,2110
c,2009,2050
c,2010,2230
c,2011,2400
c,2012,2380
c,2013,2500
d,2000,88
d,2001,95
d,2002,91
d,2003,102
d,2004,99
d,2005,97
d,2006,104
d,2007,110
`

func runEval(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = runEvaluate(args, &out, &errb)
	return code, out.String(), errb.String()
}

// evalOK runs demand evaluate with args and returns its output, failing
// the test unless it exits 0.
func evalOK(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := runEval(args...)
	if code != 0 {
		t.Fatalf("demand evaluate %q: exit %d, stderr:\n%s", args, code, stderr)
	}
	return stdout, stderr
}

func readCSV(t *testing.T, p string) [][]string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestEvaluateTable checks the printed table against the evaluation done
// in R 4.2.2 with forecast 8.20 on the same four series, the last 3 years
// held out (see TestEvaluateR of package forecast for the R code):
//
//	naive  sMAPE 10.731946 MASE 1.8213730 coverage 80 % 0.5833 95 % 0.9167 MSIS 7.5733360
//	drift  sMAPE  4.790744 MASE 0.8106794 coverage 80 % 0.9167 95 % 1      MSIS 6.6353906
//	mean   sMAPE 25.148862 MASE 4.0472291 coverage 80 % 0.1667 95 % 0.5    MSIS 24.186984
func TestEvaluateTable(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "m.csv", miniLong)
	out := filepath.Join(dir, "out")
	stdout, stderr := evalOK(t, "-series", in, "-holdout", "3", "-methods", "naive,drift,mean", "-out", out)
	checkContains(t, "stdout", stdout,
		"method  series  failed   sMAPE     MASE   cover80   cover95   MSIS95\n",
		"naive        4       0   10.73    1.821    58.3 %    91.7 %     7.57\n",
		"drift        4       0    4.79    0.811    91.7 %   100.0 %     6.64\n",
		"mean         4       0   25.15    4.047    16.7 %    50.0 %    24.19\n",
		"Most accurate: drift by MASE, drift by sMAPE; best intervals (lowest MSIS at 95 %): drift.",
	)
	if stderr := withoutProgress(stderr); stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}

	rows := readCSV(t, filepath.Join(out, "evaluation.csv"))
	if got := strings.Join(rows[0], ","); got != "series,method,origin,h,year,actual,point,level,lower,upper" {
		t.Errorf("header %q", got)
	}
	// 4 series × 3 methods × 3 years × 2 levels.
	if len(rows) != 1+72 {
		t.Errorf("%d rows, want 72 and the header", len(rows)-1)
	}
	if got := strings.Join(rows[1][:8], ","); got != "a,naive,2008,1,2009,671,598,0.8" {
		t.Errorf("first row %q", got)
	}
	sum := readCSV(t, filepath.Join(out, "summary.csv"))
	if len(sum) != 1+3+3*3 || sum[1][0] != "naive" || sum[1][1] != "all" || sum[4][1] != "1" {
		t.Errorf("summary.csv:\n%v", sum)
	}
	if errs := readCSV(t, filepath.Join(out, "errors.csv")); len(errs) != 1 {
		t.Errorf("errors.csv: %v", errs)
	}
}

// TestEvaluateMethodSets checks the default method sets without and with
// drivers, and the levels.
func TestEvaluateMethodSets(t *testing.T) {
	dir := t.TempDir()
	wide := "year,q [kt],r [kt]\n" +
		"2000,10,5\n2001,11,5.5\n2002,12.5,6\n2003,13,6.8\n2004,15,7\n2005,16.2,7.9\n2006,18,8.5\n2007,19.5,9\n2008,21,10.1\n"
	in := writeFile(t, dir, "w.csv", wide)
	drv := writeFile(t, dir, "d.csv", "series,year,value\n"+
		"gdp,2000,100\ngdp,2001,108\ngdp,2002,117\ngdp,2003,125\ngdp,2004,136\ngdp,2005,146\ngdp,2006,158\ngdp,2007,170\ngdp,2008,183\n"+
		"oil,2000,1\noil,2008,2\n")

	methodsOf := func(out string) []string {
		var ms []string
		for _, r := range readCSV(t, filepath.Join(out, "summary.csv"))[1:] {
			if r[1] == "all" {
				ms = append(ms, r[0])
			}
		}
		return ms
	}
	out := filepath.Join(dir, "a")
	evalOK(t, "-series", in, "-holdout", "2", "-out", out, "-levels", "50,80")
	cal := func(ms []string) []string {
		out := slices.Clone(ms)
		for _, m := range ms {
			out = append(out, m+forecast.CalibratedSuffix)
		}
		return out
	}
	want := []string{"naive", "drift", "mean", "ets", "theta", "regression-linear", "regression-loglinear"}
	anchored := []string{"regression-linear-anchored", "regression-loglinear-anchored"}
	if w := cal(slices.Concat(want, anchored, []string{"combination-inverse-mse"})); !slices.Equal(methodsOf(out), w) {
		t.Errorf("without drivers: %v, want %v", methodsOf(out), w)
	}
	// Levels 0.5, 0.8 and the added 0.95.
	head := readCSV(t, filepath.Join(out, "summary.csv"))[0]
	if !slices.Contains(head, "coverage_50") || !slices.Contains(head, "msis_95") || len(head) != 7+3*4 {
		t.Errorf("summary header %v", head)
	}

	out = filepath.Join(dir, "b")
	stdout, stderr := evalOK(t, "-series", in, "-drivers", drv, "-holdout", "2", "-out", out)
	want = slices.Concat(want, []string{"regression", "regression-loglog", "elasticity-arc", "elasticity-point", "intensity"},
		anchored, []string{"regression-anchored", "regression-loglog-anchored", "intensity-anchored", "combination-inverse-mse"})
	if got := methodsOf(out); !slices.Equal(got, cal(want)) {
		t.Errorf("with gdp: %v, want %v", got, cal(want))
	}
	if !strings.Contains(stdout, "intensity ") {
		t.Errorf("no intensity row:\n%s", stdout)
	}
	if !strings.HasPrefix(stderr, "demand evaluate: ") || !strings.HasSuffix(stderr, `d.csv: column "oil" ignored (drivers are "gdp" and "population")`+"\n") {
		t.Errorf("stderr %q, want the warning about oil", stderr)
	}
}

func TestEvaluateErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "m.csv", miniLong)
	bad := writeFile(t, dir, "bad.csv", "series,year,value\na,2000,1\na,2001,x\n")
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no series", []string{"-holdout", "3"}, 2, "-series is required"},
		{"no holdout", []string{"-series", good}, 2, "-holdout H is required"},
		{"negative holdout", []string{"-series", good, "-holdout", "-2"}, 2, "-holdout must be from 1 to 1000 (years held out), have -2"},
		{"zero holdout", []string{"-series", good, "-holdout", "0"}, 2, "-holdout must be from 1 to 1000 (years held out), have 0"},
		{"holdout text", []string{"-series", good, "-holdout", "six"}, 2, `invalid value "six" for flag -holdout: not a number of years, such as 6`},
		{"huge holdout", []string{"-series", good, "-holdout", "9223372036854775807"}, 2, "-holdout must be from 1 to 1000 (years held out), have 9223372036854775807"},
		{"hexadecimal level", []string{"-series", good, "-holdout", "3", "-levels", "0x50"}, 2, `"0x50" is not a level`},
		{"bad flag", []string{"-series", good, "-holdout", "3", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{"argument", []string{"-series", good, "-holdout", "3", "extra"}, 2, `unexpected argument "extra"`},
		{"bad level", []string{"-series", good, "-holdout", "3", "-levels", "80,100"}, 2, `"100" is not a level`},
		{"fraction for a level", []string{"-series", good, "-holdout", "3", "-levels", "0.8"}, 2, `"0.8" is under 1 %; levels are in percent (did you mean 80?)`},
		{"unknown method", []string{"-series", good, "-holdout", "3", "-methods", "naive,theta0"}, 2, `unknown method "theta0"`},
		{"needs driver", []string{"-series", good, "-holdout", "3", "-methods", "regression"}, 2, "needs the driver gdp"},
		{"missing file", []string{"-series", filepath.Join(dir, "none.csv"), "-holdout", "3"}, 1, "none.csv"},
		{"bad csv", []string{"-series", bad, "-holdout", "1"}, 1, `bad.csv: series: csv line 3, column 3 ("value"): bad value: "x" is not a number`},
		{"holdout too long", []string{"-series", good, "-holdout", "20", "-out", filepath.Join(dir, "o")}, 1, "no series could be evaluated"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runEval(c.args...)
			if code != c.code || !strings.Contains(stderr, c.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, c.code, c.stderr)
			}
			if c.name == "holdout too long" && !strings.Contains(stdout, "No method forecast any series: nothing to rank.\n") {
				t.Errorf("nothing evaluated: stdout lacks the line that nothing is ranked:\n%s", stdout)
			}
			if c.code == 2 && !strings.Contains(stderr, "demand evaluate -h") {
				t.Errorf("usage error without the pointer to -h: %q", stderr)
			}
		})
	}

	code, stdout, stderr := runEval("-h")
	if code != 0 || !strings.HasPrefix(stdout, "usage: demand evaluate -series FILE") || stderr != "" || !strings.Contains(stdout, "intensity-malenbaum (gdp, population)") {
		t.Errorf("-h: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestEvaluateBadSeries checks that a series no method can use, and one
// that a method cannot, are reported and leave the others scored.
func TestEvaluateBadSeries(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "m.csv", miniLong+"short,2000,1\nshort,2001,2\nneg,2000,3\nneg,2001,-1\nneg,2002,2\nneg,2003,4\nneg,2004,5\n")
	out := filepath.Join(dir, "out")
	stdout, stderr := evalOK(t, "-series", in, "-holdout", "3", "-out", out, "-methods", "naive,regression-loglinear")
	if !strings.Contains(stderr, `series "short": forecast: too few observed years to hold out`) || !strings.Contains(stderr, `series "neg", method regression-loglinear`) {
		t.Errorf("stderr:\n%s", stderr)
	}
	// The first table has each method over its own series; the ranking
	// uses the second, over the four both forecast.
	for _, want := range [][]string{
		{"naive", "5", "0"},
		{"regression-loglinear", "4", "1"},
		{"naive", "4", "10.73", "1.821", "58.3", "%", "91.7", "%", "7.57"}, // as TestEvaluateTable
	} {
		if !hasRow(stdout, want) {
			t.Errorf("stdout lacks a row starting %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stdout, "On the 4 series every method forecast:") ||
		!strings.Contains(stdout, "Most accurate: regression-loglinear by MASE, regression-loglinear by sMAPE") {
		t.Errorf("stdout:\n%s", stdout)
	}
	errs := readCSV(t, filepath.Join(out, "errors.csv"))
	if len(errs) != 3 || errs[1][0] != "short" || errs[1][1] != "" || errs[2][0] != "neg" || errs[2][1] != "regression-loglinear" {
		t.Errorf("errors.csv: %v", errs)
	}
}

// TestEvaluateGaps checks that the values a score leaves out are named: a
// constant series has no scale (MASE, MSIS), and a calibrated method gives
// no interval for a series too short to calibrate on; the best intervals
// are then chosen among the methods with an interval for every value.
func TestEvaluateGaps(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "m.csv", miniLong+"flat,2000,5\nflat,2001,5\nflat,2002,5\nflat,2003,5\nflat,2004,5\nflat,2005,5\nflat,2006,6\n")
	stdout, _ := evalOK(t, "-series", in, "-holdout", "3", "-out", filepath.Join(dir, "out"), "-methods", "naive,drift,drift-calibrated")
	checkContains(t, "stdout", stdout,
		"Values left out of a score:\n",
		"  MASE and MSIS: every value of flat, whose fitted years give no scale (no year-to-year change, or none observed)\n",
		"  coverage and MSIS of drift-calibrated: ",
		"best intervals (lowest MSIS at 95 %, among the methods with an interval for every value): drift.",
	)
}

func TestEvaluateDispatch(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"bogus"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), `unknown command "bogus"`) {
		t.Errorf("bogus: %d %q", code, errb.String())
	}
	if code := run([]string{"evaluate", "-h"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "usage: demand evaluate") {
		t.Errorf("evaluate -h: %d", code)
	}
}

// hasRow reports whether a line of text starts with the fields want.
func hasRow(text string, want []string) bool {
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) >= len(want) && slices.Equal(f[:len(want)], want) {
			return true
		}
	}
	return false
}
