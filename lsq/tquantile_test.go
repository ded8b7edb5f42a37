package lsq

import (
	"math"
	"sync"
	"testing"
)

// TestTQuantile checks TQuantile's bad arguments and its cache, filled from
// several goroutines at once: every key gives back its own value, the cache keeps
// no more than tCacheSize entries, keys beyond are still computed, and a
// lookup allocates nothing. Run with -race, it also checks that the reads
// need no lock.
func TestTQuantile(t *testing.T) {
	for _, bad := range []struct {
		level float64
		df    int
	}{{0, 3}, {1, 3}, {math.NaN(), 3}, {0.9, 0}} {
		if q := TQuantile(bad.level, bad.df); !math.IsNaN(q) {
			t.Errorf("TQuantile(%g, %d) = %v, want NaN", bad.level, bad.df, q)
		}
	}

	const n = tCacheSize + 100
	key := func(i int) (float64, int) { return 0.5 + float64(i%7)/16, 1 + i }
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < n; i += 4 {
				level, df := key(i)
				if q := TQuantile(level, df); q != tQuantile(level, df) {
					t.Errorf("TQuantile(%g, %d) = %v, want %v", level, df, q, tQuantile(level, df))
					return
				}
			}
		})
	}
	wg.Wait()
	if m := tCache.Load(); m == nil || len(*m) != tCacheSize {
		t.Errorf("the cache holds %d entries, want %d", len(*tCache.Load()), tCacheSize)
	}
	for i := range n {
		level, df := key(i)
		if q, want := TQuantile(level, df), tQuantile(level, df); q != want {
			t.Errorf("key %d after filling: %v, want %v", i, q, want)
		}
	}
	if a := testing.AllocsPerRun(100, func() { TQuantile(0.95, 18) }); a != 0 {
		t.Errorf("TQuantile allocates %v times per call from the cache, want 0", a)
	}
}

// BenchmarkTQuantile times a quantile found in the cache and one computed
// by distuv, as the cache's doc comment quotes.
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
