package forecast

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/series"
)

// ErrTooShort is returned (wrapped) by Backtest when the history leaves no
// forecast to evaluate.
var ErrTooShort = errors.New("forecast: history too short for the backtest")

// Backtest defaults.
const (
	DefaultMinTrain   = 3    // observed years in the first training window
	DefaultLevel      = 0.95 // interval level of the backtest's forecasts
	DefaultMaxOrigins = 100  // origins of a backtest, the latest ones
)

// BacktestSettings are the settings of Backtest. The zero value gives the
// documented defaults.
type BacktestSettings struct {
	// MinTrain is the minimum number of observed years in a training
	// window; 0 means DefaultMinTrain.
	MinTrain int

	// Level is the interval level of the forecasts; 0 means DefaultLevel.
	Level float64

	// MaxOrigins is the number of origins used, the latest ones; 0 means
	// DefaultMaxOrigins and a negative value every origin. Each origin
	// costs one fit on the history up to it, so a backtest of n years
	// costs O(MaxOrigins · n) rather than the O(n²) of every origin.
	MaxOrigins int
}

// Origin is one forecast origin of a backtest.
type Origin struct {
	Year     int       // the last training year
	Forecast Forecast  // the forecast made at the origin, years Year+1 onward
	Errors   []float64 // Errors[k] is actual − point at year Year+1+k, NaN where the actual is missing
	Scale    float64   // the MASE scale of the training window (see Accuracy)
}

// BacktestResult is the outcome of a rolling-origin backtest.
type BacktestResult struct {
	Method   string
	Horizon  int
	Origins  []Origin
	Measures Measures   // pooled over every origin and step
	ByStep   []Measures // ByStep[k] pools the errors k+1 years ahead; N = 0 and NaN measures where there are none

	// Intervals scores the prediction intervals at the backtest's level,
	// pooled over every origin and step, and IntervalsByStep[k] those k+1
	// years ahead; N = 0 and NaN measures where no interval was given.
	Intervals       IntervalMeasures
	IntervalsByStep []IntervalMeasures
}

// Backtest evaluates method m on history by rolling-origin forecasting
// with an expanding window (Tashman 2000).
//
// Every year t before the history's last year that is observed and closes
// a window of at least MinTrainOf(m, MinTrain) observed years is an
// origin (a MinTrainer method may ask for more than MinTrain); of those, the
// latest MaxOrigins are used (all of them if there are fewer). At each origin
// m is fit on the history from its first year through t, and on drivers
// cut to the years up to t (a driver starting after t is passed as an empty
// series, so the model never sees a later value). The model then forecasts
// h' = min(h, End − t) years ahead — the horizon is cut at the end of the
// history, and before the first year after t for which a driver holds NaN
// (an origin followed at once by such a year is skipped) — under a
// scenario whose driver paths are the observed drivers over t+1 … t+h'. The forecasts are therefore ex post, conditional on the
// drivers that actually occurred: they measure the method's error given
// its drivers, not the extra error of forecasting the drivers themselves.
//
// The errors e = y − f over all origins and steps give the pooled Measures,
// and those k years ahead give ByStep[k−1]. MASE scales each error by the
// mean absolute lag-1 naive error of its own origin's training window. The
// prediction intervals are scored in the same way (Intervals and
// IntervalsByStep: coverage, interval score, MSIS with the same scale, and
// pinball loss), over the years where the method gave an interval.
//
// Backtest returns an error wrapping ErrNilMethod for a nil m,
// ErrLookAhead for a Judgment method, ErrHorizon if h < 1 or
// h > HorizonLimit, ErrLevel for a
// level outside (0, 1), ErrSetting for a negative MinTrain, ErrTooShort
// if no origin or no observed actual
// remains, an error for an empty history or an infinite value, and the
// first error of Fit or Forecast, naming its origin.
func Backtest(m Method, history series.Series, drivers Drivers, h int, set BacktestSettings) (*BacktestResult, error) {
	if m == nil {
		return nil, fmt.Errorf("forecast: backtest: %w", ErrNilMethod)
	}
	if h < 1 || h > HorizonLimit {
		return nil, fmt.Errorf("forecast: backtest: %w: have %d", ErrHorizon, h)
	}
	level := set.Level
	if level == 0 {
		level = DefaultLevel
	}
	if !(level > 0 && level < 1) {
		return nil, fmt.Errorf("forecast: backtest: %w: have %g", ErrLevel, level)
	}
	if err := checkJudgment(m); err != nil {
		return nil, fmt.Errorf("forecast: backtest: %w", err)
	}
	if err := checkCount("MinTrain", set.MinTrain, math.MaxInt, "the method's minimum"); err != nil {
		return nil, fmt.Errorf("forecast: backtest: %w", err)
	}
	minTrain := MinTrainOf(m, set.MinTrain)
	if err := history.Validate(); err != nil {
		return nil, fmt.Errorf("forecast: backtest: %w", err)
	}

	// The origins, in one pass: the observed years before the last that
	// close a window of minTrain observed years, the latest maxOrigins.
	origins, observed := originYears(history, minTrain, set.MaxOrigins)
	if len(origins) == 0 {
		return nil, fmt.Errorf("%w: %s has %d observed years before its last, need at least %d", ErrTooShort, span(history), observed, minTrain)
	}

	r := &BacktestResult{Method: m.Name(), Horizon: h, ByStep: make([]Measures, h), IntervalsByStep: make([]IntervalMeasures, h)}
	var pooled accumulator
	steps := make([]accumulator, h)
	var pooledI intervalAcc
	stepsI := make([]intervalAcc, h)
	for _, t := range origins {
		hh := min(h, history.End()-t, driverGap(drivers, t+1, t+h)-t-1)
		if hh < 1 {
			continue // a driver lacks the year after the origin
		}
		// The training window and the drivers up to t share the caller's
		// arrays (methods do not modify their inputs), capped so that an
		// append cannot reach the later years.
		train := history
		train.Values = history.Values[: t-history.Start+1 : t-history.Start+1]
		model, err := m.Fit(train, driversUntil(drivers, t))
		if err != nil {
			return nil, fmt.Errorf("forecast: backtest: origin %d: %w", t, err)
		}
		s := Scenario{Name: fmt.Sprintf("observed after %d", t), Horizon: hh, Drivers: driversOver(drivers, t+1, t+hh)}
		f, err := model.Forecast(s, level)
		if err != nil {
			return nil, fmt.Errorf("forecast: backtest: origin %d: %w", t, err)
		}
		if f.Point.Start != t+1 || f.Point.Len() != hh {
			return nil, fmt.Errorf("forecast: backtest: origin %d: forecast covers %s, want %d–%d", t, span(f.Point), t+1, t+hh)
		}
		o := Origin{Year: t, Forecast: f, Errors: make([]float64, hh), Scale: naiveScale(train)}
		for k := range hh {
			y, _ := history.At(t + 1 + k)
			p := f.Point.Values[k]
			o.Errors[k] = y - p
			pooled.add(y, p, o.Scale)
			steps[k].add(y, p, o.Scale)
			lo, _ := f.Lower.At(t + 1 + k) // NaN where absent
			up, _ := f.Upper.At(t + 1 + k)
			pooledI.add(y, lo, up, level, o.Scale)
			stepsI[k].add(y, lo, up, level, o.Scale)
		}
		r.Origins = append(r.Origins, o)
	}
	if pooled.n == 0 {
		return nil, fmt.Errorf("%w: no observed year follows an origin within the horizon", ErrTooShort)
	}
	r.Measures = pooled.measures()
	r.Intervals = pooledI.measures(level)
	for k := range stepsI {
		r.IntervalsByStep[k] = stepsI[k].measures(level)
	}
	for k := range steps {
		if steps[k].n == 0 {
			nan := math.NaN()
			r.ByStep[k] = Measures{ME: nan, MAE: nan, RMSE: nan, MPE: nan, MAPE: nan, SMAPE: nan, MASE: nan}
			continue
		}
		r.ByStep[k] = steps[k].measures()
	}
	return r, nil
}

