package plan

import (
	"math"
	"testing"
)

func TestParseFigure(t *testing.T) {
	tests := []struct {
		text       string
		value      float64
		decimals   int
		approx     bool
		bound      string
		cumulative bool
		rounding   float64
	}{
		{"7.45", 7.45, 2, false, "", false, 0.005},
		{"52", 52, 0, false, "", false, 0.5},
		{"-0.1", -0.1, 1, false, "", false, 0.05},
		{"40.0", 40, 1, false, "", false, 0.05},
		{"15.1 %", 15.1, 1, false, "", false, 0.05},
		{"约3430", 3430, 0, true, "", false, 5},
		{"4600左右", 4600, 0, true, "", false, 50},
		{"约3430.5", 3430.5, 1, true, "", false, 0.05},
		{"约0", 0, 0, true, "", false, 0.5},
		{">1.5", 1.5, 1, false, ">", false, 0.05},
		{"[50]", 50, 0, false, "", true, 0.5},
		{" 720", 720, 0, false, "", false, 0.5},
	}
	for _, tt := range tests {
		f, err := ParseFigure(tt.text)
		if err != nil {
			t.Errorf("ParseFigure(%q): %v", tt.text, err)
			continue
		}
		if f.Value != tt.value || f.Decimals != tt.decimals || f.Approx != tt.approx || f.Bound != tt.bound ||
			f.Cumulative != tt.cumulative || f.Text != tt.text || f.String() != tt.text {
			t.Errorf("ParseFigure(%q) = %+v", tt.text, f)
		}
		if r := f.Rounding(); math.Abs(r-tt.rounding) > 1e-15 {
			t.Errorf("ParseFigure(%q).Rounding() = %v, want %v", tt.text, r, tt.rounding)
		}
	}
	empty, err := ParseFigure("")
	if err != nil || !math.IsNaN(empty.Value) {
		t.Errorf("ParseFigure(\"\") = %+v, %v", empty, err)
	}
	for _, s := range []string{"abc", "1e3", "0x10", "Inf", "NaN", "1_000", "约", "[]"} {
		if _, err := ParseFigure(s); err == nil {
			t.Errorf("ParseFigure(%q): no error", s)
		}
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		text   string
		lo, hi float64
	}{
		{"7.45", 7.445, 7.455},
		{"约3430", 3425, 3435},
		{">1.5", 1.5, math.Inf(1)},
		{"<2", math.Inf(-1), 2},
	}
	for _, tt := range tests {
		f, _ := ParseFigure(tt.text)
		lo, hi := f.Interval()
		if math.Abs(lo-tt.lo) > 1e-12 && lo != tt.lo || math.Abs(hi-tt.hi) > 1e-12 && hi != tt.hi {
			t.Errorf("%q.Interval() = %v, %v, want %v, %v", tt.text, lo, hi, tt.lo, tt.hi)
		}
	}
}
