package macro

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/series"
)

// Units of the package's series.
const (
	UnitGrowth     = "fraction" // growth rates: 0.098 for 9.8 %
	UnitNominalGDP = "亿元"       // 10⁸ yuan, current prices
	UnitPopulation = "万人"       // 10⁴ persons, year end
	UnitIndex      = "index"    // real GDP index, unit value at its base year by default
	UnitPerCapita  = "万元/人"     // 10⁴ yuan per person, from 亿元 / 万人
)

// Five-year averages of real GDP growth, as published when the 12th
// Five-Year Plan for the nonferrous metals industry was written (2011).
const (
	// TenthFYPGrowth is the average real GDP growth of the 10th Five-Year
	// Plan, 2001–2005, as published in 2011: 9.8 % a year.
	TenthFYPGrowth = 0.098
	// EleventhFYPGrowth is the average real GDP growth of the 11th
	// Five-Year Plan, 2006–2010, as published in 2011: 11.2 % a year.
	EleventhFYPGrowth = 0.112
	// TwelfthFYPTarget is the 12th Five-Year Plan's target for real GDP
	// growth, 2011–2015: 7 % a year.
	TwelfthFYPTarget = 0.07
)

// realGrowthStart is the first year of realGrowthPct.
const realGrowthStart = 2000

// realGrowthPct is China's real GDP growth, percent over the previous year.
// Source: National Bureau of Statistics of China, current vintage.
var realGrowthPct = []float64{
	8.5,  // 2000, NBS current vintage
	8.3,  // 2001, NBS current vintage
	9.1,  // 2002, NBS current vintage
	10.0, // 2003, NBS current vintage
	10.1, // 2004, NBS current vintage
	11.4, // 2005, NBS current vintage
	12.7, // 2006, NBS current vintage
	14.2, // 2007, NBS current vintage
	9.7,  // 2008, NBS current vintage
	9.4,  // 2009, NBS current vintage
	10.6, // 2010, NBS current vintage
	9.6,  // 2011, NBS current vintage
	7.9,  // 2012, NBS current vintage
	7.8,  // 2013, NBS current vintage
	7.4,  // 2014, NBS current vintage
	7.0,  // 2015, NBS current vintage
}

// nominalGDPStart is the first year of nominalGDP.
const nominalGDPStart = 2000

// nominalGDP is China's GDP at current prices, 亿元, every fifth year
// (NaN between). Source: China Statistical Yearbook 2024, table 3-1.
var nominalGDP = []float64{
	100280.1, // 2000, China Statistical Yearbook 2024, table 3-1
	nan, nan, nan, nan,
	187318.9, // 2005, China Statistical Yearbook 2024, table 3-1
	nan, nan, nan, nan,
	412119.3, // 2010, China Statistical Yearbook 2024, table 3-1
	nan, nan, nan, nan,
	688858.2, // 2015, China Statistical Yearbook 2024, table 3-1
}

// populationStart is the first year of population.
const populationStart = 2000

// population is China's year-end population, 万人. Source: China
// Statistical Yearbook, table 2-1, figures published before the 2020 census
// revision.
var population = []float64{
	126743, // 2000, China Statistical Yearbook table 2-1, pre-2020-census
	127627, // 2001, China Statistical Yearbook table 2-1, pre-2020-census
	128453, // 2002, China Statistical Yearbook table 2-1, pre-2020-census
	129227, // 2003, China Statistical Yearbook table 2-1, pre-2020-census
	129988, // 2004, China Statistical Yearbook table 2-1, pre-2020-census
	130756, // 2005, China Statistical Yearbook table 2-1, pre-2020-census
	131448, // 2006, China Statistical Yearbook table 2-1, pre-2020-census
	132129, // 2007, China Statistical Yearbook table 2-1, pre-2020-census
	132802, // 2008, China Statistical Yearbook table 2-1, pre-2020-census
	133450, // 2009, China Statistical Yearbook table 2-1, pre-2020-census
	134091, // 2010, China Statistical Yearbook table 2-1, pre-2020-census
	134735, // 2011, China Statistical Yearbook table 2-1, pre-2020-census
	135404, // 2012, China Statistical Yearbook table 2-1, pre-2020-census
	136072, // 2013, China Statistical Yearbook table 2-1, pre-2020-census
	136782, // 2014, China Statistical Yearbook table 2-1, pre-2020-census
	137462, // 2015, China Statistical Yearbook table 2-1, pre-2020-census
}

var nan = math.NaN()

// RealGrowth returns China's real GDP growth for 2000–2015 as fractions:
// the value at year t is the growth from t−1 to t (NBS, current vintage).
// The result is a copy.
func RealGrowth() series.Series {
	s := series.New("real GDP growth", UnitGrowth, realGrowthStart, realGrowthPct...)
	for i, v := range s.Values {
		s.Values[i] = v / 100
	}
	return s
}

