package plotting

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func TestFanErrors(t *testing.T) {
	inf := math.Inf(1)
	good := sparseFan("copper", 1)
	mod := modified(func() Fan { return sparseFan("copper", 1) })
	for _, tc := range []struct {
		name string
		fan  Fan
		want error
	}{
		{"empty history", mod(func(f *Fan) { f.History = series.Series{Name: "copper"} }), ErrNoData},
		{"no forecasts and no history", Fan{}, ErrNoData},
		{"all missing", mod(func(f *Fan) { f.History = series.New("copper", "", 2000, nan, nan); f.Derived = nil }), ErrNoData},
		{"infinite history", mod(func(f *Fan) { f.History.Values[5] = inf }), ErrNaN},
		{"derived year missing", mod(func(f *Fan) { f.Derived = []int{2003} }), ErrMismatch},
		{"derived year outside", mod(func(f *Fan) { f.Derived = []int{1990} }), ErrMismatch},
		{"empty path", mod(func(f *Fan) { f.Forecasts[0].Point = series.Series{} }), ErrNoData},
		{"NaN path", mod(func(f *Fan) { f.Forecasts[2].Point.Values[1] = nan }), ErrNaN},
		{"Inf path", mod(func(f *Fan) { f.Forecasts[2].Point.Values[1] = -inf }), ErrNaN},
		{"Inf bound", mod(func(f *Fan) { f.Forecasts[3].Upper.Values[4] = inf }), ErrNaN},
		{"short bound", mod(func(f *Fan) { f.Forecasts[3].Lower.Values = f.Forecasts[3].Lower.Values[:3] }), ErrMismatch},
		{"shifted bound", mod(func(f *Fan) { f.Forecasts[3].Upper.Start++ }), ErrMismatch},
		{"NaN reference", mod(func(f *Fan) { f.Refs[0].Value = nan }), ErrNaN},
		{"Inf reference", mod(func(f *Fan) { f.Refs[0].Value = inf }), ErrNaN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewFanChart(tc.fan, Options{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("NewFanChart error = %v, want %v", err, tc.want)
			}
			if c != nil {
				t.Error("chart returned with an error")
			}
			if !strings.HasPrefix(err.Error(), "plotting: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			// The same fan as a panel gives the same error, naming the panel.
			_, err = NewSmallMultiples([]Fan{good, tc.fan}, Options{})
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), "panel 1") {
				t.Errorf("NewSmallMultiples error = %v, want %v naming panel 1", err, tc.want)
			}
		})
	}
}

