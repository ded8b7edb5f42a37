package forecast

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"golang.org/x/exp/stats"

	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// CalibratedSuffix ends the Name of a method wrapped by Calibrated, so that
// a calibrated method and its original can be members of one combination
// and rows of one table.
const CalibratedSuffix = "-calibrated"

// DefaultCalibrationHorizon is the number of steps ahead whose
// out-of-sample errors Calibrated collects when its settings give none.
const DefaultCalibrationHorizon = 6

// CalibrationMargin is the number of observed years beyond the method's
// own MinTrainOf that the first training window of a calibration holds by
// default. A fit on the fewest years a method accepts has one or two
// residual degrees of freedom: its forecasts can run away (a log-linear
// trend through 5, 8536 and 18971 forecasts 10¹⁴ six years on), and the
// errors of such a fit are not exchangeable with those of the final fit on
// the whole history, yet one of them sets a 95 % quantile. Measured on M1
// yearly (demand evaluate -holdout 6; coverage at 80 and 95 %, MSIS at
// 95 %, with the normal fallback of the time; see Calibrated): with no
// margin the default combination covered 83.5 % and 92.0 % with MSIS
// 2.2·10⁸ (two series with absurd widths), with a margin of 2 82.1 % and
// 90.0 % with MSIS 52.5, and drift 80.7 % and 89.6 % (81.2 % and 91.5 %
// without).
const CalibrationMargin = 2

// Scaling says how Calibrated makes the h-step errors of different origins
// and steps comparable before pooling them.
type Scaling int

const (
	// ScaleAuto, the zero value, is the method's own CalibrationScaling
	// if it is a CalibrationScaler, and ScaleH otherwise.
	ScaleAuto Scaling = iota
	// ScaleH divides the error k steps ahead of origin t by s_t·k, s_t
	// the scale of the training window ending at t: for a positive series
	// its last value times the mean absolute annual change of its
	// logarithm, otherwise its mean absolute annual change (the MASE
	// scale); see calibrationScale. Errors then grow in proportion to the
	// horizon, as those of a misjudged trend do, in the units of the
	// series' own annual changes. It is the scaling of every method that
	// names no other: on annual data the error of the trend dominates
	// (see the package documentation for the measurement).
	ScaleH
	// ScaleSqrtH divides it by s_t·√k: the spread of a random walk's
	// k-step error, and of the error of a smoothed level (exponential
	// smoothing without trend: variance σ²(1 + (k−1)α²), growing in
	// proportion to k).
	ScaleSqrtH
	// ScaleOwn divides it by the method's own k-step standard error at
	// t, read from its 80 % interval as half-width / 1.2816; the
	// calibration then rescales the method's own interval. Where the
	// method gives no interval at some origin or step, the fit falls back
	// to ScaleH for all of them.
	ScaleOwn
)

// String returns the scaling's lower-case name.
func (s Scaling) String() string {
	if s < 0 || int(s) >= len(scalingNames) {
		return fmt.Sprintf("Scaling(%d)", int(s))
	}
	return scalingNames[s]
}

var scalingNames = [...]string{ScaleAuto: "auto", ScaleSqrtH: "sqrt-h", ScaleH: "h", ScaleOwn: "own"}

// CalibrationScaler is implemented by methods whose errors grow with the
// horizon otherwise than in proportion to it, so that Calibrated with
// ScaleAuto pools their errors by the Scaling they name.
type CalibrationScaler interface {
	// CalibrationScaling returns the Scaling of the method's errors; it
	// must not be ScaleAuto.
	CalibrationScaling() Scaling
}

// scalingOf resolves ScaleAuto for m.
func scalingOf(m Method, s Scaling) Scaling {
	if s != ScaleAuto {
		return s
	}
	if cs, ok := m.(CalibrationScaler); ok {
		if s := cs.CalibrationScaling(); s != ScaleAuto {
			return s
		}
	}
	return ScaleH
}

