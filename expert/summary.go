package expert

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"golang.org/x/exp/stats"
)

// Quantiles returns the quantiles qs of values, weighted by weights.
//
// With weights nil, or all equal, it is stats.Quantiles: the
// Hyndman–Fan type 7 quantile (R's default), which places the k-th
// smallest of n values at probability (k−1)/(n−1) and interpolates
// linearly between them.
//
// With unequal weights, the weights are scaled to average 1 (w_(k) for
// the k-th smallest value x_(k), Σ w = n) and x_(k) is placed at the
// middle of its block of cumulative weight, shifted as type 7 shifts:
//
//	m_k = (C_k − w_(k)/2 − 1/2)/(n − 1),   C_k = w_(1) + … + w_(k).
//
// Positions outside [0, 1] are taken as 0 or 1, so that the quantile at
// 0 is the smallest value and at 1 the largest. The quantile at q
// interpolates linearly between the values at the m_k on either side of
// q, and is x_(1) for q ≤ m_1 and x_(n) for q ≥ m_n.
// Equal weights give m_k = (k−1)/(n−1): type 7 again, and the quantiles
// move continuously as the weights move away from equality. A heavy value
// pulls the quantiles towards it wherever it stands — with values 100 and
// 200 weighted 1 and 99 the median is 199 — and a value of weight zero
// drops out. A value's weight is not the same as repeating it.
//
// Quantiles panics if values is empty, if weights is not nil and has a
// different length, if a weight is negative, NaN or infinite, or all are
// zero, or if a quantile lies outside [0, 1]. A NaN value gives NaN
// quantiles.
func Quantiles(values, weights []float64, qs ...float64) []float64 {
	if len(values) == 0 {
		panic("expert: Quantiles of no values")
	}
	if weights != nil && len(weights) != len(values) {
		panic("expert: Quantiles: length mismatch")
	}
	var total float64
	for _, w := range weights {
		if !(w >= 0) || math.IsInf(w, 1) {
			panic("expert: Quantiles: weights must be finite and non-negative")
		}
		total += w
	}
	if weights != nil && !(total > 0) {
		panic("expert: Quantiles: weights must not all be zero")
	}
	for _, q := range qs {
		checkQ(q)
	}
	if weights == nil || allEqual(weights) {
		return stats.Quantiles(values, qs...)
	}
	res := make([]float64, len(qs))
	for _, v := range values {
		if math.IsNaN(v) {
			for i := range res {
				res[i] = math.NaN()
			}
			return res
		}
	}
	// The values of non-zero weight, sorted.
	idx := make([]int, 0, len(values))
	for i, w := range weights {
		if w > 0 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return values[idx[a]] < values[idx[b]] })
	n := len(idx)
	x := make([]float64, n)
	m := make([]float64, n)
	scale := float64(n) / total // weights scaled to average 1
	var cum float64
	for k, i := range idx {
		w := weights[i] * scale
		cum += w
		x[k] = values[i]
		m[k] = cum - w/2 - 0.5
		if n > 1 {
			m[k] /= float64(n - 1)
		}
	}
	for k := range m {
		m[k] = min(max(m[k], 0), 1)
	}
	for i, q := range qs {
		k := sort.SearchFloat64s(m, q) // first m_k ≥ q
		switch {
		case q <= m[0]:
			res[i] = x[0]
		case q >= m[n-1]:
			res[i] = x[n-1]
		case m[k] == q:
			res[i] = x[k]
		default:
			f := (q - m[k-1]) / (m[k] - m[k-1])
			res[i] = x[k-1] + f*(x[k]-x[k-1])
		}
	}
	return res
}

func checkQ(q float64) {
	if !(q >= 0 && q <= 1) {
		panic("expert: Quantiles: quantile outside [0, 1]")
	}
}

func allEqual(w []float64) bool {
	for _, v := range w[1:] {
		if v != w[0] {
			return false
		}
	}
	return true
}

// Summary describes one Delphi round's judgments of one year.
type Summary struct {
	Year, Round int
	N           int     // number of judgments
	Weight      float64 // total weight

	// Lower quartile, median and upper quartile of the most likely
	// values, weighted as by Quantiles.
	Q1, Median, Q3 float64
	// PERT is the weighted mean of the judgments' PERT means
	// (L + 4M + H)/6.
	PERT float64
	// Low and High are the smallest low and the largest high judged.
	Low, High float64
	// Spread is the relative interquartile range (Q3 − Q1)/|Median|; NaN
	// when the median is 0.
	Spread float64
}

