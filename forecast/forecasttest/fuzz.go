package forecasttest

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// The fuzz helpers below serve the fuzz targets of the method packages:
// AddFuzzSeeds adds their shared seeds and FuzzBytes encodes others,
// FuzzFloats and FuzzInput decode the fuzzer's bytes into values, a history
// and drivers, and CheckFuzzForecast checks what the method made of them;
// FuzzMethod is the whole fit-and-forecast target built on them (see the
// package documentation).

// fuzzSeeds are the values of the seeds AddFuzzSeeds adds.
var fuzzSeeds = [][]float64{
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

// AddFuzzSeeds adds to f the seeds the method packages' fuzz targets
// share, for a target whose arguments after t are (data []byte, n uint8,
// start int16, mode uint8), data, n and start to pass to FuzzInput: growing
// histories and drivers, NaN, ±Inf, zeros, negative, huge and subnormal
// values, falling histories and drivers, and −0, with histories of 1 to 5
// years from 2000 back to 1991 and mode 0 to 9.
func AddFuzzSeeds(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(FuzzBytes(s...), uint8(i%5), int16(2000-i), uint8(i))
	}
}

// FuzzFloats decodes b as little-endian float64s, 8 bytes each (trailing
// bytes that make no whole float64 are ignored), so that the fuzzer reaches
// every float64: NaN, ±Inf, zeros, subnormals, huge values.
func FuzzFloats(b []byte) []float64 {
	v := make([]float64, len(b)/8)
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v
}

// FuzzBytes encodes vs as FuzzFloats decodes them, for a fuzz target's
// seeds.
func FuzzBytes(vs ...float64) []byte {
	b := make([]byte, 8*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// FuzzInput splits data, decoded by FuzzFloats, into a history "q" (unit
// "kt") of 1 + n%12 values from year start, then the forecast.GDP and
// forecast.Population drivers over the history and the horizon years after
// it, in that order. Once data runs out, each series repeats its last
// value, or is 1 where it has none.
func FuzzInput(data []byte, n uint8, start int16, horizon int) (series.Series, forecast.Drivers) {
	vs := FuzzFloats(data)
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

// CheckFuzzForecast fails t (with Fatalf) unless f's point and both bounds
// cover the horizon years after h, every point is finite, and each year's
// bounds are both NaN (no interval) or both finite around the point:
// lower ≤ point ≤ upper.
//
// With meanPoint, the point need only lie at or above the lower bound: a
// point that is the mean of a log-normal forecast (regression's BiasAdjust
// on a log spec, exp(ŷ + σ̂²/2)) lies above the upper bound, a quantile,
// when σ̂ is very large (see the regression package documentation).
func CheckFuzzForecast(t testing.TB, f forecast.Forecast, h series.Series, horizon int, meanPoint bool) {
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
		if !math.IsNaN(lo) && (math.IsInf(lo, 0) || math.IsInf(hi, 0) || !(lo <= p && (p <= hi || meanPoint))) {
			t.Fatalf("interval [%g, %g] around %g at %d from history %v", lo, hi, p, f.Point.Start+i, h.Values)
		}
	}
}

// FuzzCase is what a method package's fuzz target makes of one input, for
// FuzzMethod to fit and forecast.
type FuzzCase struct {
	// Method is the configuration to fit.
	Method forecast.Method
	// Drivers are given to Fit; nil for a method that takes none.
	Drivers forecast.Drivers
	// Scenario is given to Forecast, at level 0.9; its Horizon is the
	// horizon CheckFuzzForecast checks.
	Scenario forecast.Scenario
	// MeanPoint is passed to CheckFuzzForecast.
	MeanPoint bool
	// Implied asks for the model, which must be a forecast.Implier, to be
	// asked for the parameter that reaches twice the last observed value in
	// the last year of the horizon: an answer without error must be finite.
	Implied bool
}

// FuzzMethod runs the fuzz target that the method packages share over the
// seeds of AddFuzzSeeds: each input (data []byte, n uint8, start int16, mode
// uint8) is decoded by FuzzInput with the horizon horizon(mode), build makes
// the case of mode and the decoded history and drivers, and no case may make
// Fit, Forecast or Implied panic. A forecast made without error must pass
// CheckFuzzForecast; a Fit error ends the input.
func FuzzMethod(f *testing.F, horizon func(mode uint8) int, build func(mode uint8, h series.Series, d forecast.Drivers) FuzzCase) {
	AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		h, d := FuzzInput(data, n, start, horizon(mode))
		c := build(mode, h, d)
		mod, err := c.Method.Fit(h, c.Drivers)
		if err != nil {
			return
		}
		fc, err := mod.Forecast(c.Scenario, 0.9)
		if err == nil {
			CheckFuzzForecast(t, fc, h, c.Scenario.Horizon, c.MeanPoint)
		}
		if !c.Implied {
			return
		}
		im, ok := mod.(forecast.Implier)
		if !ok {
			t.Fatalf("%T is not a forecast.Implier", mod)
		}
		if p, err := im.Implied(c.Scenario, h.End()+c.Scenario.Horizon, 2*h.Values[h.Len()-1]); err == nil && (math.IsNaN(p.Value) || math.IsInf(p.Value, 0)) {
			t.Fatalf("Implied gave %g and no error", p.Value)
		}
	})
}
