package plan

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Table names a source of figures in the plan.
type Table string

// The plan's tables and the text passages with figures.
const (
	Box1    Table = "专栏1"   // production and apparent consumption, 2005 and 2010, with growth 2001–2005 and 2006–2010
	Box2    Table = "专栏2"   // the 2015 demand forecast
	Box3    Table = "专栏3"   // the main targets of the 12th Five-Year Plan
	Targets Table = "三(三)1" // section 三(三)1, production targets for 2015
	Status  Table = "一(一)1" // section 一(一)1, the 2010 figures given in the text
)

// Field names a column of a table.
type Field string

// The fields of the plan's tables. Levels are in 万吨 (10 kt), growth rates
// in percent a year. The 专栏3 indicators use the fields Y2010 and Y2015.
const (
	Production2005        Field = "production 2005"
	Production2010        Field = "production 2010"
	Production2015        Field = "production 2015"
	ProductionGrowth10th  Field = "production growth 2001–2005"  // 十五
	ProductionGrowth11th  Field = "production growth 2006–2010"  // 十一五
	ProductionGrowth12th  Field = "production growth 2011–2015"  // 十二五
	Consumption2005       Field = "consumption 2005"             // apparent consumption
	Consumption2010       Field = "consumption 2010"             // apparent consumption
	Consumption2015       Field = "consumption 2015"             // apparent consumption, forecast
	ConsumptionGrowth10th Field = "consumption growth 2001–2005" // 十五
	ConsumptionGrowth11th Field = "consumption growth 2006–2010" // 十一五
	ConsumptionGrowth12th Field = "consumption growth 2011–2015" // 十二五
	Y2010                 Field = "2010"
	Y2015                 Field = "2015"
)

// Figure is one published figure, kept as printed.
type Figure struct {
	Table Table  // where it is printed
	Row   string // the row label as printed, e.g. 精炼铜
	Key   string // the row's key: a metal's English name, "total", or a 专栏3 indicator key
	Field Field  // the column

	Text       string  // the figure as printed, e.g. "7.45", "约3430", ">1.5", "[50]"
	Value      float64 // the number in Text; NaN for an empty cell
	Decimals   int     // digits printed after the decimal point
	Approx     bool    // printed with 约 or 左右 (about)
	Bound      string  // ">" or "<" when printed as a bound, "" otherwise
	Cumulative bool    // printed in brackets: a five-year cumulative figure
}

// ParseFigure parses a figure as printed: a decimal number, optionally
// preceded by 约 or followed by 左右 (approximate), preceded by > or <
// (a bound), or in brackets (five-year cumulative), with an optional
// trailing %. An empty text gives a Figure with a NaN Value.
func ParseFigure(text string) (Figure, error) {
	f, err := parseFigure(text)
	if err != nil {
		return Figure{}, fmt.Errorf("plan: %w", err)
	}
	return f, nil
}

// parseFigure is ParseFigure with errors that name no package, for the
// readers of the embedded files, which name it once.
func parseFigure(text string) (Figure, error) {
	f := Figure{Text: text, Value: math.NaN()}
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if t == "" {
		return f, nil
	}
	if strings.HasPrefix(t, "约") {
		f.Approx, t = true, strings.TrimPrefix(t, "约")
	}
	if strings.HasSuffix(t, "左右") {
		f.Approx, t = true, strings.TrimSuffix(t, "左右")
	}
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		f.Cumulative, t = true, t[1:len(t)-1]
	}
	if strings.HasPrefix(t, ">") || strings.HasPrefix(t, "<") {
		f.Bound, t = t[:1], t[1:]
	}
	t = strings.TrimSpace(t)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(t, "eExXpP_") {
		return Figure{}, fmt.Errorf("cannot parse figure %q", text)
	}
	f.Value = v
	if i := strings.IndexByte(t, '.'); i >= 0 {
		f.Decimals = len(t) - i - 1
	}
	return f, nil
}

// Rounding returns the half-width of the interval of true values the
// printed figure stands for: half a unit of its last printed digit,
// 0.5·10^(−Decimals). An approximate figure (约, 左右) printed without
// decimals is taken to be rounded at its last non-zero digit: 约3430 stands
// for 3425–3435 (±5), 4600左右 for 4550–4650 (±50).
func (f Figure) Rounding() float64 {
	h := 0.5 * math.Pow(10, -float64(f.Decimals))
	if f.Approx && f.Decimals == 0 && f.Value != 0 {
		for v := math.Abs(f.Value); math.Mod(v, 10) == 0; v /= 10 {
			h *= 10
		}
	}
	return h
}

// Interval returns the range of true values the printed figure stands for,
// Value ± Rounding(). A lower bound (">1.5") gives (1.5, +Inf), an upper
// bound (−Inf, Value); an empty cell gives NaN, NaN.
func (f Figure) Interval() (lo, hi float64) {
	h := f.Rounding()
	lo, hi = f.Value-h, f.Value+h
	switch f.Bound {
	case ">":
		lo, hi = f.Value, math.Inf(1)
	case "<":
		lo, hi = math.Inf(-1), f.Value
	}
	return lo, hi
}

// String returns the figure as printed.
func (f Figure) String() string { return f.Text }
