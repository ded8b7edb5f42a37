package smooth

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Simulate draws paths sample paths of model k from the states l, b after
// the last year with innovations N(0, σ²) (at least −1 for multiplicative
// error) from a PCG generator seeded with seed, and writes into lo[h] and
// hi[h] the quantiles p and 1 − p (R's type 8) of the paths' values at
// horizon h + 1. It allocates the paths.
func Simulate(lo, hi []float64, k Kind, p Params, l0, b0, sigma2 float64, paths int, seed uint64, prob float64) {
	h := len(lo)
	ys := make([]float64, h*paths) // column-major: horizon j holds ys[j*paths : (j+1)*paths]
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	sd := math.Sqrt(sigma2)
	p.B0 = b0
	p = k.effective(p)
	phi, beta, b0 := p.Phi, p.Beta, p.B0
	for i := range paths {
		l, b := l0, b0
		for j := range h {
			f := l + phi*b
			e := sd * r.NormFloat64()
			var y float64
			if k.Mult {
				y = f * (1 + max(-1, e))
			} else {
				y = f + e
			}
			ys[j*paths+i] = y
			d := y - f
			l = f + p.Alpha*d
			b = phi*b + beta*d
		}
	}
	for j := range h {
		col := ys[j*paths : (j+1)*paths]
		slices.Sort(col)
		lo[j] = quantile8(col, prob)
		hi[j] = quantile8(col, 1-prob)
	}
}

// quantile8 returns the p quantile of sorted x by Hyndman & Fan's type 8
// (R's quantile(type = 8)).
func quantile8(x []float64, p float64) float64 {
	n := float64(len(x))
	nppm := 1.0/3 + p*(n+1.0/3)
	j := math.Floor(nppm + 4*0x1p-52)
	g := nppm - j
	if math.Abs(g) < 4*0x1p-52 {
		g = 0
	}
	at := func(i float64) float64 { // x_i, 1-based, clamped
		k := int(i) - 1
		return x[min(max(k, 0), len(x)-1)]
	}
	return (1-g)*at(j) + g*at(j+1)
}
