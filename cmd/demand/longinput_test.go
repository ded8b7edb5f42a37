package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nonferrous/demand/series"
)

// TestForecastLongSeries checks that demand forecast reads a long series
// file: the series of testdata/series.csv written long, the rows ordered by
// year (the series interleaved), give the same summary as the wide file.
func TestForecastLongSeries(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Open(seriesCSV)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := series.ReadCSV(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var long bytes.Buffer
	if err := series.WriteLongCSV(&long, ss...); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(long.String(), "\n"), "\n")
	year := func(line string) string { return strings.Split(line, ",")[1] }
	slices.SortStableFunc(lines[1:], func(a, b string) int { return strings.Compare(year(a), year(b)) })
	longCSV := writeFile(t, dir, "long.csv", strings.Join(lines, "\n")+"\n")

	wideOut, wideDir := "", filepath.Join(dir, "wide")
	longOut, longDir := "", filepath.Join(dir, "long")
	var code int
	if wideOut, _, code = forecastRun("-series", seriesCSV, "-drivers", driversCSV, "-out", wideDir); code != exitOK {
		t.Fatalf("wide: exit %d", code)
	}
	var errOut string
	if longOut, errOut, code = forecastRun("-series", longCSV, "-drivers", driversCSV, "-out", longDir); code != exitOK {
		t.Fatalf("long: exit %d: %s", code, errOut)
	}
	w := strings.ReplaceAll(wideOut, wideDir, "OUT")
	g := strings.ReplaceAll(longOut, longDir, "OUT")
	if w != g {
		t.Errorf("long input gives\n%s\nwide input\n%s", g, w)
	}
}
