package forecast_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

func TestIntervalScoreHand(t *testing.T) {
	nan := math.NaN()
	// By hand: [8, 12] at 80 % (α = 0.2, 2/α = 10).
	for _, c := range []struct {
		y, lo, up, level, want float64
	}{
		{10, 8, 12, 0.8, 4},                // inside: the width
		{8, 8, 12, 0.8, 4},                 // on a bound: inside
		{5, 8, 12, 0.8, 4 + 10*3},          // below by 3
		{15, 8, 12, 0.8, 4 + 10*3},         // above by 3
		{15, 8, 12, 0.95, 4 + 40*3},        // 2/0.05 = 40
		{10, 10, 10, 0.5, 0},               // a point that is right
		{nan, 8, 12, 0.8, nan},             // no actual
		{10, nan, 12, 0.8, nan},            // no bound
		{10, 8, 12, 1, nan},                // no level
		{10, 8, 12, 0, nan},                //
		{10, 8, 12, nan, nan},              //
		{-1, -0.5, 0.5, 0.9, 1 + 20*0.5},   // negative values
		{1e300, -1e300, 1e300, 0.5, 2e300}, // large
	} {
		got := forecast.IntervalScore(c.y, c.lo, c.up, c.level)
		if d := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-15, 0), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("IntervalScore(%v, %v, %v, %v) (-want +got):\n%s", c.y, c.lo, c.up, c.level, d)
		}
	}
	for _, c := range []struct{ y, q, tau, want float64 }{
		{10, 8, 0.1, 0.2}, // above the quantile: τ(y − q)
		{5, 8, 0.1, 2.7},  // below: (1 − τ)(q − y)
		{8, 8, 0.9, 0},    //
		{5, 8, 0.9, 0.3},  //
		{5, 8, 0, math.NaN()},
		{5, 8, 1, math.NaN()},
		{5, math.NaN(), 0.5, math.NaN()},
	} {
		got := forecast.Pinball(c.y, c.q, c.tau)
		if d := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-15, 0), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("Pinball(%v, %v, %v) (-want +got):\n%s", c.y, c.q, c.tau, d)
		}
	}
}

// TestIntervalScoreIsPinball checks IS = (2/α)(ρ_{α/2}(y, l) + ρ_{1−α/2}(y, u))
// over a grid of actual values.
func TestIntervalScoreIsPinball(t *testing.T) {
	for _, level := range []float64{0.5, 0.8, 0.95} {
		a := 1 - level
		for y := -3.0; y <= 3; y += 0.25 {
			is := forecast.IntervalScore(y, -1, 2, level)
			qs := 2 / a * (forecast.Pinball(y, -1, a/2) + forecast.Pinball(y, 2, 1-a/2))
			if math.Abs(is-qs) > 1e-12*math.Abs(is) {
				t.Errorf("level %v, y %v: interval score %v, from the pinball losses %v", level, y, is, qs)
			}
		}
	}
}

func TestIntervalAccuracyR(t *testing.T) {
	// The 80 % interval of naive(y, h = 4, level = 80), R forecast 8.20, y
	// the series below, and the scores computed in R from their
	// definitions (M4 competition's MSIS code):
	//
	//	act <- c(780, 640, 990, 1000); a <- 0.2
	//	is <- (up - lo) + 2/a*(lo - act)*(act < lo) + 2/a*(act - up)*(act > up)
	//	mean(act >= lo & act <= up); mean(is); mean(is)/mean(abs(diff(y)))
	//	pin <- function(y, q, tau) ifelse(y >= q, tau*(y - q), (1 - tau)*(q - y))
	//	mean((pin(act, lo, a/2) + pin(act, up, 1 - a/2))/2)
	training := series.New("y", "", 1999, 374, 420, 381, 455, 502, 490, 560, 613, 598, 671, 753, 742)
	actual := series.New("y", "", 2011, 780, 640, 990, 1000)
	f := forecast.Forecast{
		Level: 0.8,
		Point: series.New("y", "", 2011, 742, 742, 742, 742),
		Lower: series.New("y", "", 2011, 673.33988203811452, 644.89992998416494, 623.07718723634184, 604.67976407622905),
		Upper: series.New("y", "", 2011, 810.66011796188548, 839.10007001583506, 860.92281276365816, 879.32023592377095),
	}
	got, err := forecast.IntervalAccuracy(actual, f, training)
	if err != nil {
		t.Fatal(err)
	}
	want := forecast.IntervalMeasures{N: 4, Level: 0.8, Coverage: 0.25, Winkler: 847.64382157441446, MSIS: 17.86222612513134, Pinball: 42.382191078720723}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}

	// A year without an actual or a bound is not scored; one year only.
	nan := math.NaN()
	f.Lower.Values[1], f.Upper.Values[2] = nan, nan
	actual.Values[3] = nan
	got, err = forecast.IntervalAccuracy(actual, f, training)
	if err != nil {
		t.Fatal(err)
	}
	if got.N != 1 || got.Coverage != 1 || math.Abs(got.Winkler-137.32023592377095) > 1e-10 {
		t.Errorf("with gaps: %+v, want N 1, coverage 1, Winkler 137.32023592377095", got)
	}

	// Errors.
	f.Upper.Values[0] = math.Inf(1)
	if _, err := forecast.IntervalAccuracy(actual, f, training); err == nil {
		t.Error("infinite bound: no error")
	}
	f.Upper.Values[0] = 810
	f.Level = 1
	if _, err := forecast.IntervalAccuracy(actual, f, training); !errors.Is(err, forecast.ErrLevel) {
		t.Errorf("level 1: %v", err)
	}
	f.Level = 0.8
	if _, err := forecast.IntervalAccuracy(series.New("y", "", 1990, 1), f, training); !errors.Is(err, forecast.ErrNoOverlap) {
		t.Errorf("no overlap: %v", err)
	}
}
