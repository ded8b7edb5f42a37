package intensity

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// fitMalenbaum fits ln I = a + b·ln y + c·(ln y)², y = d/population
// income per head, over the observed years from first, in holding I_t
// (NaN where missing).
func (mod *Model) fitMalenbaum(history series.Series, drivers forecast.Drivers, d series.Series, first int, in []float64) (trajectoryFit, error) {
	p, err := forecast.ObservedDriver(pkg, drivers, forecast.Population, history, true)
	if err != nil {
		return trajectoryFit{}, err
	}
	lnI, lnY := mod.lnI[:0], mod.lnY[:0]
	for i, v := range in {
		if math.IsNaN(v) {
			continue
		}
		dv, _ := d.At(first + i)
		pv, _ := p.At(first + i)
		lnI = append(lnI, math.Log(v))
		lnY = append(lnY, math.Log(dv/pv))
	}
	mod.lnI, mod.lnY = lnI, lnY
	x := mat.NewDense(len(lnY), 3, nil)
	for i, ly := range lnY {
		x.Set(i, 0, 1)
		x.Set(i, 1, ly)
		x.Set(i, 2, ly*ly)
	}
	fit, err := lsq.OLS(x, lnI, nil)
	if err != nil {
		return trajectoryFit{}, forecast.Errorf(pkg, history.Name, 0, forecast.LSQCause(err), "Malenbaum fit")
	}
	return trajectoryFit{fit: fit, pop: p}, nil
}

// malenbaumAt returns the Malenbaum forecast of ln I at year t, where the
// driver is dv, and the half width of its prediction interval with the t
// quantile q; population comes from the scenario or the observed drivers.
func (mod *Model) malenbaumAt(t int, dv float64, s forecast.Scenario, q float64) (mean, half float64) {
	pv, _ := forecast.DriverValue(forecast.Population, mod.drivers, s, t)
	ly := math.Log(dv / pv)
	x := [3]float64{1, ly, ly * ly}
	for j, v := range x {
		mean += v * mod.fit.Coef[j]
	}
	half = q * mod.fit.Sigma * math.Sqrt(1+mod.fit.Leverage(x[:]))
	return mean, half
}

// PeakIncome returns the income per head at the top of Malenbaum's
// inverted U, y* = exp(−b/(2c)), and true; it returns NaN and false when
// c ≥ 0 (the fitted curve has no peak), the trajectory is not Malenbaum or
// the model holds no fit (its last Refit failed).
func (mod *Model) PeakIncome() (float64, bool) {
	if !mod.ok || mod.traj != Malenbaum {
		return math.NaN(), false
	}
	b, c := mod.fit.Coef[1], mod.fit.Coef[2]
	if !(c < 0) {
		return math.NaN(), false
	}
	return math.Exp(-b / (2 * c)), true
}
