package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/nonferrous/demand/series"
)

func TestForecasts(t *testing.T) {
	h, err := history("")
	if err != nil {
		t.Fatal(err)
	}
	fan, err := forecasts(h, 5)
	if err != nil {
		t.Fatal(err)
	}
	// Compound growth 2001–2010: (258/120)^(1/9) − 1; first forecast year
	// 2011 = 258·(1+g).
	g := math.Pow(258.0/120, 1.0/9) - 1
	if got, want := fan.Forecasts[0].Point.Values[0], 258*(1+g); math.Abs(got-want) > 1e-9 {
		t.Errorf("compound growth 2011 = %v, want %v", got, want)
	}
	// Straight line: slope (258−120)/9 a year.
	if got, want := fan.Forecasts[2].Point.Values[4], 258+5*(258.0-120)/9; math.Abs(got-want) > 1e-9 {
		t.Errorf("straight line 2015 = %v, want %v", got, want)
	}
	for _, f := range fan.Forecasts {
		if f.Point.Start != 2011 || f.Point.Len() != 5 {
			t.Errorf("%s covers %d–%d, want 2011–2015", f.Method, f.Point.Start, f.Point.End())
		}
	}
	// The chart draws nothing that is not made from the data.
	if len(fan.Refs) != 0 {
		t.Errorf("reference points %+v, want none", fan.Refs)
	}
	if _, err := forecasts(h, 0); err == nil {
		t.Error("horizon 0: no error")
	}
	if _, err := forecasts(series.New("x", "", 2000, 1, 2), 3); err == nil {
		t.Error("2 observed years: no error")
	}
}

func TestHistoryCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.csv")
	if err := os.WriteFile(path, []byte("year,tin\n2001,1\n2002,2\n2003,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := history(path)
	if err != nil {
		t.Fatal(err)
	}
	if h.Name != "tin" || h.Start != 2001 || h.Len() != 3 {
		t.Errorf("history = %+v", h)
	}
	if _, err := history(filepath.Join(t.TempDir(), "missing.csv")); err == nil {
		t.Error("missing file: no error")
	}
}
