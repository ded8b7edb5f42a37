package plan

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestHistoricalIntensityChange(t *testing.T) {
	p, err := NewProblem(Copper, PlanScenario())
	if err != nil {
		t.Fatal(err)
	}
	// By hand (python3): Q2000 = 374/1.14**5, Y2010 = 1.098**5 * 1.112**5,
	// ((753/Y2010)/Q2000)**0.1 - 1.
	const want = 0.036313604196136495
	if got := p.HistoricalIntensityChange(); math.Abs(got-want) > 1e-15 {
		t.Errorf("copper historical intensity change = %.17g, want %.17g", got, want)
	}
	zero := p
	zero.History = p.History.Clone()
	zero.History.Values[len(zero.History.Values)-1] = 0
	if got := zero.HistoricalIntensityChange(); !math.IsNaN(got) {
		t.Errorf("with Q_2010 = 0: %g, want NaN", got)
	}
	p.Drivers = nil
	if got := p.HistoricalIntensityChange(); !math.IsNaN(got) {
		t.Errorf("without GDP: %g, want NaN", got)
	}
}

// TestStudyToy checks Study, Deviations, CombinationAt and the Document on
// toy methods whose figures are known: "last" holds 2010 flat with a
// ±10 % band, "failing" always fails.
func TestStudyToy(t *testing.T) {
	st, err := NewStudy(PlanScenario(), LowScenario(), HighScenario(), setOf(lastValue{name: "last"}, failing{}))
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Main.Methods(); len(got) != 2 || got[0] != "last" || got[1] != "failing" {
		t.Errorf("Methods = %q, want [last failing]", got)
	}
	cu := st.Main.Metals[0] // copper: 2010 = 753, plan 970
	dev := cu.Deviations()
	if want := 100 * (753.0 - 970) / 970; math.Abs(dev[0]-want) > 1e-12 || !math.IsNaN(dev[1]) {
		t.Errorf("Deviations = %v, want [%g NaN]", dev, want)
	}
	for _, level := range Levels() {
		c, err := cu.CombinationAt(level)
		if err != nil {
			t.Fatalf("CombinationAt(%g): %v", level, err)
		}
		v, _ := c.Forecast.Point.At(TargetYear)
		lo, _ := c.Forecast.Lower.At(TargetYear)
		if c.Forecast.Level != level || v != 753 || math.Abs(lo-0.9*753) > 1e-9 {
			t.Errorf("CombinationAt(%g): level %g, 2015 %g, lower %g; want %g, 753, %g", level, c.Forecast.Level, v, lo, level, 0.9*753)
		}
	}
	if _, err := cu.CombinationAt(0.5); err == nil {
		t.Error("CombinationAt(0.5): no error for a level no method forecast")
	}

	d := NewDocument(st)
	if d.Scenario == nil || d.Scenario.Name != "plan" || d.Scenario.Low != LowGrowth || d.Scenario.High != HighGrowth {
		t.Errorf("scenario = %+v", d.Scenario)
	}
	r := d.Metals[0]
	if r.Forecasts["last"] != 753 || r.Range["last"] != [2]float64{753, 753} || r.Errors["failing"] == "" || strings.HasPrefix(r.Errors["failing"], "plan: ") {
		t.Errorf("copper row: forecasts %v, range %v, errors %v (the cause, not the plan's wrapping)", r.Forecasts, r.Range, r.Errors)
	}
	if iv := r.Intervals["last"]["80"]; math.Abs(iv[0]-0.9*753) > 1e-9 || math.Abs(iv[1]-1.1*753) > 1e-9 {
		t.Errorf("copper 80 %% interval %v", iv)
	}
	if r.HistoricalIntensityChange == nil || math.Abs(*r.HistoricalIntensityChange-0.036313604196136495) > 1e-15 {
		t.Errorf("copper historical intensity change %v", r.HistoricalIntensityChange)
	}
	var sum float64
	for _, m := range d.Metals {
		sum += *m.Combined
	}
	if tot := d.Total; math.Abs(*tot.Combined-sum) > 1e-9 || *tot.Direct != 3430 || math.Abs(*tot.Gap-(3430-sum)) > 1e-9 {
		t.Errorf("total: combined %v (sum %v), direct %v, gap %v", *tot.Combined, sum, *tot.Direct, *tot.Gap)
	}

	// The JSON keys are the documented ones.
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"unit":"万吨"`, `"metals":`, `"total":`, `"audit":`, `"scenario":{"name":"plan","gdp_growth_2011_2015":0.07,"low_growth":0.06,"high_growth":0.08}`,
		`"methods":["last","failing"]`, `"checks":83`, `"chinese_short":"铜"`, `"derived_years":[2000]`, `"plan2015":970`,
		`"plan_growth_2011_2015_pct":5.2`, `"scenario_range":`, `"deviation_pct":`, `"historical_elasticity":`, `"attainable_lo":`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("JSON lacks %s", key)
		}
	}

	var buf bytes.Buffer
	if err := d.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"4 of 83 checks", "last     failing  combined", "753.0  no fit [1]", "\n[1] failing: cannot fit (copper, aluminium, lead, zinc, nickel, tin, antimony, mercury, magnesium, titanium, total)\n", "Reading"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, buf.String())
		}
	}
}

func TestDocumentWithoutStudy(t *testing.T) {
	d := NewDocument(nil)
	if d.Scenario != nil || len(d.Metals) != 10 || d.Total.Forecasts != nil {
		t.Errorf("document without a study: scenario %v, %d metals, total forecasts %v", d.Scenario, len(d.Metals), d.Total.Forecasts)
	}
	var buf bytes.Buffer
	if err := d.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, "194.24*") || strings.Contains(s, "Reading") {
		t.Errorf("text of the tables only:\n%s", s)
	}
	d.Charts = []string{"dir/a.png", "dir/b.png"}
	buf.Reset()
	if err := d.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.HasSuffix(s, "\nCharts:\n  dir/a.png\n  dir/b.png\n") {
		t.Errorf("text does not end with the charts:\n%s", s)
	}
}

func TestCell(t *testing.T) {
	r := DocumentRow{History: map[string]float64{"2000": 1.234, "2003": 5}, DerivedYears: []int{2000, 2001}}
	for year, want := range map[int]string{2000: "1.23*", 2001: "–", 2003: "5", 2004: "–"} {
		if got := r.Cell(year); got != want {
			t.Errorf("Cell(%d) = %q, want %q", year, got, want)
		}
	}
}

func TestScenarios(t *testing.T) {
	m, lo, hi := Scenarios(0.07, 0.05, 0.09)
	if m != PlanScenario() || lo != (Scenario{"low", 0.05}) || hi != (Scenario{"high", 0.09}) {
		t.Errorf("Scenarios(0.07, 0.05, 0.09) = %v %v %v", m, lo, hi)
	}
	if m, _, _ := Scenarios(0.05, LowGrowth, HighGrowth); m != (Scenario{"custom", 0.05}) {
		t.Errorf("Scenarios(0.05, …) main = %v, want custom", m)
	}
}
