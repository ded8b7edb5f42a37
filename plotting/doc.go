// Package plotting draws the charts of demand forecasts on gonum/plot.
//
// # Chart kinds
//
//   - Forecast (fan) chart, NewFanChart: a history — observed years as
//     filled circles, derived years (Fan.Derived) as open circles, present
//     years joined by a line across missing ones — each method's path with
//     its prediction interval as a translucent band (several levels of one
//     method nest into a fan, the overlap darkening toward the path), the
//     combination as a thick vermillion line, and labelled reference
//     points (Ref) as black triangles. Paths and bands that follow the
//     history start at its last observation, so the lines connect. A
//     forecast with NaN bounds gets its path but no band.
//   - Small multiples, NewSmallMultiples: one forecast panel per series on
//     one page (2 columns × 5 rows for ten series by default), each with
//     its own y-axis and title, aligned with plot.Align, methods coloured
//     alike in every panel and one legend below.
//   - Deviation chart, NewDeviationChart: grouped horizontal bars of the
//     percent deviation 100·(figure − reference)/reference of each method
//     and the combination, one group per series, with a line at zero.
//   - Parameter comparison, NewComparisonChart: a dot-and-line (dumbbell)
//     row per series joining a historical value (open circle) and an
//     implied one (filled circle), for example the historical elasticity
//     and the one a published forecast implies.
//
// Each constructor checks its data and returns a *Chart or an error; a
// Chart is drawn with Draw or written with Save (format by the file's
// extension: .png, .svg or .pdf; anything else is ErrFormat) or WriterTo.
// Errors wrap the sentinel values ErrNoData (nothing to draw: empty
// history, empty path, no panels), ErrNaN (NaN or ±Inf where a value is
// needed), ErrMismatch (parts that do not fit together: a lower bound
// above its upper bound, a forecast in another unit than the history, a
// YHeadroom below 1, …), ErrSize (a chart size or panel count out of
// range) and ErrFormat.
// NaN marks a missing value where the data allow one: a missing history
// year, a method without an interval, a method without a figure in a
// deviation chart, an unknown value in a comparison.
//
// # Options
//
// Options holds the title, axis labels, size (Width, Height), panel grid
// (Cols, Rows), fonts, palette and y-axis headroom. The zero value of each field means its default:
// no title; axis labels "year" and the history's unit for forecast charts;
// sizes from 20 cm × 12 cm for a fan chart to A4-like pages for ten
// panels, growing with the number of rows in bar charts. At the default
// sizes every text is at least 10 pt: titles 13 pt (11 pt for panels,
// 14 pt for the page), axis labels 11 pt, tick and legend labels 10 pt.
// Years are labelled as integers (2005) at steps of 1, 2, 5, 10, … years,
// values in plain decimal notation without exponents.
//
// Options.YHeadroom clips the y-axis of forecast panels to [0, YHeadroom ×
// the largest of the history, point paths and references], for intervals
// far wider than the paths (a fit on three points has a 95 % t quantile of
// 12.7). It is 0 (unset: the axis covers everything) or at least 1, so
// that the history and the paths stay on the axis; Options.Palette sets
// the methods' colours.
//
// # Colours
//
// Methods take the colour-blind-safe palette of Okabe and Ito (DefaultPalette) in
// order of first appearance — blue, orange, bluish green, reddish purple,
// sky blue, yellow — and a line dash pattern each as a second cue for
// grey-scale print; the combination is vermillion (with a black outline in
// bar charts) and the history black. Reference: M. Okabe and K. Ito,
// "Color Universal Design (CUD): how to make figures and presentations
// that are friendly to colorblind people", J*FLY, 2002 (revised 2008),
// https://jfly.uni-koeln.de/color/.
// Options.Palette changes the methods' colours; an empty Palette means the
// default one.
//
// # Fonts and Chinese text
//
// gonum/plot's bundled Liberation fonts have no CJK glyphs: Chinese text
// drawn with them silently disappears, so the charts' own texts are
// English. For Chinese titles, labels and series names, supply a font
// that covers both CJK and Latin characters (digits appear in every tick
// label), such as Noto Sans CJK, as Options.Fonts:
//
//	data, err := os.ReadFile("NotoSansCJKsc-Regular.otf")
//	...
//	fonts, err := plotting.ParseFont("Noto Sans CJK SC", data)
//	...
//	c, err := plotting.NewFanChart(fan, plotting.Options{Fonts: fonts, Title: "铜消费量"})
//
// Every text of the chart is then set in the collection's first face,
// each character that face lacks in the bundled Liberation Serif, so a
// fallback-only font such as Droid Sans Fallback (CJK without Latin
// glyphs) still gets its numbers. Options.MissingGlyphs lists the
// characters of a text no font of the chart has. ParseFont also reads
// font collections (.ttc), taking the first font. No Go module in this
// module's dependencies bundles a CJK font, so the font is the caller's.
//
// # Reading right
//
// Charts mark what a reader could otherwise misread:
//
//   - A band cut by a y-axis fixed with YHeadroom gets a triangle ▲ at the
//     top of the axis in its colour, at the last year it runs beyond, and
//     the legend entry BeyondLabel; bands have no outline there, so the
//     cut does not read as a bound.
//   - Unless Options.Signed, the charted quantity cannot be negative:
//     interval bounds below zero are drawn at zero and the legend names
//     each method so clipped (NegativeLabel).
//   - Reference points of the same year label the highest above and the
//     lowest below its point; narrow panels of small multiples (under
//     7 cm) name their references in the legend.
//   - Beyond the palette, methods keep distinct styles: the dash pattern
//     shifts with each round of colours, distinct for the first 36
//     methods with the default palette.
//   - Small multiples label as many years as a panel's width holds apart;
//     more than MaxPanels panels is an error, and SmallMultiplePages splits
//     them over pages.
//   - A size that is negative, not finite or beyond MaxPixels (2²⁶ pixels
//     at 96 dpi, a 256 MiB image) is an error wrapping ErrSize, not a
//     failed allocation.
package plotting
