package forecast

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/nonferrous/demand/series"
)

// ErrHoldout is wrapped by the error of a series that has too few observed
// years to hold out the evaluation's years and fit on the rest.
var ErrHoldout = errors.New("forecast: too few observed years to hold out")

// DefaultEvalLevels returns the interval levels of an Evaluation whose
// Levels is empty: 0.8 and 0.95.
func DefaultEvalLevels() []float64 { return []float64{0.8, 0.95} }

// EvalSeries is one series of an evaluation: its whole observed history,
// held-out years included, and the drivers observed with it, covering the
// history and the held-out years for the methods that need them.
type EvalSeries struct {
	History series.Series
	Drivers Drivers
}

// Evaluation is a held-out (out-of-sample) evaluation of methods on many
// series: for each series, the last Holdout observed years are held out,
// each method is fit on the years before them and forecasts them, and the
// forecasts are scored against what was observed. See the package
// documentation for the scores and how they are pooled.
//
// The zero value of each setting but Methods and Holdout is its documented
// default.
type Evaluation struct {
	// Methods are the methods evaluated, each applied to every series.
	Methods []Method

	// Names, when not empty, names Methods[k] Names[k] in the results, as
	// it must when two methods share a Name (such as two settings of one
	// method); otherwise each method's Name is used. Names must be
	// distinct.
	Names []string

	// Holdout is H, the number of observed years held out at the end of
	// each series; it must be at least 1.
	Holdout int

	// Levels are the levels of the prediction intervals scored, in (0, 1)
	// and distinct; empty means DefaultEvalLevels.
	Levels []float64

	// Workers is the number of goroutines (see Batch); 0 or less means
	// runtime.GOMAXPROCS(0).
	Workers int

	// Progress, when not nil, is called as series are done with the number
	// done and the number of series to fit (see Batch.Progress).
	Progress func(done, total int)
}

// EvalRow is one scored forecast: one series, method, held-out year and
// interval level.
type EvalRow struct {
	Series string  // the series' name
	Method string  // the method's name in the evaluation
	Origin int     // the last year the method was fit on
	H      int     // the forecast step, Year − Origin
	Year   int     // the held-out year
	Actual float64 // the observed value
	Point  float64 // the point forecast
	Level  float64 // the interval's level, a fraction such as 0.8
	Lower  float64 // the interval's bounds; NaN where the method gives none
	Upper  float64
}

// EvalError is a series that a method, or the evaluation itself, could
// not use. The other series and methods are unaffected.
type EvalError struct {
	Series string // the series' name
	Method string // the method's name; "" when the series itself cannot be evaluated
	// Err is the cause. A method's error is wrapped with the years it was
	// fit on ("fit on 2016, before the 4 held-out years: …"), and an
	// *Error among them leaves out the series and method named here.
	Err error
}

// Error returns the series, the method (if any) and the error.
func (e EvalError) Error() string {
	if e.Method == "" {
		return fmt.Sprintf("series %q: %v", e.Series, e.Err)
	}
	return fmt.Sprintf("series %q, method %s: %v", e.Series, e.Method, e.Err)
}

// Unwrap returns e.Err.
func (e EvalError) Unwrap() error { return e.Err }

// EvalScores are the scores of a method's forecasts pooled over series and
// held-out years (or over the series at one step h).
type EvalScores struct {
	N     int     // forecasts scored: series × held-out years with an actual value
	SMAPE float64 // mean sMAPE, in percent

	// NScaled counts the forecasts of series whose scale (the mean
	// absolute annual change of the fitted years) is positive and finite;
	// MASE, and MSIS in Intervals, are means over those.
	NScaled int
	MASE    float64

	// Intervals holds the interval scores at each level of the
	// evaluation, in order. Their N counts the forecasts with an interval,
	// and MSIS is the mean over those of them in series with a positive
	// and finite scale.
	Intervals []IntervalMeasures
}

// MethodSummary is the summary of one method over every series.
type MethodSummary struct {
	Method string
	Series int // series it forecast and was scored on
	Failed int // series it could not fit or forecast (see EvalResult.Errors)

	Pooled EvalScores   // over every series and held-out year
	ByH    []EvalScores // ByH[k] over the forecasts k+1 years after their origin (h = k+1)
}

