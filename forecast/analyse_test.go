package forecast_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// TestAnalyse checks Analyse on toy methods whose figures are worked by
// hand. History 2000–2005: 1, 2, 4, 7, 11, 16; horizon 3.
//
// Naive forecasts 16; drift 16 + 3k (slope (16−1)/5). The backtest (origins
// 2002, 2003, 2004; horizon 3, cut at 2005) has errors
//
//	naive: 3, 7, 12 | 4, 9 | 5          MSE = 324/6 = 54
//	drift: 1.5, 4, 7.5 | 2, 5 | 2.5     MSE = 109.75/6
//
// so the Bates–Granger weights are 54/(54 + 109.75/6) for drift and the
// rest for naive.
func TestAnalyse(t *testing.T) {
	h := series.New("q", "t", 2000, 1, 2, 4, 7, 11, 16)
	sc := forecast.Scenario{Name: "toy", Horizon: 3}
	cands := []forecast.Candidate{
		{Method: drift{}},
		{Method: naive{}, Label: "naive-1"},
		{Method: naive{}, Label: "naive-judged", NoBacktest: true},
		{Method: ratio{}, Label: "ratio-needs", Needs: []string{forecast.GDP}},
	}
	a := forecast.Analyse(h, nil, sc, cands, forecast.AnalysisSettings{Level: 0.8})

	want := []string{"drift", "naive-1", "naive-judged", forecast.DefaultCombinationName, forecast.InverseMSECombinationName}
	if d := cmp.Diff(want, methodNames(a.Forecasts)); d != "" {
		t.Fatalf("forecasts (-want +got):\n%s", d)
	}
	wd := 54 / (54 + 109.75/6)
	near := cmpopts.EquateApprox(1e-12, 0)
	eq := a.Forecasts[3].Point.Values
	if d := cmp.Diff([]float64{(19 + 16 + 16) / 3.0, (22 + 32) / 3.0, (25 + 32) / 3.0}, eq, near); d != "" {
		t.Errorf("equal-weight combination (-want +got):\n%s", d)
	}
	inv := a.Forecasts[4].Point.Values
	if d := cmp.Diff([]float64{wd*19 + (1-wd)*16, wd*22 + (1-wd)*16, wd*25 + (1-wd)*16}, inv, near); d != "" {
		t.Errorf("inverse-MSE combination (-want +got):\n%s", d)
	}
	if len(a.Backtest) != 2 {
		t.Fatalf("backtests %+v, want drift and naive-1", a.Backtest)
	}
	for i, w := range []struct {
		name        string
		mse, weight float64
	}{{"drift", 109.75 / 6, wd}, {"naive-1", 54, 1 - wd}} {
		s := a.Backtest[i]
		if s.Method != w.name || s.Origins != 3 || s.N != 6 || math.Abs(s.RMSE*s.RMSE-w.mse) > 1e-9 || math.Abs(s.Weight-w.weight) > 1e-12 {
			t.Errorf("backtest %d = %+v, want %s with MSE %g, weight %g", i, s, w.name, w.mse, w.weight)
		}
	}
	if len(a.Skipped) != 1 || a.Skipped[0].Method != "ratio-needs" || a.Skipped[0].Driver != forecast.GDP ||
		!errors.Is(a.Skipped[0].Err, forecast.ErrMissingDriver) {
		t.Errorf("skipped %+v, want ratio-needs for want of gdp", a.Skipped)
	}

	// JSON: NaN scores are null, skips carry method and reason.
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"skipped":[{"method":"ratio-needs","reason":"driver missing: needs driver \"gdp\""}]`, `"mase":`, `"weight":0.74`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("JSON lacks %s:\n%s", s, b)
		}
	}
}

func TestAnalyseFailures(t *testing.T) {
	h := series.New("q", "t", 2000, 1, 2, 4)
	// ratio fails without a GDP driver: skipped with the method's error.
	// One method backtested gives no inverse-MSE combination, and the
	// history is too short for any backtest.
	a := forecast.Analyse(h, nil, forecast.Scenario{Horizon: 2}, []forecast.Candidate{{Method: ratio{}}, {Method: naive{}}}, forecast.AnalysisSettings{})
	if len(a.Skipped) != 1 || a.Skipped[0].Driver != "" || !errors.Is(a.Skipped[0].Err, forecast.ErrMissingDriver) {
		t.Errorf("skipped %+v", a.Skipped)
	}
	if len(a.Forecasts) != 2 || a.Forecasts[1].Method != forecast.DefaultCombinationName || a.Forecasts[0].Level != forecast.DefaultLevel {
		t.Errorf("forecasts %+v", a.Forecasts)
	}
	notes := strings.Join(a.Notes, "\n")
	for _, s := range []string{
		"naive: no backtest:",
		forecast.DefaultCombinationName + ": interval of Combine, not calibrated: no member has a backtest",
		forecast.InverseMSECombinationName + ": needs backtests of two methods, have 0",
	} {
		if !strings.Contains(notes, s) {
			t.Errorf("notes lack %q:\n%s", s, notes)
		}
	}
	// A method's *Error is reported without its Method, which the Skip
	// names by the candidate's label.
	a = forecast.Analyse(h, nil, forecast.Scenario{Horizon: 2}, []forecast.Candidate{{Method: failing{}, Label: "failing-1"}, {Method: naive{}}}, forecast.AnalysisSettings{})
	if len(a.Skipped) != 1 || a.Skipped[0].Method != "failing-1" || a.Skipped[0].Reason != `series "q": too few observed years: need 9, have 3` {
		t.Errorf("skipped %+v, want failing-1 with the *Error's message less its method", a.Skipped)
	}
	// A member's error inside a combination keeps the member's name.
	a = forecast.Analyse(h, nil, forecast.Scenario{Horizon: 2}, []forecast.Candidate{{Method: forecast.Combined("combo", failing{})}, {Method: naive{}}}, forecast.AnalysisSettings{})
	if len(a.Skipped) != 1 || a.Skipped[0].Reason != `failing: series "q": too few observed years: need 9, have 3` {
		t.Errorf("skipped %+v, want combo with its member's error", a.Skipped)
	}
	a = forecast.Analyse(h, nil, forecast.Scenario{Horizon: 2}, []forecast.Candidate{{Method: ratio{}}}, forecast.AnalysisSettings{})
	if len(a.Forecasts) != 0 || len(a.Notes) != 1 || a.Notes[0] != "no method could forecast this series" {
		t.Errorf("nothing forecast: forecasts %v, notes %q", a.Forecasts, a.Notes)
	}
}

// TestAnalyseConstant checks that on a constant history, whose backtest
// errors are all zero, the inverse-MSE combination gets no interval
// rather than a false one of zero width, and a note that says why.
func TestAnalyseConstant(t *testing.T) {
	h := series.New("q", "t", 2000, 5, 5, 5, 5, 5, 5, 5, 5)
	a := forecast.Analyse(h, nil, forecast.Scenario{Horizon: 2}, []forecast.Candidate{{Method: drift{}}, {Method: naive{}}}, forecast.AnalysisSettings{})
	var inv *forecast.Forecast
	for i := range a.Forecasts {
		if a.Forecasts[i].Method == forecast.InverseMSECombinationName {
			inv = &a.Forecasts[i]
		}
	}
	if inv == nil {
		t.Fatalf("no %s among %d forecasts; notes %q", forecast.InverseMSECombinationName, len(a.Forecasts), a.Notes)
	}
	for k, p := range inv.Point.Values {
		if p != 5 || !math.IsNaN(inv.Lower.Values[k]) || !math.IsNaN(inv.Upper.Values[k]) {
			t.Errorf("step %d: %v in [%v, %v], want 5 and no interval", k+1, p, inv.Lower.Values[k], inv.Upper.Values[k])
		}
	}
	if notes := strings.Join(a.Notes, "\n"); !strings.Contains(notes, forecast.InverseMSECombinationName+": no interval: its calibration failed: ") {
		t.Errorf("notes lack the reason for no interval:\n%s", notes)
	}
}

// TestAnalyseBadSettings checks that settings outside their ranges give
// no forecast and a note naming the setting.
func TestAnalyseBadSettings(t *testing.T) {
	h := series.New("q", "t", 2000, 1, 2, 4, 7, 11, 16)
	cands := []forecast.Candidate{{Method: drift{}}, {Method: naive{}}}
	for _, c := range []struct {
		set  forecast.AnalysisSettings
		note string
	}{
		{forecast.AnalysisSettings{Level: 1}, "nothing forecast: the settings: interval level must be in (0, 1): Level 1"},
		{forecast.AnalysisSettings{Level: -0.5}, "Level -0.5"},
		{forecast.AnalysisSettings{MaxHorizon: -1}, "invalid setting: MaxHorizon -1"},
		{forecast.AnalysisSettings{MaxHorizon: 5000}, "MaxHorizon 5000"},
		{forecast.AnalysisSettings{MinTrain: -2}, "invalid setting: MinTrain -2"},
	} {
		a := forecast.Analyse(h, nil, forecast.Scenario{Horizon: 2}, cands, c.set)
		if len(a.Forecasts) != 0 || len(a.Notes) != 1 || !strings.Contains(a.Notes[0], c.note) {
			t.Errorf("%+v: %d forecasts, notes %q; want none and a note containing %q", c.set, len(a.Forecasts), a.Notes, c.note)
		}
	}
}

// methodNames returns the Methods of fs.
func methodNames(fs []forecast.Forecast) []string {
	var names []string
	for _, f := range fs {
		names = append(names, f.Method)
	}
	return names
}

// failing is a method whose Fit fails with an *Error.
type failing struct{}

func (failing) Name() string { return "failing" }

func (failing) Fit(h series.Series, _ forecast.Drivers) (forecast.Model, error) {
	return nil, forecast.Errorf("failing", h.Name, 0, forecast.ErrTooFew, "need 9, have %d", h.Len())
}

// TestAnalyseAlone checks that a candidate kept Alone is forecast and
// backtested but joins neither combination: with the toy history of
// TestAnalyse, adding an Alone drift under another label leaves both
// combinations and their weights as they are.
func TestAnalyseAlone(t *testing.T) {
	h := series.New("q", "t", 2000, 1, 2, 4, 7, 11, 16)
	sc := forecast.Scenario{Name: "toy", Horizon: 3}
	base := []forecast.Candidate{{Method: drift{}}, {Method: naive{}, Label: "naive-1"}}
	want := forecast.Analyse(h, nil, sc, base, forecast.AnalysisSettings{Level: 0.8})
	got := forecast.Analyse(h, nil, sc, append(base, forecast.Candidate{Method: drift{}, Label: "drift-alone", Alone: true}), forecast.AnalysisSettings{Level: 0.8})
	if len(got.Forecasts) != len(want.Forecasts)+1 || len(got.Forecasts) < 3 || got.Forecasts[2].Method != "drift-alone" {
		t.Fatalf("forecasts %v; want %d with drift-alone third", methodNames(got.Forecasts), len(want.Forecasts)+1)
	}
	for i, name := range []string{forecast.DefaultCombinationName, forecast.InverseMSECombinationName} {
		w, g := want.Forecasts[2+i], got.Forecasts[3+i]
		if g.Method != name {
			t.Fatalf("forecast %d is %q, want %q", 3+i, g.Method, name)
		}
		if d := cmp.Diff(w.Point.Values, g.Point.Values); d != "" {
			t.Errorf("%s changed by an Alone candidate (-want +got):\n%s", name, d)
		}
	}
	if len(got.Backtest) != 3 || got.Backtest[2].Method != "drift-alone" || !math.IsNaN(got.Backtest[2].Weight) ||
		got.Backtest[0].Weight != want.Backtest[0].Weight || got.Backtest[1].Weight != want.Backtest[1].Weight {
		t.Errorf("backtest %+v, want the two members' weights unchanged and drift-alone with weight NaN", got.Backtest)
	}
	// Alone candidates only: forecasts, no combination, a note.
	only := forecast.Analyse(h, nil, sc, []forecast.Candidate{{Method: drift{}, Alone: true}}, forecast.AnalysisSettings{Level: 0.8})
	if len(only.Forecasts) != 1 || len(only.Backtest) != 1 || len(only.Notes) == 0 {
		t.Errorf("alone only: %d forecasts, %d backtests, notes %v; want 1, 1 and a note", len(only.Forecasts), len(only.Backtest), only.Notes)
	}
}
