package forecast_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func TestCheckRequest(t *testing.T) {
	for _, tc := range []struct {
		h     int
		level float64
		is    error
	}{
		{1, 0.95, nil},
		{5, 0.5, nil},
		{1, 0, forecast.ErrLevel},
		{1, 1, forecast.ErrLevel},
		{1, math.NaN(), forecast.ErrLevel},
		{1, -0.5, forecast.ErrLevel},
		{0, 0.95, forecast.ErrHorizon},
		{-2, 0.95, forecast.ErrHorizon},
	} {
		err := forecast.CheckRequest(forecast.Scenario{Horizon: tc.h}, tc.level)
		if !errors.Is(err, tc.is) || (tc.is == nil) != (err == nil) {
			t.Errorf("CheckRequest(h %d, level %v) = %v, want %v", tc.h, tc.level, err, tc.is)
		}
	}
}

// CheckForecast checks the request before the fit, and names the method
// in either error.
func TestCheckForecast(t *testing.T) {
	for _, tc := range []struct {
		fitted bool
		level  float64
		is     error
		msg    string
	}{
		{true, 0.95, nil, ""},
		{false, 0.95, forecast.ErrNotFitted, "m: model holds no fit"},
		{false, 2, forecast.ErrLevel, "m: "},
		{true, 2, forecast.ErrLevel, "m: "},
	} {
		err := forecast.CheckForecast("m", tc.fitted, forecast.Scenario{Horizon: 1}, tc.level)
		if !errors.Is(err, tc.is) || (tc.is == nil) != (err == nil) {
			t.Errorf("CheckForecast(fitted %v, level %v) = %v, want %v", tc.fitted, tc.level, err, tc.is)
		}
		if err != nil && !strings.HasPrefix(err.Error(), tc.msg) {
			t.Errorf("CheckForecast(fitted %v, level %v) = %q, want it to start %q", tc.fitted, tc.level, err, tc.msg)
		}
	}
}

func TestScenarioYears(t *testing.T) {
	from, to := forecast.Scenario{Horizon: 5}.Years(2010)
	if from != 2011 || to != 2015 {
		t.Errorf("Years(2010) = %d, %d, want 2011, 2015", from, to)
	}
}

func TestDriverPath(t *testing.T) {
	obs := forecast.Drivers{forecast.GDP: series.New("gdp", "index", 2000, 1, 1.1, 1.2)}
	s := forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "index", 2003, 1.3, 1.4)}}
	got, err := forecast.DriverPath(forecast.GDP, obs, s, 2001, 2004)
	if err != nil {
		t.Fatal(err)
	}
	want := series.New(forecast.GDP, "index", 2001, 1.1, 1.2, 1.3, 1.4)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("DriverPath mismatch (-want +got):\n%s", d)
	}
	// Observed only: the unit comes from the observed driver.
	got, err = forecast.DriverPath(forecast.GDP, obs, forecast.Scenario{Horizon: 1}, 2000, 2001)
	if err != nil || got.Unit != "index" || got.Len() != 2 {
		t.Errorf("observed only: %+v, %v", got, err)
	}
	// A scenario in other units is not spliced onto the observed series.
	other := forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "亿元", 2003, 1.3, 1.4)}}
	if _, err := forecast.DriverPath(forecast.GDP, obs, other, 2001, 2004); !errors.Is(err, forecast.ErrDriverMismatch) ||
		!strings.Contains(err.Error(), `"亿元" in the scenario, "index" observed`) {
		t.Errorf("units differ: error %v, want ErrDriverMismatch naming both", err)
	}
	if _, err := forecast.DriverPath(forecast.GDP, obs, s, 2004, 2001); !errors.Is(err, forecast.ErrDriverYears) {
		t.Errorf("from > to: error %v, want ErrDriverYears", err)
	}
	if _, err := forecast.DriverPath(forecast.Population, obs, s, 2001, 2004); !errors.Is(err, forecast.ErrMissingDriver) {
		t.Errorf("missing driver: error %v, want ErrMissingDriver", err)
	}
	if _, err := forecast.DriverPath(forecast.GDP, obs, s, 2001, 2005); !errors.Is(err, forecast.ErrDriverYears) {
		t.Errorf("uncovered year: error %v, want ErrDriverYears", err)
	}
	gap := forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2003, math.NaN(), 1.4)}}
	if _, err := forecast.DriverPath(forecast.GDP, obs, gap, 2003, 2004); !errors.Is(err, forecast.ErrDriverYears) {
		t.Errorf("NaN year: error %v, want ErrDriverYears", err)
	}
}

// TestCheckDriverPath checks that CheckDriverPath returns DriverPath's
// error, word for word, and then the first year where the driver is not
// positive, allocating nothing when the path is good.
func TestCheckDriverPath(t *testing.T) {
	nan := math.NaN()
	obs := forecast.Drivers{forecast.GDP: series.New("gdp", "index", 2000, 1, 1.1, 1.2)}
	for _, tc := range []struct {
		name     string
		s        forecast.Scenario
		from, to int
	}{
		{"good", forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "index", 2003, 1.3, 1.4)}}, 2001, 2004},
		{"from > to", forecast.Scenario{Horizon: 1}, 2002, 2001},
		{"beyond MaxYear", forecast.Scenario{Horizon: 1}, 2001, series.MaxYear + 1},
		{"missing driver", forecast.Scenario{Horizon: 1, Drivers: forecast.Drivers{}}, 2001, 2004},
		{"uncovered year", forecast.Scenario{Horizon: 1, Name: "low"}, 2001, 2004},
		{"units differ", forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "t", 2003, 1.3, 1.4)}}, 2001, 2004},
		{"NaN year after a zero", forecast.Scenario{Horizon: 2, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2003, 0, nan)}}, 2001, 2004},
	} {
		_, want := forecast.DriverPath(forecast.GDP, obs, tc.s, tc.from, tc.to)
		for _, positive := range []bool{false, true} {
			got := forecast.CheckDriverPath(forecast.GDP, obs, tc.s, tc.from, tc.to, positive)
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Errorf("%s, positive %v: error %v, want DriverPath's %v", tc.name, positive, got, want)
			}
		}
	}
	s := forecast.Scenario{Horizon: 3, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2003, 1.3, 0, -1)}}
	if err := forecast.CheckDriverPath(forecast.GDP, obs, s, 2001, 2005, false); err != nil {
		t.Errorf("not positive, positive unset: error %v", err)
	}
	err := forecast.CheckDriverPath(forecast.GDP, obs, s, 2001, 2005, true)
	if want := `year 2004: value not positive: driver "gdp" is 0`; !errors.Is(err, forecast.ErrNonPositive) || err.Error() != want {
		t.Errorf("not positive: error %v, want %q", err, want)
	}
	if n := testing.AllocsPerRun(100, func() {
		_ = forecast.CheckDriverPath(forecast.GDP, obs, s, 2001, 2003, true)
	}); n != 0 {
		t.Errorf("CheckDriverPath of a good path: %v allocs, want 0", n)
	}
}
