package forecast_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/internal/bitcmp"
	"github.com/nonferrous/demand/series"
)

// sameSeries reports whether a and b are equal bit for bit, any NaN equal
// to any NaN.
func sameSeries(a, b series.Series) bool {
	return a.Name == b.Name && a.Unit == b.Unit && a.Start == b.Start && bitcmp.Floats(a.Values, b.Values)
}

func sameForecast(a, b forecast.Forecast) bool {
	return a.Method == b.Method && math.Float64bits(a.Level) == math.Float64bits(b.Level) &&
		sameSeries(a.Point, b.Point) && sameSeries(a.Lower, b.Lower) && sameSeries(a.Upper, b.Upper)
}

// checkReadBack reads what WriteCSV wrote of fs, data, with ReadCSV and
// fails t unless it gives fs back, bit for bit.
func checkReadBack(t *testing.T, data []byte, fs []forecast.Forecast) {
	t.Helper()
	back, err := forecast.ReadCSV(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadCSV of what WriteCSV wrote:\n%s\n%v", data, err)
	}
	if len(back) != len(fs) {
		t.Fatalf("read back %d forecasts, wrote %d", len(back), len(fs))
	}
	for i := range fs {
		if !sameForecast(fs[i], back[i]) {
			t.Fatalf("forecast %d: wrote %#v, read back %#v", i, fs[i], back[i])
		}
	}
}

// randomForecasts returns n forecasts with distinct keys.
func randomForecasts(r *rand.Rand, n int) []forecast.Forecast {
	names := []string{"copper", "aluminium, primary", "lead \"refined\"", "锌", ""}
	fs := make([]forecast.Forecast, n)
	for i := range fs {
		h := 1 + r.IntN(6)
		start := 1990 + r.IntN(40)
		mk := func() series.Series {
			s := series.Series{Name: names[i%len(names)], Unit: "kt", Start: start, Values: make([]float64, h)}
			for j := range s.Values {
				s.Values[j] = bitcmp.Random(r)
			}
			return s
		}
		level := r.Float64()
		for level == 0 {
			level = r.Float64()
		}
		fs[i] = forecast.Forecast{Method: fmt.Sprintf("m%d", i), Point: mk(), Lower: mk(), Upper: mk(), Level: level}
	}
	return fs
}

func TestCSVRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		fs := randomForecasts(r, 1+r.IntN(5))
		var buf bytes.Buffer
		if err := forecast.WriteCSV(&buf, fs...); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		checkReadBack(t, buf.Bytes(), fs)
	}
}

func TestJSONRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		fs := randomForecasts(r, 1+r.IntN(4))
		c := forecast.Combination{Forecast: fs[0], Members: []string{"a", "b"}, Weights: []float64{0.25, 0.75}}
		b, err := json.Marshal(struct {
			F []forecast.Forecast
			C forecast.Combination
		}{fs, c})
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		var back struct {
			F []forecast.Forecast
			C forecast.Combination
		}
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		for i := range fs {
			if !sameForecast(fs[i], back.F[i]) {
				t.Fatalf("forecast %d: wrote %#v, read %#v", i, fs[i], back.F[i])
			}
		}
		if !sameForecast(c.Forecast, back.C.Forecast) || strings.Join(back.C.Members, ",") != "a,b" || back.C.Weights[1] != 0.75 {
			t.Fatalf("combination: wrote %#v, read %#v", c, back.C)
		}
	}
}

