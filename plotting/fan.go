package plotting

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Ref is a labelled reference point, such as a published target.
type Ref struct {
	Year  int
	Value float64
	Label string
}

// Fan is the data of a forecast chart: a history, forecast paths with
// their prediction intervals, and reference points.
type Fan struct {
	// Title names the panel in small multiples; empty means the history's
	// name, followed by its unit in parentheses.
	Title string
	// History is the observed series. Missing (NaN) years are skipped and
	// the present ones joined by a line.
	History series.Series
	// Derived lists the years of History whose values are derived rather
	// than observed; they are drawn as open circles, the observed ones as
	// filled circles. Each must be a present year of History.
	Derived []int
	// Forecasts are the method paths. Forecasts with the same Method name
	// are one method at several interval levels: the path of the first is
	// drawn, and the interval of each as a translucent band, the bands
	// nesting into a fan. A forecast whose Lower or Upper holds a NaN gets
	// no band.
	Forecasts []forecast.Forecast
	// Combination is the Method name of the forecasts drawn prominently as
	// the combination (a thick vermillion line). Empty means "combination".
	Combination string
	// Refs are reference points drawn as black triangles with their label.
	Refs []Ref
}

const defaultCombination = "combination"

func (f *Fan) combination() string {
	if f.Combination == "" {
		return defaultCombination
	}
	return f.Combination
}

func (f *Fan) title() string {
	if f.Title != "" {
		return f.Title
	}
	if f.History.Unit != "" {
		return fmt.Sprintf("%s (%s)", f.History.Name, f.History.Unit)
	}
	return f.History.Name
}

// label names a series in errors.
func label(name string) string {
	if name == "" {
		return "unnamed series"
	}
	return strconv.Quote(name)
}

// check validates f and returns the last present year of its history with
// its value.
func (f *Fan) check() (lastYear int, lastValue float64, err error) {
	h := f.History
	if h.Len() == 0 {
		return 0, 0, fmt.Errorf("%w: history %s is empty", ErrNoData, label(h.Name))
	}
	lastYear = math.MinInt
	for i, v := range h.Values {
		if math.IsInf(v, 0) {
			return 0, 0, fmt.Errorf("%w: history %s at %d", ErrNaN, label(h.Name), h.Start+i)
		}
		if !math.IsNaN(v) {
			lastYear, lastValue = h.Start+i, v
		}
	}
	if lastYear == math.MinInt {
		return 0, 0, fmt.Errorf("%w: history %s has no observed year", ErrNoData, label(h.Name))
	}
	for _, y := range f.Derived {
		if v, ok := h.At(y); !ok || math.IsNaN(v) {
			return 0, 0, fmt.Errorf("%w: derived year %d is not a present year of history %s", ErrMismatch, y, label(h.Name))
		}
	}
	for _, fc := range f.Forecasts {
		p := fc.Point
		if p.Len() == 0 {
			return 0, 0, fmt.Errorf("%w: forecast %q for %s has an empty path", ErrNoData, fc.Method, label(h.Name))
		}
		for i, v := range p.Values {
			if !finite(v) {
				return 0, 0, fmt.Errorf("%w: forecast %q for %s at %d", ErrNaN, fc.Method, label(h.Name), p.Start+i)
			}
		}
		if !hasBand(fc) {
			continue
		}
		for _, b := range []series.Series{fc.Lower, fc.Upper} {
			if b.Start != p.Start || b.Len() != p.Len() {
				return 0, 0, fmt.Errorf("%w: forecast %q for %s: interval covers %d–%d, path %d–%d",
					ErrMismatch, fc.Method, label(h.Name), b.Start, b.End(), p.Start, p.End())
			}
			for i, v := range b.Values {
				if math.IsInf(v, 0) {
					return 0, 0, fmt.Errorf("%w: forecast %q for %s: interval bound at %d", ErrNaN, fc.Method, label(h.Name), b.Start+i)
				}
			}
		}
	}
	for _, r := range f.Refs {
		if !finite(r.Value) {
			return 0, 0, fmt.Errorf("%w: reference %q at %d", ErrNaN, r.Label, r.Year)
		}
	}
	return lastYear, lastValue, nil
}

// hasBand reports whether fc has an interval to shade: bounds present and
// without NaN.
func hasBand(fc forecast.Forecast) bool {
	if fc.Lower.Len() == 0 || fc.Upper.Len() == 0 {
		return false
	}
	for _, b := range []series.Series{fc.Lower, fc.Upper} {
		for _, v := range b.Values {
			if math.IsNaN(v) {
				return false
			}
		}
	}
	return true
}