// Summarize validates js and summarises the judgments of year, one
// Summary a round in increasing round order. It returns an error wrapping
// ErrNoJudgments if no judgment is for year.
func Summarize(js []Judgment, year int) ([]Summary, error) {
	if err := Validate(js); err != nil {
		return nil, err
	}
	byRound := make(map[int][]Judgment)
	for _, j := range js {
		if j.Year == year {
			byRound[j.Round] = append(byRound[j.Round], j)
		}
	}
	if len(byRound) == 0 {
		var years []int
		for _, j := range js {
			if !slices.Contains(years, j.Year) {
				years = append(years, j.Year)
			}
		}
		slices.Sort(years)
		judged := "the panel is empty"
		if len(years) > 0 {
			judged = "the panel judges " + strings.ReplaceAll(strings.Trim(fmt.Sprint(years), "[]"), " ", ", ")
		}
		return nil, fmt.Errorf("expert: %w for %d: %s", ErrNoJudgments, year, judged)
	}
	rounds := make([]int, 0, len(byRound))
	for r := range byRound {
		rounds = append(rounds, r)
	}
	slices.Sort(rounds)
	out := make([]Summary, len(rounds))
	for i, r := range rounds {
		out[i] = summarize(byRound[r])
	}
	return out, nil
}

// summarize summarises valid judgments of one year and round.
func summarize(js []Judgment) Summary {
	s := Summary{Year: js[0].Year, Round: js[0].Round, N: len(js), Low: math.Inf(1), High: math.Inf(-1)}
	likely := make([]float64, len(js))
	w := make([]float64, len(js))
	var pert float64
	for i, j := range js {
		likely[i], w[i] = j.Likely, j.W()
		s.Weight += w[i]
		pert += w[i] * j.PERT()
		s.Low = math.Min(s.Low, j.Low)
		s.High = math.Max(s.High, j.High)
	}
	s.PERT = pert / s.Weight
	q := Quantiles(likely, w, 0.25, 0.5, 0.75)
	s.Q1, s.Median, s.Q3 = q[0], q[1], q[2]
	s.Spread = math.NaN()
	if s.Median != 0 {
		s.Spread = (s.Q3 - s.Q1) / math.Abs(s.Median)
	}
	return s
}

// Change is the movement of the panel between two consecutive rounds.
type Change struct {
	From, To int // rounds
	// Median is the relative change of the median, |m_To − m_From|/|m_From|
	// (NaN when m_From is 0).
	Median float64
	// Spread is the change of the spread, s_To − s_From: negative when the
	// panel converges.
	Spread float64
}

// Convergence returns the changes between consecutive summaries of rounds
// (as returned by Summarize): len(rounds)−1 of them.
func Convergence(rounds []Summary) []Change {
	if len(rounds) < 2 {
		return nil
	}
	c := make([]Change, len(rounds)-1)
	for i := range c {
		a, b := rounds[i], rounds[i+1]
		m := math.NaN()
		if a.Median != 0 {
			m = math.Abs(b.Median-a.Median) / math.Abs(a.Median)
		}
		c[i] = Change{From: a.Round, To: b.Round, Median: m, Spread: b.Spread - a.Spread}
	}
	return c
}

// Stop is a stopping rule for a Delphi process. A field ≤ 0 disables its
// criterion, so the zero Stop never stops.
type Stop struct {
	// MaxSpread stops at the first round whose spread (Q3 − Q1)/median
	// is at most MaxSpread: the panel agrees.
	MaxSpread float64
	// MinChange stops at the first round after the first whose median
	// moved, relative to the previous round's, by at most MinChange: the
	// panel's view is stable.
	MinChange float64
}

// Reason tells which criteria of a Stop were met; it is a bit set.
type Reason uint8

const (
	// Consensus: the spread is at most Stop.MaxSpread.
	Consensus Reason = 1 << iota
	// Stable: the relative change of the median is at most Stop.MinChange.
	Stable
)

// None is the Reason of a process that met no criterion.
const None Reason = 0

// String returns the lower-case name of the reason: "none", "consensus",
// "stable" or "consensus+stable".
func (r Reason) String() string {
	if int(r) >= len(reasonNames) {
		return fmt.Sprintf("Reason(%d)", uint8(r))
	}
	return reasonNames[r]
}

var reasonNames = [...]string{None: "none", Consensus: "consensus", Stable: "stable", Consensus | Stable: "consensus+stable"}

// Check applies the rule to summaries of successive rounds, as returned
// by Summarize. It returns the first round at which a criterion is met,
// with every criterion met there, or, when none is met, the last round
// with None: the process has not converged and would go on. Check
// returns 0, None for no rounds.
func (s Stop) Check(rounds []Summary) (round int, why Reason) {
	for i, r := range rounds {
		if s.MaxSpread > 0 && r.Spread <= s.MaxSpread {
			why |= Consensus
		}
		if i > 0 && s.MinChange > 0 {
			prev := rounds[i-1].Median
			if prev != 0 && math.Abs(r.Median-prev)/math.Abs(prev) <= s.MinChange {
				why |= Stable
			}
		}
		if why != None {
			return r.Round, why
		}
	}
	if len(rounds) == 0 {
		return 0, None
	}
	return rounds[len(rounds)-1].Round, None
}