// TestJSONKeys checks the lower-case keys of a Forecast and a Combination,
// consistent with those of series.Series.
func TestJSONKeys(t *testing.T) {
	f := forecast.Forecast{Method: "m", Point: series.New("q", "t", 2011, 1), Lower: series.New("q", "t", 2011, 0.5),
		Upper: series.New("q", "t", 2011, 2), Level: 0.8}
	b, err := json.Marshal(forecast.Combination{Forecast: f, Members: []string{"a"}, Weights: []float64{1}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"method":"m","point":{"name":"q","unit":"t","start":2011,"values":[1]},` +
		`"lower":{"name":"q","unit":"t","start":2011,"values":[0.5]},` +
		`"upper":{"name":"q","unit":"t","start":2011,"values":[2]},"level":0.8,"members":["a"],"weights":[1]}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
}

func TestWriteCSVFormat(t *testing.T) {
	f := forecast.Forecast{
		Method: "regression", Level: 0.95,
		Point: series.New("copper", "kt", 2021, 1204.5, 1250),
		Lower: series.New("copper", "kt", 2021, 1101.25, math.NaN()),
		Upper: series.New("copper", "kt", 2021, 1307.75, math.NaN()),
	}
	var buf bytes.Buffer
	if err := forecast.WriteCSV(&buf, f); err != nil {
		t.Fatal(err)
	}
	want := "method,level,series,unit,year,point,lower,upper\n" +
		"regression,0.95,copper,kt,2021,1204.5,1101.25,1307.75\n" +
		"regression,0.95,copper,kt,2022,1250,NaN,NaN\n"
	if buf.String() != want {
		t.Errorf("WriteCSV:\n got %q\nwant %q", buf.String(), want)
	}
}

func TestWriteCSVErrors(t *testing.T) {
	good := func() forecast.Forecast {
		return forecast.Forecast{Method: "m", Level: 0.9,
			Point: series.New("q", "kt", 2021, 1, 2), Lower: series.New("q", "kt", 2021, 0, 1), Upper: series.New("q", "kt", 2021, 2, 3)}
	}
	for _, c := range []struct {
		name string
		fs   func() []forecast.Forecast
		want string
	}{
		{"none", func() []forecast.Forecast { return nil }, "no forecasts to write"},
		{"empty method", func() []forecast.Forecast { f := good(); f.Method = ""; return []forecast.Forecast{f} }, "empty Method"},
		{"level 1", func() []forecast.Forecast { f := good(); f.Level = 1; return []forecast.Forecast{f} }, "interval level must be in (0, 1)"},
		{"level NaN", func() []forecast.Forecast { f := good(); f.Level = math.NaN(); return []forecast.Forecast{f} }, "interval level"},
		{"empty point", func() []forecast.Forecast { f := good(); f.Point.Values = nil; return []forecast.Forecast{f} }, "empty point path"},
		{"short bound", func() []forecast.Forecast {
			f := good()
			f.Lower.Values = f.Lower.Values[:1]
			return []forecast.Forecast{f}
		}, "lower bound"},
		{"bound name", func() []forecast.Forecast { f := good(); f.Upper.Name = "x"; return []forecast.Forecast{f} }, "upper bound \"x\""},
		{"bound missing", func() []forecast.Forecast { f := good(); f.Upper = series.Series{}; return []forecast.Forecast{f} }, "upper bound"},
		{"CR", func() []forecast.Forecast { f := good(); f.Method = "a\rb"; return []forecast.Forecast{f} }, "carriage return"},
		{"Inf", func() []forecast.Forecast {
			f := good()
			f.Upper.Values[1] = math.Inf(1)
			return []forecast.Forecast{f}
		}, "infinite value +Inf at 2022"},
		{"repeat", func() []forecast.Forecast { return []forecast.Forecast{good(), good()} }, "forecast 2 repeats forecast 1"},
	} {
		var buf bytes.Buffer
		err := forecast.WriteCSV(&buf, c.fs()...)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "forecast: csv: ") {
			t.Errorf("%s: err = %v, want one containing %q", c.name, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %q before failing", c.name, buf.String())
		}
	}
}

func TestReadCSVErrors(t *testing.T) {
	const head = "method,level,series,unit,year,point,lower,upper\n"
	for _, c := range []struct {
		name, in string
		is       error
		want     string
	}{
		{"empty", "", forecast.ErrCSVHeader, "forecast: csv line 1: bad header: empty input"},
		{"header only", head, forecast.ErrCSVEmpty, "forecast: csv line 2: no forecast"},
		{"short header", "method,level\n", forecast.ErrCSVHeader, "forecast: csv line 1: bad header: have 2 fields, want 8"},
		{"wrong header", "method,level,series,unit,yr,point,lower,upper\n", forecast.ErrCSVHeader, `forecast: csv line 1, column 5 (year): bad header: have "yr", want "year"`},
		{"ragged", head + "m,0.9,q,kt,2021,1,0\n", forecast.ErrCSVRagged, "forecast: csv line 2, column 8: wrong number of fields: have 7, header has 8"},
		{"bad level", head + "m,95,q,kt,2021,1,0,2\n", forecast.ErrCSVField, `forecast: csv line 2, column 2 (level): bad field: "95" is not a level in (0, 1)`},
		{"bad year", head + "m,0.9,q,kt,20x1,1,0,2\n", forecast.ErrCSVField, `forecast: csv line 2, column 5 (year): bad field: "20x1" is not an integer year`},
		{"bad number", head + "m,0.9,q,kt,2021,1,zero,2\n", forecast.ErrCSVField, `forecast: csv line 2, column 7 (lower): bad field: "zero" is not a finite number or NaN`},
		{"Inf", head + "m,0.9,q,kt,2021,1,0,+Inf\n", forecast.ErrCSVField, `column 8 (upper): bad field: "+Inf" is not a finite number or NaN`},
		{"hexadecimal", head + "m,0.9,q,kt,2021,0x1p4,0,20\n", forecast.ErrCSVField, `column 6 (point): bad field: "0x1p4" is not a finite number or NaN`},
		{"digit separator", head + "m,0.9,q,kt,2021,14_400,0,20000\n", forecast.ErrCSVField, `column 6 (point): bad field: "14_400" is not a finite number or NaN`},
		{"hexadecimal level", head + "m,0x1p-1,q,kt,2021,1,0,2\n", forecast.ErrCSVField, `column 2 (level): bad field: "0x1p-1" is not a level in (0, 1)`},
		{"year out of range", head + "m,0.9,q,kt,9223372036854775807,1,0,2\n", forecast.ErrCSVField, `column 5 (year): bad field: "9223372036854775807" is not an integer year from -1000000 to 1000000`},
		{"empty cell", head + "m,0.9,q,kt,2021,,0,2\n", forecast.ErrCSVField, `column 6 (point): bad field: "" is not a finite number or NaN`},
		{"empty method", head + ",0.9,q,kt,2021,1,0,2\n", forecast.ErrCSVField, `column 1 (method): bad field: empty method`},
		{"duplicate year", head + "m,0.9,q,kt,2021,1,0,2\nm,0.9,q,kt,2021,1,0,2\n", forecast.ErrCSVOrder, "forecast: csv line 3, column 5 (year): rows out of order: year 2021 does not follow 2021"},
		{"gap", head + "m,0.9,q,kt,2021,1,0,2\nm,0.9,q,kt,2023,1,0,2\n", forecast.ErrCSVOrder, "year 2023 does not follow 2021"},
		{"interrupted", head + "m,0.9,q,kt,2021,1,0,2\nn,0.9,q,kt,2021,1,0,2\nm,0.90,q,kt,2022,1,0,2\n", forecast.ErrCSVOrder, `forecast: csv line 4: rows out of order: forecast "m" of "q" at level 0.9, unit "kt", began at line 2 and was interrupted`},
		{"syntax", head + "m,0.9,\"q,kt,2021,1,0,2\n", nil, "forecast: csv line 2: byte"},
	} {
		_, err := forecast.ReadCSV(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one containing %q", c.name, err, c.want)
			continue
		}
		var ce *forecast.CSVError
		if !errors.As(err, &ce) {
			t.Errorf("%s: %T is not a *CSVError", c.name, err)
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("%s: %v does not wrap %v", c.name, err, c.is)
		}
	}
}

func TestReadCSVLenient(t *testing.T) {
	// A byte order mark, upper-case header, CRLF, quoted fields and a
	// level written with a trailing zero are all read.
	in := "\ufeffMETHOD,Level,SERIES,unit,YEAR,point,lower,upper\r\n\"reg, log\",0.950,\"a\"\"b\",,2021,-0,NaN,NaN\r\n\"reg, log\",0.95,\"a\"\"b\",,2022,5e-324,0,1e308\r\n"
	fs, err := forecast.ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Method != "reg, log" || fs[0].Point.Name != `a"b` || fs[0].Level != 0.95 || fs[0].Point.Len() != 2 ||
		!math.Signbit(fs[0].Point.Values[0]) || fs[0].Point.Values[1] != 5e-324 || fs[0].Upper.Values[1] != 1e308 {
		t.Errorf("ReadCSV(%q) = %#v", in, fs)
	}
}

// FuzzReadCSV checks that no input makes ReadCSV panic, that every error
// is a *CSVError naming a line, and that what it reads writes back and
// reads back bit for bit. The seeds are in testdata/fuzz/FuzzReadCSV.
func FuzzReadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := forecast.ReadCSV(bytes.NewReader(data))
		if err != nil {
			var ce *forecast.CSVError
			if !errors.As(err, &ce) || ce.Line < 1 || !strings.HasPrefix(err.Error(), "forecast: csv line ") {
				t.Fatalf("error %q (%T) is not a *CSVError naming a line", err, err)
			}
			return
		}
		var out bytes.Buffer
		if err := forecast.WriteCSV(&out, fs...); err != nil {
			// Only a carriage return inside a quoted field can be read
			// but not written.
			if !strings.Contains(err.Error(), "carriage return") {
				t.Fatalf("WriteCSV of what ReadCSV read: %v", err)
			}
			return
		}
		checkReadBack(t, out.Bytes(), fs)
	})
}

func ExampleWriteCSV() {
	f := forecast.Forecast{
		Method: "intensity", Level: 0.8,
		Point: series.New("copper", "kt", 2021, 1000, 1040),
		Lower: series.New("copper", "kt", 2021, 950, 970),
		Upper: series.New("copper", "kt", 2021, 1050, 1110),
	}
	if err := forecast.WriteCSV(os.Stdout, f); err != nil {
		fmt.Println(err)
	}
	// Output:
	// method,level,series,unit,year,point,lower,upper
	// intensity,0.8,copper,kt,2021,1000,950,1050
	// intensity,0.8,copper,kt,2022,1040,970,1110
}
