package plotting_test

import (
	"errors"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot/vg"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plotting"
	"github.com/nonferrous/demand/series"
)

// path returns a path in a fresh temporary directory.
func path(name string) string {
	dir, err := os.MkdirTemp("", "plotting")
	if err != nil {
		log.Fatal(err)
	}
	return filepath.Join(dir, name)
}

// grow returns base·(1+g)^k for k = 1…n from the year after last.
func grow(last int, base, g float64, n int) series.Series {
	v := make([]float64, n)
	for k := range v {
		v[k] = base * math.Pow(1+g, float64(k+1))
	}
	return series.New("copper", "10 kt", last+1, v...)
}

// band returns point with bounds point·(1 ∓ w·k) in forecast year k.
func band(method string, point series.Series, level, w float64) forecast.Forecast {
	lo, hi := point.Clone(), point.Clone()
	for i, v := range point.Values {
		lo.Values[i], hi.Values[i] = v*(1-w*float64(i+1)), v*(1+w*float64(i+1))
	}
	return forecast.Forecast{Method: method, Point: point, Lower: lo, Upper: hi, Level: level}
}

func copperFan() plotting.Fan {
	nan := math.NaN()
	h := series.New("copper", "10 kt", 2000, 192, nan, nan, nan, nan, 363, nan, nan, nan, nan, 740)
	trend := grow(2010, 740, 0.07, 5)
	slow := grow(2010, 740, 0.05, 5)
	comb := grow(2010, 740, 0.06, 5)
	return plotting.Fan{
		History: h,
		Derived: []int{2000}, // 2000 is derived, not observed
		Forecasts: []forecast.Forecast{
			band("trend", trend, 0.95, 0.03),
			band("trend", trend, 0.80, 0.02),
			band("slow", slow, 0.95, 0.025),
			band("combination", comb, 0.80, 0.015),
		},
		Refs: []plotting.Ref{{Year: 2015, Value: 1000, Label: "plan 2015"}},
	}
}

func ExampleNewFanChart() {
	c, err := plotting.NewFanChart(copperFan(), plotting.Options{Title: "Copper demand"})
	if err != nil {
		log.Fatal(err)
	}
	out := path("fan.png")
	defer os.RemoveAll(filepath.Dir(out))
	if err := c.Save(out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(filepath.Base(out))
	// Output: fan.png
}

func ExampleNewSmallMultiples() {
	var panels []plotting.Fan
	for _, name := range []string{"copper", "aluminium", "lead", "zinc"} {
		f := copperFan()
		f.Title = name
		panels = append(panels, f)
	}
	c, err := plotting.NewSmallMultiples(panels, plotting.Options{Title: "Four metals"})
	if err != nil {
		log.Fatal(err)
	}
	out := path("metals.svg")
	defer os.RemoveAll(filepath.Dir(out))
	if err := c.Save(out); err != nil {
		log.Fatal(err)
	}
	g := c.Plots()
	fmt.Printf("%s: %d columns × %d rows\n", filepath.Base(out), len(g[0]), len(g))
	// Output: metals.svg: 2 columns × 2 rows
}

func ExampleNewDeviationChart() {
	d := plotting.Deviations{
		Series:  []string{"copper", "aluminium"},
		Methods: []string{"elasticity", "regression", "combination"},
		Pct: [][]float64{
			{-4.2, 12.5, 4.1},
			{8.0, math.NaN(), 8.0}, // no regression figure for aluminium
		},
	}
	c, err := plotting.NewDeviationChart(d, plotting.Options{Title: "Deviation from the plan's 2015 figure"})
	if err != nil {
		log.Fatal(err)
	}
	out := path("deviation.pdf")
	defer os.RemoveAll(filepath.Dir(out))
	if err := c.Save(out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(filepath.Base(out))
	// Output: deviation.pdf
}

func ExampleNewComparisonChart() {
	d := plotting.Comparison{
		Series:          []string{"copper", "aluminium", "lead"},
		Historical:      []float64{1.05, 1.62, 1.31},
		Implied:         []float64{0.78, 0.95, 0.70},
		HistoricalLabel: "2006–2010",
		ImpliedLabel:    "implied by the plan",
	}
	c, err := plotting.NewComparisonChart(d, plotting.Options{XLabel: "elasticity of demand to GDP"})
	if err != nil {
		log.Fatal(err)
	}
	out := path("elasticity.png")
	defer os.RemoveAll(filepath.Dir(out))
	if err := c.Save(out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(filepath.Base(out))
	// Output: elasticity.png
}

func ExampleChart_Save_unknownFormat() {
	c, err := plotting.NewFanChart(copperFan(), plotting.Options{})
	if err != nil {
		log.Fatal(err)
	}
	out := path("chart.gif")
	defer os.RemoveAll(filepath.Dir(out))
	fmt.Println(c.Save(out) != nil)
	// Output: true
}

func ExampleNewFanChart_noData() {
	_, err := plotting.NewFanChart(plotting.Fan{}, plotting.Options{})
	fmt.Println(err)
	// Output: plotting: no data: history unnamed series is empty
}

// SmallMultiplePages splits many series over pages of small multiples.
func ExampleSmallMultiplePages() {
	panels := make([]plotting.Fan, 30)
	for i := range panels {
		panels[i] = copperFan()
		panels[i].Title = fmt.Sprintf("series %d", i+1)
	}
	pages, err := plotting.SmallMultiplePages(panels, 12, plotting.Options{Title: "Thirty series"})
	if err != nil {
		log.Fatal(err)
	}
	for i, c := range pages {
		w, h := c.Size()
		fmt.Printf("page %d: %.0f × %.0f cm\n", i+1, w/vg.Centimeter, h/vg.Centimeter)
	}
	// Output:
	// page 1: 21 × 18 cm
	// page 2: 21 × 18 cm
	// page 3: 21 × 18 cm
}

// MissingGlyphs tells which characters of a label the chart fonts lack:
// the bundled fonts have no Chinese.
func ExampleOptions_MissingGlyphs() {
	fmt.Printf("%q\n", string(plotting.Options{}.MissingGlyphs("精炼铜 refined copper")))
	// Output:
	// "精炼铜"
}

// A chart size beyond the pixel budget is an error, not an allocation.
func ExampleNewFanChart_size() {
	_, err := plotting.NewFanChart(copperFan(), plotting.Options{Width: 500 * vg.Centimeter, Height: 500 * vg.Centimeter})
	fmt.Println(errors.Is(err, plotting.ErrSize))
	// Output:
	// true
}
