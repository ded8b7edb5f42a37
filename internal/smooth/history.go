package smooth

import (
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Observed checks a history for the method named name with
// forecast.CheckHistory: it returns series.ErrEmpty for an empty history,
// forecast.ErrLastMissing if its last value is missing (ErrTooFew if
// every value is),
// forecast.ErrNotFinite for an infinite value and forecast.ErrTooFew for
// fewer than minObs observed values, each in a forecast.Error naming the
// method, the series and the year. Otherwise it returns the index of the
// first observed (non-NaN) value and the number of observed values.
func Observed(name string, h series.Series, minObs int) (first, n int, err error) {
	if err := forecast.CheckHistory(name, h, minObs); err != nil {
		return 0, 0, err
	}
	first = -1
	for i, v := range h.Values {
		if math.IsNaN(v) {
			continue
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
