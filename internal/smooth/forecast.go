package smooth

// Means writes into mu the point forecasts of model k for the len(mu)
// years after the last: l + (φ + φ² + … + φ^h)·b with a trend, l without.
func Means(mu []float64, k Kind, p Params, l, b float64) {
	phi := p.Phi
	if !k.Damped {
		phi = 1
	}
	sum, pw := 0.0, 1.0
	for i := range mu {
		if !k.Trend {
			mu[i] = l
			continue
		}
		pw *= phi
		sum += pw
		mu[i] = l + sum*b
	}
}

// Variances writes into v the variances of the forecast errors of model k
// at horizons 1, …, len(v), given the point forecasts mu and σ², using c
// (as long as v) as scratch.
//
// With additive error (class 1 of Hyndman et al. 2008, ch. 6):
// v_h = σ²(1 + Σ_{j<h} c_j²), c_j = α + β(φ + … + φ^j).
// With multiplicative error (class 2): v_h = (1 + σ²)θ_h − μ_h², θ_1 = μ_1²,
// θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}.
func Variances(v, c, mu []float64, k Kind, p Params, sigma2 float64) {
	phi := p.Phi
	if !k.Damped {
		phi = 1
	}
	beta := p.Beta
	if !k.Trend {
		beta = 0
	}
	sum, pw := 0.0, 1.0
	for j := range c {
		pw *= phi
		sum += pw
		cj := p.Alpha + beta*sum
		c[j] = cj * cj // c[j] holds c_{j+1}²
	}
	if !k.Mult {
		acc := 0.0
		for h := range v {
			if h > 0 {
				acc += c[h-1]
			}
			v[h] = sigma2 * (1 + acc)
		}
		return
	}
	// θ into v, then the variance.
	for h := range v {
		t := 0.0
		for j := 0; j < h; j++ {
			t += c[j] * v[h-1-j]
		}
		v[h] = mu[h]*mu[h] + sigma2*t
	}
	for h := range v {
		v[h] = (1+sigma2)*v[h] - mu[h]*mu[h]
	}
}
