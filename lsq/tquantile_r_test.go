package lsq_test

import (
	"math"
	"sync"
	"testing"

	"github.com/nonferrous/demand/lsq"
)

// TestTQuantileR checks TQuantile against R, computed and then from the
// cache, from several goroutines at once.
func TestTQuantileR(t *testing.T) {
	// Values from R 4.2.2: sprintf("%.17g", c(qt(0.975, 18), qt(0.95, 1),
	// qt(0.75, 3), qt(0.995, 200))).
	for _, c := range []struct {
		level float64
		df    int
		want  float64
	}{
		{0.95, 18, 2.1009220402410382},
		{0.9, 1, 6.3137515146750376},
		{0.5, 3, 0.76489232840434518},
		{0.99, 200, 2.6006344361915481},
	} {
		// Twice: computed, then from the cache, from several goroutines.
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for range 2 {
					if got := lsq.TQuantile(c.level, c.df); math.Abs(got-c.want) > 1e-10*c.want {
						t.Errorf("TQuantile(%g, %d) = %.17g, want %.17g", c.level, c.df, got, c.want)
					}
				}
			})
		}
		wg.Wait()
	}
	for _, c := range []struct {
		level float64
		df    int
	}{{0, 5}, {1, 5}, {math.NaN(), 5}, {-0.5, 5}, {0.95, 0}, {0.95, -1}} {
		if got := lsq.TQuantile(c.level, c.df); !math.IsNaN(got) {
			t.Errorf("TQuantile(%g, %d) = %g, want NaN", c.level, c.df, got)
		}
	}
}