// CalibrationSettings are the settings of Calibrated. The zero value gives
// the documented defaults.
type CalibrationSettings struct {
	// Scaling pools the errors of different steps; the zero value is
	// ScaleAuto.
	Scaling Scaling
	// Horizon is the number of steps ahead whose errors are collected at
	// each origin; 0 means DefaultCalibrationHorizon.
	Horizon int
	// MinTrain is the number of observed years of the first origin's
	// training window, raised to the method's own minimum
	// (MinTrainOf(m, MinTrain)); 0 means MinTrainOf(m, 0) +
	// CalibrationMargin.
	MinTrain int
}

// check returns an error wrapping ErrSetting (ErrHorizon for a Horizon
// beyond HorizonLimit) for settings outside their documented ranges.
func (set CalibrationSettings) check() error {
	if set.Scaling < ScaleAuto || set.Scaling > ScaleOwn {
		return fmt.Errorf("%w: unknown %v", ErrSetting, set.Scaling)
	}
	if err := checkCount("Horizon", set.Horizon, HorizonLimit, "DefaultCalibrationHorizon"); err != nil {
		return err
	}
	return checkCount("MinTrain", set.MinTrain, math.MaxInt, "the method's minimum and a margin")
}

// checkCount returns an error for a setting named name of value v, which
// must lie from 0 (the default, described by zero) to limit: one wrapping
// ErrSetting below 0, ErrHorizon above limit (a limit of HorizonLimit is
// a horizon's).
func checkCount(name string, v, limit int, zero string) error {
	switch {
	case v < 0:
		return fmt.Errorf("%w: %s %d (0 means %s)", ErrSetting, name, v, zero)
	case v > limit:
		return fmt.Errorf("%w: %s %d", ErrHorizon, name, v)
	}
	return nil
}

// nilMethodName stands for the Name of a nil Method in the Name of a
// method built on it, whose Fit returns ErrNilMethod.
const nilMethodName = "nil-method"

