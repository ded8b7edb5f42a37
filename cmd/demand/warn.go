package main

import (
	"fmt"
	"strconv"

	"gonum.org/v1/plot/font"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plotting"
	"github.com/nonferrous/demand/series"
)

// glyphWarning returns a warning if the chart font (fonts, read from file;
// the bundled fonts when nil) lacks glyphs of the series name, or "".
func glyphWarning(name string, fonts font.Collection, file string) string {
	missing := plotting.Options{Fonts: fonts}.MissingGlyphs(name)
	if len(missing) == 0 {
		return ""
	}
	if fonts == nil {
		return fmt.Sprintf("series %q: the bundled chart fonts have no glyph for %q, left out of the charts; give -font FILE with a CJK font (.ttf, .otf or .ttc)",
			name, string(missing))
	}
	return fmt.Sprintf("series %q: the font %s and the bundled fonts have no glyph for %q, left out of the charts", name, file, string(missing))
}

// signed reports whether h has a value below zero: then it is a quantity
// that can be negative (a balance, a change), and its forecasts may be.
// A series observed at zero or above is taken as one that cannot, such as
// consumption.
func signed(h series.Series) bool {
	_, vs := h.Observed()
	for _, v := range vs {
		if v < 0 {
			return true
		}
	}
	return false
}

// negativeWarnings returns a warning for each forecast of r whose
// interval goes below zero although the series cannot (signed false):
// the series, the method, the first such year and the value. The charts
// draw such bounds at zero. A forecast whose path goes below zero is not
// in r: Analyse leaves it out (AnalysisSettings.NonNegative), saying why.
func negativeWarnings(r forecast.Analysis, level float64) []string {
	if signed(r.History) {
		return nil
	}
	var out []string
	for _, f := range r.Forecasts {
		if y, v, ok := firstNegative(f.Lower); ok {
			out = append(out, fmt.Sprintf("series %q, method %q: the %s %% interval's lower bound is %s in %d, below zero for a quantity that cannot be negative (the charts draw it at 0): the calibrated interval is symmetric about the point, so a wide one reaches below zero; read the lower bound as 0",
				r.History.Name, f.Method, strconv.FormatFloat(100*level, 'f', -1, 64), num(v), y))
		}
	}
	return out
}

// firstNegative returns the first year of s whose value is below zero.
func firstNegative(s series.Series) (year int, v float64, ok bool) {
	for i, x := range s.Values {
		if x < 0 {
			return s.Start + i, x, true
		}
	}
	return 0, 0, false
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
