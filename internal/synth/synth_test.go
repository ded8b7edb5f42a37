package synth

import (
	"math"
	"slices"
	"testing"
)

func TestSourceFixed(t *testing.T) {
	// Pinned: the benchmarks' data, and the peers' series.csv, are these
	// numbers; a change of generator or of the order of the draws changes
	// them.
	s := New(20)
	if got, want := s.Trend(20)[:2], []float64{60.153012154202607, 63.235500204891352}; !slices.Equal(got, want) {
		t.Errorf("New(20).Trend(20) starts %v, want %v", got, want)
	}
	if got, want := s.GDP(3), []float64{100, 106.53058585959229, 116.91685799385661}; !slices.Equal(got, want) {
		t.Errorf("then GDP(3) = %v, want %v", got, want)
	}
	// The same length, the same numbers; another length, others.
	a, b, c := New(10).Trend(10), New(10).Trend(10), New(11).Trend(10)
	if !slices.Equal(a, b) {
		t.Errorf("two Sources of length 10 differ: %v, %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("Sources of lengths 10 and 11 give the same numbers %v", a)
	}
	if len(New(1).Trend(0)) != 0 || len(New(1).GDP(0)) != 0 {
		t.Errorf("zero lengths give values")
	}
}

func TestSourceShape(t *testing.T) {
	s := New(50)
	for range 100 {
		y := s.Trend(50)
		// The level and slope bound every value to within the noise, far
		// beyond 6 standard deviations (3 each) only with probability
		// ~1e-9 per value.
		for k, v := range y {
			if lo, hi := 50+1*float64(k)-18, 150+5*float64(k)+18; !(lo <= v && v <= hi) {
				t.Fatalf("Trend value %d is %g, outside [%g, %g]", k, v, lo, hi)
			}
		}
		g := s.GDP(25)
		if g[0] != 100 {
			t.Fatalf("GDP starts at %g, want 100", g[0])
		}
		for k := 1; k < len(g); k++ {
			if r := g[k] / g[k-1]; !(r >= 1.04-1e-15 && r < 1.10+1e-15) {
				t.Fatalf("GDP grows by %g in year %d, want [1.04, 1.10)", r, k)
			}
		}
	}
}

func TestTrendTo(t *testing.T) {
	// By hand: y = 1, 3, 2 in years 0–2: x̄ = 1, ȳ = 2, Sxx = 2, Sxy = 1,
	// b = 0.5, a = 1.5, residuals −0.5, 1, −0.5, RSS = 1.5 on 1 DF. At
	// x₀ = 3: ŷ₀ = 3 and the half-width q·sqrt(1.5)·sqrt(1 + 1/3 + 4/2) =
	// q·√5; at x₀ = 4, ŷ₀ = 3.5 and q·sqrt(1.5·(1 + 1/3 + 9/2)) = q·sqrt(8.75).
	q := 2.0
	mean, lower, upper := make([]float64, 2), make([]float64, 2), make([]float64, 2)
	TrendTo(mean, lower, upper, 0, []float64{1, 3, 2}, q)
	want := [3][]float64{
		{3, 3.5},
		{3 - q*math.Sqrt(5), 3.5 - q*math.Sqrt(8.75)},
		{3 + q*math.Sqrt(5), 3.5 + q*math.Sqrt(8.75)},
	}
	for i, got := range [3][]float64{mean, lower, upper} {
		for k := range got {
			if math.Abs(got[k]-want[i][k]) > 1e-14*math.Abs(want[i][k]) {
				t.Errorf("series %d, year %d: %.17g, want %.17g", i, k, got[k], want[i][k])
			}
		}
	}

	// An exact line from 2001: no residual, the bounds are the point.
	y := make([]float64, 20)
	for i := range y {
		y[i] = 7 - 0.25*float64(Start+i)
	}
	mean, lower, upper = make([]float64, Horizon), make([]float64, Horizon), make([]float64, Horizon)
	TrendTo(mean, lower, upper, Start, y, 2.1)
	for k := range mean {
		w := 7 - 0.25*float64(Start+20+k)
		if math.Abs(mean[k]-w) > 1e-12 || math.Abs(lower[k]-w) > 1e-12 || math.Abs(upper[k]-w) > 1e-12 {
			t.Errorf("year %d: [%g, %g, %g], want %g for all three", Start+20+k, lower[k], mean[k], upper[k], w)
		}
	}
}
