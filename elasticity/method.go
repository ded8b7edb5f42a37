package elasticity

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Estimator selects how Fit obtains the base elasticity E₀.
type Estimator int

const (
	// Arc is the arc elasticity E = g_Q/g_Y from the compound annual
	// growth rates of consumption and the driver between two observed
	// years. It is the zero value and the default.
	Arc Estimator = iota
	// Point is the point elasticity: the OLS slope of ln Q on ln Y over
	// the observed years, with its standard error when there are at least
	// three of them.
	Point
	// Given takes E₀ from Method.Value as it is.
	Given
)

// String returns the lower-case name of the estimator: "arc", "point" or
// "given".
func (e Estimator) String() string {
	if e < 0 || int(e) >= len(estimatorNames) {
		return fmt.Sprintf("Estimator(%d)", int(e))
	}
	return estimatorNames[e]
}

var estimatorNames = [...]string{Arc: "arc", Point: "point", Given: "given"}

// Errors returned, wrapped with detail, by Fit and Implied for cases of
// this method alone; the errors the methods share are those of package
// forecast (forecast.ErrTooFew and the others), and a constant driver
// over the Point window is lsq.ErrSingular.
var (
	ErrNoGrowth    = errors.New("driver does not grow")
	ErrUnreachable = errors.New("no elasticity reaches the target")
)

// Parameter names reported by Model.Parameters and Model.Implied.
const (
	// ParamElasticity is the base elasticity E₀ (Parameters) or the
	// constant elasticity that reaches a target (Implied).
	ParamElasticity = forecast.ParamElasticity
	// ParamTarget is the elasticity reached at Method.TargetYear.
	ParamTarget = "target elasticity"
)

// DefaultArcWindow is the default Arc window, in years: see the package
// documentation for its measurement.
const DefaultArcWindow = 5

// pkg names the package in its errors.
const pkg = "elasticity"

// Method is the elasticity coefficient method. The zero value estimates
// the arc elasticity against GDP over the last DefaultArcWindow years and
// keeps it constant over the forecast.
type Method struct {
	// Label, when not empty, is the Method's Name.
	Label string

	// Driver names the explanatory series; "" means forecast.GDP.
	Driver string

	// Estimator selects how E₀ is obtained; the zero value is Arc.
	Estimator Estimator

	// From and To bound the fitting window, inclusive. For Arc they are
	// the two years whose growth rates are compared and both must be
	// observed; a zero To means the last observed year and a zero From
	// the observed year Window years before To (see Window). For Point
	// they restrict the regression to the observed years in [From, To]; a
	// zero From means the first year and a zero To the last year of the
	// history. Given ignores them.
	From, To int

	// Window is the length in years of the Arc window when From is zero:
	// From is then the latest observed year at or before To − Window (the
	// first observed year if none is that early). Zero means
	// DefaultArcWindow; Point and Given ignore it.
	Window int

	// Value is E₀ for the Given estimator; it must be finite.
	Value float64

	// TargetYear, when not zero, makes E move linearly from E₀ at the
	// last observed year t₀ to Target at TargetYear and stay there:
	//
	//	E_t = E₀ + (Target − E₀)·min(1, (t − t₀)/(TargetYear − t₀)).
	//
	// TargetYear must then be after t₀. Zero keeps E constant at E₀.
	TargetYear int
	// Target is the elasticity reached at TargetYear.
	Target float64
}

var (
	_ forecast.Method            = Method{}
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
	_ forecast.Implier           = (*Model)(nil)
)

// Name returns the Label if there is one. Otherwise it is "elasticity"
// for Arc and "elasticity-point" or "elasticity-given" for the other
// estimators, followed by "-" and the driver if it is not forecast.GDP,
// "-from-" and From and "-to-" and To where they are set (Arc, Point),
// "-window-" and Window where it is set and From is not (Arc), "-" and
// the Value (Given), and "-target-" with Target and TargetYear when E
// moves to a target: for example "elasticity-given-0.85",
// "elasticity-window-10" or "elasticity-point-from-2001-target-0.5-2020".
// Every configuration has its own Name.
func (m Method) Name() string {
	if m.Label != "" {
		return m.Label
	}
	name := "elasticity"
	if m.Estimator != Arc {
		name += "-" + m.Estimator.String()
	}
	name += forecast.DriverSuffix(m.Driver)
	switch m.Estimator {
	case Arc, Point:
		if m.From != 0 {
			name += "-from-" + strconv.Itoa(m.From)
		}
		if m.To != 0 {
			name += "-to-" + strconv.Itoa(m.To)
		}
		if m.Estimator == Arc && m.From == 0 && m.Window != 0 {
			name += "-window-" + strconv.Itoa(m.Window)
		}
	case Given:
		name += "-" + strconv.FormatFloat(m.Value, 'g', -1, 64)
	}
	if m.TargetYear != 0 {
		name += "-target-" + strconv.FormatFloat(m.Target, 'g', -1, 64) + "-" + strconv.Itoa(m.TargetYear)
	}
	return name
}

func (m Method) driver() string { return forecast.DriverName(m.Driver) }

// Fit estimates E₀ from history and the observed drivers.
//
// The history must have at least two observed years, the last year among
// them, and every observed value finite and positive. (Given uses only the
// last value, but like every method of the module it rejects a history
// of a single observation.) Arc and Point need the driver observed, finite
// and positive at the years they use; Given needs no driver at Fit, but
// Forecast needs the driver's value at the last observed year from the
// scenario or from drivers.
//
// The model it returns is a forecast.Refitter: Fit is Refit on a new Model.
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return forecast.Refitted(&Model{method: m}, history, drivers)
}
