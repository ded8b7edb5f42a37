package lsq

import (
	"math"
	"sync/atomic"

	"gonum.org/v1/gonum/stat/distuv"
)

// TQuantile returns t_{1−(1−level)/2, df}, the quantile of Student's t
// distribution with df degrees of freedom that bounds a central prediction
// interval at level (gonum's distuv.StudentsT). It returns NaN unless level
// is in (0, 1) and df ≥ 1.
//
// Computing the quantile (an inverse regularized incomplete beta function)
// takes 10 to 20 µs, a hundred times a closed-form fit and forecast, and
// the methods need it for every forecast. TQuantile therefore keeps the
// values it has computed in a small fixed table shared by all goroutines:
// a row for each df modulo tRows, of tWays immutable entries read and
// written atomically, so that a value found there costs a few
// nanoseconds, no lock and no allocation. A row keeps the first tWays
// levels asked for; a further level replaces one of them, which is then
// computed again when next asked for.
func TQuantile(level float64, df int) float64 {
	if !(level > 0 && level < 1) || df < 1 {
		return math.NaN()
	}
	row := &tCache[df%tRows]
	free := -1
	for i := range row {
		e := row[i].Load()
		if e == nil {
			if free < 0 {
				free = i
			}
			continue
		}
		if e.level == level && e.df == df {
			return e.q
		}
	}
	q := tQuantile(level, df)
	if free < 0 {
		free = int(math.Float64bits(level)>>40) % tWays
	}
	row[free].Store(&tEntry{level: level, df: df, q: q})
	return q
}

// tQuantile computes the quantile TQuantile returns.
func tQuantile(level float64, df int) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(1 - (1-level)/2)
}

// The size of TQuantile's cache: tRows rows of tWays entries.
const (
	tRows = 256
	tWays = 8
)

// tEntry is a quantile in TQuantile's cache; it is not changed once stored.
type tEntry struct {
	level float64
	df    int
	q     float64
}

// tCache is TQuantile's cache.
var tCache [tRows][tWays]atomic.Pointer[tEntry]
