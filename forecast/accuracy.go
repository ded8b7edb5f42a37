package forecast

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/nonferrous/demand/series"
)

// ErrNoOverlap is returned (wrapped) when the actual and predicted values
// share no observed year.
var ErrNoOverlap = errors.New("forecast: actual and predicted values share no observed year")

// Measures are forecast accuracy measures over N years, with errors
// e_t = y_t − f_t (actual minus forecast). See the package documentation
// for the formulas.
//
// MPE, MAPE and sMAPE follow IEEE arithmetic, as R's forecast::accuracy
// does: a zero actual value makes MPE and MAPE ±Inf (NaN where the forecast
// is zero too), and a year where actual and forecast are both zero makes
// sMAPE NaN. MASE is NaN when the training data have no two consecutive
// observed years, and ±Inf or NaN when the training data are constant.
type Measures struct {
	N     int     // number of years compared
	ME    float64 // mean error
	MAE   float64 // mean absolute error
	RMSE  float64 // root mean squared error
	MPE   float64 // mean percentage error, in percent
	MAPE  float64 // mean absolute percentage error, in percent
	SMAPE float64 // symmetric MAPE, in percent
	MASE  float64 // mean absolute scaled error
}

// MSE returns the mean squared error, RMSE².
func (m Measures) MSE() float64 { return m.RMSE * m.RMSE }

// Accuracy returns the accuracy measures of predicted against actual over
// the years both cover and both observe (years where either is NaN are
// skipped). MASE is scaled by the in-sample mean absolute lag-1 naive error
// of training, NaN if training has no two consecutive observed years (an
// empty training series is allowed).
//
// It returns an error wrapping ErrNoOverlap if no year is compared, and one
// naming the year if actual, predicted or training holds an infinite value.
func Accuracy(actual, predicted, training series.Series) (Measures, error) {
	for _, s := range [...]struct {
		what string
		s    series.Series
	}{{"actual", actual}, {"predicted", predicted}, {"training", training}} {
		if err := finite(s.s, s.what); err != nil {
			return Measures{}, fmt.Errorf("forecast: accuracy: %w", err)
		}
	}
	scale := naiveScale(training)
	var a accumulator
	for y := max(actual.Start, predicted.Start); y <= min(actual.End(), predicted.End()); y++ {
		v, _ := actual.At(y)
		f, _ := predicted.At(y)
		a.add(v, f, scale)
	}
	if a.n == 0 {
		return Measures{}, fmt.Errorf("%w: actual %s, predicted %s", ErrNoOverlap, span(actual), span(predicted))
	}
	return a.measures(), nil
}

// finite returns an error wrapping ErrNotFinite for the first infinite
// value of s, the series what of Accuracy.
func finite(s series.Series, what string) error {
	for i, v := range s.Values {
		if math.IsInf(v, 0) {
			return Errorf("", s.Name, s.Start+i, ErrNotFinite, "%s value %g", what, v)
		}
	}
	return nil
}

// naiveScale returns the mean absolute lag-1 difference of s over the
// consecutive observed pairs, NaN if there are none. s must be finite.
func naiveScale(s series.Series) float64 {
	var sum float64
	var n int
	for i := 1; i < len(s.Values); i++ {
		d := s.Values[i] - s.Values[i-1]
		if math.IsNaN(d) {
			continue
		}
		sum += math.Abs(d)
		n++
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// accumulator sums the terms of the accuracy measures. Pairs where the
// actual or the forecast is NaN are skipped.
type accumulator struct {
	n                                 int
	e, ae, se, pe, ape, sape, scaledE float64
}

// add adds the year with actual y, forecast f and MASE scale.
func (a *accumulator) add(y, f, scale float64) {
	if math.IsNaN(y) || math.IsNaN(f) {
		return
	}
	e := y - f
	a.n++
	a.e += e
	a.ae += math.Abs(e)
	a.se += e * e
	a.pe += 100 * e / y
	a.ape += math.Abs(100 * e / y)
	a.sape += 200 * math.Abs(e) / (math.Abs(y) + math.Abs(f))
	a.scaledE += math.Abs(e / scale)
}

// measures returns the means; a.n must be positive.
func (a *accumulator) measures() Measures {
	n := float64(a.n)
	return Measures{
		N:     a.n,
		ME:    a.e / n,
		MAE:   a.ae / n,
		RMSE:  math.Sqrt(a.se / n),
		MPE:   a.pe / n,
		MAPE:  a.ape / n,
		SMAPE: a.sape / n,
		MASE:  a.scaledE / n,
	}
}

// span names the years of s: "2001–2005", or "2016" for one year.
func span(s series.Series) string {
	switch s.Len() {
	case 0:
		return "(no years)"
	case 1:
		return strconv.Itoa(s.Start)
	}
	return fmt.Sprintf("%d–%d", s.Start, s.End())
}
