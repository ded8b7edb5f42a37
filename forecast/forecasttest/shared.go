package forecasttest

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// Shared describes, for CheckSharedErrors, what a method demands of its
// input.
type Shared struct {
	// Package is the name the method's errors start with, such as
	// "regression".
	Package string
	// Positive says that the method rejects a history value that is not
	// positive (it takes a logarithm or divides by it).
	Positive bool
	// Driver names the driver the method needs, "" if none.
	Driver string
}

// CheckSharedErrors checks that m rejects the bad inputs every method
// shares with the errors of package forecast, worded exactly as every
// other method words them but for the package name: a history that is
// empty, whose last year is missing, that holds an infinite value or a
// single observed year, that is not positive where the method needs it to
// be (Shared.Positive), a driver that is absent (Shared.Driver), a level
// outside (0, 1) and a horizon below 1, and, for models that are
// forecast.Refitters, a model whose last Refit failed. c is a case m fits
// and forecasts; its history must have at least three years, observed and
// positive, so that the kit can spoil them.
func CheckSharedErrors(t *testing.T, m forecast.Method, sh Shared, c Case) {
	t.Helper()
	h := c.History
	if h.Len() < 3 {
		t.Fatalf("CheckSharedErrors: the history of case %q has %d years, need 3", c.Name, h.Len())
	}
	h.Name = "bad"
	end, p := h.End(), sh.Package
	spoil := func(f func(v []float64)) series.Series {
		s := h.Clone()
		f(s.Values)
		return s
	}
	last := len(h.Values) - 1
	type fitCase struct {
		name string
		h    series.Series
		d    forecast.Drivers
		is   error
		want string // the whole message, or its start when prefix is set
		pre  bool
	}
	cases := []fitCase{
		{"empty", series.Series{Name: "bad"}, c.Drivers, series.ErrEmpty, p + `: series "bad": series: empty series`, false},
		{"last year missing", spoil(func(v []float64) { v[last] = math.NaN() }), c.Drivers, forecast.ErrLastMissing,
			p + `: series "bad", year ` + strconv.Itoa(end) + `: last year missing`, false},
		{"infinite value", spoil(func(v []float64) { v[1] = math.Inf(1) }), c.Drivers, forecast.ErrNotFinite,
			p + `: series "bad", year ` + strconv.Itoa(h.Start+1) + `: value not finite: +Inf`, false},
		{"one observed year", spoil(func(v []float64) {
			for i := range v[:last] {
				v[i] = math.NaN()
			}
		}), c.Drivers, forecast.ErrTooFew, p + `: series "bad": too few observed years: need `, true},
	}
	if sh.Positive {
		cases = append(cases, fitCase{"zero", spoil(func(v []float64) { v[last] = 0 }), c.Drivers, forecast.ErrNonPositive,
			p + `: series "bad", year ` + strconv.Itoa(end) + `: value not positive: 0`, false})
	}
	if sh.Driver != "" {
		d := make(forecast.Drivers)
		for k, v := range c.Drivers {
			if k != sh.Driver {
				d[k] = v
			}
		}
		cases = append(cases, fitCase{"driver missing", h, d, forecast.ErrMissingDriver, p + `: driver missing: "` + sh.Driver + `"`, false})
	}
	for _, fc := range cases {
		_, err := m.Fit(fc.h, fc.d)
		checkMessage(t, fc.name, err, fc.is, fc.want, fc.pre)
	}

	mod, err := m.Fit(h, c.Drivers)
	if err != nil {
		t.Fatalf("Fit of case %q: %v", c.Name, err)
	}
	_, err = mod.Forecast(c.Scenario, 1.5)
	checkMessage(t, "level 1.5", err, forecast.ErrLevel, p+": interval level must be in (0, 1): have 1.5", false)
	s0 := c.Scenario
	s0.Horizon = 0
	_, err = mod.Forecast(s0, 0.9)
	checkMessage(t, "horizon 0", err, forecast.ErrHorizon, p+": horizon must be from 1 to 1000 years: have 0", false)
	for _, hz := range []int{forecast.HorizonLimit + 1, math.MaxInt} {
		s0.Horizon = hz
		_, err = mod.Forecast(s0, 0.9)
		checkMessage(t, fmt.Sprintf("horizon %d", hz), err, forecast.ErrHorizon, fmt.Sprintf("%s: horizon must be from 1 to 1000 years: have %d", p, hz), false)
	}
	if r, ok := mod.(forecast.Refitter); ok {
		if r.Refit(spoil(func(v []float64) { v[last] = math.NaN() }), c.Drivers) == nil {
			t.Errorf("Refit with the last year missing: no error")
		}
		_, err = r.Forecast(c.Scenario, 0.9)
		checkMessage(t, "after a failed Refit", err, forecast.ErrNotFitted, p+": model holds no fit", false)
	}
}

