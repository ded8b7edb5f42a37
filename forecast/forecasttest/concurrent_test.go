package forecasttest

import (
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// overlapping is the drift toy, except that a Fit that overlaps another
// Fit in time returns a model whose points are off by one: the kind of
// fault shared scratch space gives. Fit yields to other goroutines for a
// while so that concurrent calls do overlap. Its state is atomic, so the
// race detector has nothing to report: the kit must find the fault by
// comparing results.
type overlapping struct {
	toy
	inFlight *atomic.Int32
}

func (m overlapping) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	n := m.inFlight.Add(1)
	defer m.inFlight.Add(-1)
	for i := 0; i < 1000 && n < 2; i++ {
		runtime.Gosched()
		n = max(n, m.inFlight.Load())
	}
	mod, err := m.toy.Fit(h, d)
	if err != nil || n < 2 {
		return mod, err
	}
	tm := mod.(*toyModel)
	tm.last++
	return tm, nil
}

func TestConcurrencyCheckFindsOverlap(t *testing.T) {
	checkReported(t, "overlapping", record(overlapping{toy: toy{name: "toy"}, inFlight: new(atomic.Int32)}, trend), "from 8 goroutines at once differs from a lone call")
}

// TestConcurrencyCheckFindsLevelCache checks that the kit finds a model
// whose Forecast, or ForecastTo, keeps a per-level value in the model (see
// toy.cacheLevel), and that it calls ForecastTo from one goroutine at a
// time for a method whose case says ForecastTo writes to the model.
func TestConcurrencyCheckFindsLevelCache(t *testing.T) {
	// The check means something only if the levels give different
	// intervals.
	mod, err := toy{name: "toy", cacheLevel: true}.Fit(trend.History, nil)
	if err != nil {
		t.Fatal(err)
	}
	lo, err := mod.Forecast(trend.Scenario, levels[0])
	if err != nil {
		t.Fatal(err)
	}
	hi, err := mod.Forecast(trend.Scenario, levels[len(levels)-1])
	if err != nil {
		t.Fatal(err)
	}
	if seriesDiff(lo.Upper, hi.Upper) == "" {
		t.Fatalf("levels %g and %g give the same interval", lo.Level, hi.Level)
	}

	const (
		inForecast   = "of one model from 8 goroutines at once (at levels [0.5 0.8 0.95]) differs from a lone call: round "
		inForecastTo = "of one model, each goroutine into its own Forecast, from 8 goroutines at once (at levels [0.5 0.8 0.95]) differs from a lone call: round "
	)
	for _, tc := range []struct {
		name string
		m    forecast.Method
		want []string // failures containing these must be reported, and no others
	}{
		{"Forecast", toy{name: "toy", cacheLevel: true}, []string{inForecast}},
		{"Forecast and ForecastTo", refitToy{toy: toy{name: "toy", cacheLevel: true}}, []string{inForecast, inForecastTo}},
		{"ForecastTo", refitToy{toy: toy{name: "toy"}, cacheTo: true}, []string{inForecastTo}},
	} {
		log := record(tc.m, trend)
		for _, want := range tc.want {
			if !slices.ContainsFunc(log, func(l string) bool { return strings.Contains(l, want) }) {
				t.Errorf("%s: no failure containing %q; reported:\n%s", tc.name, want, strings.Join(log, "\n"))
			}
		}
		for _, l := range log {
			if !slices.ContainsFunc(tc.want, func(want string) bool { return strings.Contains(l, want) }) {
				t.Errorf("%s: unexpected failure %q", tc.name, l)
			}
		}
	}

	writes := trend
	writes.ForecastToWrites = true
	if log := record(refitToy{toy: toy{name: "toy"}, cacheTo: true}, writes); len(log) != 0 {
		t.Errorf("ForecastTo that writes, as the case says: the kit reported failures:\n%s", strings.Join(log, "\n"))
	}
}

func TestOutcomeDiff(t *testing.T) {
	f := forecast.Forecast{Method: "m", Level: 0.5, Point: series.New("q", "", 2001, 1)}
	g := cloneForecast(f)
	g.Point.Values[0] = 2
	for _, c := range []struct {
		got, want outcome
		diff      string
	}{
		{outcome{f: f}, outcome{f: cloneForecast(f)}, ""},
		{outcome{f: g}, outcome{f: f}, "Point: \"q\": value at 2001 is 2, was 1"},
		{outcome{err: "x"}, outcome{err: "x"}, ""},
		{outcome{err: "x"}, outcome{err: "y"}, `error "x", want "y"`},
		{outcome{f: f}, outcome{err: "y"}, `error "", want "y"`},
		{outcome{panic: "boom"}, outcome{f: f}, "panicked: boom"},
	} {
		if got := c.got.diff(c.want); got != c.diff {
			t.Errorf("diff = %q, want %q", got, c.diff)
		}
	}
	if f.Point.Values[0] != 1 {
		t.Errorf("cloneForecast shares memory with its argument")
	}
}

// TestAttemptRecovers checks that attempt reports a panic in Forecast as
// the outcome's panic.
func TestAttemptRecovers(t *testing.T) {
	m := toy{name: "toy", panicForecast: true}
	if o := attempt(m, trend.History, nil, trend.Scenario, 0.5); o.panic != "toy: broken" {
		t.Errorf("attempt: outcome %+v, want the panic toy: broken", o)
	}
}
