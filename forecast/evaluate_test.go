package forecast_test

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/baseline"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// miniCollection is four complete series from 2000.
func miniCollection() []forecast.EvalSeries {
	mk := func(name string, v ...float64) forecast.EvalSeries {
		return forecast.EvalSeries{History: series.New(name, "", 2000, v...)}
	}
	return []forecast.EvalSeries{
		mk("a", 374, 420, 381, 455, 502, 490, 560, 613, 598, 671, 753, 742),
		mk("b", 12.1, 11.8, 13.5, 14.2, 13.9, 15.8, 17.2, 16.4, 18.9),
		mk("c", 1500, 1620, 1580, 1710, 1690, 1850, 1790, 1950, 2110, 2050, 2230, 2400, 2380, 2500),
		mk("d", 88, 95, 91, 102, 99, 97, 104, 110),
	}
}

// TestEvaluateR reproduces, on a small collection, the evaluation done in
// R 4.2.2 with forecast 8.20: for each series, the last H = 3 years held
// out, naive(tr, h = 3, level = c(80, 95)), rwf(tr, h = 3, drift = TRUE, ...)
// and meanf(tr, h = 3, ...) fit on the rest, and over all series and
// held-out years
//
//	mean(200*abs(te-fc)/(abs(te)+abs(fc)))       # sMAPE
//	mean(abs(te-fc)/mean(abs(diff(tr))))         # MASE, per series' scale
//	mean(te >= lower & te <= upper)              # coverage at 80 and 95 %
//	mean(((u-l) + 40*(l-te)*(te<l) + 40*(te-u)*(te>u))/mean(abs(diff(tr))))  # MSIS at 95 %
func TestEvaluateR(t *testing.T) {
	e := forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}, baseline.Drift{}, baseline.Mean{}}, Holdout: 3}
	r, err := e.Run(miniCollection())
	if err != nil {
		t.Fatal(err)
	}
	type scores struct{ SMAPE, MASE, Cov80, Cov95, MSIS95 float64 }
	want := map[string]scores{
		"naive": {10.731946068368156, 1.8213730192623383, 0.58333333333333337, 0.91666666666666663, 7.5733359662221469},
		"drift": {4.7907443564479122, 0.81067940257228577, 0.91666666666666663, 1, 6.6353905641168698},
		"mean":  {25.14886196982976, 4.0472291332528867, 0.16666666666666666, 0.5, 24.186984136766903},
	}
	got := map[string]scores{}
	for _, m := range r.Summary {
		p := m.Pooled
		if m.Series != 4 || m.Failed != 0 || p.N != 12 || p.NScaled != 12 || len(m.ByH) != 3 {
			t.Errorf("%s: %d series, %d failed, N %d, NScaled %d, %d steps", m.Method, m.Series, m.Failed, p.N, p.NScaled, len(m.ByH))
		}
		got[m.Method] = scores{p.SMAPE, p.MASE, p.Intervals[0].Coverage, p.Intervals[1].Coverage, p.Intervals[1].MSIS}
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-10, 0)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if len(r.Errors) != 0 {
		t.Errorf("errors: %v", r.Errors)
	}
	// 4 series × 3 methods × 3 years × 2 levels.
	if len(r.Rows) != 72 {
		t.Fatalf("%d rows, want 72", len(r.Rows))
	}
	// The first rows: series a, naive, origin 2008 (its value 598), 2009 at
	// 80 % then 95 %.
	first := r.Rows[0]
	if first.Series != "a" || first.Method != "naive" || first.Origin != 2008 || first.H != 1 || first.Year != 2009 ||
		first.Actual != 671 || first.Point != 598 || first.Level != 0.8 || r.Rows[1].Level != 0.95 || r.Rows[2].Year != 2010 {
		t.Errorf("first rows %+v, %+v, %+v", r.Rows[0], r.Rows[1], r.Rows[2])
	}
}

