package macro

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/series"
)

func TestExtendKeepsUnit(t *testing.T) {
	gdp := series.New("gdp", "index 2000=100", 2000, 100, 108, 117)
	// By hand: 117·1.07 = 125.19, 125.19·1.06 = 132.7014.
	got, err := Extend(gdp, series.New("g", UnitGrowth, 2003, 0.07, 0.06))
	if err != nil {
		t.Fatal(err)
	}
	want := series.New("gdp", "index 2000=100", 2000, 100, 108, 117, 125.19, 132.7014)
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Errorf("Extend (-want +got):\n%s", d)
	}
	if gdp.Len() != 3 {
		t.Error("Extend modified its input")
	}
	g, err := Grow(gdp, 0.05, 2002)
	if err != nil || g.Len() != 3 || g.Unit != gdp.Unit {
		t.Errorf("Grow to a year covered: %v, %v", g, err)
	}
	g, err = Grow(gdp, 0.05, 2004)
	if d := cmp.Diff(series.New("gdp", "index 2000=100", 2000, 100, 108, 117, 122.85, 128.9925), g, cmpopts.EquateApprox(1e-14, 0)); err != nil || d != "" {
		t.Errorf("Grow: err %v (-want +got):\n%s", err, d)
	}
}

func TestGrowRecent(t *testing.T) {
	d := series.New("population", "million", 2015, 52.982, 53.189, 53.391, 53.588, 53.781, 53.97)
	// By hand (python3): (53.97/52.982)**(1/5) - 1.
	const want = 0.0037020564261633915
	s, g, err := GrowRecent(d, 5, 2022)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(g-want) > 1e-15 {
		t.Errorf("rate %.17g, want %.17g", g, want)
	}
	if v, _ := s.At(2022); s.End() != 2022 || s.Unit != "million" || math.Abs(v-53.97*(1+want)*(1+want)) > 1e-12 {
		t.Errorf("path %v", s)
	}
	if _, err := RecentGrowth(d, 6); err == nil {
		t.Error("RecentGrowth over more years than the series: no error")
	}
	if _, err := RecentGrowth(d, 0); err == nil {
		t.Error("RecentGrowth over 0 years: no error")
	}
}

func TestExtendErrors(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name   string
		d, g   series.Series
		target error
	}{
		{"empty", series.Series{Name: "gdp"}, series.New("g", "", 1, 0.1), ErrBase},
		{"last missing", series.New("gdp", "", 2000, 1, nan), series.New("g", "", 2002, 0.1), ErrBase},
		{"last zero", series.New("gdp", "", 2000, 1, 0), series.New("g", "", 2002, 0.1), ErrBase},
		{"bad rate", series.New("gdp", "", 2000, 1), series.New("g", "", 2001, -1), ErrRate},
		{"overflow", series.New("gdp", "", 2000, 1e308), series.New("g", "", 2001, 0.9), ErrBase},
		{"percent", series.New("gdp", "", 2000, 1), series.New("g", "", 2001, 7), ErrRate},
		{"gap", series.New("gdp", "", 2000, 1), series.New("g", "", 2003, 0.1), nil},
	} {
		_, err := Extend(c.d, c.g)
		if err == nil || (c.target != nil && !errors.Is(err, c.target)) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.target)
		}
	}
}

// TestCheckGrowth checks the rule for growth rates given as fractions:
// |g| < 1 and finite is accepted, 1 or more is an error that suggests the
// fraction, and a magnitude above WarnRate draws a warning.
func TestCheckGrowth(t *testing.T) {
	for _, c := range []struct {
		g    float64
		err  string // "" for none
		warn bool
	}{
		{0.07, "", false},
		{-0.05, "", false},
		{0.2, "", false},
		{0.25, "", true},
		{-0.5, "", true},
		{0.999, "", true},
		{1, "did you mean 0.01?", false},
		{7, "rate 7 is a rise of 100 % or more a year: rates are fractions (did you mean 0.07?)", false},
		{5, "did you mean 0.05?", false},
		{-1, "a fall of 100 % or more", false},
		{math.NaN(), "missing rate", false},
		{math.Inf(1), "infinite rate", false},
	} {
		err := CheckGrowth(c.g)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("CheckGrowth(%g): %v", c.g, err)
		case c.err != "" && (err == nil || !errors.Is(err, ErrRate) || !strings.Contains(err.Error(), c.err)):
			t.Errorf("CheckGrowth(%g) = %v, want an ErrRate containing %q", c.g, err, c.err)
		}
		if w := GrowthWarning(c.g); (w != "") != c.warn {
			t.Errorf("GrowthWarning(%g) = %q, want a warning: %v", c.g, w, c.warn)
		}
	}
}

// TestRateProblem checks that RateProblem says what CheckGrowth's error
// says after ErrRate, and nothing for a valid rate.
func TestRateProblem(t *testing.T) {
	for _, g := range []float64{0.07, -0.5, 1, 7, -1, math.NaN(), math.Inf(-1)} {
		why, err := RateProblem(g), CheckGrowth(g)
		switch {
		case err == nil && why != "":
			t.Errorf("RateProblem(%g) = %q for a rate CheckGrowth accepts", g, why)
		case err != nil && err.Error() != ErrRate.Error()+": "+why:
			t.Errorf("RateProblem(%g) = %q, CheckGrowth's error %q", g, why, err)
		}
	}
}
