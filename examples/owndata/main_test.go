package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
)

func TestRun(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "f.csv")
	var out bytes.Buffer
	if err := run(&out, "testdata/series.csv", "testdata/drivers.csv", 0, csv); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	// The default growth of the drivers is their 2015–2020 compound rate,
	// 4.423 % for GDP (the same as demand forecast reports).
	for _, want := range []string{"gdp: +4.42 % a year after 2020", "copper [kt], 2025", "intensity-malenbaum", "combination-inverse-mse", "backtest elasticity-point"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	f, err := os.Open(csv)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fs, err := forecast.ReadCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3*13 {
		t.Errorf("%d forecasts in the CSV, want 3 series × (11 methods + 2 combinations)", len(fs))
	}
	if err := run(&out, "testdata/nope.csv", "testdata/drivers.csv", 0, ""); err == nil {
		t.Error("a missing file: no error")
	}
}
