package plotting

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
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
