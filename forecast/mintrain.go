package forecast

import (
	"errors"
	"fmt"
)

// MinTrainer is implemented by methods that need more observed years than
// a backtest's MinTrain to give a forecast worth scoring: a method with p
// fitted coefficients and an estimated residual spread needs p + 2 years
// for one degree of freedom beyond the spread. Backtest starts its first
// training window at MinTrainOf years, Calibrated by default
// CalibrationMargin years later.
type MinTrainer interface {
	// MinTrain returns the fewest observed years the method should be
	// backtested from.
	MinTrain() int
}

// MinTrainOf returns the first training window's length in observed years
// for a backtest of m asked for minTrain years (0 or less meaning
// DefaultMinTrain): the larger of that and m's MinTrain if m is a
// MinTrainer.
func MinTrainOf(m Method, minTrain int) int {
	if minTrain <= 0 {
		minTrain = DefaultMinTrain
	}
	if mt, ok := m.(MinTrainer); ok {
		minTrain = max(minTrain, mt.MinTrain())
	}
	return minTrain
}

// MinTrain returns the wrapped method's MinTrainOf.
func (c calibrated) MinTrain() int { return MinTrainOf(c.m, c.set.MinTrain) }

// ErrLookAhead is returned (wrapped) by Backtest and by the Fit of a
// Calibrated method for a method that is a Judgment: its forecasts were
// made after the history ended, so a backtest from an earlier origin would
// use knowledge of the years it is scored on.
var ErrLookAhead = errors.New("forecast: a judgment made after the history cannot be backtested")

// Judgment is implemented by methods whose forecasts are judgments made at
// one time for given years (an expert panel), not a rule that can be
// applied at an earlier origin. Backtest and Calibrated refuse them.
type Judgment interface {
	// Judgment reports whether the method's forecasts are judgments.
	Judgment() bool
}

// checkJudgment returns an error wrapping ErrLookAhead if m is a Judgment.
func checkJudgment(m Method) error {
	if j, ok := m.(Judgment); ok && j.Judgment() {
		return fmt.Errorf("%w: %s", ErrLookAhead, m.Name())
	}
	return nil
}
