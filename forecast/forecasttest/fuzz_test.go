package forecasttest

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func TestFuzzFloatsBytes(t *testing.T) {
	negZero := math.Copysign(0, -1)
	want := []float64{1, negZero, math.NaN(), math.Inf(1), math.Inf(-1), 5e-324, math.MaxFloat64}
	b := FuzzBytes(want...)
	if len(b) != 8*len(want) {
		t.Fatalf("FuzzBytes gave %d bytes for %d values, want %d", len(b), len(want), 8*len(want))
	}
	// Values from encoding/binary: 1.0 is 0x3ff0000000000000, little-endian.
	if got := b[:8]; string(got) != "\x00\x00\x00\x00\x00\x00\xf0\x3f" {
		t.Errorf("FuzzBytes(1) = % x, want 00 00 00 00 00 00 f0 3f", got)
	}
	// Trailing bytes that make no whole float64 are ignored.
	got := FuzzFloats(append(b, 1, 2, 3))
	if len(got) != len(want) {
		t.Fatalf("FuzzFloats gave %d values, want %d", len(got), len(want))
	}
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Errorf("value %d: %g (bits %#x), want %g (bits %#x)", i, got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
	if got := FuzzFloats([]byte{1, 2, 3}); len(got) != 0 {
		t.Errorf("FuzzFloats of 3 bytes = %v, want none", got)
	}
}

func TestFuzzInput(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    []float64
		n       uint8
		start   int16
		horizon int
		h       series.Series
		d       forecast.Drivers
	}{
		{
			name: "enough data", data: []float64{10, 11, 1, 2, 3, 4, 100, 101, 102, 103, 99},
			n: 1, start: 2000, horizon: 2,
			h: series.New("q", "kt", 2000, 10, 11),
			d: forecast.Drivers{
				forecast.GDP:        series.New("gdp", "", 2000, 1, 2, 3, 4),
				forecast.Population: series.New("population", "", 2000, 100, 101, 102, 103),
			},
		},
		{
			// 1 + 13%12 = 2 years; the last value taken repeats.
			name: "short data", data: []float64{5, 6, 7},
			n: 13, start: -3, horizon: 1,
			h: series.New("q", "kt", -3, 5, 6),
			d: forecast.Drivers{
				forecast.GDP:        series.New("gdp", "", -3, 7, 7, 7),
				forecast.Population: series.New("population", "", -3, 1, 1, 1),
			},
		},
		{
			name: "no data", n: 11, start: 1990, horizon: 1,
			h: series.New("q", "kt", 1990, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
			d: forecast.Drivers{
				forecast.GDP:        series.New("gdp", "", 1990, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
				forecast.Population: series.New("population", "", 1990, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
			},
		},
	} {
		h, d := FuzzInput(FuzzBytes(tc.data...), tc.n, tc.start, tc.horizon)
		if diff := seriesDiff(tc.h, h); diff != "" {
			t.Errorf("%s: history %s", tc.name, diff)
		}
		if diff := driversDiff(tc.d, d); diff != "" {
			t.Errorf("%s: drivers: %s", tc.name, diff)
		}
	}
}

// FuzzFuzzInput checks, from the shared seeds (whose types it checks
// against the arguments of the method packages' targets) and what the
// fuzzer makes of them, that FuzzInput takes the values of data in order:
// the history, then GDP, then population, each over its years and, once
// data runs out, repeating its last value (1 if it has none).
func FuzzFuzzInput(f *testing.F) {
	AddFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, n uint8, start int16, mode uint8) {
		horizon := 1 + int(mode%5)
		h, d := FuzzInput(data, n, start, horizon)
		hl := 1 + int(n%12)
		vs := FuzzFloats(data)
		k := 0
		for i, s := range []series.Series{h, d[forecast.GDP], d[forecast.Population]} {
			if want := hl + horizon*min(i, 1); s.Start != int(start) || s.Len() != want {
				t.Fatalf("%q covers %d years from %d, want %d from %d", s.Name, s.Len(), s.Start, want, start)
			}
			last := 1.0 // once data runs out, the series' last value
			for j, v := range s.Values {
				want := last
				if k < len(vs) {
					want, last = vs[k], vs[k]
					k++
				}
				if math.Float64bits(v) != math.Float64bits(want) {
					t.Fatalf("value %d of %q is %g, want %g", j, s.Name, v, want)
				}
			}
		}
		if len(d) != 2 {
			t.Fatalf("%d drivers, want GDP and population", len(d))
		}
	})
}

// fatalRecorder is a testing.TB whose Fatalf records the message and
// stops the check by panicking with errFatal.
type fatalRecorder struct {
	testing.TB
	msg string
}

var errFatal = fmt.Errorf("fatal")

func (r *fatalRecorder) Helper() {}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	panic(errFatal)
}