// EvalResult is the outcome of Evaluation.Run.
type EvalResult struct {
	Holdout int
	Levels  []float64
	Methods []string // the methods' names, in the order of Summary
	Series  int      // the number of series given

	// Rows holds one row per series, method, held-out year and level, in
	// the order of the series given, then of Methods, years and Levels.
	Rows []EvalRow

	// Errors holds the series that could not be evaluated (Method "")
	// and those a method could not fit or forecast, in the order of the
	// series, then of Methods.
	Errors []EvalError

	// Summary holds one summary per method, in the order of Methods,
	// each over the series that method forecast.
	Summary []MethodSummary

	// Common holds the same summaries over the CommonSeries series that
	// every method forecast, so that methods are compared on the same
	// data; its Failed counts are 0. Where no method failed on any
	// series, Common equals Summary.
	Common       []MethodSummary
	CommonSeries int

	// Unscaled names the series some method forecast whose scale, the
	// mean absolute annual change of the years fit on, is zero (those
	// years never change) or not finite (no two consecutive years are
	// observed): MASE and MSIS leave their values out, which NScaled
	// counts.
	Unscaled []string
}

// Run evaluates every method on every series of data, in parallel on a
// Batch, and returns the scored forecasts and their summary. The result
// does not depend on the number of workers.
//
// A series that cannot be evaluated — empty, holding an infinite value, or
// with fewer than Holdout+1 observed years (wrapping ErrHoldout) — and a
// series a method cannot fit or forecast are reported in the result's
// Errors with the series' name; the rest of the evaluation is unaffected.
// Run returns an error only for invalid settings: no method, a nil
// method (wrapping ErrNilMethod), Holdout
// below 1 or above HorizonLimit (wrapping ErrHorizon), a level outside (0, 1) (wrapping
// ErrLevel), a level repeated, Names of the wrong length, an empty name,
// or two methods with the same name.
func (e Evaluation) Run(data []EvalSeries) (*EvalResult, error) {
	if len(e.Methods) == 0 {
		return nil, errors.New("forecast: evaluation: no method")
	}
	for k, m := range e.Methods {
		if m == nil {
			return nil, fmt.Errorf("forecast: evaluation: method %d: %w", k+1, ErrNilMethod)
		}
	}
	if e.Holdout < 1 || e.Holdout > HorizonLimit {
		return nil, fmt.Errorf("forecast: evaluation: %w: hold-out of %d years", ErrHorizon, e.Holdout)
	}
	levels := e.Levels
	if len(levels) == 0 {
		levels = DefaultEvalLevels()
	}
	levels = append([]float64(nil), levels...)
	for i, l := range levels {
		if !(l > 0 && l < 1) {
			return nil, fmt.Errorf("forecast: evaluation: %w: have %g", ErrLevel, l)
		}
		for _, m := range levels[:i] {
			if m == l {
				return nil, fmt.Errorf("forecast: evaluation: level %g given twice", l)
			}
		}
	}
	names := make([]string, len(e.Methods))
	if len(e.Names) > 0 {
		if len(e.Names) != len(e.Methods) {
			return nil, fmt.Errorf("forecast: evaluation: %d names for %d methods", len(e.Names), len(e.Methods))
		}
		copy(names, e.Names)
	} else {
		for k, m := range e.Methods {
			names[k] = m.Name()
		}
	}
	seen := make(map[string]bool, len(names))
	for k, n := range names {
		if n == "" {
			return nil, fmt.Errorf("forecast: evaluation: method %d has an empty name", k+1)
		}
		if seen[n] {
			return nil, fmt.Errorf("forecast: evaluation: two methods named %q; set Names", n)
		}
		seen[n] = true
	}

	r := &EvalResult{Holdout: e.Holdout, Levels: levels, Methods: names, Series: len(data)}

	// Cut each usable series at its origin.
	type cut struct {
		job    int     // index into jobs; -1 if the series is not evaluated
		origin int     // the last year fit on
		scale  float64 // naiveScale of the years fit on
		err    error
	}
	cuts := make([]cut, len(data))
	var jobs []Job
	for i, d := range data {
		c := &cuts[i]
		c.job = -1
		h := d.History
		if err := h.Validate(); err != nil {
			c.err = err
			continue
		}
		origin, n := holdoutOrigin(h, e.Holdout)
		if n <= e.Holdout {
			c.err = fmt.Errorf("%w: %d observed years, hold-out %d", ErrHoldout, n, e.Holdout)
			continue
		}
		train, _ := h.Window(h.Start, origin)
		c.job, c.origin, c.scale = len(jobs), origin, naiveScale(train)
		jobs = append(jobs, Job{
			History: train,
			Drivers: driversOver(d.Drivers, math.MinInt, origin), // the years up to the origin
			Scenario: Scenario{
				Name:    fmt.Sprintf("observed after %d", origin),
				Horizon: h.End() - origin,
				Drivers: driversOver(d.Drivers, origin+1, h.End()),
			},
		})
	}

	b := Batch{Methods: e.Methods, Levels: levels, Workers: e.Workers, Progress: e.Progress}
	results := b.Run(jobs)

	nl := len(levels)
	sums := make([]evalSums, len(e.Methods))       // over the series each method forecast
	commonSums := make([]evalSums, len(e.Methods)) // over those every method forecast
	for k := range sums {
		sums[k] = evalSums{pooled: newEvalAcc(nl)}
		commonSums[k] = evalSums{pooled: newEvalAcc(nl)}
	}
	ok := make([]bool, len(e.Methods))
	for i, d := range data {
		c := cuts[i]
		name := d.History.Name
		if c.job < 0 {
			r.Errors = append(r.Errors, EvalError{Series: name, Err: c.err})
			continue
		}
		res := results[c.job]
		common := true // every method forecast the series
		for k := range e.Methods {
			err := res.Errs[k]
			if err != nil {
				// Batch's wrapping repeats the series and method.
				if u := errors.Unwrap(err); u != nil {
					err = u
				}
				err = evalCause(err, names[k], jobs[c.job].History, e.Holdout)
			} else {
				err = checkCover(res.Forecasts[k*nl:(k+1)*nl], c.origin+1, d.History.End())
			}
			ok[k] = err == nil
			if err != nil {
				r.Errors = append(r.Errors, EvalError{Series: name, Method: names[k], Err: err})
				sums[k].failed++
				common = false
			}
		}
		if common {
			r.CommonSeries++
		}
		if slices.Contains(ok, true) && !(c.scale > 0 && !math.IsInf(c.scale, 0)) {
			r.Unscaled = append(r.Unscaled, name)
		}
		for k := range e.Methods {
			if !ok[k] {
				continue
			}
			fs := res.Forecasts[k*nl : (k+1)*nl]
			sums[k].series++
			for year := c.origin + 1; year <= d.History.End(); year++ {
				y, _ := d.History.At(year)
				if math.IsNaN(y) {
					continue
				}
				j := year - c.origin - 1 // the index in the forecasts, h − 1
				p := fs[0].Point.Values[j]
				sums[k].add(j, y, p, fs, levels, c.scale)
				if common {
					commonSums[k].add(j, y, p, fs, levels, c.scale)
				}
				for l, level := range levels {
					r.Rows = append(r.Rows, EvalRow{
						Series: name, Method: names[k], Origin: c.origin, H: j + 1, Year: year,
						Actual: y, Point: p, Level: level, Lower: fs[l].Lower.Values[j], Upper: fs[l].Upper.Values[j],
					})
				}
			}
		}
	}
	r.Summary = make([]MethodSummary, len(e.Methods))
	r.Common = make([]MethodSummary, len(e.Methods))
	for k := range e.Methods {
		r.Summary[k] = sums[k].summary(names[k], levels)
		commonSums[k].series = r.CommonSeries
		r.Common[k] = commonSums[k].summary(names[k], levels)
	}
	return r, nil
}

