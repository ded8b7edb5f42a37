package intensity

import (
	"math"

	"github.com/nonferrous/demand/forecast"
)

// fitCAGR returns the compound annual rate of change of I over the window
// from from (0: the observed year before the last) to last, in holding
// I_t over first..last (NaN where missing), for the series name.
func fitCAGR(from int, name string, first, last int, in []float64) (trajectoryFit, error) {
	if from == 0 {
		from = last - 1
		for math.IsNaN(in[from-first]) {
			from--
		}
	}
	if from >= last {
		return trajectoryFit{}, forecast.Errorf(pkg, name, 0, forecast.ErrSetting, "CAGR window starts in %d, not before the last observed year %d", from, last)
	}
	if from < first || math.IsNaN(in[from-first]) {
		return trajectoryFit{}, forecast.Errorf(pkg, name, 0, forecast.ErrSetting, "CAGR window start %d is not an observed year", from)
	}
	rate := math.Pow(in[last-first]/in[from-first], 1/float64(last-from)) - 1
	return trajectoryFit{rate: rate, rateFrom: from}, nil
}

// cagrAt returns the CAGR trajectory's intensity in year t.
func (mod *Model) cagrAt(t int) float64 {
	return mod.iLast * math.Pow(1+mod.rate, float64(t-mod.last))
}
