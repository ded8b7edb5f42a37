package series

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

func TestReadLongCSV(t *testing.T) {
	// Rows in any order, columns in any order and case, a byte order mark,
	// a year without a row (2003 of a), and missing values written NaN, NA
	// or as an empty cell.
	in := "\ufeffValue,YEAR,unit,Series\n" +
		"7400,2002,kt,a\n" +
		"1.5,2011,,b\n" +
		"7100,2001,kt,a\n" +
		"NA,2012,,b\n" +
		"7700,2004,kt,a\n" +
		",2013,,b\n" +
		"-0,2014,,b\n" +
		"NaN,2000,kt,a\n"
	got, err := ReadLongCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Series{
		New("a", "kt", 2000, nan, 7100, 7400, nan, 7700),
		New("b", "", 2011, 1.5, nan, nan, math.Copysign(0, -1)),
	}
	if len(got) != len(want) {
		t.Fatalf("read %d series, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if !sameBits(want[i], got[i]) {
			t.Errorf("series %d: got %#v, want %#v", i, got[i], want[i])
		}
	}
}

func TestReadLongCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name, in     string
		line, column int
		want         error
		text         string
	}{
		{"empty", "", 1, 0, ErrCSVHeader, "empty input"},
		{"no value column", "series,year\na,2000\n", 1, 0, ErrCSVHeader, `no "value" column`},
		{"unknown column", "series,year,value,note\na,2000,1,x\n", 1, 4, ErrCSVHeader, `"note" is not a column`},
		{"repeated column", "series,year,value,Year\n", 1, 4, ErrCSVHeader, `"Year" is not a column`},
		{"no rows", "series,year,value\n", 1, 0, ErrCSVNoValues, "no rows"},
		{"ragged", "series,year,value\na,2000,1\na,2001\n", 3, 3, ErrCSVRagged, "have 2, header has 3"},
		{"bad year", "series,year,value\na,2000,1\na,2001.0,2\n", 3, 2, ErrCSVYear, `"2001.0" is not an integer`},
		{"duplicate year", "series,year,value\na,2000,1\nb,2000,1\na,2000,2\n", 4, 2, ErrCSVYear, "duplicate year 2000 of series \"a\" (also line 2)"},
		{"long row", "year,series,value\n2000,a,1\n2001,a,1,5\n", 3, 4, ErrCSVRagged, "have 4"},
		{"text value", "year,series,value\n2000,a,one\n", 2, 3, ErrCSVValue, `"one" is not a number`},
		{"infinite value", "year,series,value\n2000,a,Inf\n", 2, 3, ErrCSVValue, "infinite"},
		{"out of range", "year,series,value\n2000,a,1e999\n", 2, 3, ErrCSVValue, "out of range"},
		{"empty name", "series,year,value\n,2000,1\n", 2, 1, ErrCSVValue, "empty series name"},
		{"unit changes", "series,year,value,unit\na,2000,1,kt\na,2001,2,t\n", 3, 4, ErrCSVUnit, `unit "t" here and "kt" on line 2`},
		{"all missing", "series,year,value\na,2000,1\nb,2000,NA\nb,2001,\n", 3, 3, ErrCSVNoValues, `series "b"`},
		{"span after", "series,year,value\na,2000,1\na,12000,1\n", 3, 2, ErrCSVYear, "more than 9999 years after"},
		{"span before", "series,year,value\na,2000,1\na,-9000,1\n", 3, 2, ErrCSVYear, "more than 9999 years before"},
		{"span extreme", "series,year,value\na,9223372036854775807,1\na,-9223372036854775808,1\n", 2, 2, ErrCSVYear, "is outside the years"},
		{"hexadecimal value", "series,year,value\na,2000,0x1p14\n", 2, 3, ErrCSVValue, `"0x1p14" is not a number (hexadecimal`},
		{"digit separator", "series,year,value\na,2000,14_400\n", 2, 3, ErrCSVValue, `"14_400" is not a number`},
		{"+Inf", "series,year,value\na,2000,+Inf\n", 2, 3, ErrCSVValue, `"+Inf" is infinite`},
		{"syntax", "series,year,value\na,2000,\"1\n", 2, 0, nil, "line 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLongCSV(strings.NewReader(c.in))
			var ce *CSVError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want a *CSVError", err, err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("error %v does not wrap %v", err, c.want)
			}
			if c.line != ce.Line || c.column != ce.Column {
				t.Errorf("error %v at line %d, column %d, want line %d, column %d", err, ce.Line, ce.Column, c.line, c.column)
			}
			if !strings.Contains(err.Error(), c.text) || !strings.HasPrefix(err.Error(), "series: csv line ") {
				t.Errorf("error %q, want it to start with the package and contain %q", err, c.text)
			}
		})
	}
}

func TestReadLongCSVSpan(t *testing.T) {
	// The widest span allowed: MaxLongSpan years.
	in := "series,year,value\na,1,1\na,10000,2\n"
	ss, err := ReadLongCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if ss[0].Len() != MaxLongSpan || ss[0].Start != 1 || ss[0].Values[MaxLongSpan-1] != 2 {
		t.Errorf("got start %d, length %d", ss[0].Start, ss[0].Len())
	}
}

