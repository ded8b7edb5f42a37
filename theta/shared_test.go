package theta_test

import (
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/series"
	"github.com/nonferrous/demand/theta"
)

// sharedCase is a short positive series every model of the package fits.
func sharedCase() forecasttest.Case {
	return forecasttest.Case{
		Name:     "short",
		History:  series.New("q", "t", 2000, 10, 12, 11, 14, 15, 17, 16, 19, 21, 22),
		Scenario: forecast.Scenario{Horizon: 4},
	}
}

// TestSharedErrors checks, with the kit, that theta words the bad inputs
// all methods share as every other method does.
func TestSharedErrors(t *testing.T) {
	forecasttest.CheckSharedErrors(t, theta.Method{}, forecasttest.Shared{Package: "theta"}, sharedCase())
}