// Calibrated returns m with its prediction intervals set from the
// history's own out-of-sample errors: an empirical prediction interval
// (Williams and Goodman 1971) in the form of split-conformal prediction
// with a normalised nonconformity score (Vovk, Gammerman and Shafer 2005,
// ch. 2; Lei et al. 2018). Its Name is m.Name() + CalibratedSuffix (see
// its Name method for other settings); its points are those of m, bit for
// bit, at every level.
//
// Fit fits m to the history, then runs a rolling-origin backtest on the
// history alone: at every observed year t that closes a training window of
// at least MinTrain observed years (the latest DefaultMaxOrigins of them,
// as in Backtest), m is fit on the years up to t (and the
// drivers up to t) and forecasts up to Horizon years ahead under the
// drivers that occurred; each error e = y − ŷ, k steps ahead, with an
// observed y, is divided by the scale of the Scaling, d_{t,k}, giving the
// score z = |e|/d_{t,k}. Only years of the history given to Fit are used,
// so a calibrated forecast never sees a year after its own origin. The
// scores of all steps are pooled: per-step samples of a short annual
// series are far too small for a 95 % quantile, which needs at least 19.
//
// Forecast returns m's point ŷ_{T+k} (m's forecast at 80 %, so that no
// level can make m's own interval fail) and the interval ŷ_{T+k} ± q·d_{T,k},
// symmetric about the point, with q chosen from the N pooled scores of M
// origins at level α. The errors of one origin at different steps are
// strongly correlated (a misjudged slope shows at every step), so the
// finite-sample correction counts origins, not errors. With
// a(α) = α·(M+1)/M and the tail level α₀ = min(M/(M+1), 0.8) — or
// M/(M+1) where the quantile at 0.8 is 0 (most scores 0: the tail
// through a zero quantile would be 0 at every level):
//
//   - α ≤ α₀ (at 80 % when M ≥ 4): q is the a(α)-quantile of the scores
//     (Hyndman–Fan type 7, golang.org/x/exp/stats.Quantiles): the
//     split-conformal quantile, ⌈(M+1)α⌉-th of M exchangeable scores,
//     with its rank read at the resolution of all N scores rather than
//     rounded up to a whole origin;
//   - α > α₀, M ≥ 2: q = q(α₀)·L(α)/L(α₀), L(α) =
//     (t_{M,(1+α)/2}/z_{(1+α)/2})·ln(1/(1−α)): the tail of the Laplace
//     through the conformal quantile at α₀. ln(1/(1−α)) is the
//     α-quantile of |z| for Laplace signed errors (|z| exponential), and
//     t/z the factor by which the t interval of a spread estimated from M
//     values exceeds the normal one. Pooled multi-step errors are a
//     mixture of origins whose errors differ in size, a scale mixture of
//     normals, with heavier tails than the normal; the Laplace is its
//     simplest one-parameter case. The empirical quantile beyond 80 %
//     rests on the few largest of a few dozen correlated scores (a 95 %
//     quantile needs at least 19 independent ones); L extends it
//     instead. q is continuous and non-decreasing in α, so the
//     intervals of one forecast at different levels nest;
//   - M < 2: NaN bounds (too short to calibrate: no interval rather than
//     a false one); so too, at every level, when every score is 0 (as
//     for a method that fits an exactly linear history), rather than an
//     interval of width 0.
//
// On M1 yearly the rule gave 92.0–96.0 % at 95 % for the default methods
// (README, demand evaluate); reading the conformal quantile up to
// a(α) = 1 and a normal fitted to the median score beyond gave drift, the
// anchored linear trend and Theta 88.7–89.6 %, and with a Laplace there
// intervals that did not always nest (the table is in the package
// documentation).
//
// When the coverage guarantee holds: if the scores of the forecast to be
// made and of the N backtest errors are exchangeable, the conformal
// interval covers with probability at least α (and less than
// α + 1/(N+1) for continuous scores). Backtest errors of one series are
// not exchangeable in general — errors of overlapping origins are
// correlated, the first origins fit on shorter windows than the final
// model, and a series whose behaviour changes (a break, a trend turning)
// makes its past errors unrepresentative of its next ones — so on real
// data the guarantee is approximate, and the package documentation gives
// the coverage measured on annual data. The Laplace tail has no
// guarantee. The interval is symmetric in levels, so for a positive
// series whose method is far off (a log-linear trend run away) its lower
// bound can be negative.
//
// Fit returns m's error on the whole history, one wrapping ErrLookAhead
// if m is a Judgment, ErrNilMethod if m is nil, and ErrSetting (or
// ErrHorizon) for settings outside their ranges: an unknown Scaling, a
// negative Horizon or MinTrain, a Horizon beyond HorizonLimit; origins
// where m fails are skipped. The
// result is safe for concurrent use if m is.
func Calibrated(m Method, set CalibrationSettings) Method {
	return calibrated{m: m, set: set}
}

type calibrated struct {
	m   Method
	set CalibrationSettings
}

var _ Method = calibrated{}

// Name is m.Name() + CalibratedSuffix, followed for settings other than
// the defaults by "-" and the Scaling, "-horizon-" and Horizon and
// "-mintrain-" and MinTrain, so that every configuration has its own Name.
func (c calibrated) Name() string {
	name := nilMethodName
	if c.m != nil {
		name = c.m.Name()
	}
	name += CalibratedSuffix
	if c.set.Scaling != ScaleAuto {
		name += "-" + c.set.Scaling.String()
	}
	if c.set.Horizon > 0 {
		name += "-horizon-" + strconv.Itoa(c.set.Horizon)
	}
	if c.set.MinTrain > 0 {
		name += "-mintrain-" + strconv.Itoa(c.set.MinTrain)
	}
	return name
}

// refLevel and refZ read a standard error from an 80 % interval.
const (
	refLevel = 0.8
	refZ     = 1.2815515655446008 // the standard normal's 0.9 quantile: R 4.2.2, sprintf("%.17g", qnorm(0.9))
)

