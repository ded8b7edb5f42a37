package plotting

import (
	"fmt"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Synthetic, deterministic test data.

var nan = math.NaN()

// growthPath returns base·(1+g)^k for k = 1…n, starting the year after
// last.
func growthPath(name string, last int, base, g float64, n int) series.Series {
	v := make([]float64, n)
	x := base
	for i := range v {
		x *= 1 + g
		v[i] = x
	}
	return series.New(name, "10 kt", last+1, v...)
}

// withBand returns a forecast of point with bounds point·(1 ∓ w·√k) for
// the k-th forecast year.
func withBand(method string, point series.Series, level, w float64) forecast.Forecast {
	lo, hi := point.Clone(), point.Clone()
	for i, v := range point.Values {
		d := v * w * math.Sqrt(float64(i+1))
		lo.Values[i], hi.Values[i] = v-d, v+d
	}
	return forecast.Forecast{Method: method, Point: point, Lower: lo, Upper: hi, Level: level}
}

func noBand(method string, point series.Series) forecast.Forecast {
	lo, hi := point.Clone(), point.Clone()
	for i := range lo.Values {
		lo.Values[i], hi.Values[i] = nan, nan
	}
	return forecast.Forecast{Method: method, Point: point, Lower: lo, Upper: hi, Level: 0.95}
}

// sparseFan is a history observed in 2000, 2005 and 2010 (2000 derived)
// with four methods, two bands for one method, and a reference point.
func sparseFan(name string, scale float64) Fan {
	h := series.New(name, "10 kt", 2000, 192*scale, nan, nan, nan, nan, 363*scale, nan, nan, nan, nan, 740*scale)
	last := 740 * scale
	elast := growthPath(name, 2010, last, 0.08, 5)
	intens := growthPath(name, 2010, last, 0.05, 5)
	reg := growthPath(name, 2010, last, 0.065, 5)
	expert := growthPath(name, 2010, last, 0.07, 5)
	comb := elast.Clone()
	for i := range comb.Values {
		comb.Values[i] = (elast.Values[i] + intens.Values[i] + reg.Values[i] + expert.Values[i]) / 4
	}
	return Fan{
		History: h,
		Derived: []int{2000},
		Forecasts: []forecast.Forecast{
			withBand("elasticity", elast, 0.95, 0.06),
			withBand("elasticity", elast, 0.80, 0.035),
			withBand("intensity", intens, 0.95, 0.05),
			withBand("regression", reg, 0.95, 0.07),
			noBand("expert", expert),
			withBand("combination", comb, 0.80, 0.025),
		},
		Refs: []Ref{{Year: 2015, Value: 1000 * scale, Label: "plan 2015"}},
	}
}

// annualFan is a complete annual history 1995–2012 with one gap and two
// methods.
func annualFan() Fan {
	v := make([]float64, 18)
	for i := range v {
		v[i] = 100 * math.Pow(1.09, float64(i)) * (1 + 0.04*math.Sin(float64(i)))
	}
	v[7] = nan
	h := series.New("aluminium", "10 kt", 1995, v...)
	last := v[17]
	return Fan{
		History: h,
		Forecasts: []forecast.Forecast{
			withBand("trend", growthPath("aluminium", 2012, last, 0.07, 8), 0.95, 0.05),
			withBand("trend", growthPath("aluminium", 2012, last, 0.07, 8), 0.80, 0.03),
			noBand("plateau", growthPath("aluminium", 2012, last, 0.02, 8)),
		},
		Refs: []Ref{{Year: 2015, Value: 2000, Label: "target"}, {Year: 2020, Value: 2600, Label: "aim 2020"}},
	}
}

var metals = []string{"copper", "aluminium", "lead", "zinc", "nickel", "tin", "antimony", "mercury", "magnesium", "titanium"}

func metalPanels() []Fan {
	scales := []float64{1, 2.1, 0.55, 0.75, 0.1, 0.02, 0.015, 0.0012, 0.08, 0.009}
	fans := make([]Fan, len(metals))
	for i, m := range metals {
		fans[i] = sparseFan(m, scales[i])
	}
	return fans
}

func deviations() Deviations {
	methods := []string{"elasticity", "intensity", "regression", "expert", "combination"}
	d := Deviations{Series: metals, Methods: methods, Pct: make([][]float64, len(metals))}
	for i := range metals {
		row := make([]float64, len(methods))
		for j := range methods {
			row[j] = 25 * math.Sin(float64(3*i+5*j+1))
		}
		d.Pct[i] = row
	}
	d.Pct[7][3] = nan // no expert figure for mercury
	return d
}

func comparison() Comparison {
	c := Comparison{Series: metals, HistoricalLabel: "historical elasticity 2006–2010", ImpliedLabel: "elasticity implied by the plan"}
	for i := range metals {
		c.Historical = append(c.Historical, 1.2+0.4*math.Cos(float64(2*i)))
		c.Implied = append(c.Implied, 0.9+0.3*math.Sin(float64(i)))
	}
	c.Implied[8] = nan
	return c
}

// wideFan is a three-point history whose bands run far beyond 1.5 times
// the largest point and, for one method, below zero; a plan and an
// outcome share 2015 at close values.
func wideFan() Fan {
	h := series.New("nickel", "10 kt", 2000, 5.6, nan, nan, nan, nan, 19.5, nan, nan, nan, nan, 52)
	a := growthPath("nickel", 2010, 52, 0.12, 5)
	b := growthPath("nickel", 2010, 52, 0.06, 5)
	return Fan{
		History: h,
		Derived: []int{2000},
		Forecasts: []forecast.Forecast{
			withBand("intensity", a, 0.8, 0.9), // upper 2015: 92·(1+0.9·√5) ≈ 277
			withBand("regression", b, 0.8, 0.5),
		},
		Refs: []Ref{{Year: 2015, Value: 70, Label: "plan 70"}, {Year: 2015, Value: 73, Label: "outcome 73 (low confidence)"}},
	}
}

// manyMethods is sparseFan with n methods, each a little faster than the
// one before, without bands.
func manyMethods(n int) Fan {
	f := sparseFan("copper", 1)
	f.Forecasts = nil
	for i := 0; i < n; i++ {
		f.Forecasts = append(f.Forecasts, noBand(fmt.Sprintf("method %d", i+1), growthPath("copper", 2010, 740, 0.03+0.006*float64(i), 5)))
	}
	return f
}

// manyPanels is n copies of the sparse copper fan, named 1 to n.
func manyPanels(n int) []Fan {
	out := make([]Fan, n)
	for i := range out {
		out[i] = sparseFan(fmt.Sprintf("series %d", i+1), 1+0.1*float64(i))
	}
	return out
}
