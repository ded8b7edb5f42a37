package theta_test

import (
	"testing"

	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/smoothtest"
	"github.com/nonferrous/demand/theta"
)

// TestSharedErrors checks, with the kit, that theta words the bad inputs
// all methods share as every other method does.
func TestSharedErrors(t *testing.T) {
	forecasttest.CheckSharedErrors(t, theta.Method{}, forecasttest.Shared{Package: "theta"}, smoothtest.SharedCase())
}