// driverGap returns the first year from from through to for which a
// driver has a NaN inside its span, to+1 if there is none.
func driverGap(d Drivers, from, to int) int {
	gap := to + 1
	for _, s := range d {
		for y := max(from, s.Start); y <= min(to, s.End(), gap-1); y++ {
			if math.IsNaN(s.Values[y-s.Start]) {
				gap = y
				break
			}
		}
	}
	return gap
}

// driversUntil returns the drivers cut to the years up to t, sharing
// their arrays, capped so that an append cannot reach the later years.
func driversUntil(d Drivers, t int) Drivers {
	if d == nil {
		return nil
	}
	out := make(Drivers, len(d))
	for name, s := range d {
		c := series.Series{Name: s.Name, Unit: s.Unit, Start: s.Start}
		if s.Start <= t {
			n := min(s.Len(), t-s.Start+1)
			c.Values = s.Values[:n:n]
		}
		out[name] = c
	}
	return out
}

// driversOver returns copies of the drivers cut to the years from through
// to; a driver is cut to the part of those years it covers.
func driversOver(d Drivers, from, to int) Drivers {
	if d == nil {
		return nil
	}
	out := make(Drivers, len(d))
	for name, s := range d {
		a, b := max(from, s.Start), min(to, s.End())
		c := series.Series{Name: s.Name, Unit: s.Unit, Start: a}
		if a <= b {
			c.Values = append([]float64(nil), s.Values[a-s.Start:b-s.Start+1]...)
		}
		out[name] = c
	}
	return out
}

// originYears returns the origins of a rolling-origin backtest of history:
// the observed years before its last that close a window of at least
// minTrain observed years, the latest maxOrigins of them (0 means
// DefaultMaxOrigins, a negative value all), and the number of observed
// years before the last. Backtest, Calibrated and the weights of
// CombinedInverseMSE all take their origins from it, so that each costs
// at most maxOrigins fits.
func originYears(history series.Series, minTrain, maxOrigins int) (origins []int, observed int) {
	for i, v := range history.Values[:max(history.Len()-1, 0)] {
		if math.IsNaN(v) {
			continue
		}
		if observed++; observed >= minTrain {
			origins = append(origins, history.Start+i)
		}
	}
	if maxOrigins == 0 {
		maxOrigins = DefaultMaxOrigins
	}
	if maxOrigins > 0 && len(origins) > maxOrigins {
		origins = origins[len(origins)-maxOrigins:]
	}
	return origins, observed
}
