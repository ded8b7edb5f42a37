package forecast

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/nonferrous/demand/series"
)

// Analyse defaults and the names of its combinations.
const (
	// DefaultBacktestHorizon is the longest horizon Analyse backtests.
	DefaultBacktestHorizon = 5
	// InverseMSECombinationName is the Method of Analyse's inverse-MSE
	// combination; the equal-weight one is DefaultCombinationName.
	InverseMSECombinationName = "combination-inverse-mse"
)

// Candidate is a method for Analyse to try.
type Candidate struct {
	Method Method
	// Label names the candidate's forecast, backtest and skip; "" means
	// Method.Name(). Labels tell apart two configurations of one method.
	Label string
	// Needs lists drivers the method needs; Analyse skips the candidate,
	// saying which driver is absent, when the drivers lack one.
	Needs []string
	// NoBacktest leaves the candidate out of the backtest and so of the
	// inverse-MSE combination (a judgment of one target year, say, cannot
	// be backtested).
	NoBacktest bool
	// Alone keeps the candidate out of both combinations: it is forecast
	// and backtested as the others are, its backtest score reported with a
	// NaN weight, but it is combined with nothing (a method shown beside
	// the defaults whose place in a combination was not measured).
	Alone bool
}

// name returns the candidate's label.
func (c Candidate) name() string {
	if c.Label != "" {
		return c.Label
	}
	return c.Method.Name()
}

// AnalysisSettings are the settings of Analyse. The zero value gives the
// documented defaults.
type AnalysisSettings struct {
	// Level is the interval level of the forecasts and backtests; 0 means
	// DefaultLevel.
	Level float64
	// MaxHorizon caps the backtest horizon, min(scenario horizon,
	// MaxHorizon); 0 means DefaultBacktestHorizon.
	MaxHorizon int
	// MinTrain is the backtest's BacktestSettings.MinTrain; 0 means
	// DefaultMinTrain.
	MinTrain int
	// NonNegative, for a quantity that cannot be negative (consumption),
	// skips a candidate whose point forecast falls below zero in any year,
	// with a reason wrapping ErrBelowZero, so that it enters no
	// combination.
	NonNegative bool
}

// check returns an error for settings outside their documented ranges.
func (set AnalysisSettings) check() error {
	if set.Level != 0 && !(set.Level > 0 && set.Level < 1) {
		return fmt.Errorf("%w: Level %g", ErrLevel, set.Level)
	}
	if err := checkCount("MaxHorizon", set.MaxHorizon, HorizonLimit, "DefaultBacktestHorizon"); err != nil {
		return err
	}
	return checkCount("MinTrain", set.MinTrain, math.MaxInt, "DefaultMinTrain")
}

// Skip is a candidate that gave no forecast, and why.
type Skip struct {
	Method string `json:"method"` // the candidate's label
	// Reason is Err's message, less the method of an *Error that Method
	// names already (see namedBy): "series "copper": too few observed
	// years: need 5, have 3".
	Reason string `json:"reason"`
	// Driver is the needed driver that was absent, "" when the method
	// itself failed.
	Driver string `json:"-"`
	Err    error  `json:"-"`
}

// Score is a candidate's backtest: its pooled accuracy and its weight in
// the inverse-MSE combination. In JSON a NaN or infinite value is null.
type Score struct {
	Method  string  `json:"method"`
	Horizon int     `json:"horizon"`
	Origins int     `json:"origins"`
	N       int     `json:"n"`
	RMSE    float64 `json:"rmse"`
	MAPE    float64 `json:"mape"`
	MASE    float64 `json:"mase"`
	Weight  float64 `json:"weight"` // the method's weight in the inverse-MSE combination (from its errors up to DefaultCalibrationHorizon steps ahead, not this score's), NaN if none
}

// MarshalJSON encodes s with null for a value that is not finite.
func (s Score) MarshalJSON() ([]byte, error) {
	type score struct {
		Method  string  `json:"method"`
		Horizon int     `json:"horizon"`
		Origins int     `json:"origins"`
		N       int     `json:"n"`
		RMSE    jsonNum `json:"rmse"`
		MAPE    jsonNum `json:"mape"`
		MASE    jsonNum `json:"mase"`
		Weight  jsonNum `json:"weight"`
	}
	return json.Marshal(score{s.Method, s.Horizon, s.Origins, s.N, jsonNum(s.RMSE), jsonNum(s.MAPE), jsonNum(s.MASE), jsonNum(s.Weight)})
}