// TestEvaluatePooling checks the summary against the rows: the pooled and
// per-step scores are means over the rows, and each step's scores pool
// the series at that step.
func TestEvaluatePooling(t *testing.T) {
	data := miniCollection()
	e := forecast.Evaluation{Methods: []forecast.Method{baseline.Drift{}}, Holdout: 3, Levels: []float64{0.5}}
	r, err := e.Run(data)
	if err != nil {
		t.Fatal(err)
	}
	scale := map[string]float64{}
	for _, d := range data {
		v := d.History.Values[:d.History.Len()-3]
		var s float64
		for i := 1; i < len(v); i++ {
			s += math.Abs(v[i] - v[i-1])
		}
		scale[d.History.Name] = s / float64(len(v)-1)
	}
	var n [4]float64
	var smape, mase, cover, msis [4]float64 // index 0 pooled, h otherwise
	for _, row := range r.Rows {
		is := forecast.IntervalScore(row.Actual, row.Lower, row.Upper, 0.5)
		in := 0.0
		if row.Actual >= row.Lower && row.Actual <= row.Upper {
			in = 1
		}
		for _, k := range []int{0, row.H} {
			n[k]++
			smape[k] += 200 * math.Abs(row.Actual-row.Point) / (math.Abs(row.Actual) + math.Abs(row.Point))
			mase[k] += math.Abs(row.Actual-row.Point) / scale[row.Series]
			cover[k] += in
			msis[k] += is / scale[row.Series]
		}
	}
	s := r.Summary[0]
	for k := range 4 {
		sc := s.Pooled
		if k > 0 {
			sc = s.ByH[k-1]
		}
		want := []float64{n[k], smape[k] / n[k], mase[k] / n[k], cover[k] / n[k], msis[k] / n[k]}
		got := []float64{float64(sc.N), sc.SMAPE, sc.MASE, sc.Intervals[0].Coverage, sc.Intervals[0].MSIS}
		if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); d != "" {
			t.Errorf("h %d (0: pooled) (-want +got):\n%s", k, d)
		}
	}
}

