package intensity

import (
	"math"

	"github.com/nonferrous/demand/forecast"
)

// fitLogTrend fits ln I_t = a + b·t by the model's Line over the years
// from first, in holding I_t (NaN where missing), for the series name.
func (mod *Model) fitLogTrend(name string, first int, in []float64) error {
	lnI := mod.lnI[:0]
	for _, v := range in {
		lnI = append(lnI, math.Log(v)) // NaN stays NaN: a missing year
	}
	mod.lnI = lnI
	if err := mod.line.FitTrend(first, lnI); err != nil {
		return forecast.Errorf(pkg, name, 0, forecast.LSQCause(err), "log-trend fit")
	}
	return nil
}

// logTrendAt returns the LogTrend forecast of ln I at year t and the half
// width of its prediction interval with the t quantile q.
func (mod *Model) logTrendAt(t int, q float64) (mean, half float64) {
	mean = mod.line.Intercept + mod.line.Slope*float64(t)
	half = q * mod.line.Sigma * math.Sqrt(1+mod.line.Leverage(float64(t)))
	return mean, half
}
