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

// fanPlot builds the plot of one fan. It returns the legend entries the
// fan needs. With o.YHeadroom set it fixes the y-axis (yRange) and marks
// the bands that run beyond its top; unless o.Signed it draws interval
// bounds below zero at zero and says so in the legend.
//
// With refLegend the reference points are not labelled in the plot but
// named in the legend, one entry per distinct label (for narrow panels).
func fanPlot(f *Fan, st styles, fs fontSet, title, xlabel, ylabel string, titleSize float64, o Options, refLegend bool) (*plot.Plot, []legendEntry, error) {
	lastYear, lastValue, err := f.check()
	if err != nil {
		return nil, nil, err
	}
	bottom, top, fixed := o.yRange(f)
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
	var (
		levels   = make(map[string][]float64)
		negative []string     // methods with a lower bound below zero
		beyond   []beyondMark // band tops beyond a fixed axis
	)
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
			if !o.Signed && clipLower(&fc) {
				negative = appendNew(negative, m)
			}
			poly, err := plotter.NewPolygon(bandXYs(fc, lastYear, lastValue))
			if err != nil {
				return nil, nil, fmt.Errorf("plotting: band of %q: %w", m, err)
			}
			poly.Color = st.fill(m, comb).Color
			// No outline: the bounds are drawn as lines, so that a band
			// cut at the top of the axis shows no edge there.
			poly.LineStyle.Width = 0
			p.Add(poly)
			edge := draw.LineStyle{Color: alpha(st.line(m, comb).Color, 0x90), Width: vg.Points(0.6)}
			for _, b := range []series.Series{fc.Upper, fc.Lower} {
				l, err := plotter.NewLine(pathXYs(b, lastYear, lastValue))
				if err != nil {
					return nil, nil, fmt.Errorf("plotting: band of %q: %w", m, err)
				}
				l.LineStyle = edge
				p.Add(l)
			}
			if fixed {
				// One mark a band, at the last year it is beyond the top.
				for i := fc.Upper.Len() - 1; i >= 0; i-- {
					if fc.Upper.Values[i] > top {
						beyond = append(beyond, beyondMark{x: float64(fc.Upper.Start + i), color: st.line(m, comb).Color})
						break
					}
				}
			}
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
	}
	if len(f.Refs) > 0 && refLegend {
		for _, r := range f.Refs {
			if !slices.ContainsFunc(entries, func(e legendEntry) bool { return e.name == r.Label }) {
				entries = append(entries, legendEntry{r.Label, []plot.Thumbnailer{glyphThumb(st.ref)}})
			}
		}
	}
	if len(f.Refs) > 0 && !refLegend {
		xys := make(plotter.XYs, len(f.Refs))
		labels := make([]string, len(f.Refs))
		for i, r := range f.Refs {
			xys[i] = plotter.XY{X: float64(r.Year), Y: r.Value}
			labels[i] = r.Label
		}
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return nil, nil, fmt.Errorf("plotting: reference labels: %w", err)
		}
		align := refAlign(f.Refs)
		for i := range lb.TextStyle {
			fs.restyle(&lb.TextStyle[i], 10)
			lb.TextStyle[i].XAlign = text.XLeft
			lb.TextStyle[i].YAlign = align[i]
		}
		lb.Offset = vg.Point{X: vg.Points(7), Y: 0}
		p.Add(lb)
	}
	// Keep a half-year margin so end points and glyphs are not on the axis.
	p.X.Min -= 0.5
	p.X.Max += 0.5
	if fixed {
		p.Y.Min, p.Y.Max = bottom, top
		if len(beyond) > 0 {
			p.Add(beyondMarks{marks: beyond, y: top})
			entries = append(entries, legendEntry{BeyondLabel, []plot.Thumbnailer{glyphThumb(beyondGlyph(black))}})
		}
	}
	for _, m := range negative {
		entries = append(entries, legendEntry{m + NegativeLabel, []plot.Thumbnailer{bandThumb(st.fill(m, comb))}})
	}
	return p, entries, nil
}

// BeyondLabel is the legend entry of the marks (▲ at the top of the axis,
// one a band, at the last year the band is beyond it, in the band's
// colour) of interval bands that run beyond a y-axis fixed by
// Options.YHeadroom.
const BeyondLabel = "interval runs beyond the axis (▲)"

// NegativeLabel follows a method's name in the legend entry of an interval
// whose lower bound fell below zero and is drawn at zero (Options.Signed
// false).
const NegativeLabel = ": bound below 0, drawn at 0"

// clipLower sets the lower bounds of fc below zero to zero, on a copy, and
// reports whether there were any.
func clipLower(fc *forecast.Forecast) bool {
	neg := false
	for _, v := range fc.Lower.Values {
		neg = neg || v < 0
	}
	if !neg {
		return false
	}
	fc.Lower = fc.Lower.Clone()
	for i, v := range fc.Lower.Values {
		fc.Lower.Values[i] = max(v, 0)
	}
	return true
}

func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// refAlign returns the vertical alignment of each reference label: where
// several references share a year, the highest's label sits above its
// point and the lowest's below, so that close values do not print one
// label over the other.
func refAlign(refs []Ref) []text.YAlignment {
	out := make([]text.YAlignment, len(refs))
	for i, r := range refs {
		out[i] = text.YCenter
		hi, lo, n := true, true, 0
		for j, s := range refs {
			if s.Year != r.Year {
				continue
			}
			n++
			if j == i {
				continue
			}
			if s.Value > r.Value || (s.Value == r.Value && j < i) {
				hi = false
			}
			if s.Value < r.Value || (s.Value == r.Value && j > i) {
				lo = false
			}
		}
		switch {
		case n < 2:
		case hi:
			out[i] = text.YBottom
		case lo:
			out[i] = text.YTop
		}
	}
	return out
}

// beyondMark is a band that runs beyond the top of a fixed axis at year x.
type beyondMark struct {
	x     float64
	color color.Color
}

// beyondMarks draws an upward triangle at the top of the axis at each
// mark, in the band's colour, with a black edge; marks of the same year
// line up leftward.
type beyondMarks struct {
	marks []beyondMark
	y     float64
}

func beyondGlyph(c color.Color) draw.GlyphStyle {
	return draw.GlyphStyle{Color: c, Radius: vg.Points(3.5), Shape: upTriangle{}}
}

func (b beyondMarks) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	y := ty(b.y)
	seen := make(map[float64]int) // marks already drawn at a year: line up left of them
	for _, m := range b.marks {
		x := tx(m.x)
		g := beyondGlyph(m.color)
		g.Shape.DrawGlyph(&c, g, vg.Point{X: x - vg.Length(seen[m.x])*2.2*g.Radius, Y: y - g.Radius})
		seen[m.x]++
	}
}

// upTriangle is a filled triangle pointing up, with a black outline.
type upTriangle struct{}

func (upTriangle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y - r})
	p.Close()
	c.SetColor(sty.Color)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: black, Width: vg.Points(0.6)})
	c.Stroke(p)
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
