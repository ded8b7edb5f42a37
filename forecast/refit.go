package forecast

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/nonferrous/demand/series"
)

// Refitter is implemented by models that can be fit again in place and can
// forecast into a caller's buffers, so that a caller who fits and forecasts
// many series keeps one model and one Forecast and allocates nothing per
// series once they have grown to size.
//
// Refit fits the model, with the settings of the Method that made it, to
// a new history and drivers. Afterwards the model must be in the state
// Method.Fit(history, drivers) would have returned: the same forecasts, bit
// for bit, and the same errors. On error the model holds no usable fit
// until the next successful Refit; its Forecast and ForecastTo then return
// an error. Refit copies what it keeps: later changes to history or drivers
// do not affect the model.
//
// ForecastTo writes the result of Forecast(s, level) into dst, bit for
// bit, reusing the Values of dst.Point, dst.Lower and dst.Upper when their
// capacity suffices (see Forecast.Prepare); those three must not share
// memory. On error the contents of dst are unspecified.
//
// A Method value may be used from any number of goroutines, and so may a
// model returned by Fit as long as only Forecast is called. Refit changes
// the model, and an implementation's ForecastTo may too (those of this
// module's methods do not: they only read the model, and take the t
// quantile from TQuantile's shared cache): a model being refit is its
// caller's state, not for concurrent use. Batch gives each worker its own
// models.
type Refitter interface {
	Model
	Refit(history series.Series, drivers Drivers) error
	ForecastTo(dst *Forecast, s Scenario, level float64) error
}

// Prepare readies f to receive a forecast of n years from start: it sets
// Method and Level, gives Point, Lower and Upper the name, unit and start,
// and makes their Values n long, reusing each one's backing array when its
// capacity is at least n and allocating one new array for those that need
// one otherwise. The values themselves are left for the caller to write.
func (f *Forecast) Prepare(method, name, unit string, start, n int, level float64) {
	f.Method, f.Level = method, level
	need := 0
	for _, s := range [3]*series.Series{&f.Point, &f.Lower, &f.Upper} {
		if cap(s.Values) < n {
			need += n
		}
	}
	var buf []float64
	if need > 0 {
		buf = make([]float64, need)
	}
	for _, s := range [3]*series.Series{&f.Point, &f.Lower, &f.Upper} {
		s.Name, s.Unit, s.Start = name, unit, start
		if cap(s.Values) >= n {
			s.Values = s.Values[:n]
			continue
		}
		s.Values, buf = buf[:n:n], buf[n:]
	}
}

// DriverValue returns driver name at year, from the scenario's path where
// it covers the year and from the observed drivers otherwise, without
// allocating. It returns an error wrapping ErrMissingDriver if neither has
// the driver, one wrapping ErrDriverYears if neither covers the year or
// the value there is missing or not finite, and one wrapping
// ErrDriverMismatch if both carry the driver with different (non-empty)
// units. Where both give the year, the scenario's value is used.
func DriverValue(name string, observed Drivers, s Scenario, year int) (float64, error) {
	fut, inFut := s.Drivers[name]
	obs, inObs := observed[name]
	if !inFut && !inObs {
		return math.NaN(), fmt.Errorf("%w: %q", ErrMissingDriver, name)
	}
	if inFut && inObs && fut.Unit != "" && obs.Unit != "" && fut.Unit != obs.Unit {
		return math.NaN(), fmt.Errorf("%w: %q is in %q in the scenario, %q observed", ErrDriverMismatch, name, fut.Unit, obs.Unit)
	}
	v, ok := fut.At(year)
	if !ok {
		v, ok = obs.At(year)
	}
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return math.NaN(), fmt.Errorf("%w: %q has no finite value for %d", ErrDriverYears, name, year)
	}
	return v, nil
}

// TQuantile returns t_{1−(1−level)/2, df}, the quantile of Student's t
// distribution with df degrees of freedom that bounds a central prediction
// interval at level (gonum's distuv.StudentsT). It returns NaN unless level
// is in (0, 1) and df ≥ 1.
//
// The quantile is costly to compute (an inverse regularized incomplete
// beta function, hundreds of microseconds), and the methods need it for
// every forecast; TQuantile keeps the values it has computed in a cache
// shared by all goroutines (up to 4096 of them), so that each
// (level, df) pair is computed once. Finding a value in the cache takes
// no lock and allocates nothing (the cache is a hash table of immutable
// entries, read atomically and written under a mutex), so goroutines
// forecasting at once do not contend for it.
func TQuantile(level float64, df int) float64 {
	if !(level > 0 && level < 1) || df < 1 {
		return math.NaN()
	}
	h := tHash(level, df)
	if q, ok := tCache.lookup(h, level, df); ok {
		return q
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(1 - (1-level)/2)
	tCache.insert(h, &tEntry{level: level, df: df, q: q})
	return q
}

const (
	tCacheSize  = 4096            // most entries the cache keeps
	tTableBits  = 13              // log2 of the slots of its hash table
	tTableSlots = 1 << tTableBits // 2·tCacheSize: the table is at most half full
)

// tEntry is one quantile of the cache; it is not changed once stored.
type tEntry struct {
	level float64
	df    int
	q     float64
}

// tCache is TQuantile's cache.
var tCache tQuantileCache

// tQuantileCache is an open-addressing hash table of quantiles with
// linear probing. The table is allocated by the first insert. A slot goes
// once from nil to an entry and never changes again, and the table is
// never more than half full, so a reader, who takes no lock, knows on
// meeting a nil slot that the key was not there when it looked; inserts
// hold mu.
type tQuantileCache struct {
	mu    sync.Mutex
	n     int // entries stored
	table atomic.Pointer[[tTableSlots]atomic.Pointer[tEntry]]
}

// tHash returns the hash of a key: the level's bits mixed with df, by
// Fibonacci hashing.
func tHash(level float64, df int) uint64 {
	h := math.Float64bits(level) ^ uint64(df)*0xC2B2AE3D27D4EB4F
	h ^= h >> 32
	return h * 0x9E3779B97F4A7C15
}

// slot returns the first slot to probe for hash h.
func slot(h uint64) uint64 { return h >> (64 - tTableBits) }

// lookup returns the cached quantile of (level, df), whose hash is h.
func (c *tQuantileCache) lookup(h uint64, level float64, df int) (float64, bool) {
	t := c.table.Load()
	if t == nil {
		return 0, false
	}
	for i := slot(h); ; i = (i + 1) & (tTableSlots - 1) {
		e := t[i].Load()
		if e == nil {
			return 0, false
		}
		if e.level == level && e.df == df {
			return e.q, true
		}
	}
}

// insert stores e, whose key hashes to h, unless its key is already
// there or the cache is full.
func (c *tQuantileCache) insert(h uint64, e *tEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= tCacheSize {
		return
	}
	t := c.table.Load()
	if t == nil {
		t = new([tTableSlots]atomic.Pointer[tEntry])
		c.table.Store(t)
	}
	for i := slot(h); ; i = (i + 1) & (tTableSlots - 1) {
		old := t[i].Load()
		if old == nil {
			t[i].Store(e)
			c.n++
			return
		}
		if old.level == e.level && old.df == e.df {
			return
		}
	}
}
