package series

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var (
	nan     = math.NaN()
	inf     = math.Inf(1)
	approx  = cmp.Options{cmpopts.EquateApprox(1e-14, 0), cmpopts.EquateNaNs()}
	exactly = cmp.Options{cmpopts.EquateNaNs()}
)

// checkErr fails unless err is non-nil and its message contains every one of
// want. When year is non-zero, err must also be a *YearError at that year.
func checkErr(t *testing.T, err error, year int, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one containing %q", want)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "series: ") {
		t.Errorf("error %q does not start with the package name", msg)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q does not contain %q", msg, w)
		}
	}
	if year != 0 {
		var ye *YearError
		if !errors.As(err, &ye) {
			t.Fatalf("error %q (%T) is not a *YearError", msg, err)
		}
		if ye.Year != year {
			t.Errorf("YearError.Year = %d, want %d", ye.Year, year)
		}
	}
}

func TestZeroValue(t *testing.T) {
	var s Series
	if s.Len() != 0 || s.End() != -1 || s.Contains(0) || s.Contains(-1) {
		t.Errorf("zero value: Len %d, End %d, Contains(0) %v, Contains(-1) %v", s.Len(), s.End(), s.Contains(0), s.Contains(-1))
	}
	if v, ok := s.At(0); ok || !math.IsNaN(v) {
		t.Errorf("At(0) = %v, %v, want NaN, false", v, ok)
	}
	if ys := s.Years(); len(ys) != 0 {
		t.Errorf("Years() = %v, want none", ys)
	}
	if ys, vs := s.Observed(); ys != nil || vs != nil {
		t.Errorf("Observed() = %v, %v, want nil, nil", ys, vs)
	}
	for name, err := range map[string]error{"Validate": s.Validate(), "ValidateComplete": s.ValidateComplete(), "ValidatePositive": s.ValidatePositive()} {
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("%s() = %v, want ErrEmpty", name, err)
		}
	}
	// The operations that need data: TestEmpty.
	if got, want := s.Extend(1, 2), New("", "", 0, 1, 2); !cmp.Equal(got, want) {
		t.Errorf("Extend(1, 2) = %v, want %v", got, want)
	}
	if c := s.Clone(); c.Len() != 0 {
		t.Errorf("Clone() = %v", c)
	}
}

// TestEmpty checks that every operation that needs data returns, for an
// empty series, an error wrapping ErrEmpty that names the operation and
// the series.
func TestEmpty(t *testing.T) {
	var z Series
	named := Series{Name: "cu", Start: 2000}
	x := New("x", "", 2000, 1, 2)
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"Window", second(z.Window(0, 0)), "series: window: unnamed series is empty"},
		{"Window named", second(named.Window(2000, 2000)), `series: window: "cu" is empty`},
		{"Window empty range", second(named.Window(2001, 2000)), `series: window: "cu" is empty`},
		{"Align first", third(Align(z, x)), "series: align: unnamed series is empty"},
		{"Align second", third(Align(x, named)), `series: align: "cu" is empty`},
		{"Align both", third(Align(named, z)), `series: align: "cu" is empty`},
		{"Ratio numerator", second(Ratio(named, x)), `series: ratio: "cu" is empty`},
		{"Ratio denominator", second(Ratio(x, z)), "series: ratio: unnamed series is empty"},
		{"Product first", second(Product(z, x)), "series: product: unnamed series is empty"},
		{"Product second", second(Product(x, named)), `series: product: "cu" is empty`},
		{"Log", second(z.Log()), "series: log: unnamed series is empty"},
		{"Log named", second(named.Log()), `series: log: "cu" is empty`},
		{"Growth", second(z.Growth()), "series: growth: unnamed series is empty"},
		{"Growth named", second(named.Growth()), `series: growth: "cu" is empty`},
		{"CAGR", second(z.CAGR(0, 1)), "series: CAGR: unnamed series is empty"},
		{"CAGR named", second(named.CAGR(2000, 2005)), `series: CAGR: "cu" is empty`},
		{"CAGR from ≥ to", second(named.CAGR(2005, 2000)), `series: CAGR: "cu" is empty`},
	} {
		if !errors.Is(tc.err, ErrEmpty) {
			t.Errorf("%s: error %v does not wrap ErrEmpty", tc.name, tc.err)
		}
		if tc.err != nil && tc.err.Error() != tc.want {
			t.Errorf("%s: error %q, want %q", tc.name, tc.err, tc.want)
		}
	}
}

