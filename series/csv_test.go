package series

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nonferrous/demand/internal/bitcmp"
)

// sameBits reports whether a and b hold the same name, unit, start and
// values, comparing values bit for bit except that any NaN equals any NaN.
func sameBits(a, b Series) bool {
	return a.Name == b.Name && a.Unit == b.Unit && a.Start == b.Start && bitcmp.Floats(a.Values, b.Values)
}

// roundTrip writes ss and reads them back, failing t on any error or
// difference.
func roundTrip(t *testing.T, ss ...Series) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ss...); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	got, err := ReadCSV(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadCSV of\n%s: %v", buf.String(), err)
	}
	if len(got) != len(ss) {
		t.Fatalf("read %d series, wrote %d", len(got), len(ss))
	}
	for i := range ss {
		if !sameBits(ss[i], got[i]) {
			t.Errorf("series %d: wrote %#v, read %#v", i, ss[i], got[i])
		}
	}
	return buf.String()
}

func TestCSVRoundTrip(t *testing.T) {
	negZero := math.Copysign(0, -1)
	ss := []Series{
		New("copper", "kt", 2009, 7100, 7400, nan),
		New("aluminium", "kt", 2008, 12600, nan, 15800),
		New("gdp", "", 2008, 100, 109.2),
		New("tiny", "x", 2010, 5e-324, math.SmallestNonzeroFloat64*3, 2.2250738585072009e-308, negZero, 0),
		New("huge", "y", 2007, math.MaxFloat64, -math.MaxFloat64, 0.1, 1.0/3, -1e-300),
		New("odd [name]", "", 2009, 1),
		New("quote \"and, comma\"\nnewline", "t/10^4 yuan]", 2010, 2),
		New("spaced  name", "u  v", 2011, 3),
	}
	text := roundTrip(t, ss...)
	// Rows cover 2007 (huge) to 2014 (tiny); -0 is written as "-0"; a name
	// ending in "]" gets " []"; fields with quotes, commas, newlines or a
	// leading space are quoted; spaces inside a name or unit are kept.
	want := `year,copper [kt],aluminium [kt],gdp,tiny [x],huge [y],odd [name] [],"quote ""and, comma""
newline [t/10^4 yuan]]",spaced  name [u  v]
2007,,,,,1.7976931348623157e+308,,,
2008,,12600,100,,-1.7976931348623157e+308,,,
2009,7100,NaN,109.2,,0.1,1,,
2010,7400,15800,,5e-324,0.3333333333333333,,2,
2011,NaN,,,1.5e-323,-1e-300,,,3
2012,,,,2.225073858507201e-308,,,,
2013,,,,-0,,,,
2014,,,,0,,,,
`
	if diff := cmp.Diff(want, text); diff != "" {
		t.Errorf("WriteCSV (-want +got):\n%s", diff)
	}
}

func TestCSVWriteFormat(t *testing.T) {
	var buf bytes.Buffer
	err := WriteCSV(&buf, New("copper", "kt", 2009, 7100, 7400), New("aluminium", "kt", 2008, 12600, nan, 15800), New("gdp", "", 2008, 100, 109.2))
	if err != nil {
		t.Fatal(err)
	}
	want := "year,copper [kt],aluminium [kt],gdp\n2008,,12600,100\n2009,7100,NaN,109.2\n2010,7400,15800,\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteCSV (-want +got):\n%s", diff)
	}
}

func TestCSVRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	special := []float64{0, math.Copysign(0, -1), nan, 5e-324, -5e-324, 2.2250738585072014e-308,
		2.2250738585072009e-308, math.MaxFloat64, -math.MaxFloat64, 1, -1, 0.1}
	value := func() float64 {
		switch rng.IntN(4) {
		case 0:
			return special[rng.IntN(len(special))]
		case 1: // any finite bit pattern, subnormals included
			for {
				if v := math.Float64frombits(rng.Uint64()); !math.IsInf(v, 0) {
					return v
				}
			}
		case 2: // a subnormal
			return math.Float64frombits(rng.Uint64N(1<<52)) * float64(1-2*rng.IntN(2))
		}
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(600)-300))
	}
	for range 300 {
		ss := make([]Series, 1+rng.IntN(4))
		for i := range ss {
			vs := make([]float64, 1+rng.IntN(8))
			for k := range vs {
				vs[k] = value()
			}
			ss[i] = New(fmt.Sprint("s", i), []string{"", "kt", "%"}[rng.IntN(3)], 1990+rng.IntN(10), vs...)
		}
		roundTrip(t, ss...)
	}
}