// TestEvaluateBadSeries checks that a series that cannot be evaluated, or
// that a method cannot fit, is reported with its name and leaves the rest
// unchanged.
func TestEvaluateBadSeries(t *testing.T) {
	good := miniCollection()
	bad := append([]forecast.EvalSeries{}, good[:2]...)
	bad = append(bad,
		forecast.EvalSeries{History: series.New("short", "", 2000, 1, 2, 3)},                  // 3 observed, hold-out 3
		forecast.EvalSeries{History: series.New("inf", "", 2000, 1, math.Inf(1), 3, 4, 5, 6)}, // not data
		forecast.EvalSeries{History: series.New("negative", "", 2000, 5, 3, -1, 2, 4, 6, 7)},  // no log
		forecast.EvalSeries{History: series.Series{Name: "empty"}},
	)
	bad = append(bad, good[2:]...)
	methods := []forecast.Method{baseline.Naive{}, regression.Method{Spec: regression.LogLinear}}
	e := forecast.Evaluation{Methods: methods, Holdout: 3}
	want, err := e.Run(good)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.Run(bad)
	if err != nil {
		t.Fatal(err)
	}
	type failure struct {
		Series, Method string
		Is             error
	}
	var fails []failure
	for _, fe := range got.Errors {
		var is error // checked for the series' own errors
		for _, s := range []error{forecast.ErrHoldout, series.ErrEmpty} {
			if fe.Method == "" && errors.Is(fe, s) {
				is = s
			}
		}
		if !strings.Contains(fe.Error(), `series "`+fe.Series+`"`) {
			t.Errorf("error %q does not name its series", fe)
		}
		fails = append(fails, failure{fe.Series, fe.Method, is})
	}
	wantFails := []failure{
		{"short", "", forecast.ErrHoldout},
		{"inf", "", nil},
		{"negative", "regression-loglinear", nil},
		{"empty", "", series.ErrEmpty},
	}
	if d := cmp.Diff(wantFails, fails, cmpopts.EquateErrors()); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	// Naive scored "negative" too; the log-linear trend did not.
	if got.Summary[0].Series != 5 || got.Summary[1].Series != 4 || got.Summary[1].Failed != 1 {
		t.Errorf("summaries %+v", got.Summary)
	}
	// Without "negative", the results are those of the good series.
	var rows []forecast.EvalRow
	for _, row := range got.Rows {
		if row.Series != "negative" {
			rows = append(rows, row)
		}
	}
	if d := cmp.Diff(want.Rows, rows, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("rows of the good series (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want.Summary[1], got.Summary[1], cmpopts.EquateNaNs(), cmpopts.IgnoreFields(forecast.MethodSummary{}, "Failed")); d != "" {
		t.Errorf("log-linear summary (-want +got):\n%s", d)
	}
	// The common summaries are over the series both methods forecast: the
	// good ones.
	if got.CommonSeries != 4 || want.CommonSeries != 4 {
		t.Errorf("common series %d and %d, want 4", got.CommonSeries, want.CommonSeries)
	}
	if d := cmp.Diff(want.Summary, got.Common, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("common summaries (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want.Summary, want.Common, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("without failures, Common differs from Summary (-want +got):\n%s", d)
	}
}

// TestEvaluateGapsAndDrivers checks the hold-out of observed years around
// a missing one, and that drivers enter ex post: the ratio method, exact
// for Q = 2·GDP, fails if its fit sees the drivers of the held-out years
// and forecasts them exactly from the observed ones.
func TestEvaluateGapsAndDrivers(t *testing.T) {
	nan := math.NaN()
	g := series.New("gdp", "", 1998, 1, 1.5, 2, 3, 5, 8, 13, 21, 34)
	data := []forecast.EvalSeries{
		{History: series.New("q", "", 2000, 4, 6, 10, 16, 26, 42, 68), Drivers: forecast.Drivers{forecast.GDP: g}},
	}
	r, err := forecast.Evaluation{Methods: []forecast.Method{ratio{}}, Holdout: 2, Levels: []float64{0.9}}.Run(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) != 0 || len(r.Rows) != 2 || r.Rows[0].Origin != 2004 || r.Summary[0].Pooled.SMAPE > 1e-13 || r.Summary[0].Pooled.MASE > 1e-13 {
		t.Fatalf("errors %v, rows %+v, summary %+v", r.Errors, r.Rows, r.Summary)
	}

	// 2005 missing: the last two observed years are 2004 and 2006, the
	// origin 2003, and the rows h = 1 and 3; no forecast is scored at h = 2.
	r, err = forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}}, Holdout: 2, Levels: []float64{0.8}}.Run(
		[]forecast.EvalSeries{{History: series.New("q", "", 2000, 1, 2, 4, 7, 11, nan, 16)}})
	if err != nil {
		t.Fatal(err)
	}
	var hs, years []int
	for _, row := range r.Rows {
		hs, years = append(hs, row.H), append(years, row.Year)
		if row.Origin != 2003 || row.Point != 7 {
			t.Errorf("row %+v", row)
		}
	}
	if d := cmp.Diff([]int{1, 3}, hs); d != "" {
		t.Errorf("h (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]int{2004, 2006}, years); d != "" {
		t.Errorf("years (-want +got):\n%s", d)
	}
	s := r.Summary[0]
	if len(s.ByH) != 3 || s.ByH[1].N != 0 || !math.IsNaN(s.ByH[1].SMAPE) || s.ByH[2].N != 1 {
		t.Errorf("by h: %+v", s.ByH)
	}
}

func TestEvaluateWorkers(t *testing.T) {
	var data []forecast.EvalSeries
	for _, j := range batchJobs(300, true) {
		data = append(data, forecast.EvalSeries{History: j.History, Drivers: j.Drivers})
	}
	methods := []forecast.Method{baseline.Naive{}, baseline.Drift{}, regression.Method{Spec: regression.Linear}, regression.Method{}, drift{}}
	var first *forecast.EvalResult
	for _, w := range []int{1, 2, 5} {
		r, err := forecast.Evaluation{Methods: methods, Names: []string{"naive", "drift", "linear", "ondriver", "toy-drift"}, Holdout: 4, Workers: w}.Run(data)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
			continue
		}
		errText := cmp.Transformer("text", func(e forecast.EvalError) string { return e.Error() })
		if d := cmp.Diff(first, r, cmpopts.EquateNaNs(), errText); d != "" {
			t.Errorf("workers %d (-1 worker +more):\n%s", w, d)
		}
	}
}