// second returns the error of a two-valued call.
func second[T any](_ T, err error) error { return err }

// third returns the error of a three-valued call.
func third[T, U any](_ T, _ U, err error) error { return err }

func TestAccessors(t *testing.T) {
	in := []float64{1, nan, 3}
	s := New("cu", "kt", 2000, in...)
	in[0] = 99
	if s.Values[0] != 1 {
		t.Error("New did not copy its values")
	}
	if s.Len() != 3 || s.End() != 2002 {
		t.Errorf("Len, End = %d, %d, want 3, 2002", s.Len(), s.End())
	}
	for _, tc := range []struct {
		year   int
		want   float64
		wantOK bool
	}{{1999, nan, false}, {2000, 1, true}, {2001, nan, true}, {2002, 3, true}, {2003, nan, false}} {
		v, ok := s.At(tc.year)
		if ok != tc.wantOK || !cmp.Equal(v, tc.want, exactly) || s.Contains(tc.year) != tc.wantOK {
			t.Errorf("At(%d) = %v, %v, want %v, %v", tc.year, v, ok, tc.want, tc.wantOK)
		}
	}
	if diff := cmp.Diff([]int{2000, 2001, 2002}, s.Years()); diff != "" {
		t.Errorf("Years() (-want +got):\n%s", diff)
	}
	ys, vs := s.Observed()
	if diff := cmp.Diff([]int{2000, 2002}, ys); diff != "" {
		t.Errorf("Observed years (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]float64{1, 3}, vs); diff != "" {
		t.Errorf("Observed values (-want +got):\n%s", diff)
	}
	c := s.Clone()
	c.Values[0] = 42
	if s.Values[0] != 1 {
		t.Error("Clone shares its values with the original")
	}
	e := s.Extend(4, 5)
	e.Values[0] = 42
	if diff := cmp.Diff(New("cu", "kt", 2000, 1, nan, 3), s, exactly); diff != "" {
		t.Errorf("operations modified the receiver (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(New("cu", "kt", 2000, 42, nan, 3, 4, 5), e, exactly); diff != "" {
		t.Errorf("Extend (-want +got):\n%s", diff)
	}
}

func TestWindow(t *testing.T) {
	s := New("cu", "kt", 2000, 1, 2, nan, 4)
	for _, tc := range []struct {
		from, to int
		want     Series
		wantErr  []string
	}{
		{from: 2000, to: 2003, want: s},
		{from: 2001, to: 2002, want: New("cu", "kt", 2001, 2, nan)},
		{from: 2003, to: 2003, want: New("cu", "kt", 2003, 4)},
		{from: 2002, to: 2001, wantErr: []string{`"cu"`, "2002–2001", "empty"}},
		{from: 1999, to: 2001, wantErr: []string{"1999–2001", "not within 2000–2003"}},
		{from: 2001, to: 2004, wantErr: []string{"2001–2004", "not within 2000–2003"}},
	} {
		got, err := s.Window(tc.from, tc.to)
		if tc.wantErr != nil {
			checkErr(t, err, 0, tc.wantErr...)
			continue
		}
		if err != nil {
			t.Errorf("Window(%d, %d): %v", tc.from, tc.to, err)
		}
		if diff := cmp.Diff(tc.want, got, exactly); diff != "" {
			t.Errorf("Window(%d, %d) (-want +got):\n%s", tc.from, tc.to, diff)
		}
	}
}

func TestAlign(t *testing.T) {
	a := New("a", "", 2000, 1, 2, 3, 4)
	b := New("b", "", 2002, 5, 6, 7)
	ga, gb, err := Align(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Series{New("a", "", 2002, 3, 4), New("b", "", 2002, 5, 6)}, []Series{ga, gb}); diff != "" {
		t.Errorf("Align (-want +got):\n%s", diff)
	}
	_, _, err = Align(a, New("", "", 2004, 1))
	checkErr(t, err, 0, `"a" (2000–2003)`, "unnamed series (2004–2004)", "share no year")
	_, _, err = Align(Series{Start: 2001}, a)
	checkErr(t, err, 0, "series: align: unnamed series is empty")
}

// binaryCase is a case of an operation on two series: the operands, and
// the result or the words and year of the error.
type binaryCase struct {
	name     string
	a, b     Series
	want     Series
	wantErr  []string
	wantYear int
}

// runBinary runs the cases of op, which is named name in the diffs.
func runBinary(t *testing.T, name string, op func(a, b Series) (Series, error), cases []binaryCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := op(tc.a, tc.b)
			if tc.wantErr != nil {
				checkErr(t, err, tc.wantYear, tc.wantErr...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, approx); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		})
	}
}