// jsonNum is a float64 that encodes in JSON as null when it is not finite.
type jsonNum float64

func (x jsonNum) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(x))
}

// Analysis is what Analyse finds for one history.
type Analysis struct {
	History series.Series `json:"history"`
	// Forecasts holds each candidate's forecast that succeeded, in the
	// candidates' order, then the equal-weight combination and, if there
	// is one, the inverse-MSE combination.
	Forecasts []Forecast `json:"forecasts"`
	Skipped   []Skip     `json:"skipped"`  // the candidates that gave no forecast
	Backtest  []Score    `json:"backtest"` // the candidates backtested, in order
	// Notes says what could not be done beyond the skipped candidates: a
	// backtest or a combination that failed, and why.
	Notes []string `json:"notes"`
}

// Analyse runs every candidate on history, backtests and combines them:
// "every method the data allow", in one call. It never fails: what cannot
// be done is recorded in the result.
//
// For each candidate in turn it checks the needed drivers, fits the
// method on history and drivers, and forecasts scenario sc at the level
// (if only its interval fails there, an extreme level, it keeps the point
// with NaN bounds and a note); a candidate that fails, or whose point
// forecast is not finite (or, with NonNegative, falls below zero), is
// skipped with its reason. Each forecast's Method is the candidate's
// label. A candidate that forecast is then backtested (Backtest, rolling
// origin, horizon min(sc.Horizon, MaxHorizon)) unless NoBacktest; a
// failed backtest is a note.
//
// The forecasts are combined with equal weights (Combine, named
// DefaultCombinationName), the combination's interval then set from its
// own out-of-sample errors: the half-width of Calibrated(Combined(…)) of
// the backtested candidates, fit on history, about the equal-weight point
// (a note says so when it cannot be, and Combine's interval stays). If at
// least two candidates were backtested they are also combined by
// CombinedInverseMSE (the Bates–Granger weights of their rolling-origin
// errors, DefaultCalibrationHorizon steps ahead, over the origins all of
// them have, since a MinTrainer starts later), named
// InverseMSECombinationName, its interval from Calibrated of the same
// combination (when that fails — a constant history has no error to
// calibrate from — it has NaN bounds and a note); its weights fill the
// scores' Weight. Backtests and weights
// use the candidates' points only, whatever the level, so that the level
// changes no score and no weight.
//
// A year of the history for which a driver has no value — NaN inside the
// driver's span, or before the driver starts — is skipped by every
// candidate, as a missing (NaN) year of the history is, and a note names
// the driver and the years. A year after a driver ends is not skipped:
// the methods that need the driver then fail, saying so.
//
// A candidate with a nil Method is skipped with ErrNilMethod as its
// reason. Settings outside their ranges (a Level outside (0, 1), a
// negative MaxHorizon or MinTrain, a MaxHorizon beyond HorizonLimit) give
// no forecast and a note that says which.
//
// Analyse calls only Fit and Forecast of each method and keeps no state,
// so it may run concurrently on different histories with the same
// candidates if the methods allow concurrent Fit (every method of the
// module does).
func Analyse(history series.Series, drivers Drivers, sc Scenario, cands []Candidate, set AnalysisSettings) Analysis {
	level := set.Level
	if level == 0 {
		level = DefaultLevel
	}
	maxH := set.MaxHorizon
	if maxH == 0 {
		maxH = DefaultBacktestHorizon
	}
	r := Analysis{History: history, Skipped: []Skip{}, Backtest: []Score{}, Notes: []string{}}
	if err := set.check(); err != nil {
		r.Notes = append(r.Notes, "nothing forecast: the settings: "+err.Error())
		return r
	}
	skip := func(label, driver string, err error) {
		r.Skipped = append(r.Skipped, Skip{Method: label, Reason: namedBy(err, label, "").Error(), Driver: driver, Err: err})
	}
	history = r.maskMissingDrivers(history, drivers)
	var backtests, alone []*BacktestResult
	var members []Forecast
	var btCands []Method
	for _, c := range cands {
		if c.Method == nil {
			skip(c.Label, "", fmt.Errorf("forecast: analyse: candidate %q: %w", c.Label, ErrNilMethod))
			continue
		}
		label := c.name()
		if i := slices.IndexFunc(c.Needs, func(d string) bool { _, ok := drivers[d]; return !ok }); i >= 0 {
			skip(label, c.Needs[i], fmt.Errorf("%w: needs driver %q", ErrMissingDriver, c.Needs[i]))
			continue
		}
		model, err := c.Method.Fit(history, drivers)
		if err != nil {
			skip(label, "", err)
			continue
		}
		f, err := model.Forecast(sc, level)
		if err != nil {
			// An extreme level can make an interval fail: keep the point
			// (no level may change it or drop the candidate).
			if g, err2 := forecastPoint(model, sc, level); err2 == nil {
				r.Notes = append(r.Notes, fmt.Sprintf("%s: no interval at level %g: %v", label, level, err))
				f, err = g, nil
			}
		}
		if err != nil {
			skip(label, "", err)
			continue
		}
		if err := allFinite(f.Point); err != nil {
			skip(label, "", err)
			continue
		}
		if set.NonNegative {
			if i := slices.IndexFunc(f.Point.Values, func(v float64) bool { return v < 0 }); i >= 0 {
				skip(label, "", fmt.Errorf("%w: %.4g in %d; a quantity that cannot be negative", ErrBelowZero, f.Point.Values[i], f.Point.Start+i))
				continue
			}
		}
		f.Method = label
		r.Forecasts = append(r.Forecasts, f)
		if !c.Alone {
			members = append(members, f)
		}
		if c.NoBacktest {
			continue
		}
		// The backtest scores points only, at DefaultLevel whatever the
		// level, so that no level changes the scores or the weights; the
		// uncalibrated method gives the same points at a fraction of the
		// cost.
		bt, err := Backtest(Uncalibrated(c.Method), history, drivers, min(sc.Horizon, maxH), BacktestSettings{MinTrain: set.MinTrain})
		if err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: no backtest: %v", label, err))
			continue
		}
		bt.Method = label
		if c.Alone {
			alone = append(alone, bt)
			continue
		}
		backtests = append(backtests, bt)
		// The combinations' calibration needs the members' points only:
		// the uncalibrated method gives the same ones at a fraction of the
		// cost.
		btCands = append(btCands, labelled{name: label, Method: Uncalibrated(c.Method)})
	}
	if len(r.Forecasts) == 0 {
		r.Notes = append(r.Notes, "no method could forecast this series")
		return r
	}

	if len(members) == 0 {
		r.Notes = append(r.Notes, "no method to combine: every forecast is a candidate kept alone")
		r.Backtest = appendScores(r.Backtest, alone)
		return r
	}
	eq, err := Combine(DefaultCombinationName, nil, members...)
	if err != nil {
		r.Notes = append(r.Notes, fmt.Sprintf("%s: %v", DefaultCombinationName, err))
	} else {
		err := errors.New("no member has a backtest")
		if len(btCands) > 0 {
			err = calibrateCombination(&eq.Forecast, Combined(DefaultCombinationName, btCands...), history, drivers, sc, level, set.MinTrain)
		}
		if err != nil {
			what := "interval of Combine, not calibrated"
			if !slices.ContainsFunc(eq.Lower.Values, func(v float64) bool { return !math.IsNaN(v) }) {
				what = "no interval: its members have none, and it cannot be calibrated"
			}
			r.Notes = append(r.Notes, fmt.Sprintf("%s: %s: %v", DefaultCombinationName, what, err))
		}
		r.Forecasts = append(r.Forecasts, eq.Forecast)
	}

	r.Backtest = appendScores(appendScores(r.Backtest, backtests), alone)
	const inv = InverseMSECombinationName
	if len(backtests) < 2 {
		r.Notes = append(r.Notes, fmt.Sprintf("%s: needs backtests of two methods, have %d", inv, len(backtests)))
		return r
	}
	comb := CombinedInverseMSE(inv, btCands...)
	model, err := comb.Fit(history, drivers)
	var c Forecast
	if err == nil {
		c, err = model.Forecast(sc, level)
	}
	if err != nil {
		r.Notes = append(r.Notes, fmt.Sprintf("%s: %v", inv, err))
		return r
	}
	cm := model.(*combinedModel)
	if cm.weights == nil {
		r.Notes = append(r.Notes, fmt.Sprintf("%s: equal weights: fewer than two members have backtest errors at common origins", inv))
	}
	w := cm.weightsOf(labels(btCands))
	for i := range w {
		r.Backtest[i].Weight = w[i]
	}
	if err := calibrateCombination(&c, comb, history, drivers, sc, level, set.MinTrain); err != nil {
		// c's interval combines the members' uncalibrated intervals,
		// which the table does not show (a constant history gives them
		// zero width): none is more honest.
		c.Lower, c.Upper = nanLike(c.Point), nanLike(c.Point)
		r.Notes = append(r.Notes, fmt.Sprintf("%s: no interval: its calibration failed: %v", inv, err))
	}
	r.Forecasts = append(r.Forecasts, c)
	return r
}

