package forecast

import (
	"sync"
	"testing"
)

// TestTQuantileCache fills a cache past its size from several goroutines
// at once, with keys that share hash slots, while others read it, and
// checks that every stored key gives back its own value, that the cache
// keeps no more than tCacheSize entries, and that a lookup allocates
// nothing. Run with -race, it also checks the reads need no lock.
func TestTQuantileCache(t *testing.T) {
	var c tQuantileCache
	key := func(i int) (float64, int) { return 0.5 + float64(i%7)/16, 1 + i }
	value := func(i int) float64 { return float64(i) + 0.25 }
	const n = tCacheSize + 100
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < n; i += 4 {
				level, df := key(i)
				c.insert(tHash(level, df), &tEntry{level: level, df: df, q: value(i)})
				// The same key again changes nothing.
				c.insert(tHash(level, df), &tEntry{level: level, df: df, q: -1})
			}
		})
		wg.Go(func() {
			for i := range n {
				level, df := key(i)
				if q, ok := c.lookup(tHash(level, df), level, df); ok && q != value(i) {
					t.Errorf("lookup of key %d during the inserts = %v, want %v", i, q, value(i))
					return
				}
			}
		})
	}
	wg.Wait()
	if c.n != tCacheSize {
		t.Errorf("%d entries, want %d", c.n, tCacheSize)
	}
	found := 0
	for i := range n {
		level, df := key(i)
		q, ok := c.lookup(tHash(level, df), level, df)
		if ok {
			found++
			if q != value(i) {
				t.Errorf("lookup of key %d = %v, want %v", i, q, value(i))
			}
		}
	}
	if found != tCacheSize {
		t.Errorf("%d keys found, want %d", found, tCacheSize)
	}
	// Keys that collide: the same slot, then probing.
	var d tQuantileCache
	last := uint64(tTableSlots-1) << (64 - tTableBits) // a hash whose first slot is the last
	d.insert(0, &tEntry{level: 0.9, df: 3, q: 1})
	d.insert(0, &tEntry{level: 0.8, df: 3, q: 2})
	d.insert(last, &tEntry{level: 0.7, df: 3, q: 3})
	d.insert(last, &tEntry{level: 0.6, df: 3, q: 4}) // wraps round to slot 2
	for _, e := range []struct {
		h     uint64
		level float64
		want  float64
	}{{0, 0.9, 1}, {0, 0.8, 2}, {last, 0.7, 3}, {last, 0.6, 4}} {
		if q, ok := d.lookup(e.h, e.level, 3); !ok || q != e.want {
			t.Errorf("colliding key %g: lookup = %v, %v, want %v", e.level, q, ok, e.want)
		}
	}
	if t2 := d.table.Load(); t2[2].Load() == nil || t2[2].Load().level != 0.6 {
		t.Error("the key hashed to the last slot did not wrap round to slot 2")
	}
	if _, ok := d.lookup(last, 0.5, 3); ok {
		t.Error("absent colliding key found")
	}
	if a := testing.AllocsPerRun(100, func() { TQuantile(0.95, 18) }); a != 0 {
		t.Errorf("TQuantile allocates %v times per call from the cache, want 0", a)
	}
}
