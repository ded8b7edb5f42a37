package forecasttest

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// toy is a drift method: the point k years after the last observed year T
// is y_T + k·slope, slope the mean change between the first and last
// observed years, or y_T·G_{T+k}/G_T when it needs GDP. The interval is
// point ± k·level/(1−level). Its defect fields break the contract one way
// each.
type toy struct {
	name       string
	needGDP    bool
	noInterval bool

	// cacheLevel: Forecast keeps the level in the model and reads it back
	// after yielding to other goroutines for a while to size the interval,
	// as a model caching the quantile of the last level asked for would:
	// goroutines forecasting at different levels at once get each other's
	// intervals (but their own Level).
	// The cache is atomic, so the race detector has nothing to report: the
	// kit must find the fault by comparing results.
	cacheLevel bool

	modifyHistory, addDriver, modifyScenario bool
	panicOnEmpty, panicForecast              bool
	yearOff                                  int
	counter                                  *int // nondeterministic when non-nil
	skipRequestCheck, acceptInf              bool
	wrongMethod, nanPoint, narrowing         bool
	oneNaNBound, excludePoint                bool
}

func (m toy) Name() string { return m.name }

func (m toy) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	mod := &toyModel{}
	if err := m.fit(mod, h, d); err != nil {
		return nil, err
	}
	return mod, nil
}

// fit fits m to h and d into dst without allocating (but for its errors),
// so that a Refit made of it allocates nothing.
func (m toy) fit(dst *toyModel, h series.Series, d forecast.Drivers) error {
	if m.panicOnEmpty {
		_ = h.Values[h.Len()-1]
	}
	if !m.acceptInf {
		if err := h.Validate(); err != nil {
			return err
		}
	}
	first, last := -1, -1
	for i, v := range h.Values {
		if math.IsNaN(v) {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first < 0 || first == last {
		return errors.New("toy: need 2 observed years")
	}
	if last != h.Len()-1 {
		return errors.New("toy: last year missing")
	}
	if m.needGDP {
		if _, err := forecast.DriverValue(forecast.GDP, d, forecast.Scenario{}, h.End()); err != nil {
			return err
		}
	}
	if m.modifyHistory {
		h.Values[0]++
	}
	if m.addDriver {
		d["extra"] = series.Series{}
	}
	cached := dst.cached
	if m.cacheLevel && cached == nil {
		cached = new(atomic.Uint64)
	}
	*dst = toyModel{toy: m, fitted: true, end: h.End(), obs: d, last: h.Values[last],
		slope: (h.Values[last] - h.Values[first]) / float64(last-first), cached: cached}
	return nil
}

type toyModel struct {
	toy
	fitted      bool // false after a failed Refit
	end         int
	obs         forecast.Drivers
	last, slope float64
	cached      *atomic.Uint64 // the level's bits, with cacheLevel
}

// cachedLevel stores level in the model, waits (a while at most) for
// another goroutine to store another, and returns the level stored then.
func (m *toyModel) cachedLevel(level float64) float64 {
	bits := math.Float64bits(level)
	m.cached.Store(bits)
	for i := 0; i < 100 && m.cached.Load() == bits; i++ {
		runtime.Gosched()
	}
	return math.Float64frombits(m.cached.Load())
}

func (m *toyModel) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	var f forecast.Forecast
	if err := m.forecastTo(&f, s, level); err != nil {
		return forecast.Forecast{}, err
	}
	return f, nil
}

// forecastTo writes the forecast into dst, allocating only what
// dst.Prepare needs.
func (m *toyModel) forecastTo(dst *forecast.Forecast, s forecast.Scenario, level float64) error {
	return m.forecastToAt(dst, s, level, m.cacheLevel)
}

// forecastToAt is forecastTo, the interval sized by the cached level if
// cache is set.
func (m *toyModel) forecastToAt(dst *forecast.Forecast, s forecast.Scenario, level float64, cache bool) error {
	if m.panicForecast {
		panic("toy: broken")
	}
	if !m.fitted {
		return errors.New("toy: the model holds no fit")
	}
	sized := level
	if cache {
		sized = m.cachedLevel(level)
	}
	if !m.skipRequestCheck {
		if err := forecast.CheckRequest(s, level); err != nil {
			return err
		}
	}
	if m.modifyScenario {
		for _, p := range s.Drivers {
			p.Values[0] = -1
		}
	}
	from, _ := s.Years(m.end)
	var g0 float64
	if m.needGDP {
		var err error
		if g0, err = forecast.DriverValue(forecast.GDP, m.obs, s, from-1); err != nil {
			return err
		}
	}
	h := max(s.Horizon, 0)
	dst.Prepare(m.name, "", "", from+m.yearOff, h, level)
	if m.wrongMethod {
		dst.Method = "other"
	}
	for k := range h {
		p := m.last + float64(k+1)*m.slope
		if m.needGDP {
			g, err := forecast.DriverValue(forecast.GDP, m.obs, s, from+k)
			if err != nil {
				return err
			}
			p = m.last * g / g0
		}
		if m.counter != nil {
			*m.counter++
			p += float64(*m.counter) * 1e-9
		}
		half := float64(k+1) * sized / (1 - sized)
		if m.narrowing {
			half = float64(k+1) * (1 - sized)
		}
		dst.Point.Values[k], dst.Lower.Values[k], dst.Upper.Values[k] = p, p-half, p+half
		switch {
		case m.noInterval:
			dst.Lower.Values[k], dst.Upper.Values[k] = math.NaN(), math.NaN()
		case m.oneNaNBound:
			dst.Lower.Values[k] = math.NaN()
		case m.excludePoint:
			dst.Lower.Values[k] = p + 1
			dst.Upper.Values[k] = p + 2
		}
		if m.nanPoint && k == h-1 {
			dst.Point.Values[k] = math.NaN()
		}
	}
	return nil
}

// recorder is a tester that records failures by subtest path.
type recorder struct {
	path string
	log  *[]string
}

func (r recorder) Helper() {}

func (r recorder) Errorf(format string, args ...any) {
	*r.log = append(*r.log, r.path+": "+fmt.Sprintf(format, args...))
}

func (r recorder) Run(name string, f func(tester)) bool {
	n := len(*r.log)
	f(recorder{path: r.path + "/" + name, log: r.log})
	return len(*r.log) == n
}

func record(m forecast.Method, cases ...Case) []string {
	var log []string
	run(recorder{path: "root", log: &log}, m, cases)
	return log
}

// checkReported fails t unless a failure in log contains want; what names
// the check in the message.
func checkReported(t *testing.T, what string, log []string, want string) {
	t.Helper()
	for _, l := range log {
		if strings.Contains(l, want) {
			return
		}
	}
	t.Errorf("%s: no failure containing %q; reported:\n%s", what, want, strings.Join(log, "\n"))
}

var nan = math.NaN()

// trend is a complete history; plan a plan-like one observing only 2000,
// 2005 and 2010, with GDP.
var (
	trend = Case{
		Name:     "trend",
		History:  series.New("q", "10kt", 2000, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25),
		Scenario: forecast.Scenario{Name: "next", Horizon: 5},
	}
	plan = Case{
		Name:    "plan",
		History: series.New("q", "10kt", 2000, 100, nan, nan, nan, nan, 160, nan, nan, nan, nan, 300),
		Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "index", 2000,
			1, 1.1, 1.2, 1.3, 1.45, 1.6, 1.8, 2, 2.2, 2.45, 2.7)},
		Scenario: forecast.Scenario{Name: "7%", Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "index", 2011,
			2.889, 3.091, 3.308, 3.539, 3.787)}},
	}
	noInterval = Case{Name: "no interval", History: trend.History, Scenario: trend.Scenario, NoInterval: true}
)