// evalCause is the Err of an EvalError for a method's error on a series,
// which the EvalError names: it says which years the method was fit on,
// and an *Error in it leaves out the series and the method (namedBy).
func evalCause(err error, name string, train series.Series, holdout int) error {
	held := fmt.Sprintf("the %d held-out years", holdout)
	if holdout == 1 {
		held = "the held-out year"
	}
	return fmt.Errorf("fit on %s, before %s: %w", span(train), held, namedBy(err, name, train.Name))
}

// holdoutOrigin returns the year before the last holdout observed years of
// h (the origin) and the number of observed years of h. The origin is
// meaningful only when there are more than holdout observed years.
func holdoutOrigin(h series.Series, holdout int) (origin, observed int) {
	seen := 0
	origin = h.Start - 1
	for i := len(h.Values) - 1; i >= 0; i-- {
		if math.IsNaN(h.Values[i]) {
			continue
		}
		if seen == holdout {
			origin = h.Start + i
			break
		}
		seen++
	}
	for _, v := range h.Values {
		if !math.IsNaN(v) {
			observed++
		}
	}
	return origin, observed
}

// checkCover returns an error unless each forecast covers from through to
// with finite points and bounds that are finite or NaN, as Model requires.
func checkCover(fs []Forecast, from, to int) error {
	n := to - from + 1
	for _, f := range fs {
		if f.Point.Start != from || f.Point.Len() != n || f.Lower.Start != from || f.Lower.Len() != n || f.Upper.Start != from || f.Upper.Len() != n {
			return fmt.Errorf("forecast: evaluation: forecast covers %s, want %d–%d", span(f.Point), from, to)
		}
		for i, p := range f.Point.Values {
			if math.IsNaN(p) || math.IsInf(p, 0) || math.IsInf(f.Lower.Values[i], 0) || math.IsInf(f.Upper.Values[i], 0) {
				return fmt.Errorf("forecast: evaluation: %w: forecast for %d is %v [%v, %v]", ErrNotFinite, from+i, p, f.Lower.Values[i], f.Upper.Values[i])
			}
		}
	}
	return nil
}

