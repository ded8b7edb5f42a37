package regression

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// FuzzMethod checks that no history makes Fit or Forecast panic, and that a
// successful forecast has a finite point wherever the fit is finite.
func FuzzMethod(f *testing.F) {
	f.Add(uint8(0), 194.24, 374.0, 753.0, 1.0, 1.6, 2.7, false)
	f.Add(uint8(2), 1.0, math.NaN(), 3.0, 1.0, 1.0, 1.0, true)
	f.Add(uint8(3), -1.0, 0.0, 1e308, 0.0, -1.0, math.Inf(1), false)
	f.Fuzz(func(t *testing.T, spec uint8, q0, q1, q2, d0, d1, d2 float64, bias bool) {
		m := Method{Spec: Spec(spec % 5), BiasAdjust: bias}
		h := series.New("q", "", 2000, q0, q1, q2)
		d := series.New("gdp", "", 2000, d0, d1, d2, d2*1.1, d2*1.2)
		mod, err := m.Fit(h, forecast.Drivers{forecast.GDP: d})
		if err != nil {
			return
		}
		fc, err := mod.Forecast(forecast.Scenario{Horizon: 2}, 0.9)
		if err != nil {
			return
		}
		fit := mod.(*Model).OLS()
		if !math.IsInf(fit.Coef[0], 0) && !math.IsInf(fit.Coef[1], 0) && math.IsNaN(fc.Point.Values[0]) {
			t.Errorf("NaN point from finite coefficients %v (history %v, driver %v)", fit.Coef, h.Values, d.Values)
		}
	})
}
