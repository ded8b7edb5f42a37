package expert_test

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
)

// FuzzReadCSV checks that no input makes ReadCSV panic, that errors name
// the package, and that what it reads is valid and writes back to the
// same judgments. The seeds are in testdata/fuzz/FuzzReadCSV.
func FuzzReadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		js, err := expert.ReadCSV(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "expert: ") {
				t.Fatalf("error %q does not start with the package name", err)
			}
			return
		}
		if err := expert.Validate(js); err != nil {
			t.Fatalf("ReadCSV gave judgments Validate rejects: %v", err)
		}
		var out bytes.Buffer
		if err := expert.WriteCSV(&out, js); err != nil {
			t.Fatalf("WriteCSV of what ReadCSV read: %v", err)
		}
		back, err := expert.ReadCSV(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("ReadCSV of what WriteCSV wrote:\n%s\n%v", out.Bytes(), err)
		}
		if len(js) == 0 && len(back) == 0 {
			return
		}
		if !reflect.DeepEqual(js, back) {
			t.Fatalf("round trip: read %#v, wrote\n%s\nread back %#v", js, out.Bytes(), back)
		}
	})
}

// FuzzMethod checks that no history and panel make Fit or Forecast panic,
// and that a forecast, when made, covers the horizon with finite points
// and bounds around them.
func FuzzMethod(f *testing.F) {
	for i, s := range [][]float64{
		{753, 900, 970, 1050, 880, 950, 1000, 700},
		{753, 1, 2, 3, 2, 3, 4, 5},
		{math.NaN(), 900, 970, 1050, 880, 950, 1000, 700},
		{0, 1, 2, 3, 1, 2, 3, 4},
		{-1, -3, -2, -1, 1, 2, 3, 4},
		{1e308, 1e-308, 1, 1e308, 1, 2, 3, 4},
		{5e-324, 1e308, 1e308, 1.7e308, 1, 1, 1, 1},
		{100, 50, 40, 30, 60, 70, 80, 90},
		{100, math.Inf(1), 1, 2, 3, 4, 5, 6},
	} {
		f.Add(forecasttest.FuzzBytes(s...), uint8(i), uint8(i*7))
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint8, mode uint8) {
		vs := forecasttest.FuzzFloats(data)
		for len(vs) < 8 {
			vs = append(vs, 1)
		}
		hl := 1 + int(n%6)
		hv := make([]float64, hl)
		for i := range hv {
			hv[i] = vs[0] * float64(i+1) / float64(hl)
		}
		hv[0] = vs[len(vs)-1]
		h := series.New("q", "kt", 2010-hl+1, hv...)
		year := 2011 + int(mode%7) - 1 // 2010 (not after the history) to 2016
		panel := []expert.Judgment{
			{Expert: "a", Round: 1, Year: year, Low: vs[1], Likely: vs[2], High: vs[3]},
			{Expert: "b", Round: 1, Year: year, Low: vs[4], Likely: vs[5], High: vs[6], Weight: vs[7]},
			{Expert: "a", Round: 1 + int(mode>>6), Year: year, Low: vs[1], Likely: vs[2], High: vs[3]},
		}
		m := &expert.Method{Panel: panel, Year: year * int(mode>>3&1), Aggregate: expert.Aggregate(mode >> 4 & 1), Interval: expert.Interval(mode >> 5 & 1)}
		mod, err := m.Fit(h, nil)
		if err != nil {
			if errors.Is(err, expert.ErrDuplicate) || strings.HasPrefix(err.Error(), "expert: ") {
				return
			}
			t.Fatalf("error %q does not start with the package name", err)
		}
		horizon := 1 + int(n%9)
		for _, level := range []float64{0.5, 0.9} {
			fc, err := mod.Forecast(forecast.Scenario{Horizon: horizon}, level)
			if err != nil {
				continue
			}
			for _, s := range []series.Series{fc.Point, fc.Lower, fc.Upper} {
				if s.Start != h.End()+1 || s.Len() != horizon {
					t.Fatalf("forecast covers %d years from %d, want %d from %d", s.Len(), s.Start, horizon, h.End()+1)
				}
			}
			for i, p := range fc.Point.Values {
				lo, hi := fc.Lower.Values[i], fc.Upper.Values[i]
				if math.IsNaN(p) || math.IsInf(p, 0) || math.IsNaN(lo) || math.IsInf(lo, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) {
					t.Fatalf("level %g: [%g, %g, %g] at %d from history %v and panel %v", level, lo, p, hi, fc.Point.Start+i, h.Values, panel)
				}
				if !(lo <= p*(1+1e-12) && p <= hi*(1+1e-12)) {
					t.Fatalf("level %g: interval [%g, %g] around %g at %d", level, lo, hi, p, fc.Point.Start+i)
				}
			}
		}
	})
}
