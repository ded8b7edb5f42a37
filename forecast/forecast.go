package forecast

import (
	"github.com/nonferrous/demand/series"
)

// Standard driver names.
const (
	GDP        = "gdp"        // real GDP, an index or level at constant prices
	Population = "population" // year-end population
)

// Drivers holds observed explanatory series by name (GDP, Population, …).
type Drivers map[string]series.Series

// Scenario describes the future a model is asked to forecast.
//
// The forecast years are the Horizon years after the last year of the
// history the model was fit on. Drivers holds each driver's assumed path;
// a path must cover the forecast years and may also cover earlier years
// (a single series spanning history and future is the usual case). Where a
// method needs a driver at a year the scenario does not cover — typically
// the last observed year, the base of a growth rate — it takes the value
// from the drivers the model was fit on (see DriverPath).
type Scenario struct {
	Name    string
	Horizon int
	Drivers Drivers
}

// Method is a forecasting method: it fits a Model to a history.
//
// A history may have missing (NaN) years before its last one: methods fit
// on the observed years (the plan's histories observe only 2000, 2005 and
// 2010). The last year must be observed, since it anchors the forecast.
//
// Fit must not modify history or drivers, must be deterministic, and must
// return an error, never panic, for data it cannot use: too few observed
// years, a missing last year, an infinite value, a non-positive value where
// it takes logs, a required driver absent or not covering the observed
// years.
type Method interface {
	// Name is a short lower-case identifier such as "regression".
	Name() string
	// Fit fits the method to history, with drivers holding the observed
	// driver series it needs.
	Fit(history series.Series, drivers Drivers) (Model, error)
}

// Model is a fitted method.
type Model interface {
	// Forecast returns the point forecast for the scenario's horizon and a
	// prediction interval at level, a probability in (0, 1). Where the model
	// cannot give an interval, Lower and Upper hold NaN and the method's
	// documentation says why.
	Forecast(s Scenario, level float64) (Forecast, error)
}

// Forecast is a point forecast path with a prediction interval.
//
// In JSON its fields are method, point, lower, upper and level, in lower
// case like those of series.Series.
type Forecast struct {
	Method string        `json:"method"`
	Point  series.Series `json:"point"` // the forecast path, first forecast year onward
	Lower  series.Series `json:"lower"` // prediction interval at Level; NaN where the method cannot give one
	Upper  series.Series `json:"upper"`
	Level  float64       `json:"level"`
}

// Standard parameter names, shared by the methods that report them and the
// code that reads them (such as the plan reproduction's implied parameters).
const (
	ParamElasticity      = "elasticity"       // consumption elasticity to the driver
	ParamIntensityChange = "intensity-change" // annual change of intensity, a fraction per year
)

// Parameter is a named estimated quantity with its standard error (NaN
// when unknown).
//
// In JSON its fields are name, value and std_err; a NaN does not encode,
// so a caller writing Parameters as JSON maps NaN to null first.
type Parameter struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	StdErr float64 `json:"std_err"`
}

// ParameterReporter is implemented by models that can report their fitted
// parameters. Models that do not implement it report nothing.
type ParameterReporter interface {
	// Parameters returns the fitted parameters with their standard errors.
	Parameters() []Parameter
}

// Implier is implemented by models that can solve for the value of their
// key parameter (an elasticity, an annual intensity change) under which
// the forecast for year reaches target under the scenario. Models that do
// not implement it have no implied parameter.
type Implier interface {
	// Implied returns the parameter value that makes the forecast for
	// year equal target under s, or an error if no value does.
	Implied(s Scenario, year int, target float64) (Parameter, error)
}

// HorizonLimit is the longest horizon, in years, that CheckRequest and
// Backtest accept: a bound on the memory a forecast takes (three series of
// HorizonLimit values), far beyond any horizon an annual forecast means.
const HorizonLimit = 1000

// CheckRequest validates the level and horizon every Model.Forecast takes:
// the level must be in (0, 1) and the horizon from 1 to HorizonLimit.
// The error is an *Error naming no method, for the caller to Wrap.
func CheckRequest(s Scenario, level float64) error {
	if !(level > 0 && level < 1) {
		return Errorf("", "", 0, ErrLevel, "have %g", level)
	}
	if s.Horizon < 1 || s.Horizon > HorizonLimit {
		return Errorf("", "", 0, ErrHorizon, "have %d", s.Horizon)
	}
	return nil
}

// CheckForecast is the check a Refitter's ForecastTo makes before it
// writes anything: the request, by CheckRequest, its error wrapped as
// method's (Wrap), and then the model, which must hold a fit (fitted)
// or it is NotFitted(method).
func CheckForecast(method string, fitted bool, s Scenario, level float64) error {
	if err := CheckRequest(s, level); err != nil {
		return Wrap(method, err)
	}
	if !fitted {
		return NotFitted(method)
	}
	return nil
}

// DriverPath returns driver name over the years from through to,
// inclusive, taking each year's value from the scenario's path where it
// covers the year and from the observed drivers otherwise (see
// DriverValue, whose errors it returns). It returns an error wrapping
// ErrDriverYears if from > to or the years leave series.MinYear …
// series.MaxYear.
func DriverPath(name string, observed Drivers, s Scenario, from, to int) (series.Series, error) {
	if from > to || from < series.MinYear || to > series.MaxYear {
		return series.Series{}, Errorf("", "", 0, ErrDriverYears, "%q asked for %d–%d", name, from, to)
	}
	p := series.Series{Name: name, Start: from, Values: make([]float64, to-from+1)}
	if fut, ok := s.Drivers[name]; ok {
		p.Unit = fut.Unit
	} else {
		p.Unit = observed[name].Unit
	}
	for y := from; y <= to; y++ {
		v, err := DriverValue(name, observed, s, y)
		if err != nil {
			return series.Series{}, err
		}
		p.Values[y-from] = v
	}
	return p, nil
}

// CheckDriverPath checks, without allocating, that DriverPath would give
// driver name over from..to, returning the error DriverPath would, and,
// when positive is set, that the driver is positive at every one of those
// years: an error wrapping ErrNonPositive names the first year where it
// is not. Each year's value is then DriverValue's. The error is an *Error
// naming no method, for the caller to Wrap.
func CheckDriverPath(name string, observed Drivers, s Scenario, from, to int, positive bool) error {
	if from > to || from < series.MinYear || to > series.MaxYear {
		return Errorf("", "", 0, ErrDriverYears, "%q asked for %d–%d", name, from, to)
	}
	for y := from; y <= to; y++ {
		if _, err := DriverValue(name, observed, s, y); err != nil {
			return err
		}
	}
	if positive {
		for y := from; y <= to; y++ {
			if v, _ := DriverValue(name, observed, s, y); !(v > 0) {
				return Errorf("", "", y, ErrNonPositive, "driver %q is %g", name, v)
			}
		}
	}
	return nil
}

// Years returns the forecast years for a history ending in end: end+1
// through end+s.Horizon.
func (s Scenario) Years(end int) (from, to int) { return end + 1, end + s.Horizon }