// checkFuzz runs CheckFuzzForecast and returns its Fatalf message, "" if
// none.
func checkFuzz(f forecast.Forecast, h series.Series, horizon int, meanPoint bool) (msg string) {
	r := &fatalRecorder{}
	defer func() {
		if p := recover(); p != nil && p != errFatal {
			panic(p)
		}
		msg = r.msg
	}()
	CheckFuzzForecast(r, f, h, horizon, meanPoint)
	return ""
}

func TestCheckFuzzForecast(t *testing.T) {
	h := series.New("q", "kt", 2000, 1, 2, 3)
	fc := func(start int, p, lo, up []float64) forecast.Forecast {
		return forecast.Forecast{
			Point: series.New("q", "kt", start, p...),
			Lower: series.New("q", "kt", start, lo...),
			Upper: series.New("q", "kt", start, up...),
		}
	}
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name      string
		f         forecast.Forecast
		meanPoint bool
		want      string // "" for a pass, else part of the message
	}{
		{"good", fc(2003, []float64{4, 5}, []float64{3, 5}, []float64{5, 5}), false, ""},
		{"no interval", fc(2003, []float64{4, 5}, []float64{nan, nan}, []float64{nan, nan}), false, ""},
		{"wrong start", fc(2004, []float64{4, 5}, []float64{3, 4}, []float64{5, 6}), false, "forecast covers 2 years from 2004, want 2 from 2003"},
		{"short bound", forecast.Forecast{Point: series.New("q", "kt", 2003, 4, 5), Lower: series.New("q", "kt", 2003, 3), Upper: series.New("q", "kt", 2003, 5, 6)}, false, "forecast covers 1 years from 2003, want 2 from 2003"},
		{"NaN point", fc(2003, []float64{4, nan}, []float64{3, 4}, []float64{5, 6}), false, "point NaN at 2004 from history [1 2 3]"},
		{"Inf point", fc(2003, []float64{inf, 5}, []float64{3, 4}, []float64{5, 6}), false, "point +Inf at 2003"},
		{"one NaN bound", fc(2003, []float64{4, 5}, []float64{3, nan}, []float64{5, 6}), false, "one NaN bound [NaN, 6] at 2004"},
		{"infinite bound", fc(2003, []float64{4, 5}, []float64{3, 4}, []float64{inf, 6}), false, "interval [3, +Inf] around 4 at 2003"},
		{"point below", fc(2003, []float64{4, 5}, []float64{3, 5.5}, []float64{5, 6}), false, "interval [5.5, 6] around 5 at 2004"},
		{"point above", fc(2003, []float64{4, 7}, []float64{3, 4}, []float64{5, 6}), false, "interval [4, 6] around 7 at 2004"},
		{"mean point above", fc(2003, []float64{4, 7}, []float64{3, 4}, []float64{5, 6}), true, ""},
		{"mean point below", fc(2003, []float64{4, 5}, []float64{3, 5.5}, []float64{5, 6}), true, "interval [5.5, 6] around 5 at 2004"},
		{"mean point, infinite bound", fc(2003, []float64{4, 5}, []float64{3, 4}, []float64{5, inf}), true, "interval [4, +Inf] around 5 at 2004"},
	} {
		got := checkFuzz(tc.f, h, 2, tc.meanPoint)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s: CheckFuzzForecast failed with %q, want %q", tc.name, got, tc.want)
		}
	}
	// Through a real *testing.T, a conforming forecast passes.
	CheckFuzzForecast(t, fc(2003, []float64{4}, []float64{3}, []float64{5}), h, 1, false)
}
