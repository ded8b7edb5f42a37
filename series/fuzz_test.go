package series

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

// FuzzReadCSV checks that no input makes ReadCSV panic and that what it
// reads writes back, reads back the same and writes the same bytes again
// (checkCSVRoundTrip). The seeds are in testdata/fuzz/FuzzReadCSV.
func FuzzReadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		out, back, ok := checkCSVRoundTrip(t, data, wideCSV, nil)
		if !ok {
			return
		}
		var again bytes.Buffer
		if err := WriteCSV(&again, back...); err != nil || !bytes.Equal(out, again.Bytes()) {
			t.Fatalf("writing is not stable: %v\n%q\n%q", err, out, again.Bytes())
		}
	})
}

// csvFormat is one CSV layout for checkCSVRoundTrip: its reader, its
// writer and the reader of what the writer wrote, with their names.
type csvFormat struct {
	read, readBack                func(io.Reader) ([]Series, error)
	write                         func(io.Writer, ...Series) error
	readName, writeName, backName string
}

var (
	wideCSV = csvFormat{read: ReadCSV, readBack: ReadCSV, write: WriteCSV,
		readName: "ReadCSV", writeName: "WriteCSV", backName: "ReadCSV"}
	longCSV = csvFormat{read: ReadLongCSV, readBack: ReadAnyCSV, write: WriteLongCSV,
		readName: "ReadLongCSV", writeName: "WriteLongCSV", backName: "ReadAnyCSV"}
)

// checkCSVRoundTrip is the body the CSV fuzz targets share. If format's
// reader rejects data, the error must be a *CSVError naming a line, and ok
// is false. Otherwise every series it reads must be valid and pass check
// (if not nil), and what the writer writes of them (out) must read back
// (back) to the same series, bit for bit.
func checkCSVRoundTrip(t *testing.T, data []byte, format csvFormat, check func(*testing.T, Series)) (out []byte, back []Series, ok bool) {
	t.Helper()
	ss, err := format.read(bytes.NewReader(data))
	if err != nil {
		var ce *CSVError
		if !errors.As(err, &ce) || ce.Line < 1 || ce.Column < 0 || !strings.HasPrefix(err.Error(), "series: csv line ") {
			t.Fatalf("error %q (%T) is not a *CSVError naming a line", err, err)
		}
		return nil, nil, false
	}
	for _, s := range ss {
		if err := s.Validate(); err != nil {
			t.Fatalf("%s gave an invalid series: %v", format.readName, err)
		}
		if check != nil {
			check(t, s)
		}
	}
	var buf bytes.Buffer
	if err := format.write(&buf, ss...); err != nil {
		t.Fatalf("%s of what %s read: %v", format.writeName, format.readName, err)
	}
	back, err = format.readBack(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s of what %s wrote:\n%s\n%v", format.backName, format.writeName, buf.Bytes(), err)
	}
	if len(back) != len(ss) {
		t.Fatalf("read back %d series, wrote %d", len(back), len(ss))
	}
	for i := range ss {
		if !sameBits(ss[i], back[i]) {
			t.Fatalf("series %d: wrote %#v, read back %#v", i, ss[i], back[i])
		}
	}
	return buf.Bytes(), back, true
}

