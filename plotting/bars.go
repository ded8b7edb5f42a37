package plotting

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Deviations is the data of a deviation chart: the percent deviation of
// each method's figure from a reference (for example a published
// forecast), for each series.
type Deviations struct {
	// Series names the groups, drawn top to bottom.
	Series []string
	// Methods names the bars of each group, drawn top to bottom within it.
	Methods []string
	// Pct[i][j] is the deviation of method j for series i, in percent:
	// 100·(figure − reference)/reference. NaN means the method has no
	// figure for the series: no bar is drawn.
	Pct [][]float64
	// Combination is the method drawn in vermillion as the combination.
	// Empty means "combination".
	Combination string
}

// Comparison is the data of a parameter comparison chart: a historical
// and an implied value of one parameter for each series, such as the
// historical elasticity and the one a published forecast implies.
type Comparison struct {
	// Series names the rows, drawn top to bottom.
	Series []string
	// Historical and Implied hold one value per series. NaN means the value
	// is unknown: its dot is not drawn.
	Historical, Implied []float64
	// HistoricalLabel and ImpliedLabel name the values in the legend.
	// Empty means "historical" and "implied".
	HistoricalLabel, ImpliedLabel string
}

// NewDeviationChart returns a chart of grouped horizontal bars, one group
// per series and one bar per method, with a line at zero and the legend at
// the right. Default x label "deviation from reference (%)"; default size
// 20 cm wide and 3 cm + (0.35 cm per method + 0.3 cm) per series high, at
// least 10 cm.
//
// It returns an error wrapping ErrNoData for no series, no methods or only
// NaN deviations, ErrMismatch when Pct does not have one row per series
// and one value per method, and ErrNaN for an infinite deviation.
func NewDeviationChart(d Deviations, o Options) (*Chart, error) {
	ns, nm := len(d.Series), len(d.Methods)
	if ns == 0 || nm == 0 {
		return nil, fmt.Errorf("%w: deviation chart with %d series and %d methods", ErrNoData, ns, nm)
	}
	if len(d.Pct) != ns {
		return nil, fmt.Errorf("%w: %d rows of deviations for %d series", ErrMismatch, len(d.Pct), ns)
	}
	any := false
	for i, row := range d.Pct {
		if len(row) != nm {
			return nil, fmt.Errorf("%w: %d deviations for %d methods in row %d (%s)", ErrMismatch, len(row), nm, i, label(d.Series[i]))
		}
		for j, v := range row {
			if math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: deviation of %q for %s", ErrNaN, d.Methods[j], label(d.Series[i]))
			}
			any = any || !math.IsNaN(v)
		}
	}
	if !any {
		return nil, fmt.Errorf("%w: every deviation is NaN", ErrNoData)
	}
	comb := d.Combination
	if comb == "" {
		comb = defaultCombination
	}
	var others []string
	for _, m := range d.Methods {
		if m != comb {
			others = append(others, m)
		}
	}
	st := newStyles(others, o.palette())
	fs := newFontSet(o)
	p := newRowsPlot(fs, o, "deviation from reference (%)")
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = gridColor
	p.Add(grid)

	// Group i is centred at y = ns−1−i; its bars share 80 % of a unit.
	h := 0.8 / float64(nm)
	var entries []legendEntry
	for j, m := range d.Methods {
		col := st.line(m, comb).Color
		b := &hbars{height: h, color: col}
		if m == comb {
			b.outline = draw.LineStyle{Color: black, Width: vg.Points(1)}
		}
		for i := range d.Series {
			v := d.Pct[i][j]
			if math.IsNaN(v) {
				continue
			}
			b.bars = append(b.bars, plotter.XY{X: v, Y: float64(ns-1-i) + 0.4 - (float64(j)+0.5)*h})
		}
		p.Add(b)
		entries = append(entries, legendEntry{m, []plot.Thumbnailer{b}})
	}
	zero, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(ns) - 0.5}})
	zero.LineStyle = draw.LineStyle{Color: black, Width: vg.Points(1.2)}
	p.Add(zero)
	rowAxis(p, d.Series)

	c := &Chart{plots: [][]*plot.Plot{{p}}, legend: entries, fonts: fs, width: o.Width, height: o.Height}
	if c.width == 0 {
		c.width = 20 * vg.Centimeter
	}
	if c.height == 0 {
		c.height = max(10*vg.Centimeter, 3*vg.Centimeter+vg.Length(ns)*(0.35*vg.Length(nm)+0.3)*vg.Centimeter)
	}
	if err := checkSize(c.width, c.height); err != nil {
		return nil, err
	}
	return c, nil
}

