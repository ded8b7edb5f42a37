package plotting

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// yearTicks marks whole years, labelled as integers ("2005"), at a step of
// 1, 2, 5, 10, 20, 25, 50, 100, 200, 500 or 1000 years giving at most
// labels labels (6 if labels is zero), with unlabelled minor ticks
// between.
type yearTicks struct{ labels int }

func (t yearTicks) Ticks(lo, hi float64) []plot.Tick {
	most := t.labels
	if most <= 0 {
		most = 6
	}
	span := hi - lo
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000} {
		step = s
		if span/float64(s) <= float64(most) {
			break
		}
	}
	minor := 1
	switch {
	case step >= 10:
		minor = step / 5
		if step == 25 {
			minor = 5
		}
	case step == 2:
		minor = 1
	}
	var ticks []plot.Tick
	first := int(math.Ceil(lo/float64(minor))) * minor
	for y := first; float64(y) <= hi; y += minor {
		t := plot.Tick{Value: float64(y)}
		if y%step == 0 {
			t.Label = strconv.Itoa(y)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// yearLabels returns how many year labels fit apart on a panel of width
// w: the width less the y-axis (about 45 points), over the width of
// a label ("2000" at 10 points) and a gap of 0.6 of it, between 1 and 6.
func yearLabels(fs fontSet, w vg.Length) int {
	lw := fs.style(10).Width("2000")
	n := int((w - vg.Points(45)) / (1.6 * lw))
	return min(max(n, 1), 6)
}

// valueTicks marks round values — 1, 2, 2.5 or 5 times a power of ten
// apart, 4 to 10 of them over the range — labelled in plain decimal
// notation without exponents, with one unlabelled minor tick between.
type valueTicks struct{}

func (valueTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	raw := (hi - lo) / 5
	mag := math.Floor(math.Log10(raw))
	pow := math.Pow(10, mag)
	step := 10 * pow
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*pow >= raw*0.75 {
			step = m * pow
			break
		}
	}
	prec := 0
	if mag < 0 {
		prec = int(-mag)
	}
	if math.Abs(step/pow-2.5) < 1e-9 {
		prec++
		if mag >= 1 {
			prec = max(0, prec-1)
		}
	}
	var ticks []plot.Tick
	half := step / 2
	first := math.Ceil(lo/half) * half
	for k := 0; ; k++ {
		v := first + float64(k)*half
		if v > hi+1e-9*step {
			break
		}
		t := plot.Tick{Value: v}
		if r := math.Round(v / step); math.Abs(v/step-r) < 1e-6 {
			t.Value = r * step
			t.Label = strconv.FormatFloat(t.Value, 'f', prec, 64)
			if t.Label == "-0" {
				t.Label = "0"
			}
		}
		ticks = append(ticks, t)
	}
	return ticks
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
