package forecasttest

import (
	"runtime"
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
	log := record(overlapping{toy: toy{name: "toy"}, inFlight: new(atomic.Int32)}, trend)
	found := false
	for _, l := range log {
		found = found || strings.Contains(l, "from 8 goroutines at once differs from a lone call")
	}
	if !found {
		t.Errorf("no concurrency failure reported; reported:\n%s", strings.Join(log, "\n"))
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
