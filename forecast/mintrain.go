package forecast

// MinTrainer is implemented by methods that need more observed years than
// a backtest's MinTrain to give a forecast worth scoring: a method with p
// fitted coefficients and an estimated residual spread needs p + 2 years
// for one degree of freedom beyond the spread. Backtest and Calibrated
// start their first training window at MinTrainOf years.
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
