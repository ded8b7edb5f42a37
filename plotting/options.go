package plotting

import (
	"errors"
	"fmt"
	"image/color"
	"math"

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
	// interval bounds not covering the forecast years, a lower bound above
	// its upper bound, a forecast in another unit than the history, a
	// derived year that is not an observed year of the history, rows and
	// names of different lengths, a panel grid too small for the panels, a
	// YHeadroom that would cut the values it is fixed by off the axis
	// (below 1, or not finite).
	ErrMismatch = errors.New("plotting: mismatched data")
	// ErrFormat is returned by Save and WriterTo for an output format other
	// than PNG, SVG and PDF.
	ErrFormat = errors.New("plotting: unknown image format")
	// ErrFont is returned by ParseFont for data that is not a usable font.
	ErrFont = errors.New("plotting: unusable font")
	// ErrSize is returned for a chart size that is negative, not finite,
	// or larger than MaxPixels at 96 dots per inch, and for more panels
	// than MaxPanels on one page.
	ErrSize = errors.New("plotting: chart size out of range")
)

// MaxPixels bounds the area of a chart, in pixels at the 96 dots per inch
// of PNG output: 2²⁶ pixels, a 256 MiB RGBA canvas (8192 × 8192 pixels,
// about 2.2 m × 2.2 m). The constructors reject larger sizes with ErrSize
// rather than fail to allocate.
const MaxPixels = 1 << 26

// MaxPanels is the most panels NewSmallMultiples puts on one page; more is
// an error (ErrSize): split them over pages (SmallMultiplePages).
const MaxPanels = 48

// checkSize returns an error wrapping ErrSize if w × h is not a size a
// chart can have: a side not finite or under one pixel, or an area beyond
// MaxPixels.
func checkSize(w, h vg.Length) error {
	fw, fh := float64(w.Dots(96)), float64(h.Dots(96))
	switch {
	case !(fw >= 1) || !(fh >= 1) || math.IsInf(fw, 0) || math.IsInf(fh, 0):
		return fmt.Errorf("%w: %g × %g points (want 0 for the default, or sides of at least one pixel)", ErrSize, float64(w), float64(h))
	case fw*fh > MaxPixels:
		return fmt.Errorf("%w: %g × %g points is %.0f × %.0f pixels at 96 dpi, beyond the budget of %d pixels (a 256 MiB image)",
			ErrSize, float64(w), float64(h), fw, fh, MaxPixels)
	}
	return nil
}

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
	// chart and on the amount of data; see each constructor. A negative,
	// NaN or infinite size, or one beyond MaxPixels, is an error (ErrSize).
	Width, Height vg.Length
	// Cols and Rows set the panel grid of small multiples. With both zero
	// the grid is computed from the number of panels (2 columns for 4 to
	// 10 panels); with one zero it is computed from the other.
	Cols, Rows int
	// Fonts, when not empty, replaces the bundled Liberation fonts for all
	// chart text. Its first face is used for every text, and the bundled
	// Liberation Serif for the characters that face lacks. The bundled
	// fonts have no CJK glyphs, so Chinese labels need a CJK font here (see
	// ParseFont and MissingGlyphs).
	Fonts font.Collection
	// Palette gives the methods' colours, in order of first appearance;
	// charts cycle through it. Empty (or nil) means DefaultPalette.
	Palette []color.Color
	// YHeadroom, when positive, fixes the y-axis of each forecast panel
	// (fan charts and small multiples) to run from zero to YHeadroom times
	// the largest value of the panel's history, point paths and reference
	// points, so that wide interval bands do not flatten the paths: the
	// bands run on beyond the top of the axis, marked there (BeyondLabel).
	// Zero (the default) lets the axis cover everything drawn. A factor
	// below 1 would end the axis under the values it is fixed by, hiding
	// them: it is an error (ErrMismatch), as are negative, NaN and infinite
	// values.
	YHeadroom float64
	// Signed says the charted quantity can be negative (a balance, a
	// growth rate). By default (false) forecast charts are of a quantity
	// that cannot, such as demand: interval bounds below zero are drawn at
	// zero and the legend says whose (NegativeLabel). Point paths are
	// drawn as they are. With YHeadroom, a Signed panel's axis reaches
	// down to YHeadroom times its smallest negative value.
	Signed bool
}

// ParseFont parses a TrueType or OpenType font file's contents into a
// collection usable as Options.Fonts. The typeface is named name. For a
// font collection (.ttc, .otc, as Noto Sans CJK and many system CJK fonts
// come) it takes the first font.
func ParseFont(name string, data []byte) (font.Collection, error) {
	f, err := opentype.Parse(data)
	if err != nil {
		c, cerr := opentype.ParseCollection(data)
		if cerr != nil || c.NumFonts() == 0 {
			return nil, fmt.Errorf("%w: %w", ErrFont, err)
		}
		if f, err = c.Font(0); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrFont, err)
		}
	}
	return font.Collection{{Font: font.Font{Typeface: font.Typeface(name)}, Face: f}}, nil
}