func TestRatio(t *testing.T) {
	runBinary(t, "Ratio", Ratio, []binaryCase{
		// Values from R 4.2.2: sprintf("%.17g", c(753, 800)/c(2.5, 3.2)) gives 301.19999999999999, 250.
		{name: "intensity", a: New("cu", "kt", 2009, 700, 753, 800), b: New("gdp", "10^12 yuan", 2010, 2.5, 3.2, 4),
			want: New("cu", "kt/10^12 yuan", 2010, 301.19999999999999, 250)},
		{name: "missing either", a: New("x", "", 2000, nan, 1, nan, 0), b: New("y", "", 2000, 1, nan, 0, nan),
			want: New("x", "", 2000, nan, nan, nan, nan)},
		{name: "unit on one side", a: New("x", "", 2000, 1), b: New("y", "t", 2000, 4), want: New("x", "/t", 2000, 0.25)},
		{name: "zero denominator", a: New("x", "", 2000, 1, 2), b: New("y", "", 2000, 1, 0),
			wantErr: []string{"ratio", `y`, "zero denominator", "year 2001"}, wantYear: 2001},
		{name: "negative zero denominator", a: New("x", "", 2000, 1), b: New("y", "", 2000, math.Copysign(0, -1)),
			wantErr: []string{"zero denominator", "year 2000"}, wantYear: 2000},
		{name: "overflow", a: New("x", "", 2000, 1, 1e300), b: New("y", "", 2000, 1, 1e-300),
			wantErr: []string{"ratio", "x", "overflows", "year 2001"}, wantYear: 2001},
		{name: "infinite numerator", a: New("x", "", 2000, inf), b: New("y", "", 2000, inf),
			wantErr: []string{"infinite", "year 2000"}, wantYear: 2000},
		{name: "infinite denominator", a: New("x", "", 2000, 1, 1), b: New("y", "", 2000, 1, -inf),
			wantErr: []string{"infinite", "year 2001"}, wantYear: 2001},
		{name: "disjoint", a: New("x", "", 2000, 1), b: New("y", "", 2001, 1), wantErr: []string{"share no year"}},
		{name: "empty", a: New("x", "", 2000, 1), b: Series{Name: "y"}, wantErr: []string{"empty", `"y"`}},
	})
}

func TestProduct(t *testing.T) {
	runBinary(t, "Product", Product, []binaryCase{
		// Hand-checked: 301.2·2.5 = 753, 250·3.2 = 800.
		{name: "intensity times gdp", a: New("cu", "kt/gdp", 2010, 301.2, 250), b: New("gdp", "gdp", 2009, 1, 2.5, 3.2),
			want: New("cu", "kt/gdp·gdp", 2010, 753, 800)},
		{name: "missing", a: New("a", "", 2000, nan, 2), b: New("b", "", 2000, 0, nan), want: New("a", "", 2000, nan, nan)},
		{name: "overflow", a: New("a", "", 2000, 1e200, 1), b: New("b", "", 2000, -1e200, 1),
			wantErr: []string{"product", "overflows", "year 2000"}, wantYear: 2000},
		{name: "infinite", a: New("a", "", 2000, 1, 2), b: New("b", "", 2000, 0, inf),
			wantErr: []string{"infinite", "year 2001"}, wantYear: 2001},
		{name: "disjoint", a: New("a", "", 2000, 1), b: New("b", "", 1990, 1), wantErr: []string{"share no year"}},
		{name: "empty", a: Series{}, b: New("b", "", 1990, 1), wantErr: []string{"empty"}},
	})
}