func TestEvaluateSettings(t *testing.T) {
	data := miniCollection()
	m := []forecast.Method{baseline.Naive{}}
	for _, c := range []struct {
		name string
		e    forecast.Evaluation
		is   error
	}{
		{"no method", forecast.Evaluation{Holdout: 3}, nil},
		{"holdout 0", forecast.Evaluation{Methods: m}, forecast.ErrHorizon},
		{"level 1", forecast.Evaluation{Methods: m, Holdout: 1, Levels: []float64{0.8, 1}}, forecast.ErrLevel},
		{"level twice", forecast.Evaluation{Methods: m, Holdout: 1, Levels: []float64{0.8, 0.8}}, nil},
		{"names", forecast.Evaluation{Methods: m, Holdout: 1, Names: []string{"a", "b"}}, nil},
		{"same name", forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}, baseline.Naive{}}, Holdout: 1}, nil},
		{"empty name", forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}, baseline.Drift{}}, Names: []string{"a", ""}, Holdout: 1}, nil},
	} {
		_, err := c.e.Run(data)
		if err == nil || !strings.HasPrefix(err.Error(), "forecast: evaluation: ") || c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("%s: error %v", c.name, err)
		}
	}
	// Names rename; two settings of one method may then be compared.
	r, err := forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}, baseline.Naive{}}, Names: []string{"rw", "rw2"}, Holdout: 2}.Run(data)
	if err != nil || r.Summary[1].Method != "rw2" || r.Rows[0].Method != "rw" {
		t.Errorf("named: %v", err)
	}
}

func TestEvaluateCSV(t *testing.T) {
	data := []forecast.EvalSeries{
		{History: series.New("cu, refined", "kt", 2000, 1, 2, 4, 7, 11)},
		{History: series.New("two", "", 2000, 1, 3, 2)},
	}
	r, err := forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}, baseline.Drift{}}, Holdout: 1, Levels: []float64{0.8}}.Run(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	// naive on 1, 2, 4, 7: σ̂² = (1 + 4 + 9)/3, bounds 7 ± 1.2815515655446004·√(14/3).
	// drift on 1, 3: no σ̂, so no interval.
	lines := strings.Split(buf.String(), "\n")
	const row = `"cu, refined",naive,2003,1,2004,11,7,0.8,`
	if lines[0] != "series,method,origin,h,year,actual,point,level,lower,upper" || !strings.HasPrefix(lines[1], row) || len(lines) != 6 {
		t.Fatalf("got\n%s", buf.String())
	}
	var bounds []float64
	for _, f := range strings.Split(strings.TrimPrefix(lines[1], row), ",") {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatal(err)
		}
		bounds = append(bounds, v)
	}
	half := 1.2815515655446004 * math.Sqrt(14.0/3)
	if d := cmp.Diff([]float64{7 - half, 7 + half}, bounds, cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Errorf("bounds (-want +got):\n%s", d)
	}
	if !strings.Contains(buf.String(), "two,drift,2001,1,2002,2,5,0.8,,\n") {
		t.Errorf("no interval-less row for two, drift:\n%s", buf.String())
	}

	buf.Reset()
	if err := r.WriteSummaryCSV(&buf); err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(buf.String(), "\n")
	if lines[0] != "method,h,series,failed,n,smape,mase,coverage_80,winkler_80,msis_80,pinball_80" ||
		!strings.HasPrefix(lines[1], "naive,all,2,0,2,") || !strings.HasPrefix(lines[3], "naive,1,,,2,") || len(lines) != 6 {
		t.Errorf("summary:\n%s", buf.String())
	}
	// Drift has an interval for one series of two: coverage over that one.
	if r.Summary[1].Pooled.N != 2 {
		t.Errorf("drift forecasts scored: %d, want 2", r.Summary[1].Pooled.N)
	}
	if r.Summary[1].Pooled.Intervals[0].N != 1 {
		t.Errorf("drift intervals scored: %d, want 1", r.Summary[1].Pooled.Intervals[0].N)
	}
	for _, c := range []struct {
		level float64
		want  string
	}{{0.8, "80"}, {0.95, "95"}, {0.975, "97.5"}, {0.9, "90"}, {0.07, "7"}, {0.12345678, "12.3457"}} {
		if got := forecast.LevelLabel(c.level); got != c.want {
			t.Errorf("LevelLabel(%v) = %q, want %q", c.level, got, c.want)
		}
	}
}

