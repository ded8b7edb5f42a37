package smooth

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestNelderMead checks the minimiser against R's optim(method =
// "Nelder-Mead"), the same algorithm with the same settings, which should
// follow the same path:
//
//	fr <- function(x) 100*(x[2]-x[1]^2)^2 + (1-x[1])^2
//	optim(c(-1.2, 1), fr)                                        # Rosenbrock
//	optim(c(3, -2, 0.5), function(x) sum((x - c(1,2,3))^2) + x[1]*x[2])
//
// par, value and counts["function"] printed with sprintf("%.17g").
func TestNelderMead(t *testing.T) {
	for _, c := range []struct {
		name  string
		f     func([]float64) float64
		x0    []float64
		want  []float64
		value float64
		evals int
	}{
		{"rosenbrock", func(x []float64) float64 {
			return 100*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0]) + (1-x[0])*(1-x[0])
		}, []float64{-1.2, 1}, []float64{1.0002601387256695, 1.000505999303765}, 8.8252410967227472e-08, 195},
		{"quadratic", func(x []float64) float64 {
			return (x[0]-1)*(x[0]-1) + (x[1]-2)*(x[1]-2) + (x[2]-3)*(x[2]-3) + x[0]*x[1]
		}, []float64{3, -2, 0.5}, []float64{0.0021572707607277137, 2.005485812894376, 3.0064975924802404}, 1.0000888010520423, 128},
	} {
		t.Run(c.name, func(t *testing.T) {
			var nm NelderMead
			x := slices.Clone(c.x0)
			if !nm.Minimize(c.f, x) {
				t.Fatal("not finite at the start")
			}
			opt := cmpopts.EquateApprox(1e-12, 0)
			if diff := cmp.Diff(c.want, x, opt); diff != "" {
				t.Errorf("minimum (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.value, c.f(x), opt); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			if nm.Eval != c.evals {
				t.Errorf("%d evaluations, R makes %d", nm.Eval, c.evals)
			}
			if allocs := testing.AllocsPerRun(20, func() { copy(x, c.x0); nm.Minimize(c.f, x) }); allocs != 0 {
				t.Errorf("%v allocations per Minimize", allocs)
			}
		})
	}
	var nm NelderMead
	if nm.Minimize(func([]float64) float64 { return math.Inf(1) }, []float64{1}) {
		t.Error("Minimize of +Inf reported success")
	}
}

// TestQuantile8 checks quantile8 against R: quantile(x, p, type = 8) with
// x = c(3.1, -2, 5, 7.5, 0.2, 9, 4.4) and p = 0.025, 0.1, 0.5, 0.9, 0.975.
func TestQuantile8(t *testing.T) {
	x := []float64{3.1, -2, 5, 7.5, 0.2, 9, 4.4}
	slices.Sort(x)
	var got []float64
	for _, p := range []float64{0.025, 0.1, 0.5, 0.9, 0.975} {
		got = append(got, quantile8(x, p))
	}
	want := []float64{-2, -1.8533333333333333, 4.4000000000000004, 8.9000000000000004, 9}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-14, 0)); diff != "" {
		t.Errorf("quantiles (-want +got):\n%s", diff)
	}
}

// TestFilterMissing: a missing year moves the states on by the forecast
// and adds nothing to the likelihood.
func TestFilterMissing(t *testing.T) {
	k := Kind{Trend: true}
	p := Params{Alpha: 0.5, Beta: 0.2, Phi: 1, L0: 10, B0: 1}
	e := make([]float64, 3)
	r := Filter([]float64{11.5, math.NaN(), 14}, k, p, e)
	// t=1: ŷ=11, e=0.5, ℓ=11.25, b=1.1; t=2: missing, ℓ=12.35, b=1.1;
	// t=3: ŷ=13.45, e=0.55, ℓ=13.725, b=1.21.
	want := Result{Lik: 2 * math.Log(0.25+0.55*0.55), SSE: 0.25 + 0.55*0.55, N: 2, L: 13.725, B: 1.21}
	if diff := cmp.Diff(want, r, cmpopts.EquateApprox(1e-12, 0), cmpopts.IgnoreFields(Result{}, "MSE")); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if !math.IsNaN(e[1]) {
		t.Errorf("innovation of the missing year %g, want NaN", e[1])
	}
}
