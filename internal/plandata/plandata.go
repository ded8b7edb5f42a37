// Package plandata holds the plan's copper history and GDP index as the
// tests of the method packages (elasticity, intensity, regression) fit and
// forecast them, written once for all three: each package's R and Python
// reference values are computed from these figures.
package plandata

import (
	"math"

	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/series"
)

// Copper returns the plan's refined copper consumption over 2000–2010 in
// unit, observed in 2000, 2005 and 2010 only: Q_2005 = 374 and Q_2010 = 753
// (万吨; 专栏1, row 精炼铜, 表观消费量 2005年 and 2010年), Q_2000 =
// 374/1.14^5 derived from the row's 十五 growth of 14.0 % a year.
func Copper(unit string) series.Series {
	v := make([]float64, 11)
	for i := range v {
		v[i] = math.NaN()
	}
	v[0], v[5], v[10] = 374/math.Pow(1.14, 5), 374, 753
	return series.Series{Name: "copper", Unit: unit, Start: 2000, Values: v}
}

// GDP returns the plan reproduction's GDP index (macro.PlanIndex) over
// 2000–2015, named "gdp", in unit: 2000 = 1, 9.8 % a year over 2001–2005,
// 11.2 % over 2006–2010 and 7 % over 2011–2015.
func GDP(unit string) series.Series {
	s := macro.PlanIndex()
	s.Name, s.Unit = "gdp", unit
	return s
}