// methodOrder returns the method names of the fans, in order of first
// appearance, without the combination.
func methodOrder(fans []Fan) []string {
	var names []string
	for i := range fans {
		for _, fc := range fans[i].Forecasts {
			if fc.Method != fans[i].combination() && !slices.Contains(names, fc.Method) {
				names = append(names, fc.Method)
			}
		}
	}
	return names
}

// styles holds the line and glyph styles of a chart's elements.
type styles struct {
	methods  []string
	history  draw.LineStyle
	observed draw.GlyphStyle
	derived  draw.GlyphStyle
	ref      draw.GlyphStyle
}

func newStyles(methods []string) styles {
	return styles{
		methods:  methods,
		history:  draw.LineStyle{Color: black, Width: vg.Points(1.2)},
		observed: draw.GlyphStyle{Color: black, Radius: vg.Points(3), Shape: draw.CircleGlyph{}},
		derived:  draw.GlyphStyle{Color: black, Radius: vg.Points(3), Shape: openCircle{}},
		ref:      draw.GlyphStyle{Color: black, Radius: vg.Points(4.5), Shape: draw.PyramidGlyph{}},
	}
}

func (s styles) line(method, combination string) draw.LineStyle {
	if method == combination {
		return draw.LineStyle{Color: vermillion, Width: vg.Points(3)}
	}
	i := slices.Index(s.methods, method)
	return draw.LineStyle{Color: methodColor(i), Width: vg.Points(1.6), Dashes: methodDashes(i)}
}

func (s styles) fill(method, combination string) draw.LineStyle {
	ls := s.line(method, combination)
	ls.Color = alpha(ls.Color, 0x38)
	return ls
}

// openCircle is a circle glyph with a white fill, so that it reads as open
// over lines and bands.
type openCircle struct{}

func (openCircle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.SetColor(white)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1.2)})
	c.Stroke(p)
}

// glyphThumb draws a glyph as a legend thumbnail.
type glyphThumb draw.GlyphStyle

func (g glyphThumb) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(draw.GlyphStyle(g), c.Center())
}

// lineThumb draws a line as a legend thumbnail.
type lineThumb draw.LineStyle

func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle(l), c.Min.X, y, c.Max.X, y)
}

// bandThumb draws a band as a legend thumbnail.
type bandThumb draw.LineStyle

func (b bandThumb) Thumbnail(c *draw.Canvas) {
	h := (c.Max.Y - c.Min.Y) * 0.8
	y := c.Center().Y
	r := vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: y - h/2}, Max: vg.Point{X: c.Max.X, Y: y + h/2}}
	c.SetColor(b.Color)
	c.Fill(r.Path())
}

