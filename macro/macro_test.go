package macro

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/series"
)

var approx = cmp.Options{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()}

// TestConstants restates every figure from the sources named in macro.go and checks the package's
// data against it.
func TestConstants(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		got  series.Series
		want series.Series
	}{
		{"real growth", RealGrowth(), series.Series{Name: "real GDP growth", Unit: UnitGrowth, Start: 2000, Values: []float64{
			0.085, 0.083, 0.091, 0.100, 0.101, 0.114, 0.127, 0.142, 0.097, 0.094, 0.106, 0.096, 0.079, 0.078, 0.074, 0.070}}},
		{"nominal GDP", NominalGDP(), series.Series{Name: "nominal GDP", Unit: "亿元", Start: 2000, Values: []float64{
			100280.1, nan, nan, nan, nan, 187318.9, nan, nan, nan, nan, 412119.3, nan, nan, nan, nan, 688858.2}}},
		{"population", Population(), series.Series{Name: "population", Unit: "万人", Start: 2000, Values: []float64{
			126743, 127627, 128453, 129227, 129988, 130756, 131448, 132129, 132802, 133450, 134091,
			134735, 135404, 136072, 136782, 137462}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got, approx); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if TenthFYPGrowth != 0.098 || EleventhFYPGrowth != 0.112 || TwelfthFYPTarget != 0.07 {
		t.Errorf("five-year figures = %v, %v, %v, want 0.098, 0.112, 0.07", TenthFYPGrowth, EleventhFYPGrowth, TwelfthFYPTarget)
	}
}

func TestAccessorsReturnCopies(t *testing.T) {
	for name, f := range map[string]func() series.Series{"RealGrowth": RealGrowth, "NominalGDP": NominalGDP, "Population": Population} {
		a := f()
		want := a.Values[0]
		a.Values[0] = -42
		if b := f(); b.Values[0] != want {
			t.Errorf("%s: modifying the result changed the package's data: got %v, want %v", name, b.Values[0], want)
		}
	}
}

func TestIndex(t *testing.T) {
	// g: 2001 10 %, 2002 −50 %, 2003 90 %.
	g := series.New("", UnitGrowth, 2001, 0.1, -0.5, 0.9)
	tests := []struct {
		base  int
		value float64
		want  []float64 // 2000–2003
	}{
		// Base 2000 = 1: 1, 1.1, 0.55, 1.045.
		{2000, 1, []float64{1, 1.1, 0.55, 1.045}},
		// Base 2002 = 0.55 reproduces the same path backwards: 0.55/0.5 = 1.1, 1.1/1.1 = 1.
		{2002, 0.55, []float64{1, 1.1, 0.55, 1.045}},
		// Base 2003 = 100: 100/1.9, then /0.5, then /1.1.
		{2003, 100, []float64{100 / 1.9 / 0.5 / 1.1, 100 / 1.9 / 0.5, 100 / 1.9, 100}},
	}
	for _, tt := range tests {
		got, err := Index(tt.base, tt.value, g)
		if err != nil {
			t.Fatalf("Index(%d): %v", tt.base, err)
		}
		want := series.Series{Name: "real GDP index", Unit: UnitIndex, Start: 2000, Values: tt.want}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Errorf("Index(%d, %g) (-want +got):\n%s", tt.base, tt.value, diff)
		}
	}
	if got, _ := Index(2000, 1, series.New("copper", "", 2001, 0.1)); got.Name != "copper index" {
		t.Errorf("name = %q, want %q", got.Name, "copper index")
	}
	if g.Values[1] != -0.5 {
		t.Error("Index modified its argument")
	}
}

func TestIndexErrors(t *testing.T) {
	ok := series.New("", "", 2001, 0.1, 0.1)
	tests := []struct {
		name   string
		base   int
		value  float64
		growth series.Series
		is     error
	}{
		{"empty", 2000, 1, series.Series{}, series.ErrEmpty},
		{"NaN gap", 2000, 1, series.New("", "", 2001, 0.1, math.NaN(), 0.1), ErrRate},
		{"rate -100%", 2000, 1, series.New("", "", 2001, -1), ErrRate},
		{"rate below -100%", 2000, 1, series.New("", "", 2001, -1.5), ErrRate},
		{"infinite rate", 2000, 1, series.New("", "", 2001, math.Inf(1)), ErrRate},
		{"base before", 1999, 1, ok, nil},
		{"base after", 2003, 1, ok, nil},
		{"zero base value", 2000, 0, ok, nil},
		{"NaN base value", 2000, math.NaN(), ok, nil},
		{"infinite base value", 2000, math.Inf(1), ok, nil},
	}
	for _, tt := range tests {
		_, err := Index(tt.base, tt.value, tt.growth)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: error %v is not %v", tt.name, err, tt.is)
		}
	}
}

func TestAnnualRates(t *testing.T) {
	got, err := AnnualRates([]Period{{2001, 2002, 0.1}, {2003, 2003, 0.2}, {2004, 2006, -0.05}})
	if err != nil {
		t.Fatal(err)
	}
	want := series.Series{Name: "real GDP growth", Unit: UnitGrowth, Start: 2001, Values: []float64{0.1, 0.1, 0.2, -0.05, -0.05, -0.05}}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("AnnualRates (-want +got):\n%s", diff)
	}
	bad := []struct {
		name string
		p    []Period
		is   error
	}{
		{"none", nil, ErrPeriods},
		{"reversed", []Period{{2005, 2001, 0.1}}, ErrPeriods},
		{"gap", []Period{{2001, 2005, 0.1}, {2007, 2010, 0.1}}, ErrPeriods},
		{"overlap", []Period{{2001, 2005, 0.1}, {2005, 2010, 0.1}}, ErrPeriods},
		{"NaN rate", []Period{{2001, 2005, math.NaN()}}, ErrRate},
		{"rate -1", []Period{{2001, 2005, -1}}, ErrRate},
	}
	for _, tt := range bad {
		if _, err := AnnualRates(tt.p); !errors.Is(err, tt.is) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.is)
		}
	}
}

