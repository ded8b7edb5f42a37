package plotting

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

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
	if err := o.checkHeadroom(); err != nil {
		return nil, err
	}
	st := newStyles(methodOrder([]Fan{f}), o.palette())
	p, entries, err := fanPlot(&f, st, fs, o.Title, xl, yl, 13)
	if err != nil {
		return nil, err
	}
	o.clipY(p, &f)
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
	if err := o.checkHeadroom(); err != nil {
		return nil, err
	}
	fs := newFontSet(o)
	st := newStyles(methodOrder(panels), o.palette())
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
		o.clipY(p, f)
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

// checkHeadroom returns an error wrapping ErrMismatch if o.YHeadroom is
// negative or not finite.
func (o Options) checkHeadroom() error {
	if !(o.YHeadroom >= 0) || math.IsInf(o.YHeadroom, 1) {
		return fmt.Errorf("%w: YHeadroom %g is not a finite non-negative factor", ErrMismatch, o.YHeadroom)
	}
	return nil
}

// clipY applies o.YHeadroom to p, the panel of f: the y-axis runs from
// zero to YHeadroom times the largest value of f's history, point paths
// and references. It does nothing when YHeadroom is zero.
func (o Options) clipY(p *plot.Plot, f *Fan) {
	if o.YHeadroom == 0 {
		return
	}
	top := 0.0
	_, hs := f.History.Observed()
	for _, v := range hs {
		top = max(top, v)
	}
	for _, fc := range f.Forecasts {
		_, vs := fc.Point.Observed()
		for _, v := range vs {
			top = max(top, v)
		}
	}
	for _, r := range f.Refs {
		top = max(top, r.Value)
	}
	p.Y.Min, p.Y.Max = 0, o.YHeadroom*top
}