func TestLongCSVRoundTrip(t *testing.T) {
	ss := []Series{
		New("copper", "kt", 2009, 7100, 7400, nan),
		New("aluminium", "kt", 2008, nan, 12600, nan, 15800),
		New("gdp", "", 2008, 100, 109.2),
		New("tiny", "x", 2010, 5e-324, 2.2250738585072009e-308, math.Copysign(0, -1), 0),
		New("huge", "y", -3, math.MaxFloat64, -math.MaxFloat64, 0.1, 1.0/3, -1e-300),
		New("quote \"and, comma\"\nnewline", "t/10^4 yuan]", 2010, 2),
	}
	var buf bytes.Buffer
	if err := WriteLongCSV(&buf, ss...); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "series,year,value,unit\ncopper,2009,7100,kt\n") {
		t.Errorf("unexpected start of the table:\n%s", buf.String())
	}
	for _, read := range []func(*bytes.Reader) ([]Series, error){
		func(r *bytes.Reader) ([]Series, error) { return ReadLongCSV(r) },
		func(r *bytes.Reader) ([]Series, error) { return ReadAnyCSV(r) },
	} {
		got, err := read(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(ss) {
			t.Fatalf("read %d series, wrote %d", len(got), len(ss))
		}
		for i := range ss {
			if !sameBits(ss[i], got[i]) {
				t.Errorf("series %d: wrote %#v, read %#v", i, ss[i], got[i])
			}
		}
	}

	// Without units there is no unit column.
	buf.Reset()
	if err := WriteLongCSV(&buf, New("a", "", 2000, 1, nan, 3)); err != nil {
		t.Fatal(err)
	}
	if want := "series,year,value\na,2000,1\na,2001,NaN\na,2002,3\n"; buf.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestWriteLongCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		ss   []Series
		text string
	}{
		{"none", nil, "no series"},
		{"empty name", []Series{New("", "", 2000, 1)}, "empty name"},
		{"duplicate", []Series{New("a", "", 2000, 1), New("a", "", 2000, 1)}, "duplicate"},
		{"carriage return", []Series{New("a", "k\rt", 2000, 1)}, "carriage return"},
		{"no values", []Series{{Name: "a"}}, "empty series"},
		{"infinite", []Series{New("a", "", 2000, 1, math.Inf(1))}, "2001"},
		{"all missing", []Series{New("a", "", 2000, nan, nan)}, "every value is missing"},
		{"too long", []Series{{Name: "a", Start: 0, Values: make([]float64, MaxLongSpan+1)}}, "more than a long table's 10000"},
		{"years", []Series{New("a", "", MaxYear, 1, 2)}, "years outside -1000000 … 1000000"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteLongCSV(&buf, c.ss...)
			if err == nil || !strings.Contains(err.Error(), c.text) || !strings.HasPrefix(err.Error(), "series: ") {
				t.Errorf("error %v, want one containing %q", err, c.text)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %q before failing", buf.String())
			}
			if c.name == "all missing" && !errors.Is(err, ErrCSVNoValues) {
				t.Errorf("error %v does not wrap ErrCSVNoValues", err)
			}
			if c.name == "years" && !errors.Is(err, ErrYears) {
				t.Errorf("error %v does not wrap ErrYears", err)
			}
		})
	}
}

func TestReadAnyCSV(t *testing.T) {
	wide := "year,a [kt],b\n2000,1,\n2001,NaN,2\n"
	long := "series,year,value,unit\na,2000,1,kt\nb,2001,2,\na,2001,NaN,kt\n"
	want := []Series{New("a", "kt", 2000, 1, nan), New("b", "", 2001, 2)}
	for _, in := range []string{wide, long} {
		got, err := ReadAnyCSV(strings.NewReader(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if len(got) != 2 || !sameBits(want[0], got[0]) || !sameBits(want[1], got[1]) {
			t.Errorf("%q: got %#v, want %#v", in, got, want)
		}
	}

	for _, c := range []struct {
		in           string
		line, column int
		text         string
	}{
		{"", 1, 0, "empty input"},
		{"date,a\n2000,1\n", 1, 1, "neither a wide table"},
		{"series,year,val\na,2000,1\n", 1, 1, "neither a wide table"},
		{"year,a\n2000,x\n", 2, 2, "not a number"},              // wide, reported by ReadCSV
		{"year,series,value\n2000,a,x\n", 2, 3, "not a number"}, // long, reported by ReadLongCSV
		{"\"year\n", 1, 0, "byte"},
	} {
		_, err := ReadAnyCSV(strings.NewReader(c.in))
		var ce *CSVError
		if !errors.As(err, &ce) || ce.Line != c.line || ce.Column != c.column || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%q: error %v, want a *CSVError at line %d, column %d containing %q", c.in, err, c.line, c.column, c.text)
		}
	}
}
