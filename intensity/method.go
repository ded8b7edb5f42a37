package intensity

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Trajectory selects how the intensity is projected beyond the history.
// The zero value is LogTrend.
type Trajectory int

const (
	// LogTrend fits ln I_t = a + b·t by OLS over the observed years and
	// extrapolates Î_T = exp(a + b·T). It is the default.
	LogTrend Trajectory = iota
	// CAGR continues the compound annual rate of change of I over a
	// window ending in the last observed year: Î_T = I_last·(1+r)^(T−t_last).
	// Its prediction interval holds the scatter of ln I's annual change
	// about the rate, compounding over the horizon (Model.Forecast).
	CAGR
	// Malenbaum fits Malenbaum's inverted U,
	// ln I = a + b·ln y + c·(ln y)², y the driver per head of population,
	// and projects I from the scenario's income per head.
	Malenbaum
)

// String returns the lower-case name of the trajectory: "logtrend",
// "cagr" or "malenbaum".
func (tr Trajectory) String() string {
	if tr < 0 || int(tr) >= len(trajectoryNames) {
		return fmt.Sprintf("Trajectory(%d)", int(tr))
	}
	return trajectoryNames[tr]
}

var trajectoryNames = [...]string{LogTrend: "logtrend", CAGR: "cagr", Malenbaum: "malenbaum"}

// Parameter names reported by Model.Parameters and Model.Implied.
const (
	// ParamIntercept is the constant a of the log-intensity fit.
	ParamIntercept = "intercept"
	// ParamTrend is the slope b of ln I on the year (LogTrend), per year.
	ParamTrend = "trend"
	// ParamLnIncome is the coefficient b of ln y (Malenbaum).
	ParamLnIncome = "ln-income"
	// ParamLnIncome2 is the coefficient c of (ln y)² (Malenbaum).
	ParamLnIncome2 = "ln-income-squared"
	// ParamPeakIncome is the income per head at the top of the inverted
	// U, y* = exp(−b/(2c)); NaN when c ≥ 0 (no peak) (Malenbaum).
	ParamPeakIncome = "peak-income"
	// ParamChange is an annual intensity change, a fraction per year: the
	// continued rate of the CAGR trajectory, and the implied rate of
	// Model.Implied.
	ParamChange = forecast.ParamIntensityChange
	// ParamHistChange is the compound annual intensity change from the
	// first to the last observed year of the history, a fraction per year.
	ParamHistChange = "historical-intensity-change"
)

// ErrUnreachable is returned, wrapped with detail, by Model.Implied when no
// finite intensity change reaches the target. The errors the methods
// share are those of package forecast (forecast.ErrTooFew and the others).
var ErrUnreachable = errors.New("no intensity change reaches the target")

// pkg names the package in its errors.
const pkg = "intensity"

// Method is the consumption intensity method (消费强度法). The zero value
// fits the default: intensity against forecast.GDP, projected by the log
// trend.
type Method struct {
	// Label, when not empty, is the Method's Name.
	Label string
	// Driver names the driver consumption is measured against; "" means
	// forecast.GDP.
	Driver string
	// Trajectory selects the projection; the zero value is LogTrend.
	Trajectory Trajectory
	// From is the first year of the CAGR window, which ends in the last
	// observed year (Trajectory CAGR only). It must be an observed year
	// before the last; 0 means the observed year before the last.
	From int
	// Anchor shifts the LogTrend and Malenbaum paths of ln I, bounds
	// included, by the last observed year's residual, ln I_T − ln Î_T, so
	// that the forecast starts from the last observation rather than from
	// the fitted curve; the interval is then the textbook one shifted. The
	// CAGR trajectory starts from the last observation anyway. False, the
	// zero value, keeps the fitted curve (the plan's reproduction).
	Anchor bool
}

var (
	_ forecast.Method            = Method{}
	_ forecast.Model             = (*Model)(nil)
	_ forecast.ParameterReporter = (*Model)(nil)
	_ forecast.Implier           = (*Model)(nil)
)

// Name returns the Label if there is one. Otherwise it is "intensity" for
// the default trajectory and "intensity-cagr" or "intensity-malenbaum" for
// the others, followed by "-" and the driver if it is not forecast.GDP,
// for CAGR with a From by "-from-" and From, and for LogTrend and
// Malenbaum with Anchor by "-anchored": for example
// "intensity-cagr-from-2005" or "intensity-anchored". Every configuration
// has its own Name.
func (m Method) Name() string {
	if m.Label != "" {
		return m.Label
	}
	name := "intensity"
	if m.Trajectory != LogTrend {
		name += "-" + m.Trajectory.String()
	}
	name += forecast.DriverSuffix(m.Driver)
	if m.Trajectory == CAGR && m.From != 0 {
		name += "-from-" + strconv.Itoa(m.From)
	}
	if m.Anchor && m.Trajectory != CAGR {
		name += "-anchored"
	}
	return name
}

func (m Method) driver() string { return forecast.DriverName(m.Driver) }

// Fit computes the intensity I_t = Q_t / driver_t on the observed years of
// history and fits the trajectory. Missing years before the last are
// skipped; the last year must be observed. Consumption, the driver and,
// for Malenbaum, population must be positive and finite at every observed
// year. LogTrend and CAGR need two observed years, Malenbaum three.
//
// The model it returns is a forecast.Refitter: Fit is Refit on a new Model.
func (m Method) Fit(history series.Series, drivers forecast.Drivers) (forecast.Model, error) {
	return forecast.Refitted(&Model{method: m}, history, drivers)
}

// MinTrain returns the fewest observed years a backtest fits the method on
// (forecast.MinTrainer): 5 for Malenbaum, two more than its three
// coefficients (a fit on 3 points interpolates them and its backtest
// errors measure nothing), and forecast.DefaultMinTrain, 3, for the log
// trend and the CAGR: one more than the log trend's two coefficients,
// which leaves its residual spread one degree of freedom.
func (m Method) MinTrain() int {
	if m.Trajectory == Malenbaum {
		return 5
	}
	return forecast.DefaultMinTrain
}

var _ forecast.MinTrainer = Method{}
