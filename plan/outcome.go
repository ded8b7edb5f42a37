package plan

import (
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

//go:embed data/outcomes.tsv
var outcomesTSV string

// outcomes holds every 2015 outcome in file order.
var outcomes []Outcome

func init() {
	var err error
	outcomes, err = parseOutcomes(strings.NewReader(outcomesTSV))
	if err != nil {
		panic(err) // the embedded data is checked by the tests
	}
}

// Confidence grades how far an outcome can be trusted as the figure the
// plan forecast: High for the plan's own publisher and basis, Medium for a
// figure on another basis or derived from one, Low for secondary
// compilations on a basis other than the plan's.
type Confidence string

// The confidence grades.
const (
	High   Confidence = "high"
	Medium Confidence = "medium"
	Low    Confidence = "low"
)

// Role says what an outcome figure is used for.
type Role string

// The roles of an outcome figure.
const (
	// RoleOutcome marks the figure the plan is checked against: one per
	// metal and field.
	RoleOutcome Role = "outcome"
	// RoleAlternative marks another source or basis, shown beside the
	// outcome but not checked against.
	RoleAlternative Role = "alternative"
	// RoleNone marks a metal and field for which no figure was found; its
	// Value is NaN.
	RoleNone Role = "none"
)

// Outcome is one figure for 2015 as it turned out, with where it comes
// from. Levels are in 万吨, growth rates (the fields ending 2011–2015) in
// percent a year.
type Outcome struct {
	Metal Metal
	Field Field // Consumption2015, Production2015, ConsumptionGrowth12th or ProductionGrowth12th
	Role  Role
	// Figure is the figure as carried, parsed as the plan's figures are:
	// "约5560" is approximate, "17.58" has two decimals. Figure.Value is NaN
	// for RoleNone. Its Row, Key and Field name the row; its Table is
	// empty, Source saying where the figure is printed.
	Figure     Figure
	Confidence Confidence // "" for RoleNone
	Date       string     // the date of the source: "2016-10-19", "2020-08", "2019"
	Basis      string     // what the figure measures, and how it relates to the plan's basis
	Source     string     // publisher and document

	// Printed is the figure as it appears in Quote, in Unit (万吨, 万t,
	// 万トン, 千t, %); empty for a derived figure.
	Printed, Unit string
	// Formula is the derivation of a derived figure from figures in its
	// Quote: back(a,g,n) = a/(1+g/100)^n, minus(a,b) = a − b, in 万吨 and
	// percent; empty for a figure printed in its source. Derivation says
	// the same in words.
	Formula, Derivation string
	// Quote is the passage of the source the figure comes from.
	Quote string
}

// Value returns the figure's value, NaN for RoleNone.
func (o Outcome) Value() float64 { return o.Figure.Value }

// Derived reports whether the figure is derived rather than printed in its
// source.
func (o Outcome) Derived() bool { return o.Formula != "" }

// unitScale is the factor from a printed unit to 万吨 (or percent).
var unitScale = map[string]float64{
	"万吨": 1, "万t": 1, "万トン": 1, "千t": 0.1, "kt": 0.1, "million t": 100, "%": 1,
}

// PrintedValue returns the figure printed in the quotation converted to
// 万吨 (percent for a rate), and false for a derived figure or RoleNone.
func (o Outcome) PrintedValue() (float64, bool) {
	if o.Printed == "" {
		return math.NaN(), false
	}
	t := strings.TrimSuffix(strings.TrimPrefix(o.Printed, "约"), "%")
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil {
		return math.NaN(), false
	}
	return v * unitScale[o.Unit], true
}

// Recompute evaluates the Formula of a derived figure, unrounded, and
// returns false for a figure that is not derived.
func (o Outcome) Recompute() (float64, bool) {
	v, err := evalFormula(o.Formula)
	if err != nil {
		return math.NaN(), false
	}
	return v, true
}

// evalFormula evaluates back(a,g,n) or minus(a,b).
func evalFormula(f string) (float64, error) {
	open := strings.IndexByte(f, '(')
	if open < 0 || !strings.HasSuffix(f, ")") {
		return 0, fmt.Errorf("formula %q: want name(args)", f)
	}
	name := f[:open]
	var args []float64
	for _, a := range strings.Split(f[open+1:len(f)-1], ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(a), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("formula %q: bad argument %q", f, a)
		}
		args = append(args, v)
	}
	switch {
	case name == "back" && len(args) == 3:
		return args[0] / math.Pow(1+args[1]/100, args[2]), nil
	case name == "minus" && len(args) == 2:
		return args[0] - args[1], nil
	}
	return 0, fmt.Errorf("formula %q: unknown form", f)
}

