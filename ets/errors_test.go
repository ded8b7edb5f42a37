package ets

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/smoothtest"
	"github.com/nonferrous/demand/series"
)

func TestErrors(t *testing.T) {
	nan := math.NaN()
	good := smoothtest.History()
	for _, c := range []struct {
		name string
		m    forecast.Method
		h    series.Series
		want error
		text string
	}{
		{"empty", Auto{}, series.Series{Name: "y"}, series.ErrEmpty, `ets: series "y": series: empty series`},
		{"three years", Auto{}, series.New("y", "", 2000, 1, 2, 3), forecast.ErrTooFew, "need 5, have 3"},
		{"four years under AICc", Auto{}, series.New("y", "", 2000, 1, 2, 3, 4), forecast.ErrTooFew, "too few observed years: need 5, have 4"},
		{"four years, not positive", Auto{}, series.New("y", "", 2000, 1, -2, 3, 4), forecast.ErrTooFew, "need 5, have 4"},
		{"last missing", Auto{}, series.New("y", "", 2000, 1, 2, 3, 4, nan), forecast.ErrLastMissing, `year 2004`},
		{"infinite", Method{Spec: AAN}, series.New("y", "", 2000, 1, math.Inf(1), 3, 4, 5, 6, 7), forecast.ErrNotFinite, "year 2001"},
		{"non-positive", Method{Spec: MNN}, series.New("y", "", 2000, 1, 0, 3, 4, 5), forecast.ErrNonPositive, "year 2001"},
		{"only multiplicative", Auto{Specs: []Spec{MAN}}, series.New("y", "", 2000, 1, -2, 3, 4, 5, 6, 7), forecast.ErrNonPositive, "year 2001"},
		{"too few for AAdN", Method{Spec: AAdN}, series.New("y", "", 2000, 1, 2, 3, 4, 5, 6), forecast.ErrTooFew, "need 7, have 6 (AAdN"},
		{"unknown spec", Method{Spec: 9}, good, forecast.ErrSetting, "unknown model"},
		{"unknown criterion", Auto{IC: 7}, good, forecast.ErrSetting, "criterion"},
		{"no candidates", Auto{Specs: []Spec{}}, good, forecast.ErrSetting, "no candidate"},
		{"beta without trend", Method{Spec: ANN, Beta: 0.1}, good, forecast.ErrSetting, "no trend"},
		{"alpha out of range", Method{Spec: ANN, Alpha: 1.5}, good, forecast.ErrSetting, "alpha"},
		{"beta at 1, alpha estimated", Method{Spec: AAN, Beta: 1}, good, forecast.ErrSetting, "beta 1 outside (0, alpha] (alpha estimated: below 0.9999)"},
		{"too many paths", Method{Spec: ANN, Simulate: 1 << 50}, good, forecast.ErrSetting, "sample paths (at most MaxSimulate, 100000)"},
		{"too many paths, auto", Auto{Simulate: MaxSimulate + 1}, good, forecast.ErrSetting, "100001 sample paths"},
		{"initial without parameters", Method{Spec: ANN, Initial: []float64{100}}, good, forecast.ErrSetting, "every smoothing parameter"},
		{"wrong initial states", Method{Spec: AAN, Alpha: 0.5, Beta: 0.1, Initial: []float64{100}}, good, forecast.ErrSetting, "1 initial states"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.m.Fit(c.h, nil)
			if !errors.Is(err, c.want) {
				t.Fatalf("error %v, want one wrapping %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) || strings.Count(err.Error(), "ets") != 1 {
				t.Errorf("error %q: want it to contain %q and name the package once", err, c.text)
			}
		})
	}
}

// TestConstant: a constant history gets simple exponential smoothing with
// α = 0.99999 and a zero-width interval, as R's ets(y) gives.
func TestConstant(t *testing.T) {
	mod, err := Auto{}.Fit(series.New("y", "", 2000, 7, 7, 7, 7, 7, 7), nil)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := mod.Forecast(forecast.Scenario{Horizon: 2}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range fc.Point.Values {
		if p != 7 || fc.Lower.Values[i] != 7 || fc.Upper.Values[i] != 7 {
			t.Errorf("year %d: %g [%g, %g], want 7 [7, 7]", fc.Point.Start+i, p, fc.Lower.Values[i], fc.Upper.Values[i])
		}
	}
	if got := mod.(*Model).Params().Alpha; got != 0.99999 {
		t.Errorf("alpha %g, want 0.99999", got)
	}
}

// TestFourYears: on four observed years AICc's correction is undefined
// for every candidate (ANN's n − k − 1 is 0), so Auto reports too few
// years; AIC and BIC fit ANN.
func TestFourYears(t *testing.T) {
	h := series.New("y", "", 2000, 1, 2, 3, 4)
	if _, err := (Auto{}).Fit(h, nil); !errors.Is(err, forecast.ErrTooFew) {
		t.Errorf("AICc: error %v, want one wrapping %v", err, forecast.ErrTooFew)
	}
	for _, ic := range []IC{AIC, BIC} {
		mod, err := Auto{IC: ic}.Fit(h, nil)
		if err != nil {
			t.Fatalf("IC %d: %v", ic, err)
		}
		if s := mod.(*Model).Spec(); s != ANN {
			t.Errorf("IC %d: selected %v, want ANN", ic, s)
		}
	}
}
