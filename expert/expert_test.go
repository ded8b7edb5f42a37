package expert

import (
	"bytes"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/exp/stats"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

var approx = cmp.Options{cmpopts.EquateApprox(1e-12, 0), cmpopts.EquateNaNs()}

func readPanel(t testing.TB) []Judgment {
	t.Helper()
	f, err := os.Open("testdata/copper2015.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	js, err := ReadCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// copperHistory ends with the plan's 2010 consumption, 753.
func copperHistory() series.Series {
	return series.New("copper", "10kt", 2005, 374, 420, 480, 520, 640, 753)
}

func TestQuantilesR(t *testing.T) {
	// Values from R 4.x:
	//	x <- c(3.2, 1.5, 7.7, 4.4, 2.9, 10.1, 6.0)
	//	quantile(x, c(0, .1, .25, .5, .75, .9, 1), type = 7)
	x := []float64{3.2, 1.5, 7.7, 4.4, 2.9, 10.1, 6.0}
	qs := []float64{0, .1, .25, .5, .75, .9, 1}
	want := []float64{1.5, 2.3399999999999999, 3.0499999999999998, 4.4000000000000004, 6.8499999999999996, 8.6600000000000001, 10.0999999999999996}
	if diff := cmp.Diff(want, Quantiles(x, nil, qs...), approx); diff != "" {
		t.Errorf("unweighted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, Quantiles(x, []float64{3, 3, 3, 3, 3, 3, 3}, qs...), approx); diff != "" {
		t.Errorf("equal weights (-want +got):\n%s", diff)
	}
}

func TestWeightedReducesToType7(t *testing.T) {
	// The weighted rule itself (weights equal in value but not detected as
	// such: one differs by far less than it matters) against stats.Quantiles.
	x := []float64{3.2, 1.5, 7.7, 4.4, 2.9, 10.1, 6.0, 4.4}
	w := []float64{1, 1, 1, 1, 1, 1, 1, 1 + 1e-15}
	var qs []float64
	for q := 0.0; q <= 1; q += 0.05 {
		qs = append(qs, q)
	}
	qs = append(qs, 1)
	want := stats.Quantiles(x, qs...)
	if diff := cmp.Diff(want, Quantiles(x, w, qs...), cmpopts.EquateApprox(1e-12, 1e-12)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestWeightedHand(t *testing.T) {
	for _, c := range []struct {
		name string
		x, w []float64
		want []float64 // at 0, .25, .5, .75, 1
	}{
		// Weights scaled to average 1 (×3/4): 0.75, 1.5, 0.75; C = 0.75,
		// 2.25, 3; m_k = (C_k − w_k/2 − 1/2)/2 = −0.0625, 0.5, 1.0625,
		// clamped to 0, 0.5, 1: median 2, quartiles 1.5 and 2.5.
		{"central weight", []float64{3, 1, 2}, []float64{1, 1, 2}, []float64{1, 1.5, 2, 2.5, 3}},
		// ×3/4: 1.5, 0.75, 0.75; C = 1.5, 2.25, 3; m = 0.125, 0.6875, 1:
		// q(.25) = 1 + .125/.5625, q(.5) = 1 + .375/.5625,
		// q(.75) = 2 + .0625/.3125 = 2.2.
		{"heavy low", []float64{1, 2, 3}, []float64{2, 1, 1}, []float64{1, 1 + .125/.5625, 1 + .375/.5625, 2.2, 3}},
		// The mirror image: negated values give negated, reversed quantiles.
		{"mirror", []float64{-1, -2, -3}, []float64{2, 1, 1}, []float64{-3, -2.2, -1 - .375/.5625, -1 - .125/.5625, -1}},
		// A zero weight drops its value: 1 and 3 weighted 1, 2 (×2/3);
		// C = 2/3, 2; m = −1/6 → 0, 5/6: q(.25) = 1 + 2·.25/(5/6) = 1.6,
		// q(.5) = 2.2, q(.75) = 2.8.
		{"zero weight", []float64{1, 2, 3}, []float64{1, 0, 2}, []float64{1, 1.6, 2.2, 2.8, 3}},
		// A heavy value pulls the median to it wherever it stands: 100 and
		// 200 weighted 1, 99 (×2/100): C = 0.02, 2; m = −0.49 → 0, 0.51:
		// q(.5) = 100 + 100·.5/.51.
		{"heavy end", []float64{100, 200}, []float64{1, 99}, []float64{100, 100 + 100*.25/.51, 100 + 100*.5/.51, 200, 200}},
		{"single", []float64{5}, []float64{2}, []float64{5, 5, 5, 5, 5}},
	} {
		got := Quantiles(c.x, c.w, 0, .25, .5, .75, 1)
		if diff := cmp.Diff(c.want, got, approx); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	if got := Quantiles([]float64{1, math.NaN()}, []float64{1, 2}, 0.5); !math.IsNaN(got[0]) {
		t.Errorf("NaN value: %g, want NaN", got[0])
	}
}

func TestQuantilesPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"empty":           func() { Quantiles(nil, nil, 0.5) },
		"length":          func() { Quantiles([]float64{1, 2}, []float64{1}, 0.5) },
		"length, unequal": func() { Quantiles([]float64{1, 2}, []float64{1, 2, 3}, 0.5) },
		"negative":        func() { Quantiles([]float64{1, 2}, []float64{-1, 2}, 0.5) },
		"all zero":        func() { Quantiles([]float64{1, 2}, []float64{0, 0}, 0.5) },
		"quantile":        func() { Quantiles([]float64{1, 2}, []float64{1, 2}, 1.5) },
		"quantile NaN":    func() { Quantiles([]float64{1, math.NaN()}, []float64{1, 2}, math.NaN()) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			f()
		})
	}
}

func TestSummarize(t *testing.T) {
	rounds, err := Summarize(readPanel(t), 2015)
	if err != nil {
		t.Fatal(err)
	}
	// Quartiles from R 4.x:
	//	quantile(c(900,1000,950,1100,880,1020), c(.25,.5,.75), type = 7)  # 912.5 975 1015
	//	quantile(c(940,980,960,1010,930,990), c(.25,.5,.75), type = 7)    # 945 970 987.5
	// PERT means from R: mean((l + 4*m + h)/6) = 976.94444444444446 and
	// 968.61111111111109. Spreads: 102.5/975 and 42.5/970.
	want := []Summary{
		{Year: 2015, Round: 1, N: 6, Weight: 6, Q1: 912.5, Median: 975, Q3: 1015, PERT: 976.94444444444446, Low: 800, High: 1250, Spread: 102.5 / 975},
		{Year: 2015, Round: 2, N: 6, Weight: 6, Q1: 945, Median: 970, Q3: 987.5, PERT: 968.61111111111109, Low: 850, High: 1120, Spread: 42.5 / 970},
	}
	if diff := cmp.Diff(want, rounds, approx); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	wantC := []Change{{From: 1, To: 2, Median: 5.0 / 975, Spread: 42.5/970 - 102.5/975}}
	if diff := cmp.Diff(wantC, Convergence(rounds), approx); diff != "" {
		t.Errorf("convergence (-want +got):\n%s", diff)
	}
	if c := Convergence(rounds[:1]); c != nil {
		t.Errorf("convergence of one round: %v, want nil", c)
	}
	for _, c := range []struct {
		stop  Stop
		round int
		why   Reason
	}{
		{Stop{}, 2, None},
		{Stop{MaxSpread: 0.2}, 1, Consensus},
		{Stop{MaxSpread: 0.05}, 2, Consensus},
		{Stop{MinChange: 0.01}, 2, Stable},
		{Stop{MaxSpread: 0.05, MinChange: 0.01}, 2, Consensus | Stable},
		{Stop{MaxSpread: 0.01, MinChange: 0.001}, 2, None},
	} {
		r, why := c.stop.Check(rounds)
		if r != c.round || why != c.why {
			t.Errorf("%+v: round %d, %v; want %d, %v", c.stop, r, why, c.round, c.why)
		}
	}
	if r, why := (Stop{MaxSpread: 1}).Check(nil); r != 0 || why != None {
		t.Errorf("no rounds: %d, %v", r, why)
	}
	for r, s := range map[Reason]string{None: "none", Consensus: "consensus", Stable: "stable", Consensus | Stable: "consensus+stable", 8: "Reason(8)"} {
		if r.String() != s {
			t.Errorf("String = %q, want %q", r.String(), s)
		}
	}
}

func TestSummarizeWeighted(t *testing.T) {
	js := []Judgment{
		{Expert: "a", Round: 1, Year: 2015, Low: 0, Likely: 1, High: 2, Weight: 2},
		{Expert: "b", Round: 1, Year: 2015, Low: 1, Likely: 2, High: 6},
		{Expert: "c", Round: 1, Year: 2015, Low: 3, Likely: 3, High: 3},
		{Expert: "c", Round: 1, Year: 2020, Low: 3, Likely: 3, High: 3},
	}
	s, err := Summarize(js, 2015)
	if err != nil {
		t.Fatal(err)
	}
	// Weights 2, 1, 1 on 1, 2, 3: quartiles 1 + .125/.5625, 1 + .375/.5625
	// and 2.2 (see TestWeightedHand, "heavy low").
	// PERT means: (0 + 4 + 2)/6 = 1, (1 + 8 + 6)/6 = 2.5, 3;
	// weighted mean (2·1 + 2.5 + 3)/4 = 1.875.
	want := []Summary{{Year: 2015, Round: 1, N: 3, Weight: 4, Q1: 1 + .125/.5625, Median: 1 + .375/.5625, Q3: 2.2, PERT: 1.875, Low: 0, High: 6,
		Spread: (2.2 - 1 - .125/.5625) / (1 + .375/.5625)}}
	if diff := cmp.Diff(want, s, approx); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A zero median has no spread, and no relative change from it.
	z := []Judgment{
		{Expert: "a", Round: 1, Year: 1, Low: -1, Likely: 0, High: 1},
		{Expert: "a", Round: 2, Year: 1, Low: -1, Likely: 1, High: 1},
	}
	s, err = Summarize(z, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(s[0].Spread) || !math.IsNaN(Convergence(s)[0].Median) {
		t.Errorf("zero median: spread %g, change %g; want NaN", s[0].Spread, Convergence(s)[0].Median)
	}
	if r, why := (Stop{MinChange: 0.5}).Check(s); r != 2 || why != None {
		t.Errorf("stop after a zero median: %d, %v; want 2, none", r, why)
	}
	if _, err := Summarize(js, 2016); !errors.Is(err, ErrNoJudgments) {
		t.Errorf("no judgments: error %v", err)
	}
	js[0].Low = 5
	if _, err := Summarize(js, 2015); !errors.Is(err, ErrOrder) {
		t.Errorf("invalid: error %v", err)
	}
}

func TestValidate(t *testing.T) {
	ok := Judgment{Expert: "E1", Round: 2, Year: 2015, Low: 1, Likely: 2, High: 3}
	for _, c := range []struct {
		name string
		mod  func(*Judgment)
		want error
	}{
		{"name", func(j *Judgment) { j.Expert = "" }, ErrName},
		{"name CR", func(j *Judgment) { j.Expert = "E1\r\n" }, ErrName},
		{"round", func(j *Judgment) { j.Round = 0 }, ErrRound},
		{"NaN low", func(j *Judgment) { j.Low = math.NaN() }, forecast.ErrNotFinite},
		{"Inf high", func(j *Judgment) { j.High = math.Inf(1) }, forecast.ErrNotFinite},
		{"low > likely", func(j *Judgment) { j.Low = 2.5 }, ErrOrder},
		{"likely > high", func(j *Judgment) { j.Likely = 3.5 }, ErrOrder},
		{"negative weight", func(j *Judgment) { j.Weight = -1 }, ErrWeight},
		{"NaN weight", func(j *Judgment) { j.Weight = math.NaN() }, ErrWeight},
		{"Inf weight", func(j *Judgment) { j.Weight = math.Inf(1) }, ErrWeight},
	} {
		j := ok
		c.mod(&j)
		err := j.Validate()
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
			continue
		}
		if c.name != "name" && c.name != "name CR" && (!strings.Contains(err.Error(), `"E1"`) || !strings.Contains(err.Error(), "round")) {
			t.Errorf("%s: error %q does not name the expert and round", c.name, err)
		}
	}
	if err := Validate([]Judgment{ok, ok}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate: error %v", err)
	}
	if ok.W() != 1 || (Judgment{Weight: 2.5}).W() != 2.5 {
		t.Errorf("W: %g, %g; want 1, 2.5", ok.W(), Judgment{Weight: 2.5}.W())
	}
	// (1 + 4·2 + 3)/6 = 2.
	if got := ok.PERT(); got != 2 {
		t.Errorf("PERT = %g, want 2", got)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	js := []Judgment{
		{Expert: "panel, member 2", Round: 1, Year: 2015, Low: 0.1, Likely: 1.0 / 3, High: math.Nextafter(1, 2), Weight: 0},
		{Expert: " spaced \"quoted\" ", Round: 3, Year: -5, Low: -1e-300, Likely: 5e-324, High: 1.7976931348623157e308, Weight: 2.75},
		{Expert: "专家3", Round: 2, Year: 2015, Low: 900, Likely: 970, High: 1000, Weight: 1},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, js); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(js, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// The testdata file reads and writes back byte for byte.
	b, err := os.ReadFile("testdata/copper2015.csv")
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := WriteCSV(&buf, readPanel(t)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(b), buf.String()); diff != "" {
		t.Errorf("testdata rewritten (-file +written):\n%s", diff)
	}
	if err := WriteCSV(&buf, []Judgment{{Expert: "x", Round: 1, Low: 2, Likely: 1, High: 3}}); !errors.Is(err, ErrOrder) {
		t.Errorf("WriteCSV of an invalid judgment: error %v", err)
	}
	if err := WriteCSV(failWriter{}, js); err == nil {
		t.Errorf("WriteCSV to a failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestReadCSVErrors(t *testing.T) {
	const head = "expert,round,year,low,likely,high,weight\n"
	for _, c := range []struct {
		name, in string
		want     error
		msg      string // must appear in the message
	}{
		{"empty", "", ErrHeader, "empty"},
		{"header", "expert,round,year,lo,likely,high,weight\n", ErrHeader, "line 1, column 19"},
		{"field count", head + "a,1,2015,1,2,3\n", nil, "line 2"},
		{"round", head + "a,x,2015,1,2,3,1\n", nil, "line 2, column 3 (round)"},
		{"year", head + "a,1,20.5,1,2,3,1\n", nil, "line 2, column 5 (year)"},
		{"low", head + "a,1,2015,1,2,3,1\nb,1,2015,one,2,3,1\n", nil, "line 3, column 10 (low)"},
		{"weight", head + "a,1,2015,1,2,3,w\n", nil, "line 2, column 16 (weight)"},
		{"order", head + "a,1,2015,1,2,3,1\nb,1,2015,3,2,1,1\n", ErrOrder, "line 3"},
		{"NaN", head + "a,1,2015,NaN,2,3,1\n", forecast.ErrNotFinite, `expert "a", round 1`},
		{"weight negative", head + "a,1,2015,1,2,3,-1\n", ErrWeight, "line 2"},
		{"duplicate", head + "a,1,2015,1,2,3,1\na,1,2015,1,2,3,1\n", ErrDuplicate, "line 3"},
		{"quote", head + "\"a,1,2015,1,2,3,1\n", nil, "line 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			js, err := ReadCSV(strings.NewReader(c.in))
			if err == nil {
				t.Fatalf("no error, read %v", js)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) || !strings.HasPrefix(err.Error(), "expert: ") {
				t.Errorf("error %q does not contain %q", err, c.msg)
			}
		})
	}
	// An empty weight field means 0, that is weight 1; spaces and case in
	// the header are allowed.
	js, err := ReadCSV(strings.NewReader("Expert, Round ,year,low,likely,high,WEIGHT\na,1,2015,1,2,3,\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Judgment{{Expert: "a", Round: 1, Year: 2015, Low: 1, Likely: 2, High: 3}}
	if diff := cmp.Diff(want, js); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("a", 1, 2015, 1.0, 2.0, 3.0, 0.0)
	f.Add("member, \"7\"", 2, -1, -1e300, 0.0, 1e-300, 2.5)
	f.Add("a\r\nb", 1, 0, 0.0, 0.0, 0.0, 1.0)
	f.Add("\xff\n#", 1, 0, 0.0, 0.0, 0.0, 1.0)
	f.Fuzz(func(t *testing.T, name string, round, year int, low, likely, high, w float64) {
		js := []Judgment{{Expert: name, Round: round, Year: year, Low: low, Likely: likely, High: high, Weight: w}}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, js); err != nil {
			return // invalid judgments are not written
		}
		got, err := ReadCSV(&buf)
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		if diff := cmp.Diff(js, got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
	})
}

// TestReadCSVLineMessage checks that a judgment's validation error is put
// on its line with the package name once, and still unwraps.
func TestReadCSVLineMessage(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("expert,round,year,low,likely,high,weight\nA,1,2015,5,4,6,1\n"))
	want := `expert: line 2: need low ≤ likely ≤ high: expert "A", round 1, year 2015: low 5 > likely 4`
	if err == nil || err.Error() != want || !errors.Is(err, ErrOrder) {
		t.Errorf("error %v, want %q wrapping ErrOrder", err, want)
	}
}
