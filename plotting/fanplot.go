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
// fan needs.
func fanPlot(f *Fan, st styles, fs fontSet, title, xlabel, ylabel string, titleSize float64) (*plot.Plot, []legendEntry, error) {
	lastYear, lastValue, err := f.check()
	if err != nil {
		return nil, nil, err
	}
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
	var levels = make(map[string][]float64)
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
			poly, err := plotter.NewPolygon(bandXYs(fc, lastYear, lastValue))
			if err != nil {
				return nil, nil, fmt.Errorf("plotting: band of %q: %w", m, err)
			}
			poly.Color = st.fill(m, comb).Color
			poly.LineStyle = draw.LineStyle{Color: alpha(st.line(m, comb).Color, 0x90), Width: vg.Points(0.6)}
			p.Add(poly)
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
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return nil, nil, fmt.Errorf("plotting: reference labels: %w", err)
		}
		for i := range lb.TextStyle {
			fs.restyle(&lb.TextStyle[i], 10)
			lb.TextStyle[i].XAlign = text.XLeft
			lb.TextStyle[i].YAlign = text.YCenter
		}
		lb.Offset = vg.Point{X: vg.Points(7), Y: 0}
		p.Add(lb)
	}
	// Keep a half-year margin so end points and glyphs are not on the axis.
	p.X.Min -= 0.5
	p.X.Max += 0.5
	return p, entries, nil
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
