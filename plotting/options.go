package plotting

import (
	"errors"
	"fmt"
	"image/color"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
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
	// Palette gives the methods' colours, in order of first appearance;
	// charts cycle through it. Empty (or nil) means DefaultPalette.
	Palette []color.Color
	// YHeadroom, when positive, fixes the y-axis of each forecast panel
	// (fan charts and small multiples) to run from zero to YHeadroom times
	// the largest value of the panel's history, point paths and reference
	// points, so that wide interval bands do not flatten the paths: the
	// bands run on beyond the top of the axis. Zero (the default) lets the
	// axis cover everything drawn. Negative, NaN or infinite values are an
	// error (ErrMismatch).
	YHeadroom float64
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
