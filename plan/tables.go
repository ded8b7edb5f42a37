package plan

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strings"
)

//go:embed data/tables.tsv
var tablesTSV string

// figures holds every published figure in file order; index maps
// table/key/field to a position in figures.
var (
	figures []Figure
	index   map[figureKey]int
)

type figureKey struct {
	table Table
	key   string
	field Field
}

func init() {
	var err error
	figures, err = parseTables(strings.NewReader(tablesTSV))
	if err != nil {
		panic(err) // the embedded data is checked by the tests
	}
	index = make(map[figureKey]int, len(figures))
	for i, f := range figures {
		index[figureKey{f.Table, f.Key, f.Field}] = i
	}
}

// parseTables reads the tab-separated table file: lines starting with # are
// comments, the first other line is the header
// "table row key field text", and every further line is one figure.
func parseTables(r io.Reader) ([]Figure, error) {
	var figs []Figure
	seen := make(map[figureKey]bool)
	err := scanTSV(r, "tables", "table\trow\tkey\tfield\ttext", 5, func(line int, c []string) error {
		f, err := parseFigure(c[4])
		if err != nil {
			return fmt.Errorf("plan: tables line %d, column 5: %w", line, err)
		}
		if math.IsNaN(f.Value) {
			return fmt.Errorf("plan: tables line %d, column 5: empty figure", line)
		}
		f.Table, f.Row, f.Key, f.Field = Table(c[0]), c[1], c[2], Field(c[3])
		k := figureKey{f.Table, f.Key, f.Field}
		if seen[k] {
			return fmt.Errorf("plan: tables line %d: duplicate figure %s %s %s", line, c[0], c[2], c[3])
		}
		seen[k] = true
		figs = append(figs, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return figs, nil
}

// scanTSV reads the tab-separated file r, called what in errors (lines of
// up to 1 MiB): it skips empty lines and those starting with #, requires
// the first other line to be header, and calls row with the line number
// and the cols columns of every further line, stopping at the first error
// row returns.
func scanTSV(r io.Reader, what, header string, cols int, row func(line int, c []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	seenHeader := false
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !seenHeader {
			if l != header {
				return fmt.Errorf("plan: %s line %d: header %q, want %q", what, line, l, header)
			}
			seenHeader = true
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != cols {
			return fmt.Errorf("plan: %s line %d: %d columns, want %d", what, line, len(c), cols)
		}
		if err := row(line, c); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("plan: %s: %w", what, err)
	}
	if !seenHeader {
		return fmt.Errorf("plan: %s: no header", what)
	}
	return nil
}

// Figures returns every published figure the package holds, in the order
// of the data file: 专栏1, 专栏2, 三(三)1, 专栏3, 一(一)1. The result is a
// copy.
func Figures() []Figure { return append([]Figure(nil), figures...) }

// Lookup returns the figure of table t in the row with the given key (a
// metal's English name, "total", or a 专栏3 indicator key) and field f, and
// whether the plan prints one.
func Lookup(t Table, key string, f Field) (Figure, bool) {
	i, ok := index[figureKey{t, key, f}]
	if !ok {
		return Figure{Table: t, Key: key, Field: f, Value: math.NaN()}, false
	}
	return figures[i], true
}

func get(t Table, m Metal, f Field) Figure {
	fig, _ := Lookup(t, m.String(), f)
	return fig
}

// BalanceRow is a row of 专栏1 (十种有色金属生产及消费量): production and
// apparent consumption in 2005 and 2010, 万吨, and their average annual
// growth over the 10th (十五, 2001–2005) and 11th (十一五, 2006–2010)
// Five-Year Plans, percent.
type BalanceRow struct {
	Production2005, Production2010               Figure
	ProductionGrowth10th, ProductionGrowth11th   Figure
	Consumption2005, Consumption2010             Figure
	ConsumptionGrowth10th, ConsumptionGrowth11th Figure
}

// Balance returns m's row of 专栏1. It panics if m is not valid.
func Balance(m Metal) BalanceRow {
	m.mustValid()
	return BalanceRow{
		Production2005: get(Box1, m, Production2005), Production2010: get(Box1, m, Production2010),
		ProductionGrowth10th: get(Box1, m, ProductionGrowth10th), ProductionGrowth11th: get(Box1, m, ProductionGrowth11th),
		Consumption2005: get(Box1, m, Consumption2005), Consumption2010: get(Box1, m, Consumption2010),
		ConsumptionGrowth10th: get(Box1, m, ConsumptionGrowth10th), ConsumptionGrowth11th: get(Box1, m, ConsumptionGrowth11th),
	}
}

// DemandRow is a row of 专栏2 (2015年主要有色金属需求预测): apparent
// consumption in 2010 and its 2006–2010 growth as restated in the forecast
// table, and the forecast 2015 consumption with its 2011–2015 growth.
type DemandRow struct {
	Consumption2010, ConsumptionGrowth11th Figure
	Consumption2015, ConsumptionGrowth12th Figure
}

// Demand returns m's row of 专栏2. It panics if m is not valid.
func Demand(m Metal) DemandRow {
	m.mustValid()
	return DemandRow{
		Consumption2010: get(Box2, m, Consumption2010), ConsumptionGrowth11th: get(Box2, m, ConsumptionGrowth11th),
		Consumption2015: get(Box2, m, Consumption2015), ConsumptionGrowth12th: get(Box2, m, ConsumptionGrowth12th),
	}
}

// Plan2015 returns the plan's forecast of m's 2015 apparent consumption,
// 万吨 (专栏2). It panics if m is not valid.
func Plan2015(m Metal) Figure { return Demand(m).Consumption2015 }

// TargetRow is a production target of section 三(三)1 (产量目标): 2015
// production, 万吨, and its average growth over 2011–2015, percent.
type TargetRow struct {
	Production2015, ProductionGrowth12th Figure
}

// ProductionTarget returns the production target for m and whether the plan
// sets one: it does for Total (4600左右 at 8 %), copper, aluminium, lead and
// zinc. It panics if m is not valid.
func ProductionTarget(m Metal) (TargetRow, bool) {
	m.mustValid()
	p, ok := Lookup(Targets, m.String(), Production2015)
	g, _ := Lookup(Targets, m.String(), ProductionGrowth12th)
	return TargetRow{Production2015: p, ProductionGrowth12th: g}, ok
}

// StatusRow holds the 2010 production and consumption figures section
// 一(一)1 gives in its text (not its world shares, sales or profits):
// production and its 2006–2010 growth for the total and six metals, and
// for the total also apparent consumption (约3430, approximate) and its
// growth. Figures the text does not give have a NaN Value.
type StatusRow struct {
	Production2010, ProductionGrowth11th   Figure
	Consumption2010, ConsumptionGrowth11th Figure
}

// StatusFigures returns the text figures of section 一(一)1 for m and
// whether the text gives any: it does for Total, copper, aluminium, lead,
// zinc, nickel and magnesium. It panics if m is not valid.
func StatusFigures(m Metal) (StatusRow, bool) {
	m.mustValid()
	p, ok := Lookup(Status, m.String(), Production2010)
	return StatusRow{
		Production2010: p, ProductionGrowth11th: get(Status, m, ProductionGrowth11th),
		Consumption2010: get(Status, m, Consumption2010), ConsumptionGrowth11th: get(Status, m, ConsumptionGrowth11th),
	}, ok
}

// Indicator is a row of 专栏3 (“十二五”时期有色金属工业发展主要目标).
type Indicator struct {
	Key   string // e.g. "total" for 10种有色金属产量, "retire_copper"
	Label string // the row label as printed
	// The 2010 value and the 2015 target. Value2010 has a NaN Value where
	// the cell is empty. Bracketed figures (Cumulative) are five-year
	// totals; ">1.5" is kept as printed, with Bound ">".
	Value2010, Value2015 Figure
}

// Goals returns the rows of 专栏3 in printed order. The indicator keys are
// value_added_growth, new_materials_share, rd_share (percent), total (ten-
// metal production, 万吨), retire_copper, retire_aluminium, retire_lead,
// retire_zinc (capacity retired, 万吨, cumulative), energy_intensity_cut,
// co2_intensity_cut and so2_cut (percent, cumulative).
func Goals() []Indicator {
	var out []Indicator
	for _, f := range figures {
		if f.Table != Box3 || f.Field != Y2015 {
			continue
		}
		v10, _ := Lookup(Box3, f.Key, Y2010)
		v10.Row = f.Row
		out = append(out, Indicator{Key: f.Key, Label: f.Row, Value2010: v10, Value2015: f})
	}
	return out
}