// evalAcc sums the scores of EvalScores.
type evalAcc struct {
	n, nScaled int
	smape      float64
	mase       float64
	iv         []intervalAcc // per level; their scaled sums are not used
	msis       []float64     // per level: Σ IS/scale over the scaled years with an interval
	nMSIS      []int
}

func newEvalAcc(levels int) evalAcc {
	return evalAcc{iv: make([]intervalAcc, levels), msis: make([]float64, levels), nMSIS: make([]int, levels)}
}

// add adds the forecast of one held-out year: actual y, point p, the
// forecasts at each level fs (index i) and the series' scale.
func (a *evalAcc) add(y, p float64, fs []Forecast, i int, levels []float64, scale float64) {
	if a.iv == nil {
		*a = newEvalAcc(len(levels))
	}
	a.n++
	a.smape += sMAPETerm(y, p)
	scaled := scale > 0 && !math.IsInf(scale, 0) // false for NaN
	if scaled {
		a.nScaled++
		a.mase += math.Abs(y-p) / scale
	}
	for l, level := range levels {
		lo, up := fs[l].Lower.Values[i], fs[l].Upper.Values[i]
		a.iv[l].add(y, lo, up, level, 1)
		if scaled && !math.IsNaN(lo) && !math.IsNaN(up) {
			a.msis[l] += IntervalScore(y, lo, up, level) / scale
			a.nMSIS[l]++
		}
	}
}

// sMAPETerm is 200|y − f|/(|y| + |f|), and 0 where y = f = 0.
func sMAPETerm(y, f float64) float64 {
	d := math.Abs(y) + math.Abs(f)
	if d == 0 {
		return 0
	}
	return 200 * math.Abs(y-f) / d
}

func (a *evalAcc) scores(levels []float64) EvalScores {
	if a.iv == nil { // nothing added
		*a = newEvalAcc(len(levels))
	}
	nan := math.NaN()
	s := EvalScores{N: a.n, NScaled: a.nScaled, SMAPE: nan, MASE: nan, Intervals: make([]IntervalMeasures, len(levels))}
	if a.n > 0 {
		s.SMAPE = a.smape / float64(a.n)
	}
	if a.nScaled > 0 {
		s.MASE = a.mase / float64(a.nScaled)
	}
	for l, level := range levels {
		m := a.iv[l].measures(level)
		m.MSIS = nan
		if a.nMSIS[l] > 0 {
			m.MSIS = a.msis[l] / float64(a.nMSIS[l])
		}
		s.Intervals[l] = m
	}
	return s
}

// evalSums are the sums of one method.
type evalSums struct {
	series, failed int
	pooled         evalAcc
	byH            []evalAcc
}

// add adds the forecast for step h = i+1, index i of the forecasts fs.
func (s *evalSums) add(i int, y, p float64, fs []Forecast, levels []float64, scale float64) {
	s.pooled.add(y, p, fs, i, levels, scale)
	for len(s.byH) <= i {
		s.byH = append(s.byH, evalAcc{})
	}
	s.byH[i].add(y, p, fs, i, levels, scale)
}

