package forecast_test

import (
	"errors"
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func TestDriverValue(t *testing.T) {
	obs := forecast.Drivers{forecast.GDP: series.New("gdp", "", 2000, 1, 2, 3)}
	s := forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2002, 30, 40, math.NaN())}}
	for _, c := range []struct {
		name string
		year int
		want float64
		err  error
	}{
		{forecast.GDP, 2001, 2, nil},  // observed only
		{forecast.GDP, 2002, 30, nil}, // the scenario wins
		{forecast.GDP, 2003, 40, nil},
		{forecast.GDP, 2004, math.NaN(), forecast.ErrDriverYears}, // NaN in the scenario
		{forecast.GDP, 1999, math.NaN(), forecast.ErrDriverYears},
		{forecast.Population, 2001, math.NaN(), forecast.ErrMissingDriver},
	} {
		got, err := forecast.DriverValue(c.name, obs, s, c.year)
		if !errors.Is(err, c.err) || !(got == c.want || math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("DriverValue(%q, %d) = %v, %v; want %v, %v", c.name, c.year, got, err, c.want, c.err)
		}
		// One year of DriverPath: the same value or the same error.
		p, perr := forecast.DriverPath(c.name, obs, s, c.year, c.year)
		if (perr == nil) != (err == nil) || perr != nil && perr.Error() != err.Error() || perr == nil && p.Values[0] != got {
			t.Errorf("DriverPath(%q, %d) = %v, %v; DriverValue %v, %v", c.name, c.year, p.Values, perr, got, err)
		}
	}
}

// TestDriverNames checks the default driver and the name part naming it.
func TestDriverNames(t *testing.T) {
	for _, c := range []struct{ driver, name, suffix string }{
		{"", forecast.GDP, ""},
		{forecast.GDP, forecast.GDP, ""},
		{forecast.Population, forecast.Population, "-" + forecast.Population},
		{"electricity", "electricity", "-electricity"},
	} {
		if got := forecast.DriverName(c.driver); got != c.name {
			t.Errorf("DriverName(%q) = %q, want %q", c.driver, got, c.name)
		}
		if got := forecast.DriverSuffix(c.driver); got != c.suffix {
			t.Errorf("DriverSuffix(%q) = %q, want %q", c.driver, got, c.suffix)
		}
	}
}

func TestPrepare(t *testing.T) {
	var f forecast.Forecast
	f.Prepare("m", "q", "t", 2011, 5, 0.9)
	if f.Method != "m" || f.Level != 0.9 {
		t.Errorf("Prepare: method %q, level %g", f.Method, f.Level)
	}
	for _, s := range []series.Series{f.Point, f.Lower, f.Upper} {
		if s.Name != "q" || s.Unit != "t" || s.Start != 2011 || len(s.Values) != 5 || cap(s.Values) != 5 {
			t.Errorf("Prepare: series %+v (cap %d), want q, t, 2011 and 5 values", s, cap(s.Values))
		}
	}
	// The three must not share memory: writing one leaves the others.
	f.Point.Values[4], f.Lower.Values[0] = 1, 2
	if f.Lower.Values[0] != 2 || f.Upper.Values[0] != 0 || f.Lower.Values[4] != 0 {
		t.Errorf("Prepare: the series share memory")
	}
	p := &f.Point.Values[0]
	if allocs := testing.AllocsPerRun(10, func() { f.Prepare("m", "q", "t", 2012, 3, 0.9) }); allocs != 0 {
		t.Errorf("Prepare to a smaller size allocates %v times", allocs)
	}
	if &f.Point.Values[0] != p || len(f.Upper.Values) != 3 || f.Point.Start != 2012 {
		t.Errorf("Prepare did not reuse the values")
	}
	f.Prepare("m", "q", "t", 2012, 8, 0.9)
	if len(f.Point.Values) != 8 || len(f.Lower.Values) != 8 || len(f.Upper.Values) != 8 {
		t.Errorf("Prepare did not grow the values")
	}
}