func TestLog(t *testing.T) {
	// Values from R 4.2.2: sprintf("%.17g", log(c(100, 110, 121))).
	// ln(5e-324) = ln(2^−1074) = −1074·ln 2; R 4.2.2: sprintf("%.17g", log(5e-324)).
	// ln(1e-310): R 4.2.2 sprintf("%.17g", log(1e-310)) gives -713.80137882815416.
	got, err := New("cu", "kt", 2000, 100, 110, nan, 121, 5e-324, 1e-310).Log()
	if err != nil {
		t.Fatal(err)
	}
	want := New("cu", "ln(kt)", 2000, 4.6051701859880918, 4.7004803657924166, nan, 4.7957905455967413,
		-744.44007192138122, -713.80137882815416)
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("Log (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		s    Series
		year int
		want string
	}{
		{New("cu", "", 2000, 1, 0), 2001, "value must be positive at year 2001 (value 0)"},
		{New("cu", "", 2000, 1, 2, -3), 2002, "value must be positive at year 2002 (value -3)"},
		{New("cu", "", 2000, math.Copysign(0, -1)), 2000, "value must be positive at year 2000"},
		{New("cu", "", 2000, 1, inf), 2001, "infinite value at year 2001"},
	} {
		_, err := tc.s.Log()
		checkErr(t, err, tc.year, `cu`, tc.want)
	}
	// A value ≤ 0 is an error of the log, not of validation.
	for _, v := range []float64{0, math.Copysign(0, -1), -3} {
		_, err := New("cu", "", 2000, 1, v).Log()
		var ye *YearError
		if !errors.As(err, &ye) {
			t.Fatalf("Log of %g: error %v (%T) is not a *YearError", v, err, err)
		}
		if want := "series: log: cu: value must be positive at year 2001 (value " + strconv.FormatFloat(v, 'g', -1, 64) + ")"; ye.Op != "log" || err.Error() != want {
			t.Errorf("Log of %g: Op %q, error %q, want Op \"log\", error %q", v, ye.Op, err, want)
		}
	}
}

func TestGrowth(t *testing.T) {
	// Values from R 4.2.2: x <- c(100, 110, 121, 133.1); sprintf("%.17g", x[-1]/x[-4] - 1).
	// Hand-checked: 110/100 − 1 = 0.1, 121/110 − 1 = 0.1, 133.1/121 − 1 = 0.1.
	got, err := New("cu", "kt", 2000, 100, 110, 121, 133.1).Growth()
	if err != nil {
		t.Fatal(err)
	}
	want := New("cu", "growth", 2001, 0.10000000000000009, 0.10000000000000009, 0.099999999999999867)
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("Growth (-want +got):\n%s", diff)
	}
	// A missing value on either side gives a missing rate; 0 before a
	// missing value is allowed; a decline is negative: 50/100 − 1 = −0.5.
	got, err = New("x", "", 2000, 100, nan, 100, 0, nan, 100, 50).Growth()
	if err != nil {
		t.Fatal(err)
	}
	want = New("x", "growth", 2001, nan, nan, -1, nan, nan, -0.5)
	if diff := cmp.Diff(want, got, exactly); diff != "" {
		t.Errorf("Growth with missing values (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		s    Series
		year int
		want []string
	}{
		{New("x", "", 2000, 1), 0, []string{`"x"`, "at least 2 years, have 1"}},
		{New("x", "", 2000, 1, 0, 1), 2001, []string{"growth", "zero base at year 2001"}},
		{New("x", "", 2000, 1, inf), 2001, []string{"infinite value at year 2001"}},
		{New("x", "", 2000, 1e-300, 1e300), 2001, []string{"growth", "overflows", "year 2001"}},
	} {
		_, err := tc.s.Growth()
		checkErr(t, err, tc.year, tc.want...)
	}
}

