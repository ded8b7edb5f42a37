package plotting

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// NewFanChart returns the forecast chart of f: the history, each method's
// path with its interval bands, the combination and the reference points,
// with the legend at the right. Default size 20 cm × 12 cm; default axis
// labels "year" and the history's unit. The x-axis labels as many years
// as the plot's width holds apart; a chart whose plot would be narrower
// than 6 cm names its reference points in the legend rather than beside
// them.
//
// It returns an error wrapping ErrNoData for an empty or entirely missing
// history or an empty path, ErrNaN for an infinite history value, a NaN or
// infinite path value or reference value, and ErrMismatch for a derived
// year that is not a present year of the history, interval bounds that do
// not cover the path's years, a lower bound above the upper one in a year
// (naming the method and the year), a forecast or interval in another unit
// than the history (or, with the history's unit empty, than another
// forecast; an empty unit is unknown and fits any), and an
// Options.YHeadroom other than 0 that is below 1 or not finite.
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
	p, entries, err := fanPlot(&f, st, fs, "", xl, yl, 13, o, false)
	if err != nil {
		return nil, err
	}
	// The title heads the whole chart, legend included, so that a long
	// title is not cut at the plot's left or run into the legend.
	c := &Chart{plots: [][]*plot.Plot{{p}}, legend: entries, fonts: fs, width: o.Width, height: o.Height,
		title: o.Title, titleSty: fs.style(13)}
	c.titleSty.XAlign = text.XCenter
	c.titleSty.YAlign = text.YTop
	if c.width == 0 {
		c.width = 20 * vg.Centimeter
	}
	if c.height == 0 {
		c.height = 12 * vg.Centimeter
	}
	if err := checkSize(c.width, c.height); err != nil {
		return nil, err
	}
	// The plot's width: the chart's less the legend at the right and the
	// reference labels beside their points. Under 6 cm the references are
	// named in the legend instead.
	refW := vg.Length(0)
	for _, r := range f.Refs {
		refW = max(refW, fs.style(10).Width(r.Label)+vg.Points(7))
	}
	plotW := c.width - c.legendWidth() - vg.Points(24) - refW
	if refW > 0 && plotW-vg.Points(45) < 6*vg.Centimeter {
		if p, entries, err = fanPlot(&f, st, fs, "", xl, yl, 13, o, true); err != nil {
			return nil, err
		}
		c.plots, c.legend = [][]*plot.Plot{{p}}, entries
		plotW = c.width - c.legendWidth() - vg.Points(24)
	}
	// As many year labels as the plot's width holds apart (6 at the
	// default size).
	p.X.Tick.Marker = yearTicks{labels: yearLabels(fs, plotW)}
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
// The default size is 21 cm wide, or 4 cm per column if wider, and 3 cm +
// 5 cm per row high. Each panel labels as many years as its width holds
// apart (at least one); panels narrower than 7 cm name their reference
// points in the legend rather than beside the points. More than MaxPanels
// panels, or a grid side beyond it, is an error (ErrSize):
// SmallMultiplePages splits them over pages.
//
// It returns an error wrapping ErrNoData for no panels, ErrMismatch for a
// grid with fewer cells than panels, and any error NewFanChart gives for a
// panel, naming the panel.
func NewSmallMultiples(panels []Fan, o Options) (*Chart, error) {
	n := len(panels)
	if n == 0 {
		return nil, fmt.Errorf("%w: no panels", ErrNoData)
	}
	if n > MaxPanels {
		return nil, fmt.Errorf("%w: %d panels on one page, more than %d (split them with SmallMultiplePages)", ErrSize, n, MaxPanels)
	}
	if o.Cols < 0 || o.Rows < 0 {
		return nil, fmt.Errorf("%w: grid of %d columns and %d rows", ErrMismatch, o.Cols, o.Rows)
	}
	if o.Cols > MaxPanels || o.Rows > MaxPanels {
		return nil, fmt.Errorf("%w: grid of %d columns and %d rows, more than %d", ErrSize, o.Cols, o.Rows, MaxPanels)
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
	width, height := o.Width, o.Height
	if width == 0 {
		width = max(21*vg.Centimeter, vg.Length(cols)*4*vg.Centimeter)
	}
	if height == 0 {
		height = 3*vg.Centimeter + vg.Length(rows)*5*vg.Centimeter
	}
	if err := checkSize(width, height); err != nil {
		return nil, err
	}
	fs := newFontSet(o)
	st := newStyles(methodOrder(panels), o.palette())
	ticks := yearTicks{labels: yearLabels(fs, width/vg.Length(cols))}
	narrow := width/vg.Length(cols) < 7*vg.Centimeter
	grid := make([][]*plot.Plot, rows)
	for j := range grid {
		grid[j] = make([]*plot.Plot, cols)
	}
	var entries []legendEntry
	for k := range panels {
		f := &panels[k]
		p, es, err := fanPlot(f, st, fs, f.title(), o.XLabel, o.YLabel, 11, o, narrow)
		if err != nil {
			return nil, fmt.Errorf("%w (panel %d, %s)", err, k, label(f.title()))
		}
		p.X.Tick.Marker = ticks
		grid[k/cols][k%cols] = p
		for _, e := range es {
			if !slices.ContainsFunc(entries, func(x legendEntry) bool { return x.name == e.name }) {
				entries = append(entries, e)
			}
		}
	}
	c := &Chart{
		title: o.Title, plots: grid, legend: entries, below: true, fonts: fs,
		width: width, height: height, titleSty: fs.style(14),
	}
	c.titleSty.XAlign = text.XCenter
	c.titleSty.YAlign = text.YTop
	return c, nil
}

// SmallMultiplePages splits panels into pages of at most perPage panels
// (MaxPanels if perPage is zero) and returns NewSmallMultiples of each,
// with o.Title followed by " (page i of n)" when there is more than one
// page. It returns an error wrapping ErrSize for perPage negative or above
// MaxPanels, and any error of NewSmallMultiples, naming the page.
func SmallMultiplePages(panels []Fan, perPage int, o Options) ([]*Chart, error) {
	if perPage == 0 {
		perPage = MaxPanels
	}
	if perPage < 0 || perPage > MaxPanels {
		return nil, fmt.Errorf("%w: %d panels a page (want 1 to %d)", ErrSize, perPage, MaxPanels)
	}
	if len(panels) == 0 {
		return nil, fmt.Errorf("%w: no panels", ErrNoData)
	}
	pages := (len(panels) + perPage - 1) / perPage
	var out []*Chart
	for i := 0; i < pages; i++ {
		po := o
		if pages > 1 {
			po.Title = strings.TrimSpace(fmt.Sprintf("%s (page %d of %d)", o.Title, i+1, pages))
		}
		c, err := NewSmallMultiples(panels[i*perPage:min((i+1)*perPage, len(panels))], po)
		if err != nil {
			return out, fmt.Errorf("%w (page %d of %d)", err, i+1, pages)
		}
		out = append(out, c)
	}
	return out, nil
}

// checkHeadroom returns an error wrapping ErrMismatch if o.YHeadroom is
// neither zero (the default) nor a finite factor of at least 1: below 1
// the axis would end under the largest value it is fixed by, cutting off
// the history and the paths.
func (o Options) checkHeadroom() error {
	if o.YHeadroom != 0 && !(o.YHeadroom >= 1 && !math.IsInf(o.YHeadroom, 1)) {
		return fmt.Errorf("%w: YHeadroom %g is not a finite factor of at least 1 (or 0 for the default)", ErrMismatch, o.YHeadroom)
	}
	return nil
}

// yRange returns the y-axis of f's panel under o.YHeadroom: the top is
// YHeadroom times the largest value of f's history, point paths and
// references; the bottom zero, or for a Signed quantity YHeadroom times
// the smallest such value if it is negative. fixed reports whether the
// axis is fixed (YHeadroom positive and the range not empty).
func (o Options) yRange(f *Fan) (bottom, top float64, fixed bool) {
	if o.YHeadroom == 0 {
		return 0, 0, false
	}
	var vals []float64
	_, hs := f.History.Observed()
	vals = append(vals, hs...)
	for _, fc := range f.Forecasts {
		_, vs := fc.Point.Observed()
		vals = append(vals, vs...)
	}
	for _, r := range f.Refs {
		vals = append(vals, r.Value)
	}
	for _, v := range vals {
		top = max(top, v)
		if o.Signed {
			bottom = min(bottom, v)
		}
	}
	bottom *= o.YHeadroom
	top *= o.YHeadroom
	return bottom, top, top > bottom
}
