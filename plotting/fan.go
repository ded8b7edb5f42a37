package plotting

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Ref is a labelled reference point, such as a published target.
type Ref struct {
	Year  int
	Value float64
	Label string
}

// Fan is the data of a forecast chart: a history, forecast paths with
// their prediction intervals, and reference points.
type Fan struct {
	// Title names the panel in small multiples; empty means the history's
	// name, followed by its unit in parentheses.
	Title string
	// History is the observed series. Missing (NaN) years are skipped and
	// the present ones joined by a line.
	History series.Series
	// Derived lists the years of History whose values are derived rather
	// than observed; they are drawn as open circles, the observed ones as
	// filled circles. Each must be a present year of History.
	Derived []int
	// Forecasts are the method paths. Forecasts with the same Method name
	// are one method at several interval levels: the path of the first is
	// drawn, and the interval of each as a translucent band, the bands
	// nesting into a fan. A forecast whose Lower or Upper holds a NaN gets
	// no band. Where a forecast has a band, Lower must not be above Upper
	// in any year. The Unit of each Point, Lower and Upper is the
	// history's or empty (unknown); with the history's unknown, the known
	// ones agree.
	Forecasts []forecast.Forecast
	// Combination is the Method name of the forecasts drawn prominently as
	// the combination (a thick vermillion line). Empty means "combination".
	Combination string
	// Refs are reference points drawn as black triangles with their label.
	Refs []Ref
}

const defaultCombination = "combination"

func (f *Fan) combination() string {
	if f.Combination == "" {
		return defaultCombination
	}
	return f.Combination
}

func (f *Fan) title() string {
	if f.Title != "" {
		return f.Title
	}
	if f.History.Unit != "" {
		return fmt.Sprintf("%s (%s)", f.History.Name, f.History.Unit)
	}
	return f.History.Name
}

// label names a series in errors.
func label(name string) string {
	if name == "" {
		return "unnamed series"
	}
	return strconv.Quote(name)
}

// check validates f and returns the last present year of its history with
// its value.
func (f *Fan) check() (lastYear int, lastValue float64, err error) {
	h := f.History
	if h.Len() == 0 {
		return 0, 0, fmt.Errorf("%w: history %s is empty", ErrNoData, label(h.Name))
	}
	lastYear = math.MinInt
	for i, v := range h.Values {
		if math.IsInf(v, 0) {
			return 0, 0, fmt.Errorf("%w: history %s at %d", ErrNaN, label(h.Name), h.Start+i)
		}
		if !math.IsNaN(v) {
			lastYear, lastValue = h.Start+i, v
		}
	}
	if lastYear == math.MinInt {
		return 0, 0, fmt.Errorf("%w: history %s has no observed year", ErrNoData, label(h.Name))
	}
	for _, y := range f.Derived {
		if v, ok := h.At(y); !ok || math.IsNaN(v) {
			return 0, 0, fmt.Errorf("%w: derived year %d is not a present year of history %s", ErrMismatch, y, label(h.Name))
		}
	}
	// The history and the forecasts drawn beside it share one unit: the
	// history's, or with that unknown (empty) the first known one of a
	// forecast. An empty unit is unknown and fits any.
	unit, unitOf := h.Unit, "history "+label(h.Name)
	sameUnit := func(s series.Series, what string) error {
		switch {
		case s.Unit == "":
		case unit == "":
			unit, unitOf = s.Unit, what
		case s.Unit != unit:
			return fmt.Errorf("%w: %s for %s is in %q, %s in %q", ErrMismatch, what, label(h.Name), s.Unit, unitOf, unit)
		}
		return nil
	}
	for _, fc := range f.Forecasts {
		p := fc.Point
		if p.Len() == 0 {
			return 0, 0, fmt.Errorf("%w: forecast %q for %s has an empty path", ErrNoData, fc.Method, label(h.Name))
		}
		if err := sameUnit(p, fmt.Sprintf("forecast %q", fc.Method)); err != nil {
			return 0, 0, err
		}
		for i, v := range p.Values {
			if !finite(v) {
				return 0, 0, fmt.Errorf("%w: forecast %q for %s at %d", ErrNaN, fc.Method, label(h.Name), p.Start+i)
			}
		}
		if !hasBand(fc) {
			continue
		}
		for _, b := range []series.Series{fc.Lower, fc.Upper} {
			if b.Start != p.Start || b.Len() != p.Len() {
				return 0, 0, fmt.Errorf("%w: forecast %q for %s: interval covers %d–%d, path %d–%d",
					ErrMismatch, fc.Method, label(h.Name), b.Start, b.End(), p.Start, p.End())
			}
			for i, v := range b.Values {
				if math.IsInf(v, 0) {
					return 0, 0, fmt.Errorf("%w: forecast %q for %s: interval bound at %d", ErrNaN, fc.Method, label(h.Name), b.Start+i)
				}
			}
			if err := sameUnit(b, fmt.Sprintf("the interval of forecast %q", fc.Method)); err != nil {
				return 0, 0, err
			}
		}
		for i, lo := range fc.Lower.Values {
			if hi := fc.Upper.Values[i]; lo > hi {
				return 0, 0, fmt.Errorf("%w: forecast %q for %s: lower bound %g above upper bound %g at %d",
					ErrMismatch, fc.Method, label(h.Name), lo, hi, p.Start+i)
			}
		}
	}
	for _, r := range f.Refs {
		if !finite(r.Value) {
			return 0, 0, fmt.Errorf("%w: reference %q at %d", ErrNaN, r.Label, r.Year)
		}
	}
	return lastYear, lastValue, nil
}

// hasBand reports whether fc has an interval to shade: bounds present and
// without NaN.
func hasBand(fc forecast.Forecast) bool {
	if fc.Lower.Len() == 0 || fc.Upper.Len() == 0 {
		return false
	}
	for _, b := range []series.Series{fc.Lower, fc.Upper} {
		for _, v := range b.Values {
			if math.IsNaN(v) {
				return false
			}
		}
	}
	return true
}

// methodOrder returns the method names of the fans, in order of first
// appearance, without the combination.
func methodOrder(fans []Fan) []string {
	var names []string
	for i := range fans {
		for _, fc := range fans[i].Forecasts {
			if fc.Method != fans[i].combination() && !slices.Contains(names, fc.Method) {
				names = append(names, fc.Method)
			}
		}
	}
	return names
}
