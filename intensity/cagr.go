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
	s2, sdf := cagrScatter(in, rate)
	return trajectoryFit{rate: rate, sigma2: s2, sdf: sdf}, nil
}

// cagrScatter returns σ², the annual variance of ln I's change about
// ln(1 + rate), and its degrees of freedom: over each gap between
// consecutive observed years a < b (n = b − a), r = ln(I_b/I_a) −
// n·ln(1 + rate), and σ² = Σ (r²/n) / (J − 1) over the J gaps, one degree
// of freedom going to the rate. It returns NaN and 0 for J < 2.
func cagrScatter(in []float64, rate float64) (float64, int) {
	var sum float64
	j, prev := 0, -1
	l := math.Log1p(rate)
	for i, v := range in {
		if math.IsNaN(v) {
			continue
		}
		if prev >= 0 {
			n := float64(i - prev)
			r := math.Log(v/in[prev]) - n*l
			sum += r * r / n
			j++
		}
		prev = i
	}
	if j < 2 {
		return math.NaN(), 0
	}
	return sum / float64(j-1), j - 1
}

// cagrAt returns the CAGR trajectory's intensity in year t.
func (mod *Model) cagrAt(t int) float64 {
	return mod.iLast * math.Pow(1+mod.rate, float64(t-mod.last))
}