func TestPlanIndex(t *testing.T) {
	got := PlanIndex()
	if got.Start != 2000 || got.End() != 2015 {
		t.Fatalf("PlanIndex covers %d–%d, want 2000–2015", got.Start, got.End())
	}
	// Hand arithmetic: 1.098^5 = 1.595922…; 1.112^5 = 1.700328…, so
	// Y_2010 = 1.595922 × 1.700328 = 2.713536…; 1.07^5 = 1.402552…, so
	// Y_2015 = 2.713536 × 1.402552 = 3.805875…
	checks := []struct {
		year int
		want float64
	}{
		{2000, 1},
		{2001, 1.098},
		{2005, 1.5959221432879687},
		{2010, 2.713536307028449},
		{2015, 3.8058750437400386},
	}
	for _, c := range checks {
		if v, _ := got.At(c.year); math.Abs(v-c.want) > 1e-12 {
			t.Errorf("PlanIndex at %d = %.15g, want %.15g", c.year, v, c.want)
		}
	}
	for _, sc := range []struct {
		g, want2015 float64
	}{
		{0.06, 2.713536307028449 * 1.3382255776}, // 1.06^5 = 1.3382255776
		{0.08, 2.713536307028449 * 1.4693280768}, // 1.08^5 = 1.4693280768
		{0.07, 3.8058750437400386},
	} {
		s, err := PlanIndexWith(sc.g)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := s.At(2015); math.Abs(v-sc.want2015) > 1e-9 {
			t.Errorf("PlanIndexWith(%g) at 2015 = %.12g, want %.12g", sc.g, v, sc.want2015)
		}
		if v, _ := s.At(2010); math.Abs(v-2.713536307028449) > 1e-12 {
			t.Errorf("PlanIndexWith(%g) at 2010 = %.15g: 2011–2015 rate changed the history", sc.g, v)
		}
	}
	if _, err := PlanIndexWith(math.NaN()); !errors.Is(err, ErrRate) {
		t.Errorf("PlanIndexWith(NaN): error %v, want ErrRate", err)
	}
}

func TestRealGrowthIndex(t *testing.T) {
	// The current-vintage rates compound over 2001–2005 to
	// 1.083·1.091·1.100·1.101·1.114 = 1.594110… (9.78 % a year), close to the
	// 9.8 % published in 2011.
	idx, err := Index(2000, 1, RealGrowth())
	if err != nil {
		t.Fatal(err)
	}
	if idx.Start != 1999 || idx.End() != 2015 {
		t.Fatalf("index covers %d–%d, want 1999–2015", idx.Start, idx.End())
	}
	v, _ := idx.At(2005)
	if math.Abs(v-1.5941104258662) > 1e-12 {
		t.Errorf("index 2005 = %.15g, want 1.5941104258662", v)
	}
	v, _ = idx.At(1999)
	if want := 1 / 1.085; math.Abs(v-want) > 1e-15 {
		t.Errorf("index 1999 = %.15g, want %.15g", v, want)
	}
	cagr, _ := idx.CAGR(2000, 2005)
	if math.Abs(cagr-TenthFYPGrowth) > 0.0005 {
		t.Errorf("2001–2005 average %.4f, want within 0.05 points of %.3f", cagr, TenthFYPGrowth)
	}
}

func TestPerCapita(t *testing.T) {
	got, err := PerCapita(NominalGDP(), Population())
	if err != nil {
		t.Fatal(err)
	}
	if got.Unit != UnitPerCapita || got.Name != "GDP per capita" {
		t.Errorf("name, unit = %q, %q", got.Name, got.Unit)
	}
	// 100280.1 亿元 / 126743 万人 = 0.791208… 万元 per person (7912 yuan);
	// 688858.2 / 137462 = 5.011262… 万元 per person.
	for _, c := range []struct {
		year int
		want float64
	}{{2000, 100280.1 / 126743}, {2015, 688858.2 / 137462}} {
		if v, _ := got.At(c.year); math.Abs(v-c.want) > 1e-12 {
			t.Errorf("per capita %d = %g, want %g", c.year, v, c.want)
		}
	}
	if v, _ := got.At(2001); !math.IsNaN(v) {
		t.Errorf("per capita 2001 = %g, want NaN (no GDP figure)", v)
	}
	if v, _ := got.At(2000); math.Abs(v-0.7912081929574021) > 1e-15 {
		t.Errorf("per capita 2000 = %.16g", v)
	}
	other, err := PerCapita(series.New("", "yuan", 2000, 10), series.New("", "person", 2000, 4))
	if err != nil || other.Unit != "yuan/person" || other.Values[0] != 2.5 {
		t.Errorf("PerCapita(yuan, person) = %+v, %v", other, err)
	}
	bad := []struct {
		name     string
		gdp, pop series.Series
	}{
		{"zero population", series.New("", "", 2000, 1), series.New("", "", 2000, 0)},
		{"negative population", series.New("", "", 2000, 1), series.New("", "", 2000, -3)},
		{"infinite population", series.New("", "", 2000, 1), series.New("", "", 2000, math.Inf(1))},
		{"infinite gdp", series.New("", "", 2000, math.Inf(1)), series.New("", "", 2000, 1)},
		{"no common year", series.New("", "", 2000, 1), series.New("", "", 2001, 1)},
		{"empty gdp", series.Series{}, series.New("", "", 2000, 1)},
	}
	for _, tt := range bad {
		if _, err := PerCapita(tt.gdp, tt.pop); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}