// fanPlot builds the plot of one fan. It returns the legend entries the
// fan needs.
func fanPlot(f *Fan, st styles, fs fontSet, title, xlabel, ylabel string, titleSize float64) (*plot.Plot, []legendEntry, error) {
	lastYear, lastValue, err := f.check()
	if err != nil {
		return nil, nil, err
	}
	comb := f.combination()
	p := newPlot(fs, title, xlabel, ylabel, titleSize)
	p.X.Tick.Marker = yearTicks{}
	grid := plotter.NewGrid()
	grid.Vertical.Color = gridColor
	grid.Horizontal.Color = gridColor
	p.Add(grid)

	// Group forecasts by method: the combination last, so it is on top.
	names := methodOrder([]Fan{*f})
	hasComb := false
	for _, fc := range f.Forecasts {
		if fc.Method == comb {
			hasComb = true
			break
		}
	}
	if hasComb {
		names = append(names, comb)
	}
	byMethod := make(map[string][]forecast.Forecast)
	for _, fc := range f.Forecasts {
		byMethod[fc.Method] = append(byMethod[fc.Method], fc)
	}

	// Bands first, widest level first, so that narrower ones lie on top
	// and the overlap darkens toward the path.
	var levels = make(map[string][]float64)
	for _, m := range names {
		var bands []forecast.Forecast
		for _, fc := range byMethod[m] {
			if hasBand(fc) {
				bands = append(bands, fc)
			}
		}
		slices.SortStableFunc(bands, func(a, b forecast.Forecast) int {
			switch {
			case a.Level > b.Level:
				return -1
			case a.Level < b.Level:
				return 1
			}
			return 0
		})
		for _, fc := range bands {
			levels[m] = append(levels[m], fc.Level)
			poly, err := plotter.NewPolygon(bandXYs(fc, lastYear, lastValue))
			if err != nil {
				return nil, nil, fmt.Errorf("plotting: band of %q: %w", m, err)
			}
			poly.Color = st.fill(m, comb).Color
			poly.LineStyle = draw.LineStyle{Color: alpha(st.line(m, comb).Color, 0x90), Width: vg.Points(0.6)}
			p.Add(poly)
		}
	}

	var entries []legendEntry
	// History: a line through the present years, observed and derived
	// points marked differently.
	hist, obs, der := historyXYs(f.History, f.Derived)
	hl, err := plotter.NewLine(hist)
	if err != nil {
		return nil, nil, fmt.Errorf("plotting: history: %w", err)
	}
	hl.LineStyle = st.history

	// Method paths, joined to the last observation when they follow it.
	for _, m := range names {
		fc := byMethod[m][0]
		l, err := plotter.NewLine(pathXYs(fc.Point, lastYear, lastValue))
		if err != nil {
			return nil, nil, fmt.Errorf("plotting: path of %q: %w", m, err)
		}
		l.LineStyle = st.line(m, comb)
		p.Add(l)
	}
	p.Add(hl)
	if len(obs) > 0 {
		s, _ := plotter.NewScatter(obs)
		s.GlyphStyle = st.observed
		p.Add(s)
	}
	if len(der) > 0 {
		s, _ := plotter.NewScatter(der)
		s.GlyphStyle = st.derived
		p.Add(s)
	}
	entries = append(entries, legendEntry{"history", []plot.Thumbnailer{lineThumb(st.history), glyphThumb(st.observed)}})
	if len(der) > 0 {
		entries = append(entries, legendEntry{"history (derived)", []plot.Thumbnailer{glyphThumb(st.derived)}})
	}
	for _, m := range names {
		var th []plot.Thumbnailer
		name := m
		if lv := levels[m]; len(lv) > 0 {
			th = append(th, bandThumb(st.fill(m, comb)))
			name += " (" + levelText(lv) + ")"
		}
		th = append(th, lineThumb(st.line(m, comb)))
		entries = append(entries, legendEntry{name, th})
	}

	// Reference points with their labels.
	if len(f.Refs) > 0 {
		xys := make(plotter.XYs, len(f.Refs))
		labels := make([]string, len(f.Refs))
		for i, r := range f.Refs {
			xys[i] = plotter.XY{X: float64(r.Year), Y: r.Value}
			labels[i] = r.Label
		}
		s, _ := plotter.NewScatter(xys)
		s.GlyphStyle = st.ref
		p.Add(s)
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return nil, nil, fmt.Errorf("plotting: reference labels: %w", err)
		}
		for i := range lb.TextStyle {
			fs.restyle(&lb.TextStyle[i], 10)
			lb.TextStyle[i].XAlign = text.XLeft
			lb.TextStyle[i].YAlign = text.YCenter
		}
		lb.Offset = vg.Point{X: vg.Points(7), Y: 0}
		p.Add(lb)
	}
	// Keep a half-year margin so end points and glyphs are not on the axis.
	p.X.Min -= 0.5
	p.X.Max += 0.5
	return p, entries, nil
}

var (
	gridColor = alpha(black, 0x30)
	white     = color.White
)

// levelText formats interval levels as "80 %, 95 % interval", narrowest
// first.
func levelText(levels []float64) string {
	lv := slices.Clone(levels)
	slices.Sort(lv)
	parts := make([]string, len(lv))
	for i, l := range lv {
		parts[i] = strconv.FormatFloat(100*l, 'f', -1, 64) + "%"
	}
	return strings.Join(parts, ", ") + " interval"
}

func historyXYs(h series.Series, derived []int) (line, obs, der plotter.XYs) {
	for i, v := range h.Values {
		if math.IsNaN(v) {
			continue
		}
		y := h.Start + i
		xy := plotter.XY{X: float64(y), Y: v}
		line = append(line, xy)
		if slices.Contains(derived, y) {
			der = append(der, xy)
		} else {
			obs = append(obs, xy)
		}
	}
	return line, obs, der
}

func pathXYs(p series.Series, lastYear int, lastValue float64) plotter.XYs {
	var xys plotter.XYs
	if p.Start > lastYear {
		xys = append(xys, plotter.XY{X: float64(lastYear), Y: lastValue})
	}
	for i, v := range p.Values {
		xys = append(xys, plotter.XY{X: float64(p.Start + i), Y: v})
	}
	return xys
}

func bandXYs(fc forecast.Forecast, lastYear int, lastValue float64) plotter.XYs {
	anchor := fc.Point.Start > lastYear
	var xys plotter.XYs
	if anchor {
		xys = append(xys, plotter.XY{X: float64(lastYear), Y: lastValue})
	}
	for i, v := range fc.Upper.Values {
		xys = append(xys, plotter.XY{X: float64(fc.Upper.Start + i), Y: v})
	}
	for i := fc.Lower.Len() - 1; i >= 0; i-- {
		xys = append(xys, plotter.XY{X: float64(fc.Lower.Start + i), Y: fc.Lower.Values[i]})
	}
	return xys
}

