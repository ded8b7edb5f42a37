package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runT(args ...string) (stdout, stderr string, code int) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestDispatch(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		out, errOut, code := runT(args...)
		if code != exitOK || errOut != "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
		for _, c := range commands {
			if !strings.Contains(out, "  "+c.name+" ") || !strings.Contains(out, c.summary) {
				t.Errorf("%q: usage does not list %s:\n%s", args, c.name, out)
			}
		}
		if !strings.Contains(out, "Exit status: 0 success, 1 bad data, 2 bad command line") {
			t.Errorf("%q: usage does not give the exit codes:\n%s", args, out)
		}
	}
	if out, _, code := runT("help", "plan"); code != exitOK || !strings.Contains(out, "usage: demand plan") {
		t.Errorf("help plan: exit %d:\n%s", code, out)
	}
	for _, args := range [][]string{nil, {"nope"}, {"-x"}} {
		out, errOut, code := runT(args...)
		if code != exitUsage || out != "" || errOut == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2, nothing, a message", args, code, out, errOut)
		}
	}
	if _, errOut, _ := runT("nope"); !strings.Contains(errOut, `unknown command "nope"`) {
		t.Errorf("unknown command: %q", errOut)
	}
}

// TestCommandsTable checks that every command answers -h on stdout with
// exit 0, saying what its exit codes mean, and a bad flag on stderr with
// exit 2 (the hint to -h of forecast and plan is checked in their own
// tests).
func TestCommandsTable(t *testing.T) {
	for _, c := range commands {
		var out, errOut bytes.Buffer
		if code := c.run([]string{"-h"}, &out, &errOut); code != exitOK || errOut.Len() != 0 || !strings.Contains(out.String(), c.name) ||
			!strings.Contains(out.String(), "Exit status: 0 ") {
			t.Errorf("%s -h: exit %d, stderr %q, stdout:\n%s", c.name, code, errOut.String(), out.String())
		}
		out.Reset()
		errOut.Reset()
		if code := c.run([]string{"-no-such-flag"}, &out, &errOut); code != exitUsage || out.Len() != 0 ||
			!strings.Contains(errOut.String(), "-no-such-flag") {
			t.Errorf("%s -no-such-flag: exit %d, stdout %q, stderr %q", c.name, code, out.String(), errOut.String())
		}
	}
}

func TestPlan(t *testing.T) {
	out, errOut, code := runT("plan", "-h")
	if code != exitOK || errOut != "" {
		t.Fatalf("plan -h: exit %d, stderr %q", code, errOut)
	}
	for _, f := range []string{"-json", "-growth", "-low", "-high", "-methods", "-out"} {
		if !strings.Contains(out, "  "+f) {
			t.Errorf("plan -h does not document %s:\n%s", f, out)
		}
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-methods", "delphi"}, exitUsage, "delphi"},
		{[]string{"-growth", "-2"}, exitUsage, "-2"},
		{[]string{"-low", "x"}, exitUsage, `invalid value "x" for flag -low`},
		{[]string{"extra"}, exitUsage, `unexpected arguments ["extra"]`},
		{[]string{"-out", "main_test.go"}, exitData, "main_test.go"},
	} {
		_, errOut, code := runT(append([]string{"plan"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) || !strings.HasPrefix(errOut, "demand plan: ") ||
			strings.Contains(errOut, "Run 'demand plan -h' for help.") != (c.code == exitUsage) {
			t.Errorf("plan %q: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}

	dir := t.TempDir()
	out, errOut, code = runT("plan", "-methods", "elasticity,regression", "-growth", "0.05", "-out", dir)
	if code != exitOK {
		t.Fatalf("plan: exit %d: %s", code, errOut)
	}
	checkContains(t, "plan output", out, "+5 %/yr", `scenario "custom"`, "Charts:\n  "+filepath.Join(dir, "copper.png"), filepath.Join(dir, "elasticity.png"))
	checkContains(t, "plan stderr", errOut, "demand plan: warning: -growth 0.05 is outside the range of -low 0.06 and -high 0.08, which the range table spans\n")
	if _, errOut, code = runT("plan", "-methods", "regression", "-low", "0.03", "-high", "0.05", "-out", ""); code != exitOK || strings.Contains(errOut, "outside the range") {
		t.Errorf("plan -low 0.03 -high 0.05, -growth not given: exit %d, stderr %q; want 0 and no warning", code, errOut)
	}
	if strings.Contains(out, "intensity  regression") {
		t.Error("a method not asked for was run")
	}
	for _, name := range []string{"copper", "total", "overview", "deviation", "elasticity"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".png"))
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("%s.png: %v", name, err)
		}
	}
}

// TestRunEvaluateShape checks that a command of the shape the table holds
// is all a new subcommand needs: one entry makes it dispatchable.
func TestRunEvaluateShape(t *testing.T) {
	saved := commands
	t.Cleanup(func() { commands = saved })
	called := false
	commands = append(commands, command{"probe", "a probe", func(args []string, stdout, stderr io.Writer) int {
		called = len(args) == 1 && args[0] == "x"
		return 3
	}})
	if code := run([]string{"probe", "x"}, io.Discard, io.Discard); code != 3 || !called {
		t.Errorf("probe: exit %d, called %v", code, called)
	}
}

func TestFmtNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{math.NaN(), "–"}, {1409, "1409"}, {-250.4, "-250"}, {12.345, "12.35"}, {0.01234, "0.0123"},
		{0, "0"}, {1e300, "1e+300"}, {-2.5e16, "-2.5e+16"}, {999999999999999, "999999999999999"},
	} {
		if got := fmtNum(c.v); got != c.want {
			t.Errorf("fmtNum(%g) = %q, want %q", c.v, got, c.want)
		}
	}
}
