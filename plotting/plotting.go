package plotting

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Errors returned (wrapped with detail) for data a chart cannot show.
var (
	// ErrNoData is returned when there is nothing to draw: an empty or
	// entirely missing history, an empty forecast path, no panels, no rows.
	ErrNoData = errors.New("plotting: no data")
	// ErrNaN is returned for a NaN or infinite value where a value is
	// needed.
	ErrNaN = errors.New("plotting: NaN or infinite value")
	// ErrMismatch is returned when parts of the data do not fit together:
	// interval bounds not covering the forecast years, a derived year that
	// is not an observed year of the history, rows and names of different
	// lengths, a panel grid too small for the panels.
	ErrMismatch = errors.New("plotting: mismatched data")
	// ErrFormat is returned by Save and WriterTo for an output format other
	// than PNG, SVG and PDF.
	ErrFormat = errors.New("plotting: unknown image format")
	// ErrFont is returned by ParseFont for data that is not a usable font.
	ErrFont = errors.New("plotting: unusable font")
)

// Options holds the settings every chart takes. The zero value of each
// field means its documented default; fields a chart does not use are
// ignored.
type Options struct {
	// Title is the chart title; for small multiples it heads the page.
	// Default: none.
	Title string
	// XLabel and YLabel label the axes. Defaults depend on the chart:
	// "year" and the history's unit for forecast charts, the deviation's
	// description for deviation charts, "value" for comparisons.
	XLabel, YLabel string
	// Width and Height give the size of the output. Defaults depend on the
	// chart and on the amount of data; see each constructor.
	Width, Height vg.Length
	// Cols and Rows set the panel grid of small multiples. With both zero
	// the grid is computed from the number of panels (2 columns for 4 to
	// 10 panels); with one zero it is computed from the other.
	Cols, Rows int
	// Fonts, when not empty, replaces the bundled Liberation fonts for all
	// chart text. Its first face is used for every text. The bundled fonts
	// have no CJK glyphs, so Chinese labels need a CJK font here (see
	// ParseFont).
	Fonts font.Collection
}

// ParseFont parses a TrueType or OpenType font file's contents into a
// collection usable as Options.Fonts. The typeface is named name.
func ParseFont(name string, data []byte) (font.Collection, error) {
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFont, err)
	}
	return font.Collection{{Font: font.Font{Typeface: font.Typeface(name)}, Face: f}}, nil
}

// Chart is a chart ready to be drawn or saved. It is made by one of the
// New… constructors, which check the data; drawing a Chart does not fail.
type Chart struct {
	title    string
	plots    [][]*plot.Plot // row-major; nil cells are left empty
	legend   []legendEntry
	below    bool // legend below the plots (in columns) rather than at the right
	fonts    fontSet
	width    vg.Length
	height   vg.Length
	titleSty text.Style
}

type legendEntry struct {
	name   string
	thumbs []plot.Thumbnailer
}

// Size returns the size Save and WriterTo use.
func (c *Chart) Size() (width, height vg.Length) { return c.width, c.height }

// Plots returns the chart's underlying plots, row by row (one for single
// charts; one per panel, nil for empty grid cells, for small multiples),
// for adjustments beyond Options.
func (c *Chart) Plots() [][]*plot.Plot { return c.plots }

// Draw draws the chart on dc.
func (c *Chart) Draw(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	pad := vg.Points(6)
	area := draw.Crop(dc, pad, -pad, pad, -pad)
	if c.title != "" {
		h := c.titleSty.Height(c.title)
		area.FillText(c.titleSty, vg.Point{X: area.Center().X, Y: area.Max.Y}, c.title)
		area.Max.Y -= h + pad
	}
	if len(c.legend) > 0 {
		area = c.drawLegend(area, pad)
	}
	if len(c.plots) == 1 && len(c.plots[0]) == 1 {
		c.plots[0][0].Draw(area)
		return
	}
	tiles := draw.Tiles{Rows: len(c.plots), Cols: len(c.plots[0]), PadX: vg.Points(14), PadY: vg.Points(10)}
	canvases := plot.Align(c.plots, tiles, area)
	for j, row := range c.plots {
		for i, p := range row {
			if p != nil {
				p.Draw(canvases[j][i])
			}
		}
	}
}

