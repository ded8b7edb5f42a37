package plan

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/series"
)

func TestConsumptionHistory(t *testing.T) {
	nan := math.NaN()
	opts := cmp.Options{cmpopts.EquateApprox(1e-12, 0), cmpopts.EquateNaNs()}
	tests := []struct {
		m    Metal
		want series.Series
	}{
		// 374 / 1.14^5 = 374 / 1.925415 = 194.2438…
		{Copper, series.Series{Name: "copper consumption", Unit: "万吨", Start: 2000,
			Values: []float64{194.2438804705711, nan, nan, nan, nan, 374, nan, nan, nan, nan, 753}}},
		// 7.45 / 1.144^5 = 7.45 / 1.959424 = 3.8021…
		{Antimony, series.Series{Name: "antimony consumption", Unit: "万吨", Start: 2000,
			Values: []float64{3.802122896074643, nan, nan, nan, nan, 7.45, nan, nan, nan, nan, 7.1}}},
		// 1670 / 1.162^5 = 1670 / 2.118493 = 788.2896…
		{Total, series.Series{Name: "total consumption", Unit: "万吨", Start: 2000,
			Values: []float64{788.2896616680684, nan, nan, nan, nan, 1670, nan, nan, nan, nan, 3430}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ConsumptionHistory(tt.m), opts); diff != "" {
			t.Errorf("ConsumptionHistory(%s) (-want +got):\n%s", tt.m, diff)
		}
	}
	// 0.92 / 1.371^5 = 0.92 / 4.843803 = 0.18993…
	p := ProductionHistory(Titanium)
	if v, _ := p.At(2000); math.Abs(v-0.18993305484312295) > 1e-12 || p.Name != "titanium production" {
		t.Errorf("ProductionHistory(Titanium) = %+v", p)
	}
	for _, m := range Rows() {
		if d := DerivedYears(m); len(d) != 1 || d[0] != 2000 {
			t.Errorf("DerivedYears(%s) = %v, want [2000]", m, d)
		}
		h := ConsumptionHistory(m)
		if h.Start != HistoryStart || h.End() != HistoryEnd {
			t.Errorf("%s history covers %d–%d", m, h.Start, h.End())
		}
		// Each derived 2000 value reproduces the published 2001–2005 rate.
		g, err := h.CAGR(2000, 2005)
		if err != nil || math.Abs(g*100-Balance(m).ConsumptionGrowth10th.Value) > 1e-9 {
			t.Errorf("%s CAGR 2000–2005 = %v, %v, want %v %%", m, g, err, Balance(m).ConsumptionGrowth10th.Value)
		}
	}
}
