package forecast_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// TestAnalyseMissingDriverYear checks that a GDP year missing inside the
// history (2004) and GDP starting after the history (2000, history from
// 1998) are skipped as missing years of the history: the regression on
// GDP, which fails on the raw history, forecasts what it forecasts on the
// history with 1998, 1999 and 2004 missing, and a note names the years.
func TestAnalyseMissingDriverYear(t *testing.T) {
	nan := math.NaN()
	h := series.New("q", "kt", 1998, 90, 95, 100, 104, 109, 115, 118, 124, 130, 133, 140, 147)
	gdp := series.New(forecast.GDP, "index", 2000, 100, 103, 107, 111, nan, 119, 124, 128, 133, 138, 143, 148)
	d := forecast.Drivers{forecast.GDP: gdp}
	sc := forecast.Scenario{Name: "s", Horizon: 1}
	if _, err := (regression.Method{}).Fit(h, d); !errors.Is(err, forecast.ErrDriverYears) {
		t.Fatalf("the raw history: error %v, want ErrDriverYears", err)
	}
	a := forecast.Analyse(h, d, sc, []forecast.Candidate{{Method: regression.Method{}}, {Label: "nil"}}, forecast.AnalysisSettings{Level: 0.8})
	if len(a.Forecasts) == 0 || a.Forecasts[0].Method != "regression" {
		t.Fatalf("no regression forecast: skipped %+v, notes %q", a.Skipped, a.Notes)
	}
	masked := h.Clone()
	masked.Values[0], masked.Values[1], masked.Values[6] = nan, nan, nan
	mod, err := (regression.Method{}).Fit(masked, d)
	if err != nil {
		t.Fatal(err)
	}
	want, err := mod.Forecast(sc, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Point.Values, a.Forecasts[0].Point.Values, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("forecast (-want +got):\n%s", diff)
	}
	note := `driver "gdp" has no value for 1998–1999, 2004: those years skipped, as a missing year of the history`
	if !strings.Contains(strings.Join(a.Notes, "\n"), note) {
		t.Errorf("notes %q lack %q", a.Notes, note)
	}
	if len(a.Skipped) != 1 || !errors.Is(a.Skipped[0].Err, forecast.ErrNilMethod) || a.Skipped[0].Method != "nil" {
		t.Errorf("skipped %+v, want the nil candidate with ErrNilMethod", a.Skipped)
	}
	if got, _ := a.History.At(2004); got != 118 {
		t.Errorf("the analysis' history holds %g for 2004, want the observed 118", got)
	}
}