// drawLegend draws the legend at the right of area, or below it, and
// returns what is left for the plots.
func (c *Chart) drawLegend(area draw.Canvas, pad vg.Length) draw.Canvas {
	l := plot.NewLegend()
	l.TextStyle = c.fonts.style(10)
	l.Left, l.Top = true, true
	l.Padding = vg.Points(3)
	l.ThumbnailWidth = vg.Points(24)
	var w vg.Length
	em := l.TextStyle.Width(" ")
	for _, e := range c.legend {
		w = max(w, l.ThumbnailWidth+em+l.TextStyle.Width(e.name))
	}
	var eh vg.Length
	for _, e := range c.legend {
		eh = max(eh, l.TextStyle.Height(e.name))
	}
	eh += l.Padding
	if !c.below {
		for _, e := range c.legend {
			l.Add(e.name, e.thumbs...)
		}
		lc := area
		lc.Min.X = area.Max.X - w
		lc.Max.Y -= pad
		l.Draw(lc)
		area.Max.X -= w + 2*pad
		return area
	}
	gap := vg.Points(18)
	cols := max(1, int((area.Max.X-area.Min.X+gap)/(w+gap)))
	cols = min(cols, len(c.legend))
	rows := (len(c.legend) + cols - 1) / cols
	h := vg.Length(rows) * eh
	total := vg.Length(cols)*w + vg.Length(cols-1)*gap
	x := area.Center().X - total/2
	for k := 0; k < cols; k++ {
		lk := l
		for _, e := range c.legend[min(k*rows, len(c.legend)):min((k+1)*rows, len(c.legend))] {
			lk.Add(e.name, e.thumbs...)
		}
		lc := area
		lc.Min.X, lc.Max.X = x, x+w
		lc.Max.Y = area.Min.Y + h
		lk.Draw(lc)
		x += w + gap
	}
	area.Min.Y += h + pad
	return area
}

// WriterTo returns an io.WriterTo that writes the chart in format: "png",
// "svg" or "pdf". Any other format gives an error wrapping ErrFormat.
func (c *Chart) WriterTo(format string) (io.WriterTo, error) {
	switch format {
	case "png", "svg", "pdf":
	default:
		return nil, fmt.Errorf("%w: %q (want png, svg or pdf)", ErrFormat, format)
	}
	cw, err := draw.NewFormattedCanvas(c.width, c.height, format)
	if err != nil {
		return nil, fmt.Errorf("plotting: %w", err)
	}
	c.Draw(draw.New(cw))
	return cw, nil
}

// Save writes the chart to the file at path in the format its extension
// names: .png, .svg or .pdf (in any case). Any other extension gives an
// error wrapping ErrFormat, and no file is created.
func (c *Chart) Save(path string) (err error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	wt, err := c.WriterTo(format)
	if err != nil {
		return fmt.Errorf("%w (file %s)", err, path)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("plotting: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("plotting: %w", cerr)
		}
	}()
	if _, err := wt.WriteTo(f); err != nil {
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	return nil
}

// fontSet is the text handler and font descriptor every text of a chart
// uses.
type fontSet struct {
	hdlr text.Handler
	fnt  font.Font
}

func newFontSet(o Options) fontSet {
	if len(o.Fonts) == 0 {
		return fontSet{hdlr: plot.DefaultTextHandler, fnt: plot.DefaultFont}
	}
	fnt := o.Fonts[0].Font
	fnt.Size = 0
	return fontSet{hdlr: text.Plain{Fonts: font.NewCache(o.Fonts)}, fnt: fnt}
}

func (fs fontSet) style(size float64) text.Style {
	return text.Style{Font: font.From(fs.fnt, vg.Points(size)), Handler: fs.hdlr}
}

func (fs fontSet) restyle(s *text.Style, size float64) {
	s.Font = font.From(fs.fnt, vg.Points(size))
	s.Handler = fs.hdlr
}

// newPlot returns a plot whose texts use fs, with the given title and axis
// labels. Sizes: title 12 pt, axis labels 11 pt, tick labels 10 pt.
func newPlot(fs fontSet, title, xlabel, ylabel string, titleSize float64) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	fs.restyle(&p.Title.TextStyle, titleSize)
	fs.restyle(&p.X.Label.TextStyle, 11)
	fs.restyle(&p.Y.Label.TextStyle, 11)
	fs.restyle(&p.X.Tick.Label, 10)
	fs.restyle(&p.Y.Tick.Label, 10)
	fs.restyle(&p.Legend.TextStyle, 10)
	p.Title.Padding = vg.Points(4)
	p.Y.Tick.Marker = valueTicks{}
	return p
}