// NominalGDP returns China's GDP at current prices, 亿元, for 2000–2015 with
// the years 2000, 2005, 2010 and 2015 observed and the others missing
// (China Statistical Yearbook 2024, table 3-1). The result is a copy.
func NominalGDP() series.Series {
	return series.New("nominal GDP", UnitNominalGDP, nominalGDPStart, nominalGDP...)
}

// Population returns China's year-end population, 万人, for 2000–2015
// (China Statistical Yearbook, table 2-1, pre-2020-census figures). The
// result is a copy.
func Population() series.Series {
	return series.New("population", UnitPopulation, populationStart, population...)
}

// Errors returned (wrapped) for bad input.
var (
	// ErrRate is returned for a growth rate that is NaN, infinite, ≤ −1 or ≥ 1
	// (see CheckGrowth).
	ErrRate = errors.New("macro: invalid growth rate")
	// ErrPeriods is returned for periods that are empty, reversed, or not
	// consecutive.
	ErrPeriods = errors.New("macro: invalid periods")
)

// Index returns the index Y built from the growth rates g (fractions; g at
// year t is the rate from t−1 to t) with Y_base = baseValue:
//
//	Y_t = Y_{t−1}·(1+g_t) after base,  Y_{t−1} = Y_t/(1+g_t) before it.
//
// The index covers growth.Start−1 through growth.End(), and base may be any
// year in that range. Every rate must be as CheckGrowth accepts; baseValue
// must be positive and finite, and an index that overflows a float64 or
// falls to zero is an error. The result is named "real GDP index" unless
// growth has a name, in which case it is "<name> index", and its unit is
// UnitIndex. To continue an observed driver in its own name and unit (a
// GDP "index 2000=100", a level in yuan), use Extend, Grow or GrowRecent.
func Index(base int, baseValue float64, growth series.Series) (series.Series, error) {
	if growth.Len() == 0 {
		return series.Series{}, fmt.Errorf("macro: index: %w", series.ErrEmpty)
	}
	if growth.Start <= series.MinYear || growth.Start > series.MaxYear || growth.Len()-1 > series.MaxYear-growth.Start {
		return series.Series{}, fmt.Errorf("macro: index: %w: growth starts in %d and has %d values", series.ErrYears, growth.Start, growth.Len())
	}
	if !(baseValue > 0) || math.IsInf(baseValue, 1) {
		return series.Series{}, fmt.Errorf("macro: index: base value %g must be positive and finite", baseValue)
	}
	for i, g := range growth.Values {
		if err := checkRate(g); err != nil {
			return series.Series{}, fmt.Errorf("%w at year %d: %v", ErrRate, growth.Start+i, err)
		}
	}
	first := growth.Start - 1
	if base < first || base > growth.End() {
		return series.Series{}, fmt.Errorf("macro: index: base year %d outside %d–%d", base, first, growth.End())
	}
	name := "real GDP index"
	if growth.Name != "" && growth.Name != "real GDP growth" {
		name = growth.Name + " index"
	}
	y := make([]float64, growth.Len()+1)
	b := base - first
	y[b] = baseValue
	for i := b + 1; i < len(y); i++ {
		y[i] = y[i-1] * (1 + growth.Values[i-1])
	}
	for i := b - 1; i >= 0; i-- {
		y[i] = y[i+1] / (1 + growth.Values[i])
	}
	for i, v := range y {
		if math.IsInf(v, 0) || v == 0 {
			return series.Series{}, fmt.Errorf("macro: index: the index leaves the range of a float64 (%g) in %d", v, first+i)
		}
	}
	return series.Series{Name: name, Unit: UnitIndex, Start: first, Values: y}, nil
}

func checkRate(g float64) error {
	switch {
	case math.IsNaN(g):
		return errors.New("missing rate")
	case math.IsInf(g, 0):
		return fmt.Errorf("infinite rate %g", g)
	case g <= -1:
		return fmt.Errorf("rate %g is a fall of 100 %% or more", g)
	case g >= 1:
		return fmt.Errorf("rate %g is a rise of 100 %% or more a year: rates are fractions (did you mean %g?)", g, g/100)
	}
	return nil
}

// WarnRate is the magnitude of an annual growth rate above which
// GrowthWarning warns: no national GDP or population has grown or shrunk
// 20 % a year for long.
const WarnRate = 0.2

// CheckGrowth reports whether g is usable as an annual growth rate, a
// fraction (0.07 is 7 %): it must be finite and within (−1, 1). A rate of
// 1 or more is an error that suggests g/100, since it is most likely a
// percentage: -growth 7 means 700 % a year. The error wraps ErrRate. The
// rule is that of every function of the package that takes rates.
func CheckGrowth(g float64) error {
	if err := checkRate(g); err != nil {
		return fmt.Errorf("%w: %v", ErrRate, err)
	}
	return nil
}