func TestGoodMethods(t *testing.T) {
	for _, tc := range []struct {
		name  string
		m     forecast.Method
		cases []Case
	}{
		{"drift", toy{name: "toy"}, []Case{trend}},
		{"drift with NoInterval", toy{name: "toy"}, []Case{noInterval}},
		{"drift without interval", toy{name: "toy", noInterval: true}, []Case{noInterval}},
		{"gdp", toy{name: "toy", needGDP: true}, []Case{plan}},
	} {
		if log := record(tc.m, tc.cases...); len(log) != 0 {
			t.Errorf("%s: the kit reported failures for a conforming method:\n%s", tc.name, strings.Join(log, "\n"))
		}
	}
}

// TestRun runs the kit through testing.T on conforming methods.
func TestRun(t *testing.T) {
	Run(t, toy{name: "toy"}, trend, noInterval)
	Run(t, toy{name: "toy", needGDP: true}, plan)
}

func TestBrokenMethods(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    forecast.Method
		c    Case
		want string // a failure containing this must be reported
	}{
		{"modifies history", toy{name: "toy", modifyHistory: true}, trend, "trend: Fit modified the history: \"q\": value at 2000 is 11, was 10"},
		{"adds driver", toy{name: "toy", needGDP: true, addDriver: true}, plan, "Fit modified the drivers: driver \"extra\" added"},
		{"modifies scenario", toy{name: "toy", needGDP: true, modifyScenario: true}, plan, "Forecast at level 0.5 modified the scenario's drivers"},
		{"panics on empty", toy{name: "toy", panicOnEmpty: true}, trend, "bad history (empty): Fit panicked"},
		{"panics in Forecast", toy{name: "toy", panicForecast: true}, trend, "Forecast at level 0.5 panicked: toy: broken"},
		{"wrong year", toy{name: "toy", yearOff: 1}, trend, "Point covers 2012–2016, want 2011–2015"},
		{"nondeterministic", toy{name: "toy", counter: new(int)}, trend, "not deterministic"},
		{"accepts level 1", toy{name: "toy", skipRequestCheck: true}, trend, "Forecast at level 1: no error"},
		{"accepts horizon 0", toy{name: "toy", skipRequestCheck: true}, trend, "Forecast with horizon 0: no error"},
		{"accepts Inf", toy{name: "toy", acceptInf: true}, trend, "bad history (+Inf in the last year): Fit and Forecast gave no error"},
		{"empty name", toy{}, trend, "Name() is empty"},
		{"wrong method", toy{name: "toy", wrongMethod: true}, trend, "Method \"other\", want the method's Name \"toy\""},
		{"NaN point", toy{name: "toy", nanPoint: true}, trend, "point at 2015 is NaN, want finite"},
		{"narrowing", toy{name: "toy", narrowing: true}, trend, "at level 0.8 does not contain"},
		{"NaN interval", toy{name: "toy", noInterval: true}, trend, "has a NaN bound (set Case.NoInterval"},
		{"one NaN bound", toy{name: "toy", oneNaNBound: true}, noInterval, "has one NaN bound"},
		{"excludes point", toy{name: "toy", excludePoint: true}, trend, "does not contain the point"},
		{"ignores driver", toy{name: "toy"}, plan, "driver \"gdp\" removed: Fit and Forecast gave no error"},
		{"invalid case", toy{name: "toy"}, Case{Name: "bad", History: trend.History}, "invalid case"},
	} {
		checkReported(t, tc.name, record(tc.m, tc.c), tc.want)
	}
}

