package plan

import (
	"math"
	"strings"
	"testing"
)

// The plan's figures restated from the plan text, column by column, in the
// order Total, copper, aluminium, lead, zinc, nickel, tin, antimony,
// mercury, magnesium, titanium.
var (
	wantBox1 = map[Field][]string{
		Production2005:        {"1639", "260", "780", "239", "278", "9.5", "12.2", "13.8", "0.11", "45.1", "0.92"},
		Production2010:        {"3121", "458", "1577", "426", "516", "17.1", "16.4", "18.7", "0.16", "65.4", "7.4"},
		ProductionGrowth10th:  {"15.9", "13.7", "21.1", "16.6", "7.1", "13.2", "1.9", "4.1", "40.0", "17.4", "37.1"},
		ProductionGrowth11th:  {"13.7", "12.0", "15.1", "12.2", "13.7", "12.5", "6.1", "6.3", "7.8", "7.7", "51.7"},
		Consumption2005:       {"1670", "374", "712", "198", "325", "19.7", "10.2", "7.45", "0.11", "10.7", "1.1"},
		Consumption2010:       {"3430", "753", "1592", "424", "560", "52", "12.4", "7.1", "0.16", "23", "7.1"},
		ConsumptionGrowth10th: {"16.2", "14.0", "14.0", "25.0", "16.9", "27.9", "15.3", "14.4", "2.4", "33.2", "26.5"},
		ConsumptionGrowth11th: {"15.5", "15.0", "17.5", "16.5", "11.5", "21.4", "4.0", "-0.1", "7.8", "16.5", "45.2"},
	}
	wantBox2 = map[Field][]string{
		Consumption2010:       {"3430", "753", "1592", "424", "560", "52", "12.4", "7.1", "0.16", "23", "7.1"},
		ConsumptionGrowth11th: {"15.5", "15.0", "17.5", "16.5", "11.5", "21.4", "4.0", "-0.1", "7.8", "16.5", "45.2"},
		Consumption2015:       {"4900", "970", "2400", "620", "720", "70", "19.1", "11", "0.18", "75", "15"},
		ConsumptionGrowth12th: {"7.4", "5.2", "8.6", "7.9", "5.2", "6.1", "9.0", "9.2", "2.4", "26.7", "16.1"},
	}
)

func TestTables(t *testing.T) {
	for _, tab := range []struct {
		table Table
		want  map[Field][]string
	}{{Box1, wantBox1}, {Box2, wantBox2}} {
		for f, col := range tab.want {
			for i, m := range Rows() {
				fig, ok := Lookup(tab.table, m.String(), f)
				if !ok {
					t.Errorf("%s %s %s: missing", tab.table, m, f)
					continue
				}
				if fig.Text != col[i] {
					t.Errorf("%s %s %s: text %q, want %q", tab.table, m, f, fig.Text, col[i])
				}
				if fig.Row != m.Label() {
					t.Errorf("%s %s %s: row %q, want %q", tab.table, m, f, fig.Row, m.Label())
				}
			}
		}
	}
	// Accessors agree with Lookup.
	if b := Balance(Antimony); b.Consumption2005.Value != 7.45 || b.Consumption2005.Decimals != 2 || b.ConsumptionGrowth11th.Value != -0.1 {
		t.Errorf("Balance(Antimony) = %+v", b)
	}
	if d := Demand(Copper); d.Consumption2015.Text != "970" || d.ConsumptionGrowth12th.Text != "5.2" || d.Consumption2010.Value != 753 || d.ConsumptionGrowth11th.Text != "15.0" {
		t.Errorf("Demand(Copper) = %+v", d)
	}
	if p := Plan2015(Total); p.Value != 4900 || p.Table != Box2 {
		t.Errorf("Plan2015(Total) = %+v", p)
	}
	if n := len(Figures()); n != 177 {
		t.Errorf("len(Figures()) = %d, want 177 (88 + 44 + 10 + 19 + 16)", n)
	}
	if _, ok := Lookup(Box1, "gold", Production2005); ok {
		t.Error("Lookup of an absent figure reported ok")
	}
}

// checkRowTexts checks that get, the function name, reports a row for
// exactly the metals of want, and that the row's two figures print as
// want's two texts.
func checkRowTexts(t *testing.T, name string, want map[Metal][2]string, get func(Metal) (a, b Figure, ok bool)) {
	t.Helper()
	for _, m := range Rows() {
		a, b, ok := get(m)
		w, has := want[m]
		if ok != has {
			t.Errorf("%s(%s) ok = %v, want %v", name, m, ok, has)
			continue
		}
		if has && (a.Text != w[0] || b.Text != w[1]) {
			t.Errorf("%s(%s) = %q, %q, want %q, %q", name, m, a.Text, b.Text, w[0], w[1])
		}
	}
}

func TestTargets(t *testing.T) {
	want := map[Metal][2]string{Total: {"4600左右", "8"}, Copper: {"650", "7.3"}, Aluminium: {"2400", "8.8"}, Lead: {"550", "5.2"}, Zinc: {"720", "6.9"}}
	checkRowTexts(t, "ProductionTarget", want, func(m Metal) (Figure, Figure, bool) {
		tr, ok := ProductionTarget(m)
		return tr.Production2015, tr.ProductionGrowth12th, ok
	})
	tot, _ := ProductionTarget(Total)
	if !tot.Production2015.Approx || tot.Production2015.Value != 4600 {
		t.Errorf("total target = %+v, want approximate 4600", tot.Production2015)
	}
}