func TestCAGR(t *testing.T) {
	s := New("cu", "kt", 2005, 374, 420, nan, 580, 650, 753)
	for _, tc := range []struct {
		name     string
		s        Series
		from, to int
		want     float64
	}{
		// (753/374)^(1/5) − 1 = 2.01337^0.2 − 1 ≈ 1.15023 − 1 = 0.15023.
		// Value from R 4.2.2: sprintf("%.17g", (753/374)^(1/5) - 1) gives 0.150229958245786.
		{"5 years", s, 2005, 2010, 0.150229958245786},
		// (580/420)^(1/2) − 1: R 4.2.2 sprintf("%.17g", (580/420)^(1/2) - 1) gives 0.1751393027860062.
		{"across a missing year", s, 2006, 2008, 0.1751393027860062},
		// One year: 420/374 − 1 = 46/374 ≈ 0.1229947; R 4.2.2 gives 0.12299465240641716.
		{"one year", s, 2005, 2006, 0.12299465240641716},
		// Subnormal values: 5e-324 is 2^−1074 ≈ 4.9407e-324, so (1e-310/2^−1074)^(1/2) − 1 ≈ sqrt(2.0240e13) − 1 ≈ 4.4989e6;
		// R 4.2.2: sprintf("%.17g", (1e-310/5e-324)^(1/2) - 1) gives 4498912.7945431899.
		{"subnormal values", New("x", "", 0, 5e-324, 1, 1e-310), 0, 2, 4498912.7945431899},
		// 1e300/1e-10 overflows, but (1e310)^(1/10) − 1 = 1e31 − 1 = 1e31 in float64.
		// R 4.2.2 gives Inf for (1e300/1e-10)^(1/10) - 1: the ratio overflows there.
		{"ratio overflows", New("x", "", 0, 1e-10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1e300), 0, 10, 1e31},
		// The ratio 5e-324/1e300 underflows to 0; (1e-624)^(1/2) − 1 = 1e-312 − 1 = −1.
		{"ratio underflows", New("x", "", 0, 1e300, 1, 5e-324), 0, 2, -1},
		{"flat", New("x", "", 0, 2, 3, 2), 0, 2, 0},
	} {
		got, err := tc.s.CAGR(tc.from, tc.to)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !cmp.Equal(got, tc.want, approx) {
			t.Errorf("%s: CAGR(%d, %d) = %.17g, want %.17g", tc.name, tc.from, tc.to, got, tc.want)
		}
	}
	for _, tc := range []struct {
		s        Series
		from, to int
		year     int
		want     []string
	}{
		{s, 2010, 2005, 0, []string{"from < to", "2010 and 2005"}},
		{s, 2008, 2008, 0, []string{"from < to"}},
		{s, 2004, 2010, 2004, []string{"CAGR", "year outside 2005–2010 at year 2004"}},
		{s, 2005, 2011, 2011, []string{"year 2011"}},
		{s, 2007, 2010, 2007, []string{"must be positive and finite at year 2007"}},
		{New("x", "", 0, 1, 0), 0, 1, 1, []string{"positive", "year 1 (value 0)"}},
		{New("x", "", 0, -1, 1), 0, 1, 0, []string{"positive", "year 0 (value -1)"}},
		{New("x", "", 0, 1, inf), 0, 1, 1, []string{"finite", "year 1 (value +Inf)"}},
		{New("x", "", 0, 1e-300, 1e300), 0, 1, 1, []string{"CAGR", "overflows", "year 1"}},
	} {
		_, err := tc.s.CAGR(tc.from, tc.to)
		checkErr(t, err, tc.year, tc.want...)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		s                           Series
		validate, complete, positve string // expected error substrings; "" for none
		year                        int
	}{
		{New("x", "", 2000, 1, 2), "", "", "", 0},
		{New("x", "", 2000, 1, nan), "", "missing value at year 2001", "", 2001},
		{New("x", "", 2000, 1, 0), "", "", "must be positive at year 2001", 2001},
		{New("x", "", 2000, nan, -inf), "infinite value at year 2001", "infinite value at year 2001", "infinite value at year 2001", 2001},
		{Series{Name: "x"}, "empty series", "empty series", "empty series", 0},
	} {
		for _, c := range []struct {
			err  error
			want string
		}{{tc.s.Validate(), tc.validate}, {tc.s.ValidateComplete(), tc.complete}, {tc.s.ValidatePositive(), tc.positve}} {
			if c.want == "" {
				if c.err != nil {
					t.Errorf("%v: unexpected error %v", tc.s, c.err)
				}
				continue
			}
			checkErr(t, c.err, tc.year, c.want)
		}
	}
}

func TestYearErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		e    YearError
		want string
	}{
		{YearError{Op: "log", Name: "cu", Year: 2001, Value: -1, Reason: "bad"}, "series: log: cu: bad at year 2001 (value -1)"},
		{YearError{Op: "CAGR", Year: 2001, Value: nan, Reason: "absent"}, "series: CAGR: unnamed series: absent at year 2001"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}
