// Package plandata holds the plan's copper history and GDP index as the
// tests of the method packages (elasticity, intensity, regression) fit and
// forecast them, written once for all three: each package's R and Python
// reference values are computed from these figures.
package plandata

import (
	"math"

	"github.com/nonferrous/demand/series"
)

// Copper returns the plan's refined copper consumption over 2000–2010 in
// unit, observed in 2000, 2005 and 2010 only: Q_2005 = 374 and Q_2010 = 753
// (万吨) published, Q_2000 = 374/1.14^5 derived from the published 14 %
// growth of 2001–2005.
func Copper(unit string) series.Series {
	v := make([]float64, 11)
	for i := range v {
		v[i] = math.NaN()
	}
	v[0], v[5], v[10] = 374/math.Pow(1.14, 5), 374, 753
	return series.Series{Name: "copper", Unit: unit, Start: 2000, Values: v}
}

// GDP returns the plan's GDP index "gdp" over 2000–2015 in unit, 2000 = 1:
// 9.8 % a year over 2001–2005, 11.2 % over 2006–2010 and 7 % over
// 2011–2015.
func GDP(unit string) series.Series {
	v := make([]float64, 16)
	v[0] = 1
	for i := 1; i < len(v); i++ {
		g := 0.098
		switch {
		case i > 10:
			g = 0.07
		case i > 5:
			g = 0.112
		}
		v[i] = v[i-1] * (1 + g)
	}
	return series.Series{Name: "gdp", Unit: unit, Start: 2000, Values: v}
}