func (s *evalSums) summary(name string, levels []float64) MethodSummary {
	m := MethodSummary{Method: name, Series: s.series, Failed: s.failed, Pooled: s.pooled.scores(levels), ByH: make([]EvalScores, len(s.byH))}
	for k := range s.byH {
		m.ByH[k] = s.byH[k].scores(levels)
	}
	return m
}

// evalCSVHeader is the header of the table EvalResult.WriteCSV writes.
var evalCSVHeader = []string{"series", "method", "origin", "h", "year", "actual", "point", "level", "lower", "upper"}

// WriteCSV writes r.Rows as a CSV table with the header
//
//	series,method,origin,h,year,actual,point,level,lower,upper
//
// one row per series, method, held-out year and level; level is a
// fraction such as 0.8, values are the shortest decimals that read back as
// the same float64, and lower and upper are empty where the method gives
// no interval.
func (r *EvalResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(evalCSVHeader)
	rec := make([]string, len(evalCSVHeader))
	for _, row := range r.Rows {
		rec[0], rec[1] = row.Series, row.Method
		rec[2], rec[3], rec[4] = strconv.Itoa(row.Origin), strconv.Itoa(row.H), strconv.Itoa(row.Year)
		rec[5], rec[6], rec[7] = formatCell(row.Actual), formatCell(row.Point), formatCell(row.Level)
		rec[8], rec[9] = formatCell(row.Lower), formatCell(row.Upper)
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("forecast: evaluation csv: %w", err)
	}
	return nil
}

// formatCell is the shortest decimal of v, "" for NaN.
func formatCell(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// LevelLabel returns a level as a percentage for headers: "80" for 0.8,
// "97.5" for 0.975 (rounded to four decimals).
func LevelLabel(level float64) string {
	return strconv.FormatFloat(math.Round(level*1e6)/1e4, 'f', -1, 64)
}

// WriteSummaryCSV writes r.Summary as a CSV table: one row per method with
// h "all" (pooled over every step), then one per method and step h, with
// the columns
//
//	method,h,series,failed,n,smape,mase
//
// followed, for each level L (as LevelLabel gives it), by coverage_L,
// winkler_L, msis_L and pinball_L. series and failed are given on the
// pooled rows only; coverage is a fraction; empty cells are NaN scores
// (nothing to score).
func (r *EvalResult) WriteSummaryCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"method", "h", "series", "failed", "n", "smape", "mase"}
	for _, l := range r.Levels {
		ll := LevelLabel(l)
		head = append(head, "coverage_"+ll, "winkler_"+ll, "msis_"+ll, "pinball_"+ll)
	}
	cw.Write(head)
	rec := make([]string, len(head))
	put := func(m MethodSummary, h string, s EvalScores, pooled bool) {
		rec[0], rec[1] = m.Method, h
		rec[2], rec[3] = "", ""
		if pooled {
			rec[2], rec[3] = strconv.Itoa(m.Series), strconv.Itoa(m.Failed)
		}
		rec[4], rec[5], rec[6] = strconv.Itoa(s.N), formatCell(s.SMAPE), formatCell(s.MASE)
		for l, iv := range s.Intervals {
			rec[7+4*l], rec[8+4*l], rec[9+4*l], rec[10+4*l] = formatCell(iv.Coverage), formatCell(iv.Winkler), formatCell(iv.MSIS), formatCell(iv.Pinball)
		}
		cw.Write(rec)
	}
	for _, m := range r.Summary {
		put(m, "all", m.Pooled, true)
	}
	for _, m := range r.Summary {
		for k, s := range m.ByH {
			put(m, strconv.Itoa(k+1), s, false)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("forecast: evaluation summary csv: %w", err)
	}
	return nil
}

// WriteErrorsCSV writes r.Errors as a CSV table with the header
// series,method,error, one row per error; method is empty for a series
// that could not be evaluated at all.
func (r *EvalResult) WriteErrorsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"series", "method", "error"})
	for _, e := range r.Errors {
		cw.Write([]string{e.Series, e.Method, e.Err.Error()})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("forecast: evaluation errors csv: %w", err)
	}
	return nil
}