// parseOutcomes reads the outcomes file: # comments, a header, then one
// figure a line in 13 tab-separated columns.
func parseOutcomes(r io.Reader) ([]Outcome, error) {
	const header = "metal\tfield\trole\ttext\tconfidence\tdate\tbasis\tsource\tprinted\tunit\tformula\tderivation\tquote"
	var out []Outcome
	primary := make(map[figureKey]bool)
	err := scanTSV(r, "outcomes", header, 13, func(line int, c []string) error {
		o, err := outcomeFromColumns(c)
		if err != nil {
			return fmt.Errorf("plan: outcomes line %d: %w", line, err)
		}
		if o.Role != RoleAlternative {
			k := figureKey{key: o.Metal.String(), field: o.Field}
			if primary[k] {
				return fmt.Errorf("plan: outcomes line %d: second outcome for %s %s", line, o.Metal, o.Field)
			}
			primary[k] = true
		}
		out = append(out, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func outcomeFromColumns(c []string) (Outcome, error) {
	m, err := parseMetal(c[0])
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{
		Metal: m, Field: Field(c[1]), Role: Role(c[2]), Confidence: Confidence(c[4]),
		Date: c[5], Basis: c[6], Source: c[7], Printed: c[8], Unit: c[9],
		Formula: c[10], Derivation: c[11], Quote: c[12],
	}
	switch o.Field {
	case Consumption2015, Production2015, ConsumptionGrowth12th, ProductionGrowth12th:
	default:
		return Outcome{}, fmt.Errorf("unknown field %q", c[1])
	}
	if o.Role == RoleNone {
		if c[3] != "" || o.Confidence != "" || o.Quote != "" {
			return Outcome{}, fmt.Errorf("%s %s: a row with no figure has a figure, confidence or quotation", m, o.Field)
		}
		o.Figure = Figure{Value: math.NaN()}
		return o, nil
	}
	if o.Role != RoleOutcome && o.Role != RoleAlternative {
		return Outcome{}, fmt.Errorf("unknown role %q", c[2])
	}
	if o.Confidence != High && o.Confidence != Medium && o.Confidence != Low {
		return Outcome{}, fmt.Errorf("unknown confidence %q", c[4])
	}
	if o.Source == "" || o.Basis == "" || o.Date == "" || o.Quote == "" {
		return Outcome{}, fmt.Errorf("%s %s: source, basis, date and quotation are required", m, o.Field)
	}
	if (o.Printed == "") == (o.Formula == "") {
		return Outcome{}, fmt.Errorf("%s %s: want either the printed figure or a formula", m, o.Field)
	}
	if o.Printed != "" {
		if _, ok := unitScale[o.Unit]; !ok {
			return Outcome{}, fmt.Errorf("%s %s: unknown unit %q", m, o.Field, o.Unit)
		}
	} else if _, err := evalFormula(o.Formula); err != nil {
		return Outcome{}, err
	}
	o.Figure, err = parseFigure(c[3])
	if err != nil {
		return Outcome{}, err
	}
	if math.IsNaN(o.Figure.Value) {
		return Outcome{}, fmt.Errorf("%s %s: empty figure", m, o.Field)
	}
	o.Figure.Row, o.Figure.Key, o.Figure.Field = m.Label(), m.String(), o.Field
	return o, nil
}

// Outcomes returns every outcome figure the package holds, in the order of
// its data file: outcomes, alternatives and the rows with no figure. The
// result is a copy.
func Outcomes() []Outcome { return append([]Outcome(nil), outcomes...) }

// OutcomeOf returns the figure for row m and field f that the plan is
// checked against (RoleOutcome), and whether there is one. A row the data
// marks RoleNone gives that row and false.
//
// Where two sources exist the outcome is the one nearer the plan's own
// basis (apparent consumption as MIIT publishes it): copper 1148 derived
// from the MIIT 2016–2020 plan (beside 1135, refined consumption on the
// WBMS/ICSG basis); aluminium 3107, production less net exports of
// unwrought aluminium (beside 3164, the industry association's estimate);
// ten-metal production MIIT's 5156 (beside 国土资源部's 5090).
func OutcomeOf(m Metal, f Field) (Outcome, bool) {
	for _, o := range outcomes {
		if o.Metal == m && o.Field == f && o.Role != RoleAlternative {
			return o, o.Role == RoleOutcome
		}
	}
	return Outcome{Metal: m, Field: f, Role: RoleNone, Figure: Figure{Value: math.NaN()}}, false
}

// OutcomeAlternatives returns the other figures for row m and field f, not
// checked against but shown beside the outcome.
func OutcomeAlternatives(m Metal, f Field) []Outcome {
	var out []Outcome
	for _, o := range outcomes {
		if o.Metal == m && o.Field == f && o.Role == RoleAlternative {
			out = append(out, o)
		}
	}
	return out
}