// NewFanChart returns the forecast chart of f: the history, each method's
// path with its interval bands, the combination and the reference points,
// with the legend at the right. Default size 20 cm × 12 cm; default axis
// labels "year" and the history's unit.
//
// It returns an error wrapping ErrNoData for an empty or entirely missing
// history or an empty path, ErrNaN for an infinite history value, a NaN or
// infinite path value or reference value, and ErrMismatch for a derived
// year that is not a present year of the history or interval bounds that
// do not cover the path's years.
func NewFanChart(f Fan, o Options) (*Chart, error) {
	fs := newFontSet(o)
	xl, yl := o.XLabel, o.YLabel
	if xl == "" {
		xl = "year"
	}
	if yl == "" {
		yl = f.History.Unit
	}
	st := newStyles(methodOrder([]Fan{f}))
	p, entries, err := fanPlot(&f, st, fs, o.Title, xl, yl, 13)
	if err != nil {
		return nil, err
	}
	c := &Chart{plots: [][]*plot.Plot{{p}}, legend: entries, fonts: fs, width: o.Width, height: o.Height}
	if c.width == 0 {
		c.width = 20 * vg.Centimeter
	}
	if c.height == 0 {
		c.height = 12 * vg.Centimeter
	}
	return c, nil
}

// NewSmallMultiples returns one forecast panel per fan on a single page,
// each with its own y-axis and title (Fan.Title or the history's name and
// unit), methods coloured alike in every panel, and one legend below the
// panels. Options.Title heads the page; XLabel and YLabel, when set, label
// every panel's axes (default: none, the unit being in the panel title).
//
// The grid has Options.Cols columns and Options.Rows rows; by default one
// row for up to 3 panels, 2 columns for up to 10, and ⌈√n⌉ columns beyond.
// The default size is 21 cm wide and 3 cm + 5 cm per row high.
//
// It returns an error wrapping ErrNoData for no panels, ErrMismatch for a
// grid with fewer cells than panels, and any error NewFanChart gives for a
// panel, naming the panel.
func NewSmallMultiples(panels []Fan, o Options) (*Chart, error) {
	n := len(panels)
	if n == 0 {
		return nil, fmt.Errorf("%w: no panels", ErrNoData)
	}
	if o.Cols < 0 || o.Rows < 0 {
		return nil, fmt.Errorf("%w: grid of %d columns and %d rows", ErrMismatch, o.Cols, o.Rows)
	}
	cols, rows := o.Cols, o.Rows
	switch {
	case cols == 0 && rows == 0:
		switch {
		case n <= 3:
			cols = n
		case n <= 10:
			cols = 2
		default:
			cols = int(math.Ceil(math.Sqrt(float64(n))))
		}
		rows = (n + cols - 1) / cols
	case cols == 0:
		cols = (n + rows - 1) / rows
	case rows == 0:
		rows = (n + cols - 1) / cols
	}
	if cols*rows < n {
		return nil, fmt.Errorf("%w: %d panels do not fit %d columns × %d rows", ErrMismatch, n, cols, rows)
	}
	fs := newFontSet(o)
	st := newStyles(methodOrder(panels))
	grid := make([][]*plot.Plot, rows)
	for j := range grid {
		grid[j] = make([]*plot.Plot, cols)
	}
	var entries []legendEntry
	for k := range panels {
		f := &panels[k]
		p, es, err := fanPlot(f, st, fs, f.title(), o.XLabel, o.YLabel, 11)
		if err != nil {
			return nil, fmt.Errorf("%w (panel %d, %s)", err, k, label(f.title()))
		}
		grid[k/cols][k%cols] = p
		for _, e := range es {
			if !slices.ContainsFunc(entries, func(x legendEntry) bool { return x.name == e.name }) {
				entries = append(entries, e)
			}
		}
	}
	c := &Chart{
		title: o.Title, plots: grid, legend: entries, below: true, fonts: fs,
		width: o.Width, height: o.Height, titleSty: fs.style(14),
	}
	c.titleSty.XAlign = text.XCenter
	c.titleSty.YAlign = text.YTop
	if c.width == 0 {
		c.width = 21 * vg.Centimeter
	}
	if c.height == 0 {
		c.height = 3*vg.Centimeter + vg.Length(rows)*5*vg.Centimeter
	}
	return c, nil
}
