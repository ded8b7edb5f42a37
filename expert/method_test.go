package expert

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// geo returns 753·(end/753)^(k/5), the geometric path from 2010 to 2015.
func geo(end float64, k int) float64 { return 753 * math.Pow(end/753, float64(k)/5) }

func TestMethodForecast(t *testing.T) {
	panel := readPanel(t)
	for _, c := range []struct {
		name          string
		m             Method
		level         float64
		horizon       int
		point, lo, hi float64 // at 2015
		wname         string  // the forecast's method name
	}{
		// Round 2: median 970, quartiles 945 and 987.5 (R, see TestSummarize).
		{"median, quartiles", Method{Panel: panel}, 0.5, 5, 970, 945, 987.5, "expert"},
		// R 4.x: quantile(c(940,980,960,1010,930,990), c(.025,.975), type = 7)
		// gives 931.25 and 1007.5.
		{"median, 95 %", Method{Panel: panel, Year: 2015}, 0.95, 7, 970, 931.25, 1007.5, "expert"},
		// Range: the smallest low, 850, and the largest high, 1120.
		{"median, range", Method{Panel: panel, Interval: Range}, 0.8, 3, 970, 850, 1120, "expert-range"},
		// PERT means of round 2, sorted: 926.67, 938.33, 960, 983.33, 990,
		// 1013.33; their mean 968.61111111111109 (R). At level 0.02 the
		// band is their 0.49 and 0.51 quantiles: h = 1 + 5·0.49 = 3.45 →
		// 960 + 0.45·(983.33 − 960) = 970.5, above the mean, so the lower
		// bound is widened to the mean; h = 3.55 → 960 + 0.55·70/3.
		{"PERT", Method{Panel: panel, Aggregate: PERTMean}, 0.02, 5, 968.61111111111109, 968.61111111111109, 960 + 0.55*70/3, "expert-pert"},
	} {
		t.Run(c.name, func(t *testing.T) {
			mod, err := c.m.Fit(copperHistory(), nil)
			if err != nil {
				t.Fatal(err)
			}
			f, err := mod.Forecast(forecast.Scenario{Horizon: c.horizon}, c.level)
			if err != nil {
				t.Fatal(err)
			}
			var wp, wl, wu []float64
			for k := 1; k <= c.horizon; k++ {
				wp = append(wp, geo(c.point, k))
				wl = append(wl, geo(c.lo, k))
				wu = append(wu, geo(c.hi, k))
			}
			if diff := cmp.Diff(wp, f.Point.Values, approx); diff != "" {
				t.Errorf("point (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wl, f.Lower.Values, approx); diff != "" {
				t.Errorf("lower (-want +got):\n%s", diff)
			}
			if !math.IsNaN(c.hi) {
				if diff := cmp.Diff(wu, f.Upper.Values, approx); diff != "" {
					t.Errorf("upper (-want +got):\n%s", diff)
				}
			}
			if f.Point.Start != 2011 || f.Method != c.wname || f.Level != c.level || f.Point.Name != "copper" {
				t.Errorf("forecast %q from %d, level %g, series %q", f.Method, f.Point.Start, f.Level, f.Point.Name)
			}
		})
	}
}

func TestMethodHandChecked(t *testing.T) {
	// From 100 in 2010 to a median of 121 in 2012: 100·1.21^(1/2) = 110
	// in 2011, 121 in 2012, then the same 10 % a year: 133.1 in 2013.
	panel := []Judgment{
		{Expert: "a", Round: 1, Year: 2012, Low: 100, Likely: 121, High: 150},
		{Expert: "b", Round: 1, Year: 2012, Low: 110, Likely: 121, High: 130},
		{Expert: "c", Round: 1, Year: 2012, Low: 110, Likely: 144, High: 160},
		{Expert: "a", Round: 1, Year: 2013, Low: 1, Likely: 1, High: 1},
	}
	mod, err := (&Method{Panel: panel, Year: 2012}).Fit(series.New("q", "", 2009, 95, 100), nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := mod.Forecast(forecast.Scenario{Horizon: 3}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{110, 121, 133.1}, f.Point.Values, approx); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Likely 121, 121, 144: quartiles 121 and 132.5.
	m := mod.(*Model)
	year, v := m.Target()
	want := []forecast.Parameter{
		{Name: "median", Value: 121, StdErr: math.NaN()},
		{Name: "lower quartile", Value: 121, StdErr: math.NaN()},
		{Name: "upper quartile", Value: 132.5, StdErr: math.NaN()},
		// PERT means (100+484+150)/6, (110+484+130)/6, (110+576+160)/6:
		// mean (734 + 724 + 846)/18 = 128.
		{Name: "PERT mean", Value: 128, StdErr: math.NaN()},
		{Name: "spread", Value: 11.5 / 121, StdErr: math.NaN()},
	}
	if diff := cmp.Diff(want, m.Parameters(), approx); diff != "" || year != 2012 || v != 121 {
		t.Errorf("target %d %g; parameters (-want +got):\n%s", year, v, diff)
	}
	if r := m.Rounds(); len(r) != 1 || r[0].Round != 1 {
		t.Errorf("rounds %v", r)
	}
	// Year 0 takes the latest year judged, 2013.
	mod, err = (&Method{Panel: panel}).Fit(series.New("q", "", 2009, 95, 100), nil)
	if err != nil {
		t.Fatal(err)
	}
	if y, v := mod.(*Model).Target(); y != 2013 || v != 1 {
		t.Errorf("default target %d %g, want 2013 1", y, v)
	}
}

func TestMethodErrors(t *testing.T) {
	panel := readPanel(t)
	h := copperHistory()
	nan := math.NaN()
	bad := append([]Judgment(nil), panel...)
	bad[0].Low, bad[0].High = 1000, 900
	zero := append([]Judgment(nil), panel...)
	zero[len(zero)-1].Low = 0
	for _, c := range []struct {
		name string
		m    Method
		h    series.Series
		want error
	}{
		{"empty history", Method{Panel: panel}, series.Series{}, series.ErrEmpty},
		{"last missing", Method{Panel: panel}, series.New("q", "", 2009, 1, nan), forecast.ErrLastMissing},
		{"last not positive", Method{Panel: panel}, series.New("q", "", 2009, 1, 0), forecast.ErrNonPositive},
		{"single year", Method{Panel: panel}, series.New("q", "", 2010, 753), forecast.ErrTooFew},
		{"no panel", Method{}, h, ErrNoJudgments},
		{"no judgments for the year", Method{Panel: panel, Year: 2014}, h, ErrNoJudgments},
		{"target year", Method{Panel: panel}, series.New("q", "", 2014, 1, 2), ErrTargetYear},
		{"low > high", Method{Panel: bad}, h, ErrOrder},
		{"low zero", Method{Panel: zero}, h, forecast.ErrNonPositive},
		{"aggregate", Method{Panel: panel, Aggregate: 5}, h, forecast.ErrSetting},
		{"interval", Method{Panel: panel, Interval: -1}, h, forecast.ErrSetting},
	} {
		t.Run(c.name, func(t *testing.T) {
			mod, err := c.m.Fit(c.h, nil)
			if !errors.Is(err, c.want) {
				t.Errorf("Fit: %v, %v; want error %v", mod, err, c.want)
			}
		})
	}
	mod, err := (&Method{Panel: panel}).Fit(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mod.Forecast(forecast.Scenario{Horizon: 0}, 0.9); !errors.Is(err, forecast.ErrHorizon) {
		t.Errorf("horizon 0: %v", err)
	}
	if _, err := mod.Forecast(forecast.Scenario{Horizon: 1}, 1); !errors.Is(err, forecast.ErrLevel) {
		t.Errorf("level 1: %v", err)
	}
}

func TestConformance(t *testing.T) {
	panel := readPanel(t)
	cases := []forecasttest.Case{
		{Name: "copper to 2015", History: copperHistory(), Scenario: forecast.Scenario{Horizon: 5}},
		{Name: "beyond the target", History: copperHistory(), Scenario: forecast.Scenario{Horizon: 8}},
		{Name: "short horizon, gaps", History: series.New("copper", "10kt", 2000, 200, math.NaN(), 753), Scenario: forecast.Scenario{Horizon: 2}},
	}
	t.Run("quantile", func(t *testing.T) { forecasttest.Run(t, &Method{Panel: panel}, cases...) })
	t.Run("range", func(t *testing.T) { forecasttest.Run(t, &Method{Panel: panel, Interval: Range}, cases...) })
	t.Run("PERT", func(t *testing.T) { forecasttest.Run(t, &Method{Panel: panel, Aggregate: PERTMean}, cases...) })
}

// TestValueReceiver checks that a Method value, not only a pointer, is a
// forecast.Method, like the other methods of the module, and passes the
// conformance kit as one.
func TestValueReceiver(t *testing.T) {
	var m forecast.Method = Method{Panel: readPanel(t)}
	forecasttest.Run(t, m, forecasttest.Case{Name: "copper to 2015", History: copperHistory(), Scenario: forecast.Scenario{Horizon: 5}})
	if m.Name() != "expert" {
		t.Errorf("Name = %q, want expert", m.Name())
	}
}

// TestNoJudgmentsNamesYears checks that a panel for another year says
// which years it judges.
func TestNoJudgmentsNamesYears(t *testing.T) {
	panel := []Judgment{{Expert: "a", Round: 1, Year: 2030, Low: 1, Likely: 2, High: 3}, {Expert: "a", Round: 1, Year: 2029, Low: 1, Likely: 2, High: 3}}
	_, err := Summarize(panel, 2025)
	if want := "expert: no judgments for 2025: the panel judges 2029, 2030"; err == nil || err.Error() != want || !errors.Is(err, ErrNoJudgments) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestEmptyPanelMessage checks the message and type of Fit's error for a
// method without a panel.
func TestEmptyPanelMessage(t *testing.T) {
	_, err := Method{}.Fit(copperHistory(), nil)
	var fe *forecast.Error
	if want := "expert: no judgments: empty panel"; err == nil || err.Error() != want || !errors.Is(err, ErrNoJudgments) || !errors.As(err, &fe) {
		t.Errorf("error %v, want the *forecast.Error %q", err, want)
	}
}

// TestZeroModel checks that the zero value of Model, which holds no fit,
// reports no parameters, no rounds and refuses to forecast with
// forecast.ErrNotFitted, after checking the request, as the models of the
// other methods do.
func TestZeroModel(t *testing.T) {
	var mod Model
	if p := mod.Parameters(); p != nil {
		t.Errorf("Parameters = %v, want nil", p)
	}
	if r := mod.Rounds(); len(r) != 0 {
		t.Errorf("Rounds = %v, want none", r)
	}
	if year, v := mod.Target(); year != 0 || v != 0 {
		t.Errorf("Target = %d, %g, want 0, 0", year, v)
	}
	_, err := mod.Forecast(forecast.Scenario{Horizon: 3}, 0.9)
	if want := "expert: model holds no fit"; err == nil || err.Error() != want || !errors.Is(err, forecast.ErrNotFitted) {
		t.Errorf("Forecast: error %v, want %q", err, want)
	}
	if _, err := mod.Forecast(forecast.Scenario{Horizon: 0}, 0.9); !errors.Is(err, forecast.ErrHorizon) {
		t.Errorf("Forecast, horizon 0: error %v, want forecast.ErrHorizon", err)
	}
}
