package plotting

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"
)

// checkGolden compares c's PNG rendering with testdata/<name>_golden.png.
// Run "go test -regen" (cmpimg.GenerateTestData) to rewrite the golden
// images. Output that differs is written, with a difference image, to a
// temporary directory.
func checkGolden(t *testing.T, name string, c *Chart) {
	t.Helper()
	wt, err := c.WriterTo("png")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", name+"_golden.png")
	if *cmpimg.GenerateTestData {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("reading golden image: %v", err)
	}
	ok, err := cmpimg.EqualApprox("png", buf.Bytes(), want, 0.01)
	if err != nil {
		t.Fatalf("comparing with %s: %v", golden, err)
	}
	if ok {
		return
	}
	dir := t.TempDir()
	got := filepath.Join(dir, name+".png")
	if err := os.WriteFile(got, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ig, err1 := png.Decode(bytes.NewReader(buf.Bytes()))
	iw, err2 := png.Decode(bytes.NewReader(want))
	if err1 == nil && err2 == nil {
		diff := image.NewRGBA(ig.Bounds().Union(iw.Bounds()))
		cmpimg.Diff(diff, ig, iw)
		var d bytes.Buffer
		if err := png.Encode(&d, diff); err == nil {
			_ = os.WriteFile(filepath.Join(dir, name+"_diff.png"), d.Bytes(), 0o644)
		}
	}
	t.Errorf("%s differs from %s (difference image %s_diff.png beside it)", got, golden, name)
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func() (*Chart, error)
	}{
		{"fan", func() (*Chart, error) {
			return NewFanChart(sparseFan("copper", 1), Options{Title: "Copper demand"})
		}},
		{"fan_annual", func() (*Chart, error) {
			return NewFanChart(annualFan(), Options{Title: "Aluminium demand, annual history", YLabel: "consumption (10 kt)"})
		}},
		{"multiples", func() (*Chart, error) {
			return NewSmallMultiples(metalPanels(), Options{Title: "Demand for the ten metals"})
		}},
		{"deviation", func() (*Chart, error) {
			return NewDeviationChart(deviations(), Options{Title: "Deviation of 2015 forecasts from the plan"})
		}},
		// Bands beyond a fixed axis are marked ▲ at the top; the lower
		// bounds below zero are drawn at zero with a legend note; the two
		// 2015 labels sit above and below their points.
		{"fan_clipped", func() (*Chart, error) {
			return NewFanChart(wideFan(), Options{Title: "Nickel: wide bands, clipped", YHeadroom: 1.5})
		}},
		// Nine methods with six colours: methods 1 and 7 share blue but
		// not dashes.
		{"fan_many", func() (*Chart, error) {
			return NewFanChart(manyMethods(9), Options{Title: "Nine methods, six colours"})
		}},
		// 30 panels: 6 columns, three year labels a panel.
		{"multiples_30", func() (*Chart, error) {
			return NewSmallMultiples(manyPanels(30), Options{Title: "Thirty series"})
		}},
		{"comparison", func() (*Chart, error) {
			return NewComparisonChart(comparison(), Options{Title: "Historical and implied elasticity", XLabel: "elasticity of demand to GDP"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.make()
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name, c)
		})
	}
}

// benchmarkPNG times making a chart with newChart and writing it as PNG.
func benchmarkPNG(b *testing.B, newChart func() (*Chart, error)) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := newChart()
		if err != nil {
			b.Fatal(err)
		}
		wt, _ := c.WriterTo("png")
		if _, err := wt.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFanChartPNG(b *testing.B) {
	f := sparseFan("copper", 1)
	benchmarkPNG(b, func() (*Chart, error) { return NewFanChart(f, Options{}) })
}

func BenchmarkSmallMultiplesPNG(b *testing.B) {
	panels := metalPanels()
	benchmarkPNG(b, func() (*Chart, error) { return NewSmallMultiples(panels, Options{}) })
}

// BenchmarkFanChartPNGFont draws with a caller's font and the per-character
// fallback to the bundled one (Droid Sans Fallback, where installed).
func BenchmarkFanChartPNGFont(b *testing.B) {
	data, err := os.ReadFile("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
	if err != nil {
		b.Skip(err)
	}
	fonts, err := ParseFont("droid", data)
	if err != nil {
		b.Fatal(err)
	}
	f := sparseFan("精炼铜", 1)
	benchmarkPNG(b, func() (*Chart, error) { return NewFanChart(f, Options{Fonts: fonts, Title: "精炼铜 demand"}) })
}