// Palette is the Okabe–Ito colour-blind-safe palette (Okabe M. and Ito K.,
// "Color Universal Design (CUD): how to make figures and presentations that
// are friendly to colorblind people", 2002/2008, https://jfly.uni-koeln.de/color/)
// in the order charts give it to methods. Vermillion is kept for the
// combination and black for the history. A caller may replace it; charts
// cycle through its colours, and an empty (or nil) Palette means the
// default Okabe–Ito palette above.
var Palette = okabeIto()

// okabeIto returns a new slice of the default palette.
func okabeIto() []color.Color {
	return []color.Color{
		color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
		color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}, // orange
		color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
		color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
		color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}, // sky blue
		color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF}, // yellow
	}
}

// defaultPalette is the palette used when Palette is empty; a copy, so
// that changes to the elements of Palette do not reach it.
var defaultPalette = okabeIto()

// palette returns Palette, or the default palette when Palette is empty.
func palette() []color.Color {
	if len(Palette) == 0 {
		return defaultPalette
	}
	return Palette
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

func methodColor(i int) color.Color {
	p := palette()
	return p[i%len(p)]
}

func methodDashes(i int) []vg.Length { return dashes[i%len(dashes)] }

// alpha returns c with alpha a, as non-premultiplied colour.
func alpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// yearTicks marks whole years, labelled as integers ("2005"), at a step of
// 1, 2, 5, 10, 20, 25, 50 or 100 years giving at most 6 labels, with
// unlabelled minor ticks between.
type yearTicks struct{}

func (yearTicks) Ticks(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		step = s
		if span/float64(s) <= 6 {
			break
		}
	}
	minor := 1
	switch {
	case step >= 10:
		minor = step / 5
		if step == 25 {
			minor = 5
		}
	case step == 2:
		minor = 1
	}
	var ticks []plot.Tick
	first := int(math.Ceil(lo/float64(minor))) * minor
	for y := first; float64(y) <= hi; y += minor {
		t := plot.Tick{Value: float64(y)}
		if y%step == 0 {
			t.Label = strconv.Itoa(y)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// valueTicks marks round values — 1, 2, 2.5 or 5 times a power of ten
// apart, 4 to 10 of them over the range — labelled in plain decimal
// notation without exponents, with one unlabelled minor tick between.
type valueTicks struct{}

func (valueTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	raw := (hi - lo) / 5
	mag := math.Floor(math.Log10(raw))
	pow := math.Pow(10, mag)
	step := 10 * pow
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*pow >= raw*0.75 {
			step = m * pow
			break
		}
	}
	prec := 0
	if mag < 0 {
		prec = int(-mag)
	}
	if math.Abs(step/pow-2.5) < 1e-9 {
		prec++
		if mag >= 1 {
			prec = max(0, prec-1)
		}
	}
	var ticks []plot.Tick
	half := step / 2
	first := math.Ceil(lo/half) * half
	for k := 0; ; k++ {
		v := first + float64(k)*half
		if v > hi+1e-9*step {
			break
		}
		t := plot.Tick{Value: v}
		if r := math.Round(v / step); math.Abs(v/step-r) < 1e-6 {
			t.Value = r * step
			t.Label = strconv.FormatFloat(t.Value, 'f', prec, 64)
			if t.Label == "-0" {
				t.Label = "0"
			}
		}
		ticks = append(ticks, t)
	}
	return ticks
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
