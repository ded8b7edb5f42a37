package regression

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// TestMethodErrorPrefixOnce checks that the errors of Fit that wrap an
// error of the line fit give the package name once, and still wrap the
// package's error.
func TestMethodErrorPrefixOnce(t *testing.T) {
	nan := math.NaN()
	flat := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 2, 2, 2)}
	for _, tc := range []struct {
		name    string
		m       Method
		h       series.Series
		want    error
		mention string
	}{
		{"one observed year, trend", Method{Spec: Linear}, series.New("cu", "", 2000, nan, nan, 3), forecast.ErrTooFew, "cu"},
		{"one observed year, log trend", Method{Spec: LogLinear}, series.New("cu", "", 2000, nan, nan, 3), forecast.ErrTooFew, "cu"},
		{"one observed year, on the driver", Method{}, series.New("cu", "", 2000, nan, nan, 3), forecast.ErrTooFew, "cu"},
		{"constant driver", Method{}, series.New("cu", "", 2000, 1, 2, 3), lsq.ErrSingular, "spec ondriver"},
		{"infinite value", Method{Spec: Linear}, series.New("cu", "", 2000, 1, math.Inf(1), 3), forecast.ErrNotFinite, "2001"},
		{"one weighted year", Method{Weights: series.New("w", "", 2000, 0, 0, 1)}, series.New("cu", "", 2000, 1, 2, 3), forecast.ErrTooFew, "nonzero weight"},
	} {
		_, err := tc.m.Fit(tc.h, flat)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want one wrapping %v", tc.name, err, tc.want)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "regression: ") || strings.Count(msg, "regression:") != 1 || !strings.Contains(msg, tc.mention) {
			t.Errorf("%s: error %q, want the package name once, at the start, and %q", tc.name, msg, tc.mention)
		}
	}
}

// TestOverflowingFitNotFinite checks that a history whose line fit
// overflows is an error wrapping forecast.ErrNotFinite that names no
// package but regression.
func TestOverflowingFitNotFinite(t *testing.T) {
	h := series.New("cu", "", 2000, 1e308, -1e308, 1e308, -1e308)
	d := forecast.Drivers{forecast.GDP: series.New(forecast.GDP, "", 2000, 1, 2, 3, 4)}
	for _, m := range []Method{{Spec: Linear}, {}} {
		_, err := m.Fit(h, d)
		if !errors.Is(err, forecast.ErrNotFinite) {
			t.Errorf("%s: error %v, want one wrapping forecast.ErrNotFinite", m.Name(), err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, `regression: series "cu": value not finite: the fit overflows`) || strings.Contains(msg, "lsq") {
			t.Errorf("%s: error %q, want it to name regression alone", m.Name(), msg)
		}
	}
}