// checkMessage reports whether err wraps is and reads want (or starts with
// it, when prefix is set).
func checkMessage(t *testing.T, name string, err, is error, want string, prefix bool) {
	t.Helper()
	switch {
	case !errors.Is(err, is):
		t.Errorf("%s: error %v, want one wrapping %q", name, err, is)
	case prefix && !strings.HasPrefix(err.Error(), want):
		t.Errorf("%s: error %q, want it to start %q", name, err, want)
	case !prefix && err.Error() != want:
		t.Errorf("%s: error %q, want %q", name, err, want)
	}
}

// CheckDistinctNames checks that the methods, variants of one method, have
// distinct names, and so give forecasts that forecast.WriteCSV writes as
// distinct blocks (read back by forecast.ReadCSV as one forecast each) and
// forecast.Combine takes as distinct members; and that Combine rejects two
// members that share a name. Every method must fit and forecast case c.
func CheckDistinctNames(t *testing.T, c Case, methods ...forecast.Method) {
	t.Helper()
	if len(methods) < 2 {
		t.Fatalf("CheckDistinctNames: %d methods, need at least 2", len(methods))
	}
	seen := make(map[string]int)
	var fs []forecast.Forecast
	for i, m := range methods {
		name := m.Name()
		if j, ok := seen[name]; ok {
			t.Errorf("methods %d and %d are both named %q", j, i, name)
		}
		seen[name] = i
		mod, err := m.Fit(c.History, c.Drivers)
		if err != nil {
			t.Fatalf("%s: Fit: %v", name, err)
		}
		f, err := mod.Forecast(c.Scenario, 0.8)
		if err != nil {
			t.Fatalf("%s: Forecast: %v", name, err)
		}
		if f.Method != name {
			t.Errorf("forecast of %q has Method %q", name, f.Method)
		}
		fs = append(fs, f)
	}
	var buf bytes.Buffer
	if err := forecast.WriteCSV(&buf, fs...); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	back, err := forecast.ReadCSV(&buf)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	if len(back) != len(fs) {
		t.Errorf("WriteCSV of %d forecasts reads back as %d", len(fs), len(back))
	}
	comb, err := forecast.Combine("", nil, fs...)
	if err != nil {
		t.Fatalf("Combine: %v", err)
	}
	if len(comb.Members) != len(fs) {
		t.Errorf("Combine has %d members, want %d", len(comb.Members), len(fs))
	}
	if _, err := forecast.Combine("", nil, fs[0], fs[0]); !errors.Is(err, forecast.ErrDuplicate) {
		t.Errorf("Combine of one forecast twice: error %v, want one wrapping forecast.ErrDuplicate", err)
	}
}

// CheckFitError fails t (with Fatal) unless m.Fit(h, d) returns an error,
// and (with Errorf) unless that error wraps want, if want is not nil. It
// returns the error, for the method's own checks of its wording.
func CheckFitError(t *testing.T, m forecast.Method, h series.Series, d forecast.Drivers, want error) error {
	t.Helper()
	mod, err := m.Fit(h, d)
	if err == nil {
		t.Fatalf("Fit returned a model %v and no error", mod)
	}
	if want != nil && !errors.Is(err, want) {
		t.Errorf("error %q does not wrap %q", err, want)
	}
	return err
}
