package macro

import (
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/series"
)

// FuzzExtend calls the functions that take a user's driver, rates and
// years — Grow, GrowRecent, Extend, Index, AnnualRates, PerCapita — with
// any values and years, near math.MinInt and math.MaxInt included: none
// may panic, errors name the package, and a path returned is finite and
// positive.
func FuzzExtend(f *testing.F) {
	f.Add(2000, 100.0, 0.05, 2010, 3)
	f.Add(math.MaxInt-2, 100.0, 0.05, math.MaxInt, 3)
	f.Add(math.MinInt, 1.0, -0.5, math.MaxInt, 2)
	f.Add(series.MaxYear-1, 1e308, 0.9, series.MaxYear, 2)
	f.Add(2000, 1.0, 7.0, 2001, 1)
	f.Add(2000, -1.0, math.NaN(), 1990, 0)
	f.Fuzz(func(t *testing.T, start int, last, g float64, through, years int) {
		vals := []float64{last / 2, last * 0.9, last}
		d := series.New("gdp", "index", start, vals...)
		check := func(op string, s series.Series, err error) {
			t.Helper()
			if err != nil {
				if !strings.HasPrefix(err.Error(), "macro: ") {
					t.Fatalf("%s: error %q does not start with the package name", op, err)
				}
				return
			}
			for i, v := range s.Values {
				if !(v > 0) || math.IsInf(v, 0) {
					t.Fatalf("%s: value %g at %d", op, v, s.Start+i)
				}
			}
		}
		if through-start < 10_000 { // a long path is allowed, but slow to fuzz
			p, err := Grow(d, g, through)
			check("grow", p, err)
			p, _, err = GrowRecent(d, years, through)
			check("grow recent", p, err)
		}
		p, err := Extend(d, series.New("g", "", start+3, g, g))
		check("extend", p, err)
		p, err = Index(through, last, series.New("g", "", start, g, g))
		check("index", p, err)
		if through-start < 10_000 {
			_, err = AnnualRates([]Period{{From: start, To: through, Rate: g}})
			if err != nil && !strings.HasPrefix(err.Error(), "macro: ") {
				t.Fatalf("annual rates: %v", err)
			}
		}
		_, err = PerCapita(d, series.New("pop", "", start+1, last, g))
		if err != nil && !strings.HasPrefix(err.Error(), "macro: ") && !strings.HasPrefix(err.Error(), "series: ") {
			t.Fatalf("per capita: %v", err)
		}
	})
}
