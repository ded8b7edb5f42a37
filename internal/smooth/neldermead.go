package smooth

import "math"

// NelderMead minimises a function by the Nelder–Mead simplex method in the
// variant of Nash (1990, Algorithm 19), the one of R's optim and of R
// forecast::ets: reflection 1, contraction 0.5, expansion 2, a first
// simplex of steps of a tenth of the largest starting coordinate, a stop
// when the spread of the function values over the simplex falls below a
// relative tolerance of the value at the start, or when a shrink fails to
// reduce the simplex, or after MaxEval evaluations. Non-finite function
// values count as 1e35.
//
// It keeps its buffers between calls; once they have grown, Minimize
// allocates nothing. The zero value uses R's settings.
type NelderMead struct {
	MaxEval int     // evaluations before stopping; 0 means 2000
	RelTol  float64 // relative tolerance; 0 means sqrt(machine epsilon)

	p    []float64 // the simplex: n+1 vertices of n coordinates, then their values
	c, b []float64 // centroid, trial point
	Eval int       // evaluations made by the last Minimize
}

const big = 1e35

// Minimize minimises f from x, which it overwrites with the best vertex.
// It returns false, leaving x unchanged, if f is not finite at x.
func (nm *NelderMead) Minimize(f func([]float64) float64, x []float64) bool {
	n := len(x)
	maxit := nm.MaxEval
	if maxit == 0 {
		maxit = 2000
	}
	intol := nm.RelTol
	if intol == 0 {
		intol = math.Sqrt(0x1p-52)
	}
	n1 := n + 1
	if cap(nm.p) < n1*n1 {
		nm.p = make([]float64, n1*n1)
		nm.c = make([]float64, n)
		nm.b = make([]float64, n)
	}
	// Vertex j occupies p[j*n1 : j*n1+n], its value p[j*n1+n].
	P := nm.p[:n1*n1]
	c, bv := nm.c[:n], nm.b[:n]
	vert := func(j int) []float64 { return P[j*n1 : j*n1+n] }
	val := func(j int) *float64 { return &P[j*n1+n] }
	eval := func(v []float64) float64 {
		nm.Eval++
		fv := f(v)
		if math.IsNaN(fv) || math.IsInf(fv, 0) {
			return big
		}
		return fv
	}
	nm.Eval = 0
	f0 := f(x)
	nm.Eval = 1
	if math.IsNaN(f0) || math.IsInf(f0, 0) {
		return false
	}
	convtol := intol * (math.Abs(f0) + intol)
	copy(vert(0), x)
	*val(0) = f0
	step := 0.0
	for _, v := range x {
		step = max(step, 0.1*math.Abs(v))
	}
	if step == 0 {
		step = 0.1
	}
	size := 0.0
	for j := 1; j < n1; j++ {
		v := vert(j)
		copy(v, x)
		try := step
		for v[j-1] == x[j-1] {
			v[j-1] = x[j-1] + try
			try *= 10
		}
		size += try
	}
	oldsize := size
	L := 0
	calcvert := true
	for {
		if calcvert {
			for j := range n1 {
				if j != L {
					*val(j) = eval(vert(j))
				}
			}
			calcvert = false
		}
		VL := *val(L)
		VH := VL
		H := L
		for j := range n1 {
			if j == L {
				continue
			}
			fj := *val(j)
			if fj < VL {
				L, VL = j, fj
			}
			if fj > VH {
				H, VH = j, fj
			}
		}
		if VH <= VL+convtol {
			break
		}
		ph := vert(H)
		for i := range n {
			t := -ph[i]
			for j := range n1 {
				t += P[j*n1+i]
			}
			c[i] = t / float64(n)
		}
		for i := range n {
			bv[i] = 2*c[i] - ph[i]
		}
		VR := eval(bv)
		if VR < VL {
			// Try an expansion; c now holds the reflected point.
			cval := VR
			for i := range n {
				e := 2*bv[i] + (1-2)*c[i]
				c[i] = bv[i]
				bv[i] = e
			}
			fe := eval(bv)
			if fe < cval {
				copy(ph, bv)
				*val(H) = fe
			} else {
				copy(ph, c)
				*val(H) = VR
			}
		} else {
			if VR < VH {
				copy(ph, bv)
				*val(H) = VR
			}
			for i := range n {
				bv[i] = (1-0.5)*ph[i] + 0.5*c[i]
			}
			fc := eval(bv)
			if fc < *val(H) {
				copy(ph, bv)
				*val(H) = fc
			} else if VR >= VH {
				// Shrink towards the lowest vertex.
				calcvert = true
				size = 0
				pl := vert(L)
				for j := range n1 {
					if j == L {
						continue
					}
					v := vert(j)
					for i := range n {
						v[i] = 0.5*(v[i]-pl[i]) + pl[i]
						size += math.Abs(v[i] - pl[i])
					}
				}
				if size < oldsize {
					oldsize = size
				} else {
					break
				}
			}
		}
		if nm.Eval > maxit {
			break
		}
	}
	copy(x, vert(L))
	return true
}