// labels returns the Names of ms.
func labels(ms []Method) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name()
	}
	return out
}

// appendScores appends the Score of each backtest to dst, its weight NaN.
func appendScores(dst []Score, bts []*BacktestResult) []Score {
	for _, bt := range bts {
		dst = append(dst, Score{Method: bt.Method, Horizon: bt.Horizon, Origins: len(bt.Origins), N: bt.Measures.N,
			RMSE: bt.Measures.RMSE, MAPE: bt.Measures.MAPE, MASE: bt.Measures.MASE, Weight: math.NaN()})
	}
	return dst
}

// maskMissingDrivers returns history with NaN in the observed years for
// which a driver has no value (NaN inside its span, or before its start),
// a copy if any year is masked, and notes each driver's masked years in r.
func (r *Analysis) maskMissingDrivers(history series.Series, drivers Drivers) series.Series {
	masked := false
	for _, name := range sortedNames(drivers) {
		d := drivers[name]
		if d.Len() == 0 {
			continue
		}
		var years []int
		for i, q := range history.Values {
			year := history.Start + i
			if math.IsNaN(q) || year > d.End() {
				continue
			}
			if v, ok := d.At(year); ok && !math.IsNaN(v) {
				continue
			}
			if !masked {
				history, masked = history.Clone(), true
			}
			history.Values[i] = math.NaN()
			years = append(years, year)
		}
		if len(years) > 0 {
			r.Notes = append(r.Notes, fmt.Sprintf("driver %q has no value for %s: %s skipped, as a missing year of the history", name, yearList(years), plural(len(years), "that year", "those years")))
		}
	}
	return history
}