// RateProblem returns what CheckGrowth finds wrong with g, without the
// package's prefix, for a caller that words its own message (a command-line
// flag); "" if g is a valid rate.
func RateProblem(g float64) string {
	if err := checkRate(g); err != nil {
		return err.Error()
	}
	return ""
}

// GrowthWarning returns a warning for a rate CheckGrowth accepts whose
// magnitude exceeds WarnRate, "" otherwise.
func GrowthWarning(g float64) string {
	if math.Abs(g) > WarnRate && math.Abs(g) < 1 {
		return fmt.Sprintf("a growth rate of %g is %g %% a year, beyond ±%g %%: rates are fractions; is it meant?", g, 100*g, 100*WarnRate)
	}
	return ""
}

// Period is a span of years, From through To inclusive, with a constant
// annual growth Rate (a fraction).
type Period struct {
	From, To int
	Rate     float64
}

// AnnualRates expands consecutive periods into an annual growth series
// (fractions) starting at periods[0].From: every year of a period gets the
// period's rate. Periods must be non-empty, each with From ≤ To, each
// starting the year after the previous one ends, within series.MinYear …
// series.MaxYear, and each rate as CheckGrowth accepts.
func AnnualRates(periods []Period) (series.Series, error) {
	if len(periods) == 0 {
		return series.Series{}, fmt.Errorf("%w: no periods", ErrPeriods)
	}
	s := series.Series{Name: "real GDP growth", Unit: UnitGrowth, Start: periods[0].From}
	for i, p := range periods {
		if p.From > p.To {
			return series.Series{}, fmt.Errorf("%w: period %d (%d–%d) is reversed", ErrPeriods, i, p.From, p.To)
		}
		if p.From < series.MinYear || p.To > series.MaxYear {
			return series.Series{}, fmt.Errorf("%w: period %d (%d–%d) leaves the years %d … %d", ErrPeriods, i, p.From, p.To, series.MinYear, series.MaxYear)
		}
		if i > 0 && p.From != periods[i-1].To+1 {
			return series.Series{}, fmt.Errorf("%w: period %d starts in %d, want %d", ErrPeriods, i, p.From, periods[i-1].To+1)
		}
		if err := checkRate(p.Rate); err != nil {
			return series.Series{}, fmt.Errorf("%w in period %d (%d–%d): %v", ErrRate, i, p.From, p.To, err)
		}
		for y := p.From; y <= p.To; y++ {
			s.Values = append(s.Values, p.Rate)
		}
	}
	return s, nil
}

// PlanIndex returns the plan reproduction's real GDP index for 2000–2015:
// 2000 = 1, growing TenthFYPGrowth (9.8 %) a year over 2001–2005,
// EleventhFYPGrowth (11.2 %) over 2006–2010 and TwelfthFYPTarget (7 %) over
// 2011–2015. It is PlanIndexWith(TwelfthFYPTarget).
func PlanIndex() series.Series {
	s, err := PlanIndexWith(TwelfthFYPTarget)
	if err != nil {
		panic(err) // unreachable: the constants are valid rates
	}
	return s
}

// PlanIndexWith is PlanIndex with g1115 (a fraction, e.g. 0.06) in place of
// the 7 % target for 2011–2015. It returns an error if g1115 is NaN,
// infinite or ≤ −1.
func PlanIndexWith(g1115 float64) (series.Series, error) {
	g, err := AnnualRates([]Period{
		{2001, 2005, TenthFYPGrowth},
		{2006, 2010, EleventhFYPGrowth},
		{2011, 2015, g1115},
	})
	if err != nil {
		return series.Series{}, err
	}
	return Index(2000, 1, g)
}

// PerCapita returns gdp/pop on the years both cover, named "GDP per
// capita". A year missing in either is missing in the result. The unit is
// UnitPerCapita (万元 per person) when gdp is in 亿元 and pop in 万人, as
// with NominalGDP and Population; otherwise it is "gdp-unit/pop-unit". A
// population ≤ 0 or infinite, or series sharing no year, is an error.
func PerCapita(gdp, pop series.Series) (series.Series, error) {
	for i, p := range pop.Values {
		if !math.IsNaN(p) && (p <= 0 || math.IsInf(p, 0)) {
			return series.Series{}, fmt.Errorf("macro: per capita: population %g at year %d must be positive and finite", p, pop.Start+i)
		}
	}
	if err := gdp.Validate(); err != nil {
		return series.Series{}, fmt.Errorf("macro: per capita: %w", err)
	}
	r, err := series.Ratio(gdp, pop)
	if err != nil {
		return series.Series{}, fmt.Errorf("macro: per capita: %w", err)
	}
	r.Name = "GDP per capita"
	if gdp.Unit == UnitNominalGDP && pop.Unit == UnitPopulation {
		r.Unit = UnitPerCapita
	}
	return r, nil
}