func TestReadCSV(t *testing.T) {
	in := "\ufeffYear,cu [kt],gdp [],al\n" +
		"2000,,1,\n" +
		"\n" + // blank lines are skipped
		"2001,1.5,NaN,\n" +
		"2002,\"2e3\",3, 2.5e-1 \n" + // spaces around a number are ignored
		"2003,nan,,\n"
	got, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Series{New("cu", "kt", 2001, 1.5, 2000, nan), New("gdp", "", 2000, 1, nan, 3), New("al", "", 2002, 0.25)}
	if diff := cmp.Diff(want, got, exactly); diff != "" {
		t.Errorf("ReadCSV (-want +got):\n%s", diff)
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, tc := range []struct {
		name         string
		in           string
		line, column int
		header       string
		is           error
		msg          string
	}{
		{"empty file", "", 1, 0, "", ErrCSVHeader, "empty input"},
		{"only blank lines", "\n\n", 1, 0, "", ErrCSVHeader, "empty input"},
		{"year not first", "cu,year\n2000,1\n", 1, 1, "cu", ErrCSVHeader, `first column must be "year"`},
		{"no series column", "year\n2000\n", 1, 0, "", ErrCSVHeader, "no series column"},
		{"empty column name", "year,cu,,al\n2000,1,2,3\n", 1, 3, "", ErrCSVHeader, "empty column name"},
		{"empty name with unit", "year, [kt]\n2000,1\n", 1, 2, " [kt]", ErrCSVHeader, "empty column name"},
		{"duplicate column name", "year,cu [kt],al,cu [t]\n2000,1,2,3\n", 1, 4, "cu [t]", ErrCSVHeader, `duplicate column name "cu" (also column 2)`},
		{"non-numeric cell", "year,cu,al\n2000,1,2\n2001,3,abc\n", 3, 3, "al", ErrCSVValue, `"abc" is not a number`},
		{"space inside a number", "year,cu\n2000,1 409\n", 2, 2, "cu", ErrCSVValue, `"1 409" is not a number`},
		{"infinite cell", "year,cu\n2000,1\n2001,Inf\n", 3, 2, "cu", ErrCSVValue, "finite"},
		{"out of range cell", "year,cu\n2000,-1e400\n", 2, 2, "cu", ErrCSVValue, "out of range"},
		{"non-integer year", "year,cu\n2000,1\n2001.5,2\n", 3, 1, "year", ErrCSVYear, `"2001.5" is not an integer`},
		{"empty year", "year,cu\n,1\n", 2, 1, "year", ErrCSVYear, `"" is not an integer`},
		{"duplicate year", "year,cu\n2000,1\n2001,2\n2001,3\n", 4, 1, "year", ErrCSVYear, "duplicate year 2001"},
		{"earlier duplicate year", "year,cu\n2000,1\n2001,2\n2000,3\n", 4, 1, "year", ErrCSVYear, "duplicate year 2000"},
		{"missing year", "year,cu\n2000,1\n2001,2\n2003,3\n", 4, 1, "year", ErrCSVYear, "2003 does not follow 2001"},
		{"decreasing year", "year,cu\n2000,1\n1999,3\n", 3, 1, "year", ErrCSVYear, "1999 does not follow 2000"},
		{"year wraps around", "year,cu\n9223372036854775807,1\n-9223372036854775808,2\n", 2, 1, "year", ErrCSVYear, `"9223372036854775807" is outside the years -1000000 … 1000000`},
		{"last year allowed", "year,cu\n1000000,1\n1000001,2\n", 3, 1, "year", ErrCSVYear, `"1000001" is outside the years`},
		{"hexadecimal value", "year,cu\n2000,0x1p14\n", 2, 2, "cu", ErrCSVValue, `"0x1p14" is not a number (hexadecimal`},
		{"digit separator", "year,cu\n2000,14_400\n", 2, 2, "cu", ErrCSVValue, `"14_400" is not a number (no digit separators)`},
		{"thousands separator", "year,cu\n2000,\"14,400\"\n", 2, 2, "cu", ErrCSVValue, `"14,400" is not a number (no thousands separators`},
		{"Inf", "year,cu\n2000,Inf\n", 2, 2, "cu", ErrCSVValue, `"Inf" is infinite or out of range`},
		{"+Inf", "year,cu\n2000,+Inf\n", 2, 2, "cu", ErrCSVValue, `"+Inf" is infinite or out of range`},
		{"-Infinity", "year,cu\n2000,-Infinity\n", 2, 2, "cu", ErrCSVValue, `"-Infinity" is infinite or out of range`},
		{"hexadecimal year", "year,cu\n0x7d0,1\n", 2, 1, "year", ErrCSVYear, `"0x7d0" is not an integer`},
		{"year with separator", "year,cu\n2_000,1\n", 2, 1, "year", ErrCSVYear, `"2_000" is not an integer`},
		{"short row", "year,cu,al\n2000,1,2\n2001,3\n", 3, 3, "", ErrCSVRagged, "have 2, header has 3"},
		{"long row", "year,cu\n2000,1\n2001,3,4,5\n", 3, 3, "", ErrCSVRagged, "have 4, header has 2"},
		{"gap inside a series", "year,cu,al\n2000,1,1\n2001,,2\n2002,,3\n2003,4,4\n", 3, 2, "cu", ErrCSVGap, "values resume at year 2003"},
		{"column without values", "year,cu,al\n2000,1,\n2001,2,\n", 1, 3, "al", ErrCSVNoValues, "column has no values"},
		{"header only", "year,cu\n", 1, 2, "cu", ErrCSVNoValues, "column has no values"},
		{"bare quote", "year,cu\n2000,1\"2\n", 2, 0, "", csv.ErrBareQuote, "byte 7"},
		{"unterminated quote", "year,cu\n2000,\"1\n", 2, 0, "", csv.ErrQuote, "extraneous or missing"},
		{"carriage return in name", "year,cu,\"a\r\r\nb\"\n2000,1,2\n", 1, 3, "a\r\nb", ErrCSVHeader, "carriage return in column name"},
		{"multi-line header cell", "year,\"c\nu\",al\n2000,1,x\n", 3, 3, "al", ErrCSVValue, `"x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ss, err := ReadCSV(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("no error; read %v", ss)
			}
			var ce *CSVError
			if !errors.As(err, &ce) {
				t.Fatalf("error %q (%T) is not a *CSVError", err, err)
			}
			if ce.Line != tc.line || ce.Column != tc.column || ce.Header != tc.header {
				t.Errorf("line, column, header = %d, %d, %q; want %d, %d, %q (%v)", ce.Line, ce.Column, ce.Header, tc.line, tc.column, tc.header, err)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %q does not wrap %v", err, tc.is)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, fmt.Sprintf("series: csv line %d", tc.line)) || !strings.Contains(msg, tc.msg) {
				t.Errorf("error %q does not name line %d or contain %q", msg, tc.line, tc.msg)
			}
			if tc.column > 0 && !strings.Contains(msg, fmt.Sprintf("column %d", tc.column)) {
				t.Errorf("error %q does not name column %d", msg, tc.column)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCSVIOErrors(t *testing.T) {
	_, err := ReadCSV(failingReader{})
	checkErr(t, err, 0, "series: csv: disk on fire")
	_, err = ReadCSV(io.MultiReader(strings.NewReader("year,cu\n2000,1\n"), failingReader{}))
	checkErr(t, err, 0, "series: csv: disk on fire")
	err = WriteCSV(failingWriter{}, New("cu", "", 2000, 1))
	checkErr(t, err, 0, "series: csv: disk full")
}

func TestWriteCSVErrors(t *testing.T) {
	ok := New("cu", "kt", 2000, 1)
	for _, tc := range []struct {
		name string
		ss   []Series
		year int
		want []string
	}{
		{"no series", nil, 0, []string{"no series to write"}},
		{"empty name", []Series{ok, New("", "t", 2000, 1)}, 0, []string{"series 2 has an empty name"}},
		{"duplicate name", []Series{ok, New("cu", "t", 2000, 1)}, 0, []string{`duplicate series name "cu"`}},
		{"unit with bracket", []Series{New("cu", "a [b]", 2000, 1)}, 0, []string{`unit "a [b]" contains " ["`}},
		{"no values", []Series{ok, {Name: "al"}}, 0, []string{"empty series", `"al"`}},
		{"infinite", []Series{ok, New("al", "", 2000, 1, nan, -inf)}, 2002, []string{"write CSV", "al", "infinite value", "year 2002"}},
		{"CRLF in name", []Series{New("c\r\nu", "", 2000, 1)}, 0, []string{`"c\r\nu"`, "carriage return"}},
		{"CR in unit", []Series{New("cu", "k\rt", 2000, 1)}, 0, []string{`"cu"`, "carriage return", `"k\rt"`}},
		{"years", []Series{ok, New("al", "", 2_000_000, 1)}, 0, []string{"years outside -1000000 … 1000000", `"al"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteCSV(&buf, tc.ss...)
			checkErr(t, err, tc.year, tc.want...)
			if tc.name == "no values" && !errors.Is(err, ErrEmpty) {
				t.Errorf("error %v does not wrap ErrEmpty", err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %q before failing", buf.String())
			}
		})
	}
}

func TestHeader(t *testing.T) {
	for _, tc := range []struct{ name, unit, header string }{
		{"cu", "", "cu"},
		{"cu", "kt", "cu [kt]"},
		{"cu [kt]", "", "cu [kt] []"},
		{"a [b", "c", "a [b [c]"},
		{"a [b", "", "a [b"},
		{"a", "b]", "a [b]]"},
		{"[x]", "", "[x] []"},
		{"n ", "[u", "n  [[u]"},
	} {
		h := header(Series{Name: tc.name, Unit: tc.unit})
		if h != tc.header {
			t.Errorf("header(%q, %q) = %q, want %q", tc.name, tc.unit, h, tc.header)
		}
		if n, u := parseHeader(h); n != tc.name || u != tc.unit {
			t.Errorf("parseHeader(%q) = %q, %q, want %q, %q", h, n, u, tc.name, tc.unit)
		}
	}
}

func BenchmarkCSV(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	ss := make([]Series, 10)
	for i := range ss {
		vs := make([]float64, 50)
		for k := range vs {
			vs[k] = rng.Float64() * 1e4
		}
		ss[i] = New(fmt.Sprint("metal", i), "kt", 1971, vs...)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ss...); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("WriteCSV", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := WriteCSV(io.Discard, ss...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ReadCSV", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := ReadCSV(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestReadCSVTrims checks that spaces around header names, units, years
// and numbers are ignored in both formats, and spaces inside them kept.
func TestReadCSVTrims(t *testing.T) {
	for _, in := range []string{
		"\ufeff year , copper [ kt ] ,gdp index \n 2000 , 1.5 ,2\n2001,\t2.5e1 , NaN \n",
		" Series , YEAR,value , unit\n copper ,2000, 1.5, kt \ngdp index,2000,2,\ncopper, 2001 ,2.5e1 ,kt\ngdp index,2001, nan ,\n",
	} {
		got, err := ReadAnyCSV(strings.NewReader(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		want := []Series{New("copper", "kt", 2000, 1.5, 25), New("gdp index", "", 2000, 2, nan)}
		if diff := cmp.Diff(want, got, exactly); diff != "" {
			t.Errorf("%q (-want +got):\n%s", in, diff)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		err  string // "" for none
	}{
		{"1409", 1409, ""},
		{" -0.5 ", -0.5, ""},
		{".25", 0.25, ""},
		{"+3.", 3, ""},
		{"2.5E-1", 0.25, ""},
		{"1e308", 1e308, ""},
		{"0x1p14", 0, `"0x1p14" is not a number (hexadecimal`},
		{"0X10", 0, "hexadecimal"},
		{"14_400", 0, "no digit separators"},
		{"1,409", 0, "no thousands separators"},
		{"Inf", 0, "infinite or out of range"},
		{"+Inf", 0, "infinite or out of range"},
		{"-infinity", 0, "infinite or out of range"},
		{"1e400", 0, "infinite or out of range"},
		{"NaN", 0, `"NaN" is not a number`},
		{"", 0, `"" is empty`},
		{".", 0, "not a number"},
		{"1e", 0, "not a number"},
		{"--1", 0, "not a number"},
		{"1.2.3", 0, "not a number"},
	} {
		got, err := ParseNumber(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !errors.Is(err, ErrNumber) || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseNumber(%q) = %v, %v; want an ErrNumber containing %q", tc.in, got, err, tc.err)
		}
	}
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{{"2010", 2010, true}, {" -44 ", -44, true}, {"+1000000", 1000000, true}, {"1000001", 0, false}, {"0x7da", 0, false},
		{"2_010", 0, false}, {"2010.0", 0, false}, {"", 0, false}, {"9223372036854775808", 0, false}} {
		got, err := ParseYear(tc.in)
		if (err == nil) != tc.ok || got != tc.want || err != nil && !errors.Is(err, ErrNumber) {
			t.Errorf("ParseYear(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
