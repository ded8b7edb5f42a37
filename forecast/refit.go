package forecast

import (
	"fmt"
	"math"
	"strconv"

	"github.com/nonferrous/demand/series"
)

// Refitter is implemented by models that can be fit again in place and can
// forecast into a caller's buffers, so that a caller who fits and forecasts
// many series keeps one model and one Forecast and allocates nothing per
// series once they have grown to size.
//
// Refit fits the model, with the settings of the Method that made it, to
// a new history and drivers. Afterwards the model must be in the state
// Method.Fit(history, drivers) would have returned: the same forecasts, bit
// for bit, and the same errors. On error the model holds no usable fit
// until the next successful Refit; its Forecast and ForecastTo then return
// an error. Refit copies what it keeps: later changes to history or drivers
// do not affect the model.
//
// ForecastTo writes the result of Forecast(s, level) into dst, bit for
// bit, reusing the Values of dst.Point, dst.Lower and dst.Upper when their
// capacity suffices (see Forecast.Prepare); those three must not share
// memory. On error the contents of dst are unspecified.
//
// A Method value may be used from any number of goroutines, and so may a
// model returned by Fit as long as only Forecast is called. Refit changes
// the model, and an implementation's ForecastTo may too (those of this
// module's methods do not: they only read the model, and take the t
// quantile from lsq.TQuantile's shared cache): a model being refit is its
// caller's state, not for concurrent use. Batch gives each worker its own
// models.
type Refitter interface {
	Model
	Refit(history series.Series, drivers Drivers) error
	ForecastTo(dst *Forecast, s Scenario, level float64) error
}

// Prepare readies f to receive a forecast of n years from start: it sets
// Method and Level, gives Point, Lower and Upper the name, unit and start,
// and makes their Values n long, reusing each one's backing array when its
// capacity is at least n and allocating one new array for those that need
// one otherwise. The values themselves are left for the caller to write.
func (f *Forecast) Prepare(method, name, unit string, start, n int, level float64) {
	f.Method, f.Level = method, level
	need := 0
	for _, s := range [3]*series.Series{&f.Point, &f.Lower, &f.Upper} {
		if cap(s.Values) < n {
			need += n
		}
	}
	var buf []float64
	if need > 0 {
		buf = make([]float64, need)
	}
	for _, s := range [3]*series.Series{&f.Point, &f.Lower, &f.Upper} {
		s.Name, s.Unit, s.Start = name, unit, start
		if cap(s.Values) >= n {
			s.Values = s.Values[:n]
			continue
		}
		s.Values, buf = buf[:n:n], buf[n:]
	}
}

// DriverValue returns driver name at year, from the scenario's path where
// it covers the year and from the observed drivers otherwise, without
// allocating. It returns an error wrapping ErrMissingDriver if neither has
// the driver, one wrapping ErrDriverYears if neither covers the year or
// the value there is missing or not finite, and one wrapping
// ErrDriverMismatch if both carry the driver with different (non-empty)
// units. Where both give the year, the scenario's value is used. The
// error is an *Error naming no method, for the caller to Wrap.
func DriverValue(name string, observed Drivers, s Scenario, year int) (float64, error) {
	fut, inFut := s.Drivers[name]
	obs, inObs := observed[name]
	if !inFut && !inObs {
		return math.NaN(), &Error{Scenario: s.Name, Err: ErrMissingDriver, Detail: strconv.Quote(name)}
	}
	if inFut && inObs && fut.Unit != "" && obs.Unit != "" && fut.Unit != obs.Unit {
		return math.NaN(), &Error{Scenario: s.Name, Err: ErrDriverMismatch, Detail: fmt.Sprintf("%q is in %q in the scenario, %q observed", name, fut.Unit, obs.Unit)}
	}
	v, ok := fut.At(year)
	if !ok {
		v, ok = obs.At(year)
	}
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return math.NaN(), &Error{Scenario: s.Name, Year: year, Err: ErrDriverYears, Detail: fmt.Sprintf("%q has no finite value", name)}
	}
	return v, nil
}

// Refitted refits mod to history and drivers and returns it: the Fit of a
// Method whose models are Refitters, Refit on a new model. On error it
// returns a nil Model and the error.
func Refitted(mod Refitter, history series.Series, drivers Drivers) (Model, error) {
	if err := mod.Refit(history, drivers); err != nil {
		return nil, err
	}
	return mod, nil
}

// DriverName returns name, or GDP when name is empty: the driver a
// method's Driver setting names, GDP by default.
func DriverName(name string) string {
	if name == "" {
		return GDP
	}
	return name
}

// DriverSuffix returns the part of a method's Name that names its driver:
// "" for GDP (and for "", which means GDP), "-" and the name for any other,
// so that "regression" on "population" is "regression-population".
func DriverSuffix(name string) string {
	if DriverName(name) == GDP {
		return ""
	}
	return "-" + name
}

// ForecasterTo is the ForecastTo method of a Refitter, all that Forecasted
// needs.
type ForecasterTo interface {
	ForecastTo(dst *Forecast, s Scenario, level float64) error
}

// Forecasted returns the forecast m writes with ForecastTo into a new
// Forecast, or its error: the Forecast method of every Refitter, written
// once.
func Forecasted(m ForecasterTo, s Scenario, level float64) (Forecast, error) {
	var fc Forecast
	if err := m.ForecastTo(&fc, s, level); err != nil {
		return Forecast{}, err
	}
	return fc, nil
}
