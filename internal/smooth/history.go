package smooth

import (
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Observed checks a history for the method named name: it returns
// series.ErrEmpty for an empty history, forecast.ErrLastMissing if its last
// value is missing and forecast.ErrNotFinite for an infinite value, each in
// a forecast.Error naming the method, the series and the year. Otherwise it
// returns the index of the first observed (non-NaN) value and the number of
// observed values.
func Observed(name string, h series.Series) (first, n int, err error) {
	if h.Len() == 0 {
		return 0, 0, forecast.Errorf(name, h.Name, 0, series.ErrEmpty, "")
	}
	if math.IsNaN(h.Values[len(h.Values)-1]) {
		return 0, 0, forecast.Errorf(name, h.Name, h.End(), forecast.ErrLastMissing, "")
	}
	first = -1
	for i, v := range h.Values {
		if math.IsNaN(v) {
			continue
		}
		if math.IsInf(v, 0) {
			return 0, 0, forecast.Errorf(name, h.Name, h.Start+i, forecast.ErrNotFinite, "%v", v)
		}
		if first < 0 {
			first = i
		}
		n++
	}
	return first, n, nil
}

// Resize returns buf resliced to length n, allocating a new slice only if
// its capacity is less than n. The values it holds are not defined.
func Resize(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}
