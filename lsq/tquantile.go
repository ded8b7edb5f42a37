package lsq

import (
	"math"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat/distuv"
)

// TQuantile returns t_{1−(1−level)/2, df}, the quantile of Student's t
// distribution with df degrees of freedom that bounds a central prediction
// interval at level (gonum's distuv.StudentsT). It returns NaN unless level
// is in (0, 1) and df ≥ 1.
//
// Computing the quantile (an inverse regularized incomplete beta function)
// takes about 2 µs, ten times a whole closed-form fit and forecast, and the
// methods need it for every forecast. TQuantile therefore keeps the values
// it has computed, up to tCacheSize of them, in a map shared by all
// goroutines: a read loads the current map atomically and looks the key up,
// taking no lock and allocating nothing; a new value is added by copying
// the map under a mutex and publishing the copy. Values beyond the cache's
// size are computed on every call.
func TQuantile(level float64, df int) float64 {
	if !(level > 0 && level < 1) || df < 1 {
		return math.NaN()
	}
	k := tKey{level, df}
	if m := tCache.Load(); m != nil {
		if q, ok := (*m)[k]; ok {
			return q
		}
	}
	q := tQuantile(level, df)
	tStore(k, q)
	return q
}

// tQuantile computes the quantile TQuantile returns.
func tQuantile(level float64, df int) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(1 - (1-level)/2)
}

// tCacheSize is the most quantiles TQuantile keeps.
const tCacheSize = 1024

// tKey is a key of TQuantile's cache.
type tKey struct {
	level float64
	df    int
}

var (
	// tCache holds TQuantile's cache. A map once published is never
	// changed: tStore publishes a new one.
	tCache atomic.Pointer[map[tKey]float64]
	// tMu serialises the writers of tCache.
	tMu sync.Mutex
)

// tStore adds q under k to TQuantile's cache, unless the key is there or
// the cache is full.
func tStore(k tKey, q float64) {
	tMu.Lock()
	defer tMu.Unlock()
	var old map[tKey]float64
	if p := tCache.Load(); p != nil {
		old = *p
	}
	if _, ok := old[k]; ok || len(old) >= tCacheSize {
		return
	}
	m := make(map[tKey]float64, len(old)+1)
	for key, v := range old {
		m[key] = v
	}
	m[k] = q
	tCache.Store(&m)
}
