package plotting

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// styles holds the line and glyph styles of a chart's elements.
type styles struct {
	methods  []string
	palette  []color.Color
	history  draw.LineStyle
	observed draw.GlyphStyle
	derived  draw.GlyphStyle
	ref      draw.GlyphStyle
}

func newStyles(methods []string, palette []color.Color) styles {
	return styles{
		methods:  methods,
		palette:  palette,
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
	return draw.LineStyle{Color: methodColor(s.palette, i), Width: vg.Points(1.6), Dashes: methodDashes(len(s.palette), i)}
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

// DefaultPalette returns (a new slice of) the Okabe–Ito colour-blind-safe
// palette (Okabe M. and Ito K., "Color Universal Design (CUD): how to make
// figures and presentations that are friendly to colorblind people",
// 2002/2008, https://jfly.uni-koeln.de/color/) in the order charts give it
// to methods: blue, orange, bluish green, reddish purple, sky blue, yellow.
// Vermillion is kept for the combination and black for the history. It is
// the palette of an Options whose Palette is empty.
func DefaultPalette() []color.Color {
	return []color.Color{
		color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
		color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}, // orange
		color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
		color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
		color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}, // sky blue
		color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF}, // yellow
	}
}

// palette returns o.Palette, or DefaultPalette when it is empty.
func (o Options) palette() []color.Color {
	if len(o.Palette) == 0 {
		return DefaultPalette()
	}
	return o.Palette
}

var (
	vermillion = color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}
	black      = color.NRGBA{A: 0xFF}
)

// dashes are the line dashes methods get along with their colour, so that
// lines stay distinct in grey-scale print.
var dashes = [][]vg.Length{
	{vg.Points(6), vg.Points(2.5)},
	{vg.Points(2), vg.Points(2)},
	{vg.Points(7), vg.Points(2), vg.Points(2), vg.Points(2)},
	{vg.Points(10), vg.Points(3)},
	{vg.Points(4), vg.Points(4)},
	{vg.Points(7), vg.Points(2), vg.Points(2), vg.Points(2), vg.Points(2), vg.Points(2)},
}

func methodColor(p []color.Color, i int) color.Color {
	if i < 0 {
		i = 0
	}
	return p[i%len(p)]
}

// methodDashes returns the dashes of the i-th method with a palette of nc
// colours: the i-th dash pattern for the first nc methods, then shifted by
// one for each round of the palette, so that no two of the first
// nc·len(dashes) methods (36 with the default palette) have the same
// colour and dashes.
func methodDashes(nc, i int) []vg.Length {
	if i < 0 {
		i = 0
	}
	return dashes[(i%nc+i/nc)%len(dashes)]
}

// alpha returns c with alpha a, as non-premultiplied colour.
func alpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
