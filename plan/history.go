package plan

import (
	"math"

	"github.com/nonferrous/demand/series"
)

// Unit is the unit of the plan's levels: 万吨, 10 kt.
const Unit = "万吨"

// HistoryStart and HistoryEnd bound the history series.
const (
	HistoryStart = 2000
	HistoryEnd   = 2010
)

// ConsumptionHistory returns m's apparent consumption for 2000–2010, 万吨,
// as the plan gives it: 2005 and 2010 as published in 专栏1, 2000 derived
// from the published 2001–2005 (十五) growth rate g, in percent, as
//
//	Q_2000 = Q_2005 / (1 + g/100)^5
//
// (copper: 374 / 1.14^5 = 194.24…), and NaN for the other years.
// DerivedYears lists the derived years. It panics if m is not valid.
func ConsumptionHistory(m Metal) series.Series {
	b := Balance(m)
	return history(m.String()+" consumption", b.Consumption2005, b.Consumption2010, b.ConsumptionGrowth10th)
}

// ProductionHistory is ConsumptionHistory for production: 2005 and 2010
// from 专栏1 and 2000 derived from the 2001–2005 production growth rate.
func ProductionHistory(m Metal) series.Series {
	b := Balance(m)
	return history(m.String()+" production", b.Production2005, b.Production2010, b.ProductionGrowth10th)
}

func history(name string, q2005, q2010, g10th Figure) series.Series {
	s := series.Series{Name: name, Unit: Unit, Start: HistoryStart, Values: make([]float64, HistoryEnd-HistoryStart+1)}
	for i := range s.Values {
		s.Values[i] = math.NaN()
	}
	s.Values[0] = q2005.Value / math.Pow(1+g10th.Value/100, 5)
	s.Values[2005-HistoryStart] = q2005.Value
	s.Values[2010-HistoryStart] = q2010.Value
	return s
}

// DerivedYears returns the years of m's history series (ConsumptionHistory
// and ProductionHistory) that are derived rather than published: 2000, for
// every row. It panics if m is not valid.
func DerivedYears(m Metal) []int {
	m.mustValid()
	return []int{2000}
}