// TestFanConsistency checks the data and options that fit together in
// form but not in meaning: a swapped band, a forecast in another unit than
// the history, a YHeadroom that would cut the history off the axis. Each
// is an error wrapping want whose message holds every one of msg, from
// NewFanChart and, naming the panel, from NewSmallMultiples; want nil is a
// fan both accept.
func TestFanConsistency(t *testing.T) {
	inf := math.Inf(1)
	mod := modified(func() Fan { return sparseFan("copper", 1) })
	unit := func(u string) func(*Fan) {
		return func(f *Fan) {
			f.History.Unit = u
			for i := range f.Forecasts {
				f.Forecasts[i].Point.Unit, f.Forecasts[i].Lower.Unit, f.Forecasts[i].Upper.Unit = u, u, u
			}
		}
	}
	for _, tc := range []struct {
		name string
		fan  Fan
		o    Options
		want error
		msg  []string
	}{
		// (a) Lower above Upper. sparseFan's paths run 2011–2015; Forecasts[3]
		// is regression, [1] elasticity at 80 %.
		{name: "swapped band", fan: mod(func(f *Fan) {
			lo, hi := &f.Forecasts[3].Lower.Values[2], &f.Forecasts[3].Upper.Values[2]
			*lo, *hi = *hi, *lo
		}), want: ErrMismatch, msg: []string{`"regression"`, "2013", "lower bound", "above upper"}},
		{name: "swapped band, second level", fan: mod(func(f *Fan) {
			f.Forecasts[1].Lower.Values[4] = f.Forecasts[1].Upper.Values[4] + 1
		}), want: ErrMismatch, msg: []string{`"elasticity"`, "2015"}},
		{name: "zero-width band", fan: mod(func(f *Fan) {
			f.Forecasts[3].Lower.Values[0] = f.Forecasts[3].Upper.Values[0]
		})},
		{name: "swapped bounds without a band", fan: mod(func(f *Fan) {
			f.Forecasts[3].Lower.Values[0], f.Forecasts[3].Upper.Values[0] = 2, 1
			f.Forecasts[3].Lower.Values[1] = nan
		})},
		// (b) Units.
		{name: "path in t beside kt", fan: mod(func(f *Fan) {
			unit("kt")(f)
			f.Forecasts[3].Point.Unit = "t"
		}), want: ErrMismatch, msg: []string{`"regression"`, `"t"`, `"kt"`, "history"}},
		{name: "interval in t beside kt", fan: mod(func(f *Fan) {
			unit("kt")(f)
			f.Forecasts[3].Upper.Unit = "t"
		}), want: ErrMismatch, msg: []string{`interval of forecast "regression"`, `"t"`, `"kt"`}},
		{name: "paths in t and kt, history unknown", fan: mod(func(f *Fan) {
			unit("")(f)
			f.Forecasts[0].Point.Unit = "kt"
			f.Forecasts[3].Point.Unit = "t"
		}), want: ErrMismatch, msg: []string{`forecast "regression"`, `"t"`, `forecast "elasticity" in "kt"`}},
		{name: "history unit unknown", fan: mod(func(f *Fan) {
			unit("kt")(f)
			f.History.Unit = ""
		})},
		{name: "path unit unknown", fan: mod(func(f *Fan) {
			unit("kt")(f)
			f.Forecasts[3].Point.Unit = ""
			f.Forecasts[3].Lower.Unit = ""
		})},
		{name: "all units unknown", fan: mod(unit(""))},
		// (c) YHeadroom.
		{name: "YHeadroom 0.001", fan: sparseFan("copper", 1), o: Options{YHeadroom: 0.001}, want: ErrMismatch, msg: []string{"YHeadroom 0.001", "at least 1"}},
		{name: "YHeadroom 0.999", fan: sparseFan("copper", 1), o: Options{YHeadroom: 0.999}, want: ErrMismatch, msg: []string{"YHeadroom 0.999"}},
		{name: "YHeadroom negative", fan: sparseFan("copper", 1), o: Options{YHeadroom: -2}, want: ErrMismatch, msg: []string{"YHeadroom -2"}},
		{name: "YHeadroom NaN", fan: sparseFan("copper", 1), o: Options{YHeadroom: nan}, want: ErrMismatch, msg: []string{"YHeadroom NaN"}},
		{name: "YHeadroom +Inf", fan: sparseFan("copper", 1), o: Options{YHeadroom: inf}, want: ErrMismatch, msg: []string{"YHeadroom +Inf"}},
		{name: "YHeadroom -Inf", fan: sparseFan("copper", 1), o: Options{YHeadroom: -inf}, want: ErrMismatch, msg: []string{"YHeadroom -Inf"}},
		{name: "YHeadroom 0 (default)", fan: sparseFan("copper", 1)},
		{name: "YHeadroom 1", fan: sparseFan("copper", 1), o: Options{YHeadroom: 1}},
		{name: "YHeadroom 1.5", fan: sparseFan("copper", 1), o: Options{YHeadroom: 1.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			good := sparseFan("zinc", 1)
			for _, r := range []struct {
				what  string
				build func() (*Chart, error)
			}{
				{"NewFanChart", func() (*Chart, error) { return NewFanChart(tc.fan, tc.o) }},
				{"NewSmallMultiples", func() (*Chart, error) { return NewSmallMultiples([]Fan{good, tc.fan}, tc.o) }},
			} {
				c, err := r.build()
				if tc.want == nil {
					if err != nil || c == nil {
						t.Errorf("%s: error %v, want a chart", r.what, err)
					}
					continue
				}
				if !errors.Is(err, tc.want) || c != nil {
					t.Fatalf("%s: error = %v, want %v and no chart", r.what, err, tc.want)
				}
				msg := tc.msg
				if r.what == "NewSmallMultiples" && tc.o.YHeadroom == 0 {
					// A panel's error names the panel; an option's is the page's.
					msg = append(slices.Clone(msg), "panel 1")
				}
				for _, m := range append([]string{"plotting: "}, msg...) {
					if !strings.Contains(err.Error(), m) {
						t.Errorf("%s: error %q lacks %q", r.what, err, m)
					}
				}
			}
		})
	}
}

