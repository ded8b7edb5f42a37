package lsq

import (
	"math"
	"sync"
	"testing"
)

// TestTQuantile checks TQuantile's bad arguments and its cache, used from
// several goroutines at once with more keys than entries, so that entries
// replace each other: every call gives the computed value, a row keeps
// the first levels asked for, and a value found in the cache costs no
// allocation. Run with -race, it also
// checks that the cache needs no lock.
func TestTQuantile(t *testing.T) {
	for _, bad := range []struct {
		level float64
		df    int
	}{
		{0, 3}, {1, 3}, {math.NaN(), 3}, {0.9, 0},
		{0, 5}, {1, 5}, {math.NaN(), 5}, {-0.5, 5}, {0.95, 0}, {0.95, -1},
	} {
		if q := TQuantile(bad.level, bad.df); !math.IsNaN(q) {
			t.Errorf("TQuantile(%g, %d) = %v, want NaN", bad.level, bad.df, q)
		}
	}

	// More keys than entries, so that entries replace each other.
	const n = 3 * tRows * tWays
	key := func(i int) (float64, int) { return 0.5 + float64(i%11)/32, 1 + i/11 }
	want := make([]float64, n)
	for i := range n {
		want[i] = tQuantile(key(i))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := range 2 {
				for i := (g + r) % 4; i < n; i += 4 {
					if q := TQuantile(key(i)); q != want[i] {
						level, df := key(i)
						t.Errorf("TQuantile(%g, %d) = %v, want %v", level, df, q, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()

	// A row keeps the first tWays levels asked for at its df; a further
	// key of the row replaces one of them.
	df := 7
	levels := []float64{0.5, 0.8, 0.9, 0.95, 0.99, 0.6, 0.7, 0.75}
	for i := range tCache[df] {
		tCache[df][i].Store(nil)
	}
	inRow := func(level float64, df int) bool {
		for i := range tCache[df%tRows] {
			if e := tCache[df%tRows][i].Load(); e != nil && e.level == level && e.df == df {
				return true
			}
		}
		return false
	}
	for _, level := range levels {
		TQuantile(level, df)
	}
	for _, level := range levels {
		if !inRow(level, df) {
			t.Errorf("(%g, %d) is not in the cache", level, df)
		}
	}
	if q := TQuantile(0.95, df+tRows); q != tQuantile(0.95, df+tRows) || !inRow(0.95, df+tRows) {
		t.Errorf("a key of a full row: %v, in the row %v", q, inRow(0.95, df+tRows))
	}
	kept := 0
	for _, level := range levels {
		if inRow(level, df) {
			kept++
		}
	}
	if kept != tWays-1 {
		t.Errorf("%d of the row's %d entries kept after a further key, want %d", kept, tWays, tWays-1)
	}
	if a := testing.AllocsPerRun(100, func() { TQuantile(0.95, 18) }); a != 0 {
		t.Errorf("TQuantile allocates %v times per call from the cache, want 0", a)
	}
}

// TestTQuantileR checks TQuantile against R, computed and then from the
// cache, from several goroutines at once.
func TestTQuantileR(t *testing.T) {
	// Values from R 4.2.2: sprintf("%.17g", c(qt(0.975, 18), qt(0.95, 1),
	// qt(0.75, 3), qt(0.995, 200))).
	for _, c := range []struct {
		level float64
		df    int
		want  float64
	}{
		{0.95, 18, 2.1009220402410382},
		{0.9, 1, 6.3137515146750376},
		{0.5, 3, 0.76489232840434518},
		{0.99, 200, 2.6006344361915481},
	} {
		// Twice: computed, then from the cache, from several goroutines.
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for range 2 {
					if got := TQuantile(c.level, c.df); math.Abs(got-c.want) > 1e-10*c.want {
						t.Errorf("TQuantile(%g, %d) = %.17g, want %.17g", c.level, c.df, got, c.want)
					}
				}
			})
		}
		wg.Wait()
	}
}

// BenchmarkTQuantile times a quantile found in the cache and one computed
// by distuv, as TQuantile's doc comment quotes.
func BenchmarkTQuantile(b *testing.B) {
	b.Run("cached", func(b *testing.B) {
		TQuantile(0.95, 18)
		b.ReportAllocs()
		for b.Loop() {
			sink = TQuantile(0.95, 18)
		}
	})
	b.Run("distuv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = tQuantile(0.95, 18)
		}
	})
}

var sink float64