func FuzzOps(f *testing.F) {
	big, tiny, negZero := math.MaxFloat64, 5e-324, math.Copysign(0, -1)
	for _, v := range [][5]float64{
		{374, 420, math.NaN(), 580, 753},
		{1, 2, 3, 4, 5},
		{0, 1, 0, -1, negZero},
		{tiny, big, -big, tiny, 1},
		{1e-300, 1e300, 1e-300, 1e300, 1},
		{math.Inf(1), 1, math.Inf(-1), 0, math.NaN()},
		{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()},
	} {
		for _, shift := range []int{0, 1, 3, -2} {
			f.Add(v[0], v[1], v[2], v[3], v[4], shift)
		}
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e float64, shift int) {
		s := New("s", "u", 2000, a, b, c, d)
		o := New("o", "v", 2000+shift%5, c, d, e)
		check := func(op string, in []Series, got Series, err error) {
			t.Helper()
			if err != nil {
				if !strings.HasPrefix(err.Error(), "series: ") {
					t.Fatalf("%s: error %q does not start with the package name", op, err)
				}
				return
			}
			for i, v := range got.Values {
				year := got.Start + i
				missing := false
				for _, x := range in {
					if w, ok := x.At(year); ok && math.IsNaN(w) || op == "growth" && math.IsNaN(x.Values[year-x.Start-1]) {
						missing = true
					}
				}
				if math.IsInf(v, 0) || math.IsNaN(v) != missing {
					t.Fatalf("%s(%v) = %v: value %v at year %d (inputs missing: %v)", op, in, got.Values, v, year, missing)
				}
			}
		}
		l, err := s.Log()
		check("log", []Series{s}, l, err)
		g, err := s.Growth()
		check("growth", []Series{s}, g, err)
		r, err := Ratio(s, o)
		check("ratio", []Series{s, o}, r, err)
		p, err := Product(s, o)
		check("product", []Series{s, o}, p, err)
		for _, span := range [][2]int{{2000, 2003}, {2001, 2002}, {2002, 2003}} {
			cagr, err := s.CAGR(span[0], span[1])
			if err == nil && (math.IsNaN(cagr) || math.IsInf(cagr, 0) || cagr < -1) {
				t.Fatalf("CAGR(%d, %d) of %v = %v", span[0], span[1], s.Values, cagr)
			}
		}
		w, err := s.Window(2001+shift%3, 2002)
		if err == nil {
			for i, v := range w.Values {
				if x, _ := s.At(w.Start + i); math.Float64bits(x) != math.Float64bits(v) {
					t.Fatalf("Window changed the value at %d: %v, want %v", w.Start+i, v, x)
				}
			}
		}
	})
}

// FuzzReadLongCSV checks ReadLongCSV as FuzzReadCSV checks ReadCSV, and
// that no series it reads spans more than MaxLongSpan years. The seeds
// are in testdata/fuzz/FuzzReadLongCSV.
func FuzzReadLongCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		checkCSVRoundTrip(t, data, longCSV, func(t *testing.T, s Series) {
			if s.Len() > MaxLongSpan {
				t.Fatalf("series %q spans %d years", s.Name, s.Len())
			}
		})
	})
}

// FuzzYears calls the operations on two series at any start year, near
// math.MinInt and math.MaxInt included, and windows of any years: none may
// panic, an error must name the package, and Validate must reject a series
// whose years leave MinYear … MaxYear.
func FuzzYears(f *testing.F) {
	for _, tc := range []struct {
		a, b, from, to int
		n              uint8
	}{
		{2000, 2001, 2001, 2002, 4},
		{math.MaxInt - 2, math.MaxInt, math.MaxInt - 1, math.MaxInt, 5},
		{math.MinInt, math.MinInt + 1, math.MinInt, math.MaxInt, 3},
		{MaxYear - 1, MaxYear, MaxYear, MaxYear + 1, 3},
		{MinYear, MinYear - 1, MinYear, MinYear, 1},
		{0, 0, 1, 0, 0},
	} {
		f.Add(tc.a, tc.b, tc.from, tc.to, tc.n)
	}
	f.Fuzz(func(t *testing.T, a, b, from, to int, n uint8) {
		vals := make([]float64, n%9)
		for i := range vals {
			vals[i] = float64(i + 1)
		}
		s := New("s", "u", a, vals...)
		o := New("o", "u", b, 3, 4)
		check := func(op string, err error) {
			t.Helper()
			if err != nil && !strings.HasPrefix(err.Error(), "series: ") {
				t.Fatalf("%s: error %q does not start with the package name", op, err)
			}
		}
		err := s.Validate()
		check("validate", err)
		inRange := len(vals) > 0 && a >= MinYear && a <= MaxYear && a+len(vals)-1 <= MaxYear
		if (err == nil) != inRange {
			t.Fatalf("Validate of %d values from %d: %v", len(vals), a, err)
		}
		_, err = s.Window(from, to)
		check("window", err)
		_, _, err = Align(s, o)
		check("align", err)
		_, err = Ratio(s, o)
		check("ratio", err)
		_, err = Product(s, o)
		check("product", err)
		_, err = s.Growth()
		check("growth", err)
		_, err = s.Log()
		check("log", err)
		_, err = s.CAGR(from, to)
		check("cagr", err)
		s.At(from)
		s.Contains(to)
		s.Observed()
		if inRange {
			s.Years()
		}
		var buf bytes.Buffer
		check("write", WriteCSV(&buf, s, o))
		check("write long", WriteLongCSV(&buf, s, o))
	})
}