// broken forecasts a NaN point for the series named "nan" and the wrong
// years for "late", and is naive otherwise.
type broken struct{}

func (broken) Name() string { return "broken" }

func (b broken) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	off := 0
	if h.Name == "late" {
		off = 1
	}
	m, err := naive{yearOff: off}.Fit(h, d)
	if err != nil || h.Name != "nan" {
		return m, err
	}
	return nanModel{m}, nil
}

type nanModel struct{ forecast.Model }

func (m nanModel) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	f, err := m.Model.Forecast(s, level)
	f.Point.Values[0] = math.NaN()
	return f, err
}

// TestEvaluateBrokenMethod checks that forecasts breaking the Model
// contract are reported as errors, not scored.
func TestEvaluateBrokenMethod(t *testing.T) {
	data := []forecast.EvalSeries{
		{History: series.New("nan", "", 2000, 1, 2, 3, 4)},
		{History: series.New("late", "", 2000, 1, 2, 3, 4)},
		{History: series.New("fine", "", 2000, 1, 2, 3, 4)},
	}
	r, err := forecast.Evaluation{Methods: []forecast.Method{broken{}}, Holdout: 2}.Run(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) != 2 || !errors.Is(r.Errors[0], forecast.ErrNotFinite) || !strings.Contains(r.Errors[1].Error(), "forecast covers 2003–2004, want 2002–2003") {
		t.Errorf("errors %v", r.Errors)
	}
	if s := r.Summary[0]; s.Series != 1 || s.Failed != 2 || s.Pooled.N != 2 {
		t.Errorf("summary %+v", s)
	}

	// Unscaled names the series scored whose fitted years never change,
	// not one no method forecast.
	r, err = forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}}, Holdout: 2}.Run([]forecast.EvalSeries{
		{History: series.New("flat", "", 2000, 3, 3, 3, 3, 4, 5)},
		{History: series.New("moving", "", 2000, 1, 2, 3, 4, 5, 6)},
		{History: series.New("one", "", 2000, 1, 2, 3)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"flat"}, r.Unscaled); d != "" || r.Summary[0].Pooled.N != 4 || r.Summary[0].Pooled.NScaled != 2 {
		t.Errorf("unscaled (-want +got):\n%s\nN %d, NScaled %d; want 4, 2", d, r.Summary[0].Pooled.N, r.Summary[0].Pooled.NScaled)
	}

	// A method's *Error names neither series nor method again, and the
	// years fit on are given.
	r, err = forecast.Evaluation{Methods: []forecast.Method{baseline.Naive{}}, Holdout: 4}.Run(
		[]forecast.EvalSeries{{History: series.New("tin", "", 2016, 1, 2, 3, 4, 5)}})
	if err != nil {
		t.Fatal(err)
	}
	var fe *forecast.Error
	const want = `series "tin", method naive: fit on 2016, before the 4 held-out years: too few observed years: need 2, have 1`
	if len(r.Errors) != 1 || r.Errors[0].Error() != want || !errors.Is(r.Errors[0], forecast.ErrTooFew) || !errors.As(r.Errors[0], &fe) {
		t.Errorf("errors %v, want one: %s", r.Errors, want)
	}
}