func TestNoCases(t *testing.T) {
	if log := record(toy{name: "toy"}); len(log) != 1 || !strings.Contains(log[0], "no cases") {
		t.Errorf("no cases: reported %q", log)
	}
}

// panicName panics in Name.
type panicName struct{ toy }

func (panicName) Name() string { panic("no name") }

func TestPanicInName(t *testing.T) {
	if log := record(panicName{}, trend); len(log) != 1 || !strings.Contains(log[0], "Name panicked: no name") {
		t.Errorf("panic in Name: reported %q", log)
	}
}

// nilModel returns neither a model nor an error.
type nilModel struct{ toy }

func (nilModel) Fit(series.Series, forecast.Drivers) (forecast.Model, error) { return nil, nil }

func TestNilModel(t *testing.T) {
	log := record(nilModel{toy{name: "toy"}}, trend)
	if len(log) == 0 || !strings.Contains(log[0], "nil Model") {
		t.Errorf("nil model: reported %q", log)
	}
}

// failing fails to fit.
type failing struct{ toy }

func (failing) Fit(series.Series, forecast.Drivers) (forecast.Model, error) {
	return nil, errors.New("toy: cannot fit")
}

func TestFitError(t *testing.T) {
	log := record(failing{toy{name: "toy"}}, trend)
	if len(log) != 1 || !strings.Contains(log[0], "trend: Fit: toy: cannot fit") {
		t.Errorf("fit error: reported %q", log)
	}
}

func TestDiffs(t *testing.T) {
	a := series.New("q", "t", 2000, 1, nan)
	for _, tc := range []struct {
		got  series.Series
		want string
	}{
		{a.Clone(), ""},
		{series.New("r", "t", 2000, 1, nan), `name "r", was "q"`},
		{series.New("q", "kt", 2000, 1, nan), `"q": unit "kt", was "t"`},
		{series.New("q", "t", 2001, 1, nan), `"q": covers 2001–2002, was 2000–2001`},
		{series.New("q", "t", 2000, 1), `"q": covers 2000–2000, was 2000–2001`},
		{series.New("q", "t", 2000, 1, 2), `"q": value at 2001 is 2, was NaN`},
	} {
		if got := seriesDiff(a, tc.got); got != tc.want {
			t.Errorf("seriesDiff(%v, %v) = %q, want %q", a, tc.got, got, tc.want)
		}
	}
	if got := seriesDiff(series.Series{}, series.Series{Values: []float64{}}); got != "" {
		t.Errorf("empty series differ: %q", got)
	}
	d := forecast.Drivers{"gdp": a}
	for _, tc := range []struct {
		got  forecast.Drivers
		want string
	}{
		{forecast.Drivers{"gdp": a.Clone()}, ""},
		{forecast.Drivers{}, `driver "gdp" removed`},
		{forecast.Drivers{"gdp": a, "pop": a}, `driver "pop" added`},
		{forecast.Drivers{"gdp": series.New("q", "t", 2000, 0, nan)}, `driver "gdp": "q": value at 2000 is 0, was 1`},
	} {
		if got := driversDiff(d, tc.got); got != tc.want {
			t.Errorf("driversDiff(%v) = %q, want %q", tc.got, got, tc.want)
		}
	}
	f := forecast.Forecast{Method: "m", Level: 0.9, Point: a}
	g := f
	g.Method = "n"
	if got := forecastDiff(f, g); got != `Method "m", then "n"` {
		t.Errorf("forecastDiff method = %q", got)
	}
	g = f
	g.Level = 0.8
	if got := forecastDiff(f, g); got != "Level 0.9, then 0.8" {
		t.Errorf("forecastDiff level = %q", got)
	}
	g = f
	g.Upper = a
	if got := forecastDiff(f, g); got != `Upper: name "q", was ""` {
		t.Errorf("forecastDiff upper = %q", got)
	}
}
