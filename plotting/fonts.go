package plotting

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

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
	def := plot.DefaultFont
	def.Size = 0
	coll := append(slices.Clone(o.Fonts), liberation.Collection()...)
	fb := &fallback{cache: font.NewCache(coll), fonts: []font.Font{fnt, def}}
	for _, f := range fb.fonts {
		fb.faces = append(fb.faces, fb.cache.Lookup(f, 10).Face)
	}
	return fontSet{hdlr: fb, fnt: fnt}
}

// fallback is a plain-text handler that draws each character in the first
// of its fonts that has a glyph for it: the caller's font (Options.Fonts),
// then the bundled Liberation Serif. A CJK font without Latin letters
// (Droid Sans Fallback) then still gets its digits and Latin text drawn.
type fallback struct {
	cache *font.Cache
	fonts []font.Font      // descriptors, without size
	faces []*opentype.Font // their faces, in order
}

var _ text.Handler = (*fallback)(nil)

func (h *fallback) Cache() *font.Cache { return h.cache }

func (h *fallback) Extents(fnt font.Font) font.Extents {
	f := h.cache.Lookup(fnt, fnt.Size)
	return f.Extents()
}

func (h *fallback) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

// run is a piece of a line drawn in one face.
type run struct {
	face font.Face
	text string
}

func (r run) width() vg.Length { return r.face.Width(r.text) }

// runs splits line into runs of characters drawn in the same face, of
// size size.
func (h *fallback) runs(line string, size vg.Length) []run {
	var (
		buf sfnt.Buffer
		out []run
		cur = -1
		b   strings.Builder
	)
	flush := func() {
		if b.Len() > 0 {
			f := h.fonts[cur]
			out = append(out, run{face: h.cache.Lookup(f, size), text: b.String()})
			b.Reset()
		}
	}
	for _, r := range line {
		k := 0 // the first font, also for a character none has
		for i, f := range h.faces {
			if hasGlyph(f, &buf, r) {
				k = i
				break
			}
		}
		if k != cur {
			flush()
			cur = k
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

func (h *fallback) width(line string, size vg.Length) vg.Length {
	var w vg.Length
	for _, r := range h.runs(line, size) {
		w += r.width()
	}
	return w
}

func (h *fallback) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	ext := h.Extents(fnt)
	return h.width(txt, fnt.Size), ext.Ascent, ext.Descent
}

// Draw draws txt as text.Plain does, run by run.
func (h *fallback) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	lines := h.Lines(txt)
	pt.Y += sty.Height(txt)*vg.Length(sty.YAlign) - h.Extents(sty.Font).Ascent
	for i, line := range lines {
		x := pt.X + vg.Length(sty.XAlign)*h.width(line, sty.Font.Size)
		y := pt.Y + vg.Length(len(lines)-i)*sty.Font.Size
		for _, r := range h.runs(line, sty.Font.Size) {
			c.FillString(r.face, vg.Point{X: x, Y: y}, r.text)
			x += r.width()
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
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

// MissingGlyphs returns the distinct characters of s, in order, that
// charts drawn with o have no glyph for: in none of Options.Fonts' first
// font and the bundled Liberation fonts, which cover Latin, Greek and
// Cyrillic but no Chinese. Spaces and control characters are not
// reported. A chart leaves a missing character out.
func (o Options) MissingGlyphs(s string) []rune {
	faces := []*opentype.Font{font.DefaultCache.Lookup(plot.DefaultFont, 10).Face}
	if fb, ok := newFontSet(o).hdlr.(*fallback); ok {
		faces = fb.faces
	}
	var (
		buf     sfnt.Buffer
		missing []rune
	)
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || slices.Contains(missing, r) {
			continue
		}
		if !slices.ContainsFunc(faces, func(f *opentype.Font) bool { return hasGlyph(f, &buf, r) }) {
			missing = append(missing, r)
		}
	}
	return missing
}

// hasGlyph reports whether font f, if not nil, draws r.
func hasGlyph(f *opentype.Font, buf *sfnt.Buffer, r rune) bool {
	if f == nil {
		return false
	}
	i, err := f.GlyphIndex(buf, r)
	return err == nil && i != 0
}
