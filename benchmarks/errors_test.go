package benchmarks

import (
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// TestErrorsNamePackageOnce fits and forecasts every method on bad
// histories, drivers, scenarios, levels and targets, and checks that no
// error message names a package twice (as "elasticity: elasticity:" or
// "forecast: accuracy: actual: series: accuracy:" once did).
func TestErrorsNamePackageOnce(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hs := []series.Series{{}, series.New("q", "", 2000, 1, nan), series.New("q", "", 2000, 1, inf, 3), series.New("q", "", 2000, nan, 3), series.New("q", "", 2000, -1, 2, 3), series.New("q", "", 2000, 1, 2, 3)}
	ds := []forecast.Drivers{nil, {forecast.GDP: series.New("g", "", 2000, 1, 1, 1)}, {forecast.GDP: series.New("g", "", 2000, 1, 2, 3), forecast.Population: series.New("p", "", 2000, 1, 1, 1)}, {forecast.GDP: series.New("g", "", 2001, 1, 2)}}
	ms := []forecast.Method{regression.Method{}, regression.Method{Spec: regression.LogLog}, regression.Method{Spec: 9}, elasticity.Method{}, elasticity.Method{Estimator: elasticity.Point}, elasticity.Method{Estimator: 7}, intensity.Method{}, intensity.Method{Trajectory: intensity.Malenbaum}, intensity.Method{Trajectory: intensity.CAGR, From: 1990}, expert.Method{}, expert.Method{Panel: []expert.Judgment{{Expert: "a", Round: 1, Year: 2005, Low: -1, Likely: 2, High: 3}}}}
	re := doubled{}
	for _, m := range ms {
		for _, h := range hs {
			for _, d := range ds {
				mod, err := m.Fit(h, d)
				if err != nil {
					if re.MatchString(err.Error()) {
						t.Errorf("%s: %v", m.Name(), err)
					}
					continue
				}
				for _, s := range []forecast.Scenario{{Horizon: 0}, {Horizon: 2}, {Horizon: 2, Name: "x", Drivers: forecast.Drivers{forecast.GDP: series.New("g", "", 2003, -1, 0)}}} {
					for _, lv := range []float64{0.9, 2} {
						if _, err := mod.Forecast(s, lv); err != nil && re.MatchString(err.Error()) {
							t.Errorf("%s forecast: %v", m.Name(), err)
						}
					}
				}
				if im, ok := mod.(forecast.Implier); ok {
					for _, y := range []int{2001, 2003, 2010} {
						for _, tg := range []float64{-1, nan, 5} {
							if _, err := im.Implied(forecast.Scenario{Horizon: 3}, y, tg); err != nil && re.MatchString(err.Error()) {
								t.Errorf("%s implied: %v", m.Name(), err)
							}
						}
					}
				}
			}
		}
	}
	if _, err := forecast.Accuracy(series.New("a", "", 2000, inf), series.New("a", "", 2000, 1), series.Series{}); re.MatchString(err.Error()) {
		t.Error(err)
	}
}

// doubled reports messages that name a package (or accuracy) twice.
type doubled struct{}

func (doubled) MatchString(msg string) bool {
	for _, p := range []string{"regression:", "elasticity:", "intensity:", "expert:", "forecast:", "series:", "lsq:", "accuracy:"} {
		if strings.Count(msg, p) > 1 {
			return true
		}
	}
	return false
}