func (c calibrated) Fit(history series.Series, drivers Drivers) (Model, error) {
	if c.m == nil {
		return nil, fmt.Errorf("forecast: %s: %w", c.Name(), ErrNilMethod)
	}
	if err := c.set.check(); err != nil {
		return nil, fmt.Errorf("forecast: %s: %w", c.Name(), err)
	}
	if err := checkJudgment(c.m); err != nil {
		return nil, err
	}
	model, err := c.m.Fit(history, drivers)
	if err != nil {
		return nil, err
	}
	h := c.set.Horizon
	if h <= 0 {
		h = DefaultCalibrationHorizon
	}
	minTrain := MinTrainOf(c.m, c.set.MinTrain)
	if c.set.MinTrain <= 0 {
		minTrain += CalibrationMargin
	}
	scaling := scalingOf(c.m, c.set.Scaling)
	cm := &calibratedModel{name: c.Name(), inner: model, scaling: scaling, scale: calibrationScale(history)}
	scores, origins, own := calibrationScores(c.m, history, drivers, h, minTrain, scaling)
	if scaling == ScaleOwn && !own {
		cm.scaling = ScaleH
		scores, origins, _ = calibrationScores(c.m, history, drivers, h, minTrain, ScaleH)
	}
	slices.Sort(scores)
	cm.scores, cm.origins = scores, origins
	return cm, nil
}

// calibrationScores returns the scaled absolute backtest errors of m on
// history and, for ScaleOwn, whether m gave an interval at every step.
func calibrationScores(m Method, history series.Series, drivers Drivers, h, minTrain int, scaling Scaling) (scores []float64, origins int, own bool) {
	own = true
	level := DefaultLevel
	if scaling == ScaleOwn {
		level = refLevel
	}
	eachOrigin(m, history, drivers, h, minTrain, level, func(t int, train series.Series, f *Forecast) {
		st := calibrationScale(train)
		n0 := len(scores)
		for k, p := range f.Point.Values {
			y, _ := history.At(t + 1 + k)
			if math.IsNaN(y) || math.IsNaN(p) || math.IsInf(p, 0) {
				continue
			}
			var d float64
			switch scaling {
			case ScaleOwn:
				lo, _ := f.Lower.At(t + 1 + k)
				up, _ := f.Upper.At(t + 1 + k)
				d = (up - lo) / (2 * refZ)
				if math.IsNaN(d) {
					own = false
				}
			case ScaleSqrtH:
				d = st * math.Sqrt(float64(k+1))
			default:
				d = st * float64(k+1)
			}
			if !(d > 0) || math.IsInf(d, 0) {
				continue
			}
			scores = append(scores, math.Abs(y-p)/d)
		}
		if len(scores) > n0 {
			origins++
		}
	})
	return scores, origins, own
}

// eachOrigin runs m over the origins of a rolling-origin backtest of
// history (originYears, the first training window minTrain observed
// years): at each origin t it fits m on the years up to t and the drivers
// up to t, forecasts up to h years ahead at level under the drivers that
// occurred (up to the year before a driver's NaN, as Backtest stops
// there), and calls fn with t, the training window and the forecast.
// Origins where m fails, or whose forecast does not cover the years asked,
// are skipped. A Refitter's model is refit in place, so fn must not keep
// the forecast.
func eachOrigin(m Method, history series.Series, drivers Drivers, h, minTrain int, level float64, fn func(t int, train series.Series, f *Forecast)) {
	var scratch Model
	var dst Forecast
	years, _ := originYears(history, minTrain, 0)
	for _, t := range years {
		train, _ := history.Window(history.Start, t)
		d := driversUntil(drivers, t)
		hh := min(h, history.End()-t, driverGap(drivers, t+1, t+h)-t-1) // as Backtest cuts it
		if hh < 1 {
			continue // a driver lacks the year after the origin
		}
		s := Scenario{Horizon: hh, Drivers: driversOver(drivers, t+1, t+hh)}
		if r, ok := scratch.(Refitter); ok {
			if r.Refit(train, d) != nil || r.ForecastTo(&dst, s, level) != nil {
				continue
			}
		} else {
			mod, err := m.Fit(train, d)
			if err != nil {
				continue
			}
			scratch = mod
			if dst, err = mod.Forecast(s, level); err != nil {
				continue
			}
		}
		if dst.Point.Start != t+1 || dst.Point.Len() != hh {
			continue
		}
		fn(t, train, &dst)
	}
}

