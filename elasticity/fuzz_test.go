package elasticity_test

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"

	"github.com/nonferrous/demand/elasticity"
)

// FuzzFitForecast checks that no history and drivers make Fit, Forecast or
// Implied panic, and that a forecast, when made, covers the horizon with
// finite points and well-ordered finite (or NaN) bounds.
func FuzzFitForecast(f *testing.F) {
	seeds := [][]float64{
		{100, 120, 150, 180, 1, 1.1, 1.25, 1.4, 1.55, 1.7, 10, 10.1, 10.2, 10.3, 10.4, 10.5},
		{math.NaN(), 120, 150, 1, 1.1, 1.2, 1.3},
		{100, math.Inf(1), 150, 1, 2, 3, 4},
		{0, 0, 0, 1, 1, 1, 1},
		{-5, 3, -1, 1, 2, 3, 4},
		{1e300, 1e308, 1.7e308, 1e-300, 1e300, 1e308, 1e308},
		{5e-324, 1e-320, 2e-310, 5e-324, 1e-310, 1e-300, 1},
		{150, 100, 1, 1, 1, 1},
		{100, 200, 2, 1, 0.5, 0.25, -1},
		{math.Copysign(0, -1), 1, math.NaN(), 2, math.Inf(-1), 3},
	}
	for i, s := range seeds {
		f.Add(fuzzBytes(s...), uint8(i%5), int16(2000-i), uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		horizon := 1 + int(mode%5)
		h, d := fuzzInput(data, n, start, horizon)
		m := &elasticity.Method{Estimator: elasticity.Estimator(mode / 5 % 4)}
		if m.Estimator == elasticity.Given {
			m.Value = float64(int(mode)-128) / 50
		}
		if mode&0x80 != 0 {
			m.TargetYear, m.Target = h.End()+2, 0.5
		}
		scen := forecast.Scenario{Horizon: horizon, Drivers: forecast.Drivers{forecast.GDP: d[forecast.GDP]}}
		delete(d, forecast.Population)
		mod, err := m.Fit(h, d)
		if err != nil {
			return
		}
		fc, err := mod.Forecast(scen, 0.9)
		if err == nil {
			checkFuzzForecast(t, fc, h, horizon)
		}
		if im, ok := mod.(forecast.Implier); ok {
			if p, err := im.Implied(scen, h.End()+horizon, 2*h.Values[h.Len()-1]); err == nil && (math.IsNaN(p.Value) || math.IsInf(p.Value, 0)) {
				t.Fatalf("Implied gave %g and no error", p.Value)
			}
		}
	})
}

// fuzzFloats decodes b as little-endian float64s, 8 bytes each, so that the
// fuzzer reaches every float64: NaN, ±Inf, zeros, subnormals, huge values.
func fuzzFloats(b []byte) []float64 {
	v := make([]float64, len(b)/8)
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v
}

// fuzzBytes encodes vs for a seed.
func fuzzBytes(vs ...float64) []byte {
	b := make([]byte, 8*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// fuzzInput splits data into a history of 1 + n%12 values from year
// start, and the GDP and population drivers over the history and
// horizon years after it (a value missing from data repeats the last one,
// 1 if none).
func fuzzInput(data []byte, n uint8, start int16, horizon int) (series.Series, forecast.Drivers) {
	vs := fuzzFloats(data)
	hl := 1 + int(n%12)
	take := func(k int) []float64 {
		out := make([]float64, k)
		last := 1.0
		for i := range out {
			if len(vs) > 0 {
				last, vs = vs[0], vs[1:]
			}
			out[i] = last
		}
		return out
	}
	h := series.New("q", "kt", int(start), take(hl)...)
	d := forecast.Drivers{
		forecast.GDP:        series.New("gdp", "", int(start), take(hl+horizon)...),
		forecast.Population: series.New("population", "", int(start), take(hl+horizon)...),
	}
	return h, d
}

// checkFuzzForecast fails unless f covers the horizon years after h with
// finite points, and bounds that are NaN (both) or finite around the point.
func checkFuzzForecast(t *testing.T, f forecast.Forecast, h series.Series, horizon int) {
	t.Helper()
	for _, s := range []series.Series{f.Point, f.Lower, f.Upper} {
		if s.Start != h.End()+1 || s.Len() != horizon {
			t.Fatalf("forecast covers %d years from %d, want %d from %d", s.Len(), s.Start, horizon, h.End()+1)
		}
	}
	for i, p := range f.Point.Values {
		lo, hi := f.Lower.Values[i], f.Upper.Values[i]
		if math.IsNaN(p) || math.IsInf(p, 0) {
			t.Fatalf("point %g at %d from history %v", p, f.Point.Start+i, h.Values)
		}
		if math.IsNaN(lo) != math.IsNaN(hi) {
			t.Fatalf("one NaN bound [%g, %g] at %d from history %v", lo, hi, f.Point.Start+i, h.Values)
		}
		if !math.IsNaN(lo) && (math.IsInf(lo, 0) || math.IsInf(hi, 0) || !(lo <= p && p <= hi)) {
			t.Fatalf("interval [%g, %g] around %g at %d from history %v", lo, hi, p, f.Point.Start+i, h.Values)
		}
	}
}
