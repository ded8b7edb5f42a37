package intensity

import (
	"math"

	"github.com/nonferrous/demand/forecast"
)

// Implied returns the constant annual intensity change r under which
// Q_T = I_last·(1+r)^(T−t_last)·driver_T reaches target in year T:
//
//	r = (target / (I_last·driver_T))^(1/(T−t_last)) − 1,
//
// named intensity-change, with a NaN standard error. It is the same for
// every trajectory. year must come after the last observed year, target
// must be positive and finite, and the driver at year comes from the
// scenario (or the observed drivers) by forecast.DriverPath. It returns an
// error wrapping forecast.ErrNotFitted when the model holds no fit (its last Refit
// failed).
func (mod *Model) Implied(s forecast.Scenario, year int, target float64) (forecast.Parameter, error) {
	if !mod.ok {
		return forecast.Parameter{}, forecast.NotFitted(pkg)
	}
	if year <= mod.last {
		return forecast.Parameter{}, forecast.Errorf(pkg, mod.qName, year, forecast.ErrSetting, "the target year is not after the last observed year %d", mod.last)
	}
	if err := forecast.CheckTarget(pkg, target); err != nil {
		return forecast.Parameter{}, err
	}
	if err := mod.checkPath(mod.driverName, s, year, year); err != nil {
		return forecast.Parameter{}, err
	}
	dv, _ := forecast.DriverValue(mod.driverName, mod.drivers, s, year)
	r := math.Pow(target/(mod.iLast*dv), 1/float64(year-mod.last)) - 1
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return forecast.Parameter{}, forecast.Errorf(pkg, mod.qName, year, ErrUnreachable, "target %g, intensity %g in %d", target, mod.iLast, mod.last)
	}
	return forecast.Parameter{Name: ParamChange, Value: r, StdErr: math.NaN()}, nil
}
