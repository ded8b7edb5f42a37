package macro

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/series"
)

// ErrBase is returned (wrapped) when an observed driver cannot be
// extended: it is empty, or its last value is missing, not finite or not
// positive, or the extension would leave the range of a float64.
var ErrBase = errors.New("macro: cannot extend driver")

// Extend returns the observed driver d continued by the growth rates
// growth (fractions; growth at year t is the rate from t−1 to t), which
// must start the year after d ends:
//
//	Y_t = Y_{t−1} · (1 + g_t)   for t = d.End()+1 … growth.End().
//
// The result covers d's years and growth's, and keeps d's name and unit,
// so a scenario built from it splices onto the observed driver whatever
// the driver's unit ("index 2000=100", "billion yuan"). (Index builds an
// index of unit UnitIndex from rates alone.) d's last value must be
// present, finite and positive and every rate one CheckGrowth accepts; a path
// that overflows or falls to zero is an error.
func Extend(d series.Series, growth series.Series) (series.Series, error) {
	last, err := base(d)
	if err != nil {
		return series.Series{}, err
	}
	if growth.Len() == 0 {
		return d.Clone(), nil
	}
	if growth.Start != d.End()+1 {
		return series.Series{}, fmt.Errorf("macro: extend %q: growth starts in %d, want %d (the year after the driver's last)", d.Name, growth.Start, d.End()+1)
	}
	vals := make([]float64, growth.Len())
	v := last
	for i, g := range growth.Values {
		if err := checkRate(g); err != nil {
			return series.Series{}, fmt.Errorf("%w at year %d: %v", ErrRate, growth.Start+i, err)
		}
		v *= 1 + g
		if math.IsInf(v, 0) || v == 0 {
			return series.Series{}, fmt.Errorf("%w: %q grown at %g reaches %g by %d", ErrBase, d.Name, g, v, growth.Start+i)
		}
		vals[i] = v
	}
	return d.Extend(vals...), nil
}

// Grow returns the observed driver d continued at the constant growth
// rate g a year through the year through: Extend with g in every year
// after d's last. If d already reaches through it returns a copy of d.
// through may be at most series.MaxYear.
func Grow(d series.Series, g float64, through int) (series.Series, error) {
	if _, err := base(d); err != nil {
		return series.Series{}, err
	}
	if through > series.MaxYear {
		return series.Series{}, fmt.Errorf("%w: %q through %d, after series.MaxYear (%d)", ErrBase, d.Name, through, series.MaxYear)
	}
	if d.End() >= through {
		return d.Clone(), nil
	}
	rates := make([]float64, through-d.End())
	for i := range rates {
		rates[i] = g
	}
	return Extend(d, series.Series{Name: d.Name + " growth", Unit: UnitGrowth, Start: d.End() + 1, Values: rates})
}

// RecentGrowth returns the compound annual growth of d over its last
// years years, (d_end/d_{end−years})^(1/years) − 1 (series.Series.CAGR),
// the rate GrowRecent continues. Both values must be present, positive and
// finite, and years ≥ 1.
func RecentGrowth(d series.Series, years int) (float64, error) {
	if years < 1 {
		return math.NaN(), fmt.Errorf("macro: recent growth of %q over %d years: need at least 1", d.Name, years)
	}
	from := d.End() - years
	if !d.Contains(from) {
		return math.NaN(), fmt.Errorf("macro: recent growth of %q: it covers %d–%d, too short for %d years", d.Name, d.Start, d.End(), years)
	}
	g, err := d.CAGR(from, d.End())
	if err != nil {
		return math.NaN(), fmt.Errorf("macro: recent growth of %q over %d–%d: %w", d.Name, from, d.End(), err)
	}
	return g, nil
}

// GrowRecent returns the observed driver d continued through the year
// through at its compound annual growth over its last years years
// (RecentGrowth), and that rate.
func GrowRecent(d series.Series, years, through int) (series.Series, float64, error) {
	g, err := RecentGrowth(d, years)
	if err != nil {
		return series.Series{}, math.NaN(), err
	}
	s, err := Grow(d, g, through)
	return s, g, err
}

// base returns d's last value, or an error wrapping ErrBase.
func base(d series.Series) (float64, error) {
	if d.Len() == 0 {
		return 0, fmt.Errorf("%w: %q is empty", ErrBase, d.Name)
	}
	if err := d.Validate(); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrBase, err)
	}
	last := d.Values[d.Len()-1]
	if !(last > 0) || math.IsInf(last, 1) {
		return 0, fmt.Errorf("%w: %q is %g in its last year, %d; the extension starts from it", ErrBase, d.Name, last, d.End())
	}
	return last, nil
}
