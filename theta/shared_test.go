package theta_test

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/smoothtest"
	"github.com/nonferrous/demand/series"
	"github.com/nonferrous/demand/theta"
)

// TestSharedErrors checks, with the kit, that theta words the bad inputs
// all methods share as every other method does.
func TestSharedErrors(t *testing.T) {
	forecasttest.CheckSharedErrors(t, theta.Method{}, forecasttest.Shared{Package: "theta"}, smoothtest.SharedCase())
}

// TestMinTrain checks that a backtest of Theta starts from the four
// observed years it is fit from.
func TestMinTrain(t *testing.T) {
	h := series.New("q", "t", 2000, 10, 12, 11, 14, 15, 17, 16)
	if _, err := forecast.Backtest(theta.Method{}, h, nil, 2, forecast.BacktestSettings{}); err != nil {
		t.Error(err)
	}
}