// sortedNames returns the names of d in order.
func sortedNames(d Drivers) []string {
	names := make([]string, 0, len(d))
	for n := range d {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// yearList writes years (increasing) as ranges: "1995–1999, 2005".
func yearList(years []int) string {
	var b []byte
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if len(b) > 0 {
			b = append(b, ", "...)
		}
		b = fmt.Appendf(b, "%d", years[i])
		if j > i {
			b = fmt.Appendf(b, "–%d", years[j])
		}
		i = j + 1
	}
	return string(b)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// allFinite returns an error naming the first point of s that is not
// finite, nil if all are.
func allFinite(s series.Series) error {
	for i, v := range s.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: forecast for %d is %g", ErrNotFinite, s.Start+i, v)
		}
	}
	return nil
}

// labelled is a method under a candidate's label.
type labelled struct {
	Method
	name string
}

func (l labelled) Name() string  { return l.name }
func (l labelled) MinTrain() int { return MinTrainOf(l.Method, 0) }

// nanLike returns a series of s's years and names with every value
// missing.
func nanLike(s series.Series) series.Series {
	c := s.Clone()
	for i := range c.Values {
		c.Values[i] = math.NaN()
	}
	return c
}

// calibrateCombination sets the interval of f, a combination, to f's
// point ± the half-width of Calibrated(comb) fit on history: the interval
// from the out-of-sample errors of comb, the combination of the backtested
// members as a Method.
func calibrateCombination(f *Forecast, comb Method, history series.Series, drivers Drivers, sc Scenario, level float64, minTrain int) error {
	m, err := Calibrated(comb, CalibrationSettings{MinTrain: minTrain}).Fit(history, drivers)
	if err != nil {
		return err
	}
	if n, _ := CalibrationErrors(m); n == 0 {
		return errors.New("no out-of-sample error")
	}
	c, err := m.Forecast(sc, level)
	if err != nil {
		return err
	}
	if c.Point.Start != f.Point.Start || c.Point.Len() != f.Point.Len() {
		return fmt.Errorf("%w: calibration covers %s", ErrMismatch, span(c.Point))
	}
	lo, up := f.Point.Clone(), f.Point.Clone()
	for k, p := range f.Point.Values {
		hw := c.Upper.Values[k] - c.Point.Values[k]
		if math.IsNaN(hw) {
			return fmt.Errorf("no calibrated interval for %d", f.Point.Start+k)
		}
		lo.Values[k], up.Values[k] = p-hw, p+hw
	}
	f.Lower, f.Upper = lo, up
	return nil
}