func TestFanNoBandForNaNBounds(t *testing.T) {
	// A forecast whose bounds hold a NaN anywhere gets no band but a path.
	f := sparseFan("copper", 1)
	f.Forecasts[0].Lower.Values[2] = nan
	f.Forecasts = f.Forecasts[:1]
	c, err := NewFanChart(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range c.legend {
		names = append(names, e.name)
	}
	want := []string{"history", "history (derived)", "elasticity"}
	if !slices.Equal(names, want) {
		t.Errorf("legend = %q, want %q", names, want)
	}
	if hasBand(f.Forecasts[0]) {
		t.Error("hasBand with a NaN bound")
	}
	if hasBand(forecast.Forecast{Point: f.Forecasts[0].Point}) {
		t.Error("hasBand without bounds")
	}
}

func TestFanLegend(t *testing.T) {
	c, err := NewFanChart(sparseFan("copper", 1), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range c.legend {
		names = append(names, e.name)
	}
	want := []string{
		"history", "history (derived)",
		"elasticity (80%, 95% interval)", "intensity (95% interval)", "regression (95% interval)", "expert",
		"combination (80% interval)",
	}
	if !slices.Equal(names, want) {
		t.Errorf("legend = %q, want %q", names, want)
	}
}

func TestPathsConnect(t *testing.T) {
	// The path starts at the last observation when it follows it, and the
	// band is anchored there too.
	p := series.New("x", "", 2011, 10, 11)
	got := pathXYs(p, 2010, 9)
	if len(got) != 3 || got[0].X != 2010 || got[0].Y != 9 || got[1].X != 2011 {
		t.Errorf("pathXYs = %v, want to start at (2010, 9)", got)
	}
	if got := pathXYs(p, 2011, 10); len(got) != 2 {
		t.Errorf("pathXYs of an overlapping path = %v, want no anchor", got)
	}
	fc := withBand("m", p, 0.9, 0.1)
	band := bandXYs(fc, 2010, 9)
	// anchor, upper 2011, upper 2012, lower 2012, lower 2011
	if len(band) != 5 || band[0].X != 2010 || band[1].Y != fc.Upper.Values[0] || band[3].Y != fc.Lower.Values[1] {
		t.Errorf("bandXYs = %v", band)
	}
}

func TestSmallMultiplesGrid(t *testing.T) {
	panels := metalPanels()
	for _, tc := range []struct {
		n, cols, rows         int
		wantCols, wantRows    int
		wantErr               error
		wantWidth, wantHeight vg.Length
	}{
		{n: 10, wantCols: 2, wantRows: 5, wantWidth: 21 * vg.Centimeter, wantHeight: 28 * vg.Centimeter},
		{n: 3, wantCols: 3, wantRows: 1, wantWidth: 21 * vg.Centimeter, wantHeight: 8 * vg.Centimeter},
		{n: 1, wantCols: 1, wantRows: 1, wantWidth: 21 * vg.Centimeter, wantHeight: 8 * vg.Centimeter},
		{n: 10, cols: 5, wantCols: 5, wantRows: 2, wantWidth: 21 * vg.Centimeter, wantHeight: 13 * vg.Centimeter},
		{n: 10, rows: 4, wantCols: 3, wantRows: 4, wantWidth: 21 * vg.Centimeter, wantHeight: 23 * vg.Centimeter},
		{n: 10, cols: 3, rows: 3, wantErr: ErrMismatch},
		{n: 10, cols: -1, wantErr: ErrMismatch},
		{n: 0, wantErr: ErrNoData},
	} {
		c, err := NewSmallMultiples(panels[:tc.n], Options{Cols: tc.cols, Rows: tc.rows})
		if !errors.Is(err, tc.wantErr) {
			t.Errorf("n=%d cols=%d rows=%d: error = %v, want %v", tc.n, tc.cols, tc.rows, err, tc.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		g := c.Plots()
		if len(g) != tc.wantRows || len(g[0]) != tc.wantCols {
			t.Errorf("n=%d cols=%d rows=%d: grid %d×%d, want %d×%d", tc.n, tc.cols, tc.rows, len(g[0]), len(g), tc.wantCols, tc.wantRows)
		}
		if w, h := c.Size(); w != tc.wantWidth || h != tc.wantHeight {
			t.Errorf("n=%d: size %v×%v, want %v×%v", tc.n, w, h, tc.wantWidth, tc.wantHeight)
		}
	}
	// n = 12: ⌈√12⌉ = 4 columns, 3 rows.
	many := append(metalPanels(), metalPanels()[:2]...)
	c, err := NewSmallMultiples(many, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g := c.Plots(); len(g) != 3 || len(g[0]) != 4 {
		t.Errorf("12 panels: grid %d×%d, want 4×3", len(g[0]), len(g))
	}
	// Empty cells are drawn as nothing.
	c, err = NewSmallMultiples(metalPanels()[:3], Options{Cols: 2})
	if err != nil {
		t.Fatal(err)
	}
	if c.Plots()[1][1] != nil {
		t.Error("empty grid cell holds a plot")
	}
	if _, err := c.WriterTo("png"); err != nil {
		t.Error(err)
	}
}

func TestDeviationErrors(t *testing.T) {
	mod := modified(deviations)
	checkChartErrors(t, NewDeviationChart, []chartErrorCase[Deviations]{
		{"no series", mod(func(d *Deviations) { d.Series = nil; d.Pct = nil }), ErrNoData},
		{"no methods", mod(func(d *Deviations) { d.Methods = nil }), ErrNoData},
		{"missing row", mod(func(d *Deviations) { d.Pct = d.Pct[:9] }), ErrMismatch},
		{"short row", mod(func(d *Deviations) { d.Pct[4] = d.Pct[4][:2] }), ErrMismatch},
		{"Inf", mod(func(d *Deviations) { d.Pct[4][1] = math.Inf(-1) }), ErrNaN},
		{"all NaN", mod(func(d *Deviations) {
			for _, r := range d.Pct {
				for j := range r {
					r[j] = nan
				}
			}
		}), ErrNoData},
	})
}

func TestComparisonErrors(t *testing.T) {
	mod := modified(comparison)
	checkChartErrors(t, NewComparisonChart, []chartErrorCase[Comparison]{
		{"no series", Comparison{}, ErrNoData},
		{"short historical", mod(func(d *Comparison) { d.Historical = d.Historical[:3] }), ErrMismatch},
		{"long implied", mod(func(d *Comparison) { d.Implied = append(d.Implied, 1) }), ErrMismatch},
		{"Inf", mod(func(d *Comparison) { d.Historical[2] = math.Inf(1) }), ErrNaN},
		{"all NaN", Comparison{Series: []string{"a"}, Historical: []float64{nan}, Implied: []float64{nan}}, ErrNoData},
	})
}

// modified returns a function that gives a fresh base() changed by f: each
// case of an error table changes its own copy of valid input.
func modified[T any](base func() T) func(f func(*T)) T {
	return func(f func(*T)) T {
		v := base()
		f(&v)
		return v
	}
}

// chartErrorCase is an input that a chart constructor must reject with an
// error wrapping want.
type chartErrorCase[T any] struct {
	name string
	in   T
	want error
}

// checkChartErrors checks that newChart, with the default options, rejects
// the input of each case with an error wrapping its want, and returns no
// chart.
func checkChartErrors[T any](t *testing.T, newChart func(T, Options) (*Chart, error), cases []chartErrorCase[T]) {
	t.Helper()
	for _, tc := range cases {
		c, err := newChart(tc.in, Options{})
		if !errors.Is(err, tc.want) || c != nil {
			t.Errorf("%s: error = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	c, err := NewComparisonChart(Comparison{Series: []string{"a"}, Historical: []float64{1}, Implied: []float64{2}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w, h := c.Size(); w != 18*vg.Centimeter || h != 8*vg.Centimeter {
		t.Errorf("comparison size %v×%v, want 18 cm × 8 cm", w, h)
	}
	if c.legend[0].name != "historical" || c.legend[1].name != "implied" {
		t.Errorf("comparison legend %q, %q, want historical, implied", c.legend[0].name, c.legend[1].name)
	}
	if got := c.Plots()[0][0].X.Label.Text; got != "value" {
		t.Errorf("comparison x label %q, want value", got)
	}
	d, err := NewDeviationChart(deviations(), Options{XLabel: "x", YLabel: "y", Title: "t", Width: 5 * vg.Inch, Height: 4 * vg.Inch})
	if err != nil {
		t.Fatal(err)
	}
	if w, h := d.Size(); w != 5*vg.Inch || h != 4*vg.Inch {
		t.Errorf("deviation size %v×%v, want 5 in × 4 in", w, h)
	}
	p := d.Plots()[0][0]
	if p.X.Label.Text != "x" || p.Y.Label.Text != "y" || p.Title.Text != "t" {
		t.Errorf("labels %q %q %q, want x y t", p.X.Label.Text, p.Y.Label.Text, p.Title.Text)
	}
	// 3 cm + 10·(0.35·5 + 0.3) cm = 23.5 cm
	d, _ = NewDeviationChart(deviations(), Options{})
	if _, h := d.Size(); math.Abs(float64(h-23.5*vg.Centimeter)) > 1e-9 {
		t.Errorf("deviation height %v, want 23.5 cm", h)
	}
	f, err := NewFanChart(sparseFan("copper", 1), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w, h := f.Size(); w != 20*vg.Centimeter || h != 12*vg.Centimeter {
		t.Errorf("fan size %v×%v, want 20 cm × 12 cm", w, h)
	}
	fp := f.Plots()[0][0]
	if fp.X.Label.Text != "year" || fp.Y.Label.Text != "10 kt" {
		t.Errorf("fan labels %q, %q, want year, 10 kt", fp.X.Label.Text, fp.Y.Label.Text)
	}
	// Every text is at least 10 pt.
	for _, sz := range []vg.Length{fp.Title.TextStyle.Font.Size, fp.X.Label.TextStyle.Font.Size, fp.X.Tick.Label.Font.Size, fp.Y.Tick.Label.Font.Size} {
		if sz < 10 {
			t.Errorf("font size %v below 10 pt", sz)
		}
	}
	if got := (&Fan{History: series.Series{Name: "tin"}}).title(); got != "tin" {
		t.Errorf("title without unit = %q, want tin", got)
	}
	if got := (&Fan{Title: "T", History: series.Series{Name: "tin"}}).title(); got != "T" {
		t.Errorf("explicit title = %q, want T", got)
	}
}

func TestSave(t *testing.T) {
	c, err := NewFanChart(sparseFan("copper", 1), Options{Width: 4 * vg.Inch, Height: 3 * vg.Inch})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		file  string
		magic string
	}{
		{"a.png", "\x89PNG"},
		{"b.SVG", "<?xml"},
		{"c.pdf", "%PDF"},
	} {
		path := filepath.Join(dir, tc.file)
		if err := c.Save(path); err != nil {
			t.Errorf("Save(%s): %v", tc.file, err)
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(tc.magic)) {
			t.Errorf("%s starts %q, want %q", tc.file, b[:min(len(b), 8)], tc.magic)
		}
	}
	for _, bad := range []string{"d.gif", "e", "f.eps"} {
		path := filepath.Join(dir, bad)
		if err := c.Save(path); !errors.Is(err, ErrFormat) {
			t.Errorf("Save(%s) error = %v, want ErrFormat", bad, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("Save(%s) created a file", bad)
		}
	}
	if err := c.Save(filepath.Join(dir, "no", "such", "dir.png")); err == nil {
		t.Error("Save into a missing directory: no error")
	}
}

func TestFonts(t *testing.T) {
	if _, err := ParseFont("x", []byte("not a font")); !errors.Is(err, ErrFont) {
		t.Errorf("ParseFont(garbage) error = %v, want ErrFont", err)
	}
	// Use Liberation Mono as a caller-supplied font.
	var mono font.Collection
	for _, f := range liberation.Collection() {
		if f.Font.Variant == "Mono" && f.Font.Weight == 0 && f.Font.Style == 0 {
			mono = append(mono, f)
		}
	}
	if len(mono) != 1 {
		t.Fatalf("found %d Liberation Mono regular faces", len(mono))
	}
	c, err := NewSmallMultiples(metalPanels()[:2], Options{Fonts: mono, Title: "mono"})
	if err != nil {
		t.Fatal(err)
	}
	p := c.Plots()[0][0]
	for _, sty := range []font.Font{p.Title.TextStyle.Font, p.X.Tick.Label.Font, p.Y.Label.TextStyle.Font, c.titleSty.Font} {
		if sty.Variant != "Mono" {
			t.Errorf("text font %+v, want the Mono variant", sty)
		}
	}
	if p.Title.TextStyle.Handler == plot.DefaultTextHandler {
		t.Error("title uses the default text handler")
	}
	var png bytes.Buffer
	wt, err := c.WriterTo("png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wt.WriteTo(&png); err != nil || png.Len() == 0 {
		t.Errorf("writing with a supplied font: %v, %d bytes", err, png.Len())
	}
}

// tickLabels returns the labels of the labelled ticks m marks over lo … hi.
func tickLabels(m plot.Ticker, lo, hi float64) []string {
	var labels []string
	for _, tk := range m.Ticks(lo, hi) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	return labels
}

func TestYearTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []string
	}{
		{1999.5, 2015.5, []string{"2000", "2005", "2010", "2015"}},
		{2005.5, 2010.5, []string{"2006", "2007", "2008", "2009", "2010"}},
		{2000, 2010, []string{"2000", "2002", "2004", "2006", "2008", "2010"}},
		{1950, 2030, []string{"1960", "1980", "2000", "2020"}},
	} {
		if got := tickLabels(yearTicks{}, tc.lo, tc.hi); !slices.Equal(got, tc.want) {
			t.Errorf("yearTicks(%g, %g) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func TestValueTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []string
	}{
		{80, 2600, []string{"500", "1000", "1500", "2000", "2500"}},
		// (1.5−0.2)/5 = 0.26: step 0.2, the smallest of 1, 2, 2.5, 5 ×10^k ≥ 0.75·0.26.
		{0.2, 1.5, []string{"0.2", "0.4", "0.6", "0.8", "1.0", "1.2", "1.4"}},
		{0.2, 1.7, []string{"0.25", "0.50", "0.75", "1.00", "1.25", "1.50"}}, // 0.75·0.3 = 0.225: step 0.25
		{-26, 26, []string{"-20", "-10", "0", "10", "20"}},
		{3, 19, []string{"5.0", "7.5", "10.0", "12.5", "15.0", "17.5"}},
		{150000, 1250000, []string{"200000", "400000", "600000", "800000", "1000000", "1200000"}},
		{1e7, 2e7, []string{"10000000", "12000000", "14000000", "16000000", "18000000", "20000000"}},
	} {
		if got := tickLabels(valueTicks{}, tc.lo, tc.hi); !slices.Equal(got, tc.want) {
			t.Errorf("valueTicks(%g, %g) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
	// A degenerate range has no ticks.
	for _, r := range [][2]float64{{math.Inf(-1), 1}, {1, 1}, {nan, 2}} {
		if got := (valueTicks{}).Ticks(r[0], r[1]); got != nil {
			t.Errorf("valueTicks(%g, %g) = %v, want none", r[0], r[1], got)
		}
	}
}

// TestEmptyPalette checks that an empty or nil Options.Palette means the
// default palette: every chart draws as with DefaultPalette, where it used
// to divide by zero or index out of range, and that a caller's palette
// changes the chart.
func TestEmptyPalette(t *testing.T) {
	charts := []struct {
		name string
		make func(o Options) (*Chart, error)
	}{
		{"fan", func(o Options) (*Chart, error) { return NewFanChart(sparseFan("copper", 1), o) }},
		{"small multiples", func(o Options) (*Chart, error) { return NewSmallMultiples(metalPanels(), o) }},
		{"deviation", func(o Options) (*Chart, error) { return NewDeviationChart(deviations(), o) }},
		{"comparison", func(o Options) (*Chart, error) { return NewComparisonChart(comparison(), o) }},
	}
	render := func(make func(Options) (*Chart, error), o Options) (svg []byte, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		ch, err := make(o)
		if err != nil {
			return nil, err
		}
		w, err := ch.WriterTo("svg")
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if _, err := w.WriteTo(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	for _, c := range charts {
		want, err := render(c.make, Options{Palette: DefaultPalette()})
		if err != nil {
			t.Fatalf("%s with the default palette: %v", c.name, err)
		}
		for _, p := range [][]color.Color{nil, {}} {
			got, err := render(c.make, Options{Palette: p})
			if err != nil {
				t.Errorf("%s with Palette %#v: %v", c.name, p, err)
				continue
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s with Palette %#v differs from the chart with the default palette", c.name, p)
			}
		}
		grey, err := render(c.make, Options{Palette: []color.Color{color.Gray{Y: 0x80}}})
		if err != nil {
			t.Errorf("%s with a grey palette: %v", c.name, err)
		} else if bytes.Equal(grey, want) {
			t.Errorf("%s: a grey palette draws as the default one", c.name)
		}
	}
	// DefaultPalette returns a copy: changing it changes no chart.
	DefaultPalette()[0] = color.Black
	if got := DefaultPalette()[0]; got == color.Black {
		t.Error("DefaultPalette shares its slice with callers")
	}
}

// TestYHeadroom checks that Options.YHeadroom fixes each forecast panel's
// y-axis to [0, YHeadroom·max] of its history, point paths and references,
// and that a bad factor is an error.
func TestYHeadroom(t *testing.T) {
	top := func(f Fan) float64 {
		m := 0.0
		_, hs := f.History.Observed()
		for _, v := range hs {
			m = max(m, v)
		}
		for _, fc := range f.Forecasts {
			for _, v := range fc.Point.Values {
				m = max(m, v)
			}
		}
		for _, r := range f.Refs {
			m = max(m, r.Value)
		}
		return m
	}
	f := sparseFan("copper", 1)
	f.Refs = []Ref{{Year: 2015, Value: 5000, Label: "far above"}}
	c, err := NewFanChart(f, Options{YHeadroom: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	p := c.Plots()[0][0]
	if p.Y.Min != 0 || p.Y.Max != 7500 {
		t.Errorf("fan y-axis %g–%g, want 0–7500 (1.5 × the reference 5000)", p.Y.Min, p.Y.Max)
	}
	panels := metalPanels()
	c, err = NewSmallMultiples(panels, Options{YHeadroom: 2})
	if err != nil {
		t.Fatal(err)
	}
	k := 0
	for _, row := range c.Plots() {
		for _, p := range row {
			if p == nil {
				continue
			}
			if want := 2 * top(panels[k]); p.Y.Min != 0 || p.Y.Max != want {
				t.Errorf("panel %d y-axis %g–%g, want 0–%g", k, p.Y.Min, p.Y.Max, want)
			}
			k++
		}
	}
	c, err = NewFanChart(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Plots()[0][0]; p.Y.Max == 7500 {
		t.Error("without YHeadroom the axis is clipped")
	}
	for _, h := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := NewFanChart(f, Options{YHeadroom: h}); !errors.Is(err, ErrMismatch) {
			t.Errorf("YHeadroom %g: err = %v, want ErrMismatch", h, err)
		}
		if _, err := NewSmallMultiples(panels, Options{YHeadroom: h}); !errors.Is(err, ErrMismatch) {
			t.Errorf("small multiples, YHeadroom %g: err = %v, want ErrMismatch", h, err)
		}
	}
}

func TestChartSize(t *testing.T) {
	f := sparseFan("copper", 1)
	for _, tc := range []struct {
		name string
		w, h vg.Length
		want error
	}{
		{"default", 0, 0, nil},
		{"small", vg.Centimeter, vg.Centimeter, nil},
		{"negative width", -1, 0, ErrSize},
		{"negative height", 0, -20 * vg.Centimeter, ErrSize},
		{"NaN", vg.Length(math.NaN()), 0, ErrSize},
		{"infinite", vg.Length(math.Inf(1)), 0, ErrSize},
		{"under a pixel", 0.5, 0.5, ErrSize},
		// 3 m × 3 m is 11339² ≈ 1.29e8 pixels at 96 dpi, beyond 2²⁶.
		{"absurd", 300 * vg.Centimeter, 300 * vg.Centimeter, ErrSize},
		{"huge", 1e12, 1e12, ErrSize},
	} {
		o := Options{Width: tc.w, Height: tc.h}
		for kind, make := range map[string]func() (*Chart, error){
			"fan":        func() (*Chart, error) { return NewFanChart(f, o) },
			"multiples":  func() (*Chart, error) { return NewSmallMultiples([]Fan{f}, o) },
			"deviation":  func() (*Chart, error) { return NewDeviationChart(deviations(), o) },
			"comparison": func() (*Chart, error) { return NewComparisonChart(comparison(), o) },
		} {
			_, err := make()
			if !errors.Is(err, tc.want) {
				t.Errorf("%s %s (%v × %v): error %v, want %v", kind, tc.name, tc.w, tc.h, err, tc.want)
			}
		}
	}
}

func TestSmallMultiplesMany(t *testing.T) {
	for _, o := range []Options{{Cols: 1 << 40}, {Rows: math.MaxInt}, {Cols: MaxPanels + 1, Width: 10 * vg.Centimeter}} {
		if _, err := NewSmallMultiples(manyPanels(2), o); !errors.Is(err, ErrSize) {
			t.Errorf("grid %d × %d: error %v, want ErrSize", o.Cols, o.Rows, err)
		}
	}
	if _, err := NewSmallMultiples(manyPanels(MaxPanels+1), Options{}); !errors.Is(err, ErrSize) {
		t.Errorf("%d panels: error %v, want ErrSize", MaxPanels+1, err)
	}
	pages, err := SmallMultiplePages(manyPanels(100), 0, Options{Title: "many"})
	if err != nil {
		t.Fatal(err)
	}
	// 100 panels, 48 a page: 48, 48, 4.
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	n := 0
	for _, p := range pages {
		for _, row := range p.Plots() {
			for _, c := range row {
				if c != nil {
					n++
				}
			}
		}
	}
	if n != 100 {
		t.Errorf("%d panels over the pages, want 100", n)
	}
	if pages[2].title != "many (page 3 of 3)" {
		t.Errorf("title %q", pages[2].title)
	}
	for _, per := range []int{-1, MaxPanels + 1} {
		if _, err := SmallMultiplePages(manyPanels(3), per, Options{}); !errors.Is(err, ErrSize) {
			t.Errorf("perPage %d: error %v, want ErrSize", per, err)
		}
	}
	// The year labels of a panel stay apart: at 36 panels (6 columns of
	// 4 cm) each panel has at most two labels over 2000–2015.
	c, err := NewSmallMultiples(manyPanels(36), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := c.Plots()[0][0]
	if labels := len(tickLabels(p.X.Tick.Marker, 1999.5, 2015.5)); labels < 1 || labels > 2 {
		t.Errorf("%d year labels on a 4 cm panel, want 1 or 2", labels)
	}
}

func TestStylesDistinct(t *testing.T) {
	// With the six colours and six dash patterns, the first 36 methods
	// have distinct (colour, dashes).
	names := make([]string, 36)
	for i := range names {
		names[i] = fmt.Sprint(i)
	}
	st := newStyles(names, DefaultPalette())
	seen := map[string]string{}
	for _, n := range names {
		ls := st.line(n, "combination")
		key := fmt.Sprint(ls.Color, ls.Dashes)
		if prev, ok := seen[key]; ok {
			t.Errorf("methods %s and %s share colour and dashes %s", prev, n, key)
		}
		seen[key] = n
	}
	// A one-colour palette still gives six distinct dash patterns.
	st = newStyles(names[:6], DefaultPalette()[:1])
	dseen := map[string]bool{}
	for _, n := range names[:6] {
		dseen[fmt.Sprint(st.line(n, "").Dashes)] = true
	}
	if len(dseen) != 6 {
		t.Errorf("one colour: %d distinct dash patterns, want 6", len(dseen))
	}
}

func TestRefAlign(t *testing.T) {
	refs := []Ref{{2015, 70, "plan"}, {2015, 73, "outcome"}, {2010, 50, "alone"}, {2015, 71, "middle"}}
	got := refAlign(refs)
	want := []text.YAlignment{text.YTop, text.YBottom, text.YCenter, text.YCenter}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("alignment (-want +got):\n%s", d)
	}
	// Equal values: the first above, the second below.
	if got := refAlign([]Ref{{2015, 5, "a"}, {2015, 5, "b"}}); got[0] != text.YBottom || got[1] != text.YTop {
		t.Errorf("equal values: %v", got)
	}
}

func TestLegendNotes(t *testing.T) {
	c, err := NewFanChart(wideFan(), Options{YHeadroom: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range c.legend {
		names = append(names, e.name)
	}
	for _, w := range []string{BeyondLabel, "intensity" + NegativeLabel, "regression" + NegativeLabel} {
		if !slices.Contains(names, w) {
			t.Errorf("legend %q lacks %q", names, w)
		}
	}
	// Signed: no clipping note; no headroom: no beyond marks.
	c, err = NewFanChart(wideFan(), Options{Signed: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.legend {
		if strings.Contains(e.name, NegativeLabel) || e.name == BeyondLabel {
			t.Errorf("signed, no headroom: legend has %q", e.name)
		}
	}
	// The caller's forecast is not changed by the clipping.
	f := wideFan()
	if _, err := NewFanChart(f, Options{}); err != nil {
		t.Fatal(err)
	}
	if v, _ := f.Forecasts[0].Lower.At(2015); !(v < 0) {
		t.Errorf("caller's lower bound changed to %g", v)
	}
	// The axis of a fixed panel runs from 0 to 1.5 × the largest point.
	c, _ = NewFanChart(wideFan(), Options{YHeadroom: 1.5})
	p := c.Plots()[0][0]
	top := 1.5 * 52 * math.Pow(1.12, 5)
	if p.Y.Min != 0 || math.Abs(p.Y.Max-top) > 1e-9*top {
		t.Errorf("y-axis %g–%g, want 0–%g", p.Y.Min, p.Y.Max, top)
	}
}

func TestMissingGlyphs(t *testing.T) {
	if got := (Options{}).MissingGlyphs("copper (10 kt), Ωμ, медь"); len(got) != 0 {
		t.Errorf("Latin, Greek, Cyrillic: missing %q", string(got))
	}
	if got := (Options{}).MissingGlyphs("铜 copper 铜铝"); string(got) != "铜铝" {
		t.Errorf("Chinese with the bundled fonts: missing %q, want 铜铝", string(got))
	}
	// A CJK font on the system, where there is one, covers them.
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	data, err := os.ReadFile(droid)
	if err != nil {
		t.Skipf("no CJK font to try: %v", err)
	}
	fonts, err := ParseFont("droid", data)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Fonts: fonts}
	if got := o.MissingGlyphs("精炼铜 电解铝"); len(got) != 0 {
		t.Errorf("%s: missing %q", droid, string(got))
	}
	f := sparseFan("精炼铜", 1)
	c, err := NewFanChart(f, Options{Fonts: fonts, Title: "精炼铜：需求预测"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Save(filepath.Join(t.TempDir(), "cjk.png")); err != nil {
		t.Fatal(err)
	}
}

func TestSignedAxis(t *testing.T) {
	// A balance that is negative in 2005: with Signed and YHeadroom the
	// axis reaches down to 1.5 × −40; without Signed it starts at zero.
	f := Fan{History: series.New("balance", "kt", 2000, 10, nan, nan, nan, nan, -40, nan, nan, nan, nan, 20)}
	for _, tc := range []struct {
		signed   bool
		min, max float64
	}{{true, -60, 30}, {false, 0, 30}} {
		c, err := NewFanChart(f, Options{YHeadroom: 1.5, Signed: tc.signed})
		if err != nil {
			t.Fatal(err)
		}
		p := c.Plots()[0][0]
		if p.Y.Min != tc.min || p.Y.Max != tc.max {
			t.Errorf("signed %v: y-axis %g–%g, want %g–%g", tc.signed, p.Y.Min, p.Y.Max, tc.min, tc.max)
		}
	}
}

// FuzzFanChartSize builds fan charts and small multiples of any size and
// data: no size or value may panic, and an error is one of the sentinels.
func FuzzFanChartSize(f *testing.F) {
	f.Add(0.0, 0.0, 1.0, 2.0, 3.0, -1.0, 0.0, 2000)
	f.Add(-5.0, 1e300, 100.0, 50.0, 150.0, 40.0, 1.5, 2010)
	f.Add(math.NaN(), math.Inf(1), 1.0, math.NaN(), 3.0, -1e308, 3.0, math.MaxInt-2)
	f.Add(600.0, 1e4, 0.0, 0.0, 0.0, 0.0, 0.0, math.MinInt+1)
	f.Fuzz(func(t *testing.T, w, h, a, b, c, lo, headroom float64, start int) {
		hist := series.New("x", "kt", start, a, b)
		point := series.New("x", "kt", start+2, c)
		fc := forecast.Forecast{Method: "m", Point: point, Lower: series.New("x", "kt", start+2, lo), Upper: series.New("x", "kt", start+2, c+1), Level: 0.8}
		fan := Fan{History: hist, Forecasts: []forecast.Forecast{fc}, Refs: []Ref{{Year: start + 2, Value: b, Label: "r"}}}
		o := Options{Width: vg.Length(w), Height: vg.Length(h), YHeadroom: headroom}
		for _, err := range []error{
			func() error { _, err := NewFanChart(fan, o); return err }(),
			func() error { _, err := NewSmallMultiples([]Fan{fan, fan}, o); return err }(),
		} {
			if err != nil && !errors.Is(err, ErrSize) && !errors.Is(err, ErrNaN) && !errors.Is(err, ErrMismatch) && !errors.Is(err, ErrNoData) {
				t.Errorf("error %v wraps no sentinel", err)
			}
		}
	})
}

func TestFanChartYearLabels(t *testing.T) {
	// At 20 cm the sparse fan's 2000–2015 gets labels every 5 years; at
	// 10 cm, with the legend taking half, every 10 or 20.
	for _, tc := range []struct {
		w        vg.Length
		min, max int
	}{{0, 4, 4}, {10 * vg.Centimeter, 1, 2}} {
		c, err := NewFanChart(sparseFan("copper", 1), Options{Width: tc.w})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(tickLabels(c.Plots()[0][0].X.Tick.Marker, 1999.5, 2015.5)); n < tc.min || n > tc.max {
			t.Errorf("width %v: %d year labels, want %d to %d", tc.w, n, tc.min, tc.max)
		}
	}
}