type calibratedModel struct {
	name    string
	inner   Model
	scaling Scaling
	scale   float64   // calibrationScale of the history
	scores  []float64 // sorted
	origins int       // the origins that gave a score
}

// CalibrationErrors returns the number of scaled out-of-sample errors the
// calibration of a model made by Calibrated rests on, and false for any
// other model.
func CalibrationErrors(m Model) (int, bool) {
	c, ok := m.(*calibratedModel)
	if !ok {
		return 0, false
	}
	return len(c.scores), true
}

// quantile returns q at level (see Calibrated), NaN when fewer than 2
// origins gave a score or every score is 0 (no interval rather than one
// of width 0).
func (c *calibratedModel) quantile(level float64) float64 {
	m := c.origins
	if m < 2 || c.scores[len(c.scores)-1] == 0 {
		return math.NaN()
	}
	conformal := func(level float64) float64 {
		return stats.Quantiles(c.scores, level*float64(m+1)/float64(m))[0]
	}
	top := min(float64(m)/float64(m+1), tailLevel)
	if conformal(top) == 0 {
		// Most scores are 0: the tail through a zero quantile would be 0
		// too, so read the scores as far as they go.
		top = float64(m) / float64(m+1)
	}
	if level <= top {
		return conformal(level)
	}
	return conformal(top) * laplaceTail(level, m) / laplaceTail(top, m)
}

// tailLevel is the highest level whose quantile Calibrated reads from the
// scores; beyond it the tail is the Laplace's (see Calibrated).
const tailLevel = 0.8

// laplaceTail returns (t_{m,(1+α)/2}/z_{(1+α)/2})·ln(1/(1−α)), the shape
// of the tail beyond tailLevel.
func laplaceTail(level float64, m int) float64 {
	return lsq.TQuantile(level, m) / (math.Sqrt2 * math.Erfinv(level)) * math.Log(1/(1-level))
}

func (c *calibratedModel) Forecast(s Scenario, level float64) (Forecast, error) {
	if err := CheckRequest(s, level); err != nil {
		return Forecast{}, Wrap(c.name, err)
	}
	// The inner forecast is asked at refLevel whatever the level: its
	// point does not depend on the level, its bounds are replaced, and an
	// extreme level could make its own interval overflow.
	ref, err := c.inner.Forecast(s, refLevel)
	if err != nil {
		return Forecast{}, err
	}
	f := ref
	f.Method, f.Level = c.name, level
	q := c.quantile(level)
	f.Lower, f.Upper = f.Point.Clone(), f.Point.Clone()
	for k, p := range f.Point.Values {
		var d float64
		switch c.scaling {
		case ScaleOwn:
			d = (ref.Upper.Values[k] - ref.Lower.Values[k]) / (2 * refZ)
		case ScaleSqrtH:
			d = c.scale * math.Sqrt(float64(k+1))
		default:
			d = c.scale * float64(k+1)
		}
		f.Lower.Values[k], f.Upper.Values[k] = p-q*d, p+q*d
	}
	return f, nil
}

// calibrationScale returns s_t of a training window: for a positive
// series, its last observed value times the mean absolute annual change of
// its logarithm, the annual change it would have today at its average
// relative pace; otherwise the mean absolute annual change (naiveScale).
func calibrationScale(s series.Series) float64 {
	last, sum, n := math.NaN(), 0.0, 0
	prev := math.NaN()
	for _, v := range s.Values {
		if math.IsNaN(v) {
			prev = math.NaN()
			continue
		}
		if !(v > 0) {
			return naiveScale(s)
		}
		if !math.IsNaN(prev) {
			sum += math.Abs(math.Log(v / prev))
			n++
		}
		prev, last = v, v
	}
	if n == 0 {
		return naiveScale(s)
	}
	return last * sum / float64(n)
}

// Uncalibrated returns the method Calibrated wrapped if m is one, and m
// otherwise: a method with the same points.
func Uncalibrated(m Method) Method {
	if c, ok := m.(calibrated); ok {
		return c.m
	}
	return m
}
