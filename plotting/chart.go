package plotting

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
	w := c.legendWidth()
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

// legendWidth returns the width of one legend column: the thumbnail, a
// space and the longest entry.
func (c *Chart) legendWidth() vg.Length {
	sty := c.fonts.style(10)
	var w vg.Length
	for _, e := range c.legend {
		w = max(w, vg.Points(24)+sty.Width(" ")+sty.Width(e.name))
	}
	return w
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
