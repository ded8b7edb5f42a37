// Package smoothtest holds what the tests of the smoothing packages (ets
// and theta) share: the 20-year history of their R reference cases, a
// check of a model's forecasts at 80 % and 95 % against R's points and
// bounds, and the short case they give the conformance kit's shared
// checks.
package smoothtest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// Y is the history of the reference cases: 20 annual values from 2001,
// given to R as ts(Y, start = 2001).
var Y = []float64{112.4, 118.9, 121.3, 131.0, 135.6, 133.2, 142.8, 151.5, 149.9, 160.2,
	171.8, 168.4, 180.1, 189.6, 186.0, 197.3, 210.5, 207.9, 221.4, 229.8}

// History returns Y as the series "y" from 2001.
func History() series.Series { return series.New("y", "", 2001, Y...) }

// Forecast is one forecast of R's: fc$mean and the bounds fc$lower and
// fc$upper at levels 80 and 95.
type Forecast struct {
	Mean, Lo80, Hi80, Lo95, Hi95 []float64
}

// CheckLevels forecasts mod over the len(want.Mean) years after its history
// at levels 0.8 and 0.95 and compares the points and bounds with want's to
// the relative tolerance rel, reporting each difference (-want +got).
func CheckLevels(t *testing.T, mod forecast.Model, want Forecast, rel float64) {
	t.Helper()
	opt := cmpopts.EquateApprox(rel, 0)
	for _, lv := range []struct {
		level  float64
		lo, hi []float64
	}{{0.8, want.Lo80, want.Hi80}, {0.95, want.Lo95, want.Hi95}} {
		fc, err := mod.Forecast(forecast.Scenario{Horizon: len(want.Mean)}, lv.level)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.Mean, fc.Point.Values, opt); diff != "" {
			t.Errorf("mean (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(lv.lo, fc.Lower.Values, opt); diff != "" {
			t.Errorf("lower at %g (-want +got):\n%s", lv.level, diff)
		}
		if diff := cmp.Diff(lv.hi, fc.Upper.Values, opt); diff != "" {
			t.Errorf("upper at %g (-want +got):\n%s", lv.level, diff)
		}
	}
}

// SharedCase is a short positive series every model of both packages fits,
// for forecasttest.CheckSharedErrors and forecasttest.CheckDistinctNames.
func SharedCase() forecasttest.Case {
	return forecasttest.Case{
		Name:     "short",
		History:  series.New("q", "t", 2000, 10, 12, 11, 14, 15, 17, 16, 19, 21, 22),
		Scenario: forecast.Scenario{Horizon: 4},
	}
}