// NewComparisonChart returns a dot-and-line (dumbbell) chart: for each
// series an open circle at the historical value, a filled circle at the
// implied one and a line between them, with the legend at the right.
// Default x label "value"; default size 18 cm wide and 3 cm + 0.9 cm per
// series high, at least 8 cm.
//
// It returns an error wrapping ErrNoData for no series or only NaN values,
// ErrMismatch when Historical or Implied does not hold one value per
// series, and ErrNaN for an infinite value.
func NewComparisonChart(d Comparison, o Options) (*Chart, error) {
	n := len(d.Series)
	if n == 0 {
		return nil, fmt.Errorf("%w: comparison with no series", ErrNoData)
	}
	if len(d.Historical) != n || len(d.Implied) != n {
		return nil, fmt.Errorf("%w: %d historical and %d implied values for %d series", ErrMismatch, len(d.Historical), len(d.Implied), n)
	}
	any := false
	for i := range n {
		for _, v := range []float64{d.Historical[i], d.Implied[i]} {
			if math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: comparison value for %s", ErrNaN, label(d.Series[i]))
			}
			any = any || !math.IsNaN(v)
		}
	}
	if !any {
		return nil, fmt.Errorf("%w: every comparison value is NaN", ErrNoData)
	}
	hl, il := d.HistoricalLabel, d.ImpliedLabel
	if hl == "" {
		hl = "historical"
	}
	if il == "" {
		il = "implied"
	}
	fs := newFontSet(o)
	p := newRowsPlot(fs, o, "value")
	grid := plotter.NewGrid()
	grid.Vertical.Color = gridColor
	grid.Horizontal.Color = gridColor
	p.Add(grid)

	link := draw.LineStyle{Color: color.Gray{Y: 0x80}, Width: vg.Points(2)}
	var hist, impl plotter.XYs
	for i := range n {
		y := float64(n - 1 - i)
		a, b := d.Historical[i], d.Implied[i]
		if !math.IsNaN(a) && !math.IsNaN(b) {
			l, _ := plotter.NewLine(plotter.XYs{{X: a, Y: y}, {X: b, Y: y}})
			l.LineStyle = link
			p.Add(l)
		}
		if !math.IsNaN(a) {
			hist = append(hist, plotter.XY{X: a, Y: y})
		}
		if !math.IsNaN(b) {
			impl = append(impl, plotter.XY{X: b, Y: y})
		}
	}
	hs := draw.GlyphStyle{Color: o.palette()[0], Radius: vg.Points(4.5), Shape: openCircle{}}
	is := draw.GlyphStyle{Color: vermillion, Radius: vg.Points(4.5), Shape: draw.CircleGlyph{}}
	for _, g := range []struct {
		xys plotter.XYs
		sty draw.GlyphStyle
	}{{hist, hs}, {impl, is}} {
		if len(g.xys) == 0 {
			continue
		}
		s, _ := plotter.NewScatter(g.xys)
		s.GlyphStyle = g.sty
		p.Add(s)
	}
	rowAxis(p, d.Series)
	entries := []legendEntry{
		{hl, []plot.Thumbnailer{glyphThumb(hs)}},
		{il, []plot.Thumbnailer{glyphThumb(is)}},
	}
	c := &Chart{plots: [][]*plot.Plot{{p}}, legend: entries, fonts: fs, width: o.Width, height: o.Height}
	if c.width == 0 {
		c.width = 18 * vg.Centimeter
	}
	if c.height == 0 {
		c.height = max(8*vg.Centimeter, 3*vg.Centimeter+vg.Length(n)*0.9*vg.Centimeter)
	}
	if err := checkSize(c.width, c.height); err != nil {
		return nil, err
	}
	return c, nil
}

// newRowsPlot returns the plot of a chart with a row of values for each
// series: the title and labels of o, the x label xlabel where o has none,
// and value ticks on the x-axis. rowAxis finishes it.
func newRowsPlot(fs fontSet, o Options, xlabel string) *plot.Plot {
	if o.XLabel != "" {
		xlabel = o.XLabel
	}
	p := newPlot(fs, o.Title, xlabel, o.YLabel, 13)
	p.X.Tick.Marker = valueTicks{}
	return p
}

// rowAxis names the rows of p on its y-axis, names[0] at the top (row i
// is centred at y = len(names)−1−i), without tick marks, and pads the x
// range (padX).
func rowAxis(p *plot.Plot, names []string) {
	p.NominalY(reversed(names)...)
	p.Y.Tick.Width = 0
	p.Y.Min, p.Y.Max = -0.5, float64(len(names))-0.5
	padX(p)
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

// hbars draws horizontal bars from x = 0 to each point's X, centred on its
// Y, of a fixed height in data units.
type hbars struct {
	bars    plotter.XYs
	height  float64
	color   color.Color
	outline draw.LineStyle // none when Width is zero
}

// Plot implements plot.Plotter.
func (b *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, xy := range b.bars {
		x0, x1 := tx(math.Min(0, xy.X)), tx(math.Max(0, xy.X))
		y0, y1 := ty(xy.Y-b.height/2), ty(xy.Y+b.height/2)
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}}
		c.FillPolygon(b.color, pts)
		if b.outline.Width > 0 {
			c.StrokeLines(b.outline, c.ClipLinesXY(pts)...)
		}
	}
}

// DataRange implements plot.DataRanger: it always includes zero.
func (b *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, xy := range b.bars {
		xmin, xmax = math.Min(xmin, xy.X), math.Max(xmax, xy.X)
		ymin, ymax = math.Min(ymin, xy.Y-b.height/2), math.Max(ymax, xy.Y+b.height/2)
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer.
func (b *hbars) Thumbnail(c *draw.Canvas) {
	bandThumb(draw.LineStyle{Color: b.color}).Thumbnail(c)
	if b.outline.Width > 0 {
		h := (c.Max.Y - c.Min.Y) * 0.4
		y := c.Center().Y
		c.StrokeLines(b.outline, []vg.Point{{X: c.Min.X, Y: y - h}, {X: c.Max.X, Y: y - h}, {X: c.Max.X, Y: y + h}, {X: c.Min.X, Y: y + h}, {X: c.Min.X, Y: y - h}})
	}
}

// padX widens the x range of p by 4 % on each side.
func padX(p *plot.Plot) {
	d := 0.04 * (p.X.Max - p.X.Min)
	p.X.Min -= d
	p.X.Max += d
}