func TestStatus(t *testing.T) {
	want := map[Metal][2]string{Total: {"3121", "13.7"}, Copper: {"458", "12"}, Aluminium: {"1577", "15.1"}, Lead: {"426", "12.2"},
		Zinc: {"516", "13.7"}, Nickel: {"17", "12.5"}, Magnesium: {"65", "7.7"}}
	checkRowTexts(t, "StatusFigures", want, func(m Metal) (Figure, Figure, bool) {
		s, ok := StatusFigures(m)
		return s.Production2010, s.ProductionGrowth11th, ok
	})
	for _, m := range Rows() {
		s, ok := StatusFigures(m)
		if _, has := want[m]; ok == has && m != Total && !math.IsNaN(s.Consumption2010.Value) {
			t.Errorf("StatusFigures(%s) consumption = %v, want NaN", m, s.Consumption2010.Value)
		}
	}
	s, _ := StatusFigures(Total)
	if s.Consumption2010.Text != "约3430" || !s.Consumption2010.Approx || s.ConsumptionGrowth11th.Text != "15.5" {
		t.Errorf("StatusFigures(Total) consumption = %+v, %+v", s.Consumption2010, s.ConsumptionGrowth11th)
	}
}

func TestGoals(t *testing.T) {
	want := []struct{ key, v2010, v2015 string }{
		{"value_added_growth", "15.8", "10"},
		{"new_materials_share", "8", "15"},
		{"rd_share", "0.65", ">1.5"},
		{"total", "3121", "4600"},
		{"retire_copper", "[50]", "[30]"},
		{"retire_aluminium", "[84]", "[80]"},
		{"retire_lead", "[40]", "[120]"},
		{"retire_zinc", "[20]", "[40]"},
		{"energy_intensity_cut", "", "[18]"},
		{"co2_intensity_cut", "", "[18]"},
		{"so2_cut", "", "[10]"},
	}
	got := Goals()
	if len(got) != len(want) {
		t.Fatalf("len(Goals()) = %d, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Key != w.key || g.Value2010.Text != w.v2010 || g.Value2015.Text != w.v2015 {
			t.Errorf("Goals()[%d] = %s %q %q, want %s %q %q", i, g.Key, g.Value2010.Text, g.Value2015.Text, w.key, w.v2010, w.v2015)
		}
		if g.Label == "" || g.Value2010.Row != g.Label {
			t.Errorf("Goals()[%d] labels %q, %q", i, g.Label, g.Value2010.Row)
		}
		if w.v2010 == "" && !math.IsNaN(g.Value2010.Value) {
			t.Errorf("Goals()[%d] empty 2010 cell has value %v", i, g.Value2010.Value)
		}
	}
	if !got[4].Value2010.Cumulative || got[4].Value2010.Value != 50 {
		t.Errorf("retire_copper 2010 = %+v, want cumulative 50", got[4].Value2010)
	}
	if got[2].Value2015.Bound != ">" || got[2].Value2015.Value != 1.5 {
		t.Errorf("rd_share 2015 = %+v, want bound > 1.5", got[2].Value2015)
	}
}

func TestFiguresIsCopy(t *testing.T) {
	f := Figures()
	f[0].Value = -1
	if Figures()[0].Value == -1 {
		t.Error("Figures returned the package's slice")
	}
}

func TestParseTables(t *testing.T) {
	const h = "table\trow\tkey\tfield\ttext\n"
	good := "# comment\n\n" + h + "专栏1\t铅\tlead\tproduction 2005\t239\n"
	figs, err := parseTables(strings.NewReader(good))
	if err != nil || len(figs) != 1 || figs[0].Value != 239 || figs[0].Key != "lead" || figs[0].Table != Box1 {
		t.Fatalf("parseTables(good) = %+v, %v", figs, err)
	}
	bad := []struct{ name, in, msg string }{
		{"no header", "# only a comment\n", "no header"},
		{"wrong header", "a\tb\n", "line 1: header"},
		{"columns", h + "专栏1\t铅\tlead\tproduction 2005\n", "line 2: 4 columns"},
		{"figure", h + "专栏1\t铅\tlead\tproduction 2005\tabc\n", "line 2, column 5"},
		{"empty figure", h + "专栏1\t铅\tlead\tproduction 2005\t\n", "empty figure"},
		{"duplicate", h + "专栏1\t铅\tlead\tproduction 2005\t1\n专栏1\t铅\tlead\tproduction 2005\t2\n", "line 3: duplicate"},
	}
	for _, tt := range bad {
		_, err := parseTables(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "plan: ") {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.msg)
		}
	}
}

func TestAccessorsPanicOnInvalidMetal(t *testing.T) {
	for name, f := range map[string]func(){
		"Balance":            func() { Balance(Metal(11)) },
		"Demand":             func() { Demand(Metal(-1)) },
		"ProductionTarget":   func() { ProductionTarget(Metal(99)) },
		"StatusFigures":      func() { StatusFigures(Metal(99)) },
		"ConsumptionHistory": func() { ConsumptionHistory(Metal(99)) },
		"DerivedYears":       func() { DerivedYears(Metal(99)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
