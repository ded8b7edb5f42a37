package regression

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/internal/lmref"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

// refitData is a history with its drivers and scenario.
type refitData struct {
	name string
	h    series.Series
	d    forecast.Drivers
	s    forecast.Scenario
}

func refitDataSets() []refitData {
	gdp, _ := planGDP().Window(2000, 2010)
	long := series.New("y", "t", lmref.Start, lmref.Y...)
	gaps := long.Clone()
	gaps.Values[2], gaps.Values[7], gaps.Values[8] = math.NaN(), math.NaN(), math.NaN()
	longDrv := forecast.Drivers{forecast.GDP: series.New("gdp", "", lmref.Start, lmref.D...)}
	longScn := forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: series.New("gdp", "", 2021, lmref.FD...)}}
	short, _ := long.Window(2016, 2020)
	return []refitData{
		{"plan copper", copperHistory(), forecast.Drivers{forecast.GDP: gdp}, planScenario()},
		{"long", long, longDrv, longScn},
		{"long with gaps", gaps, longDrv, longScn},
		{"short", short, longDrv, forecast.Scenario{Horizon: 3, Drivers: longScn.Drivers}},
	}
}

func refitMethods() []Method {
	return []Method{
		{},
		{Spec: Linear},
		{Spec: LogLinear},
		{Spec: LogLinear, BiasAdjust: true},
		{Spec: LogLog},
		{Spec: Linear, Weights: series.New("w", "", lmref.Start, lmref.W()...)},
	}
}

// TestClosedFormMatchesQR checks that the forecasts of the closed-form
// fit (lsq.Line) agree with the QR fit of OLS to 1e-12: the points (but for
// the log-normal mean of BiasAdjust, which QR does not give) and the
// bounds. (That a refit model's ForecastTo gives exactly what a fresh Fit
// and Forecast give, without allocating, is checked by the forecasttest kit
// in TestConformance, on the same data sets.)
func TestClosedFormMatchesQR(t *testing.T) {
	for _, m := range refitMethods() {
		for _, level := range []float64{0.95, 0.8} {
			for _, dat := range refitDataSets() {
				if m.Weights.Len() > 0 && dat.h.Start != lmref.Start {
					continue
				}
				fresh, err := m.Fit(dat.h, dat.d)
				if err != nil {
					t.Fatalf("%s %s: Fit: %v", m.Name(), dat.name, err)
				}
				want, err := fresh.Forecast(dat.s, level)
				if err != nil {
					t.Fatalf("%s %s: Forecast: %v", m.Name(), dat.name, err)
				}
				if diff := cmp.Diff(qrForecast(t, m, fresh.(*Model), dat.s, level), want.Point.Values[:len(want.Point.Values):len(want.Point.Values)],
					cmpopts.EquateApprox(1e-12, 0), cmpopts.EquateNaNs()); diff != "" && !m.BiasAdjust {
					t.Errorf("%s %s level %g: closed form differs from QR (-want +got):\n%s", m.Name(), dat.name, level, diff)
				}
				qrLower, qrUpper := qrBounds(t, m, fresh.(*Model), dat.s, level)
				if diff := cmp.Diff([][]float64{qrLower, qrUpper}, [][]float64{want.Lower.Values, want.Upper.Values},
					cmpopts.EquateApprox(1e-12, 0), cmpopts.EquateNaNs()); diff != "" {
					t.Errorf("%s %s level %g: closed-form bounds differ from QR (-want +got):\n%s", m.Name(), dat.name, level, diff)
				}
			}
		}
	}
}

// qrRows returns the design rows of the forecast years.
func qrRows(t *testing.T, m Method, mod *Model, s forecast.Scenario) [][]float64 {
	t.Helper()
	from, to := s.Years(mod.end)
	var rows [][]float64
	for yr := from; yr <= to; yr++ {
		x := float64(yr)
		if m.Spec.usesDriver() {
			d, err := forecast.DriverValue(m.driver(), mod.drivers, s, yr)
			if err != nil {
				t.Fatal(err)
			}
			x = d
			if m.Spec == LogLog {
				x = math.Log(d)
			}
		}
		rows = append(rows, []float64{1, x})
	}
	return rows
}

func qrPredict(t *testing.T, m Method, mod *Model, s forecast.Scenario, level float64) (mean, lower, upper []float64) {
	t.Helper()
	f := mod.OLS()
	for _, row := range qrRows(t, m, mod, s) {
		mu, lo, up, err := f.Predict(row, level)
		if err != nil {
			t.Fatal(err)
		}
		if m.Spec.logY() {
			mu, lo, up = math.Exp(mu), math.Exp(lo), math.Exp(up)
		}
		mean, lower, upper = append(mean, mu), append(lower, lo), append(upper, up)
	}
	return mean, lower, upper
}

func qrForecast(t *testing.T, m Method, mod *Model, s forecast.Scenario, level float64) []float64 {
	mean, _, _ := qrPredict(t, m, mod, s, level)
	return mean
}

func qrBounds(t *testing.T, m Method, mod *Model, s forecast.Scenario, level float64) (lower, upper []float64) {
	_, lower, upper = qrPredict(t, m, mod, s, level)
	return lower, upper
}

// TestRefitError checks that Fit and a failed Refit of a log-linear
// model to a history with a negative value give the same forecast.ErrNonPositive, and
// that the model then refuses to forecast with forecast.ErrNotFitted and has no OLS fit.
// (That a failed Refit gives Fit's error and leaves nothing stale, and
// that the next Refit recovers, is checked by the forecasttest kit in
// TestConformance on its bad histories.)
func TestRefitError(t *testing.T) {
	dat := refitDataSets()[1]
	bad := dat.h.Clone()
	bad.Values[4] = -1
	mod := forecasttest.CheckFailedRefit(t, Method{Spec: LogLinear}, dat.h, bad, dat.d, dat.s, forecast.ErrNonPositive)
	if _, err := mod.Forecast(dat.s, 0.95); !errors.Is(err, forecast.ErrNotFitted) {
		t.Errorf("Forecast after a failed Refit: error %v, want forecast.ErrNotFitted", err)
	}
	if f := mod.(*Model).OLS(); f != nil {
		t.Errorf("OLS after a failed Refit: %v, want nil", f)
	}
}

// TestLineLeverage checks Leverage against the QR fit's x₀ᵀ(RᵀR)⁻¹x₀.
func TestLineLeverage(t *testing.T) {
	var l lsq.Line
	if !math.IsNaN(l.Leverage(1)) {
		t.Errorf("Leverage of an empty Line: %v, want NaN", l.Leverage(1))
	}
	x := make([]float64, len(lmref.D))
	copy(x, lmref.D)
	if err := l.Fit(x, lmref.Y, lmref.W()); err != nil {
		t.Fatal(err)
	}
	mod, err := Method{Spec: OnDriver, Weights: series.New("w", "", lmref.Start, lmref.W()...)}.Fit(
		series.New("y", "", lmref.Start, lmref.Y...), forecast.Drivers{forecast.GDP: series.New("gdp", "", lmref.Start, lmref.D...)})
	if err != nil {
		t.Fatal(err)
	}
	f := mod.(*Model).OLS()
	for _, x0 := range []float64{0.5, 2.2, 5.25} {
		want := f.Leverage([]float64{1, x0})
		if got := l.Leverage(x0); math.Abs(got-want) > 1e-12*want {
			t.Errorf("Leverage(%g) = %.17g, want %.17g", x0, got, want)
		}
	}
}

// TestNoFitAfterFailedRefit checks that a model whose last Refit failed
// reports nothing stale: no parameters, no Fit, and errors from Forecast
// and ForecastTo saying it holds no fit.
func TestNoFitAfterFailedRefit(t *testing.T) {
	dat := refitDataSets()[1]
	for _, m := range refitMethods() {
		fitted, err := m.Fit(dat.h, dat.d)
		if err != nil {
			t.Fatal(err)
		}
		mod := fitted.(*Model)
		if mod.Parameters() == nil {
			t.Fatalf("%s: no parameters after a successful Fit", m.Name())
		}
		bad := dat.h.Clone()
		bad.Values[len(bad.Values)-1] = math.NaN()
		if err := mod.Refit(bad, dat.d); err == nil {
			t.Fatalf("%s: Refit of a history whose last year is missing: no error", m.Name())
		}
		if p := mod.Parameters(); p != nil {
			t.Errorf("%s: Parameters after a failed Refit = %v, want nil", m.Name(), p)
		}
		if f := mod.OLS(); f != nil {
			t.Errorf("%s: OLS after a failed Refit = %v, want nil", m.Name(), f)
		}
		var dst forecast.Forecast
		for _, err := range []error{
			func() error { _, err := mod.Forecast(dat.s, 0.95); return err }(),
			mod.ForecastTo(&dst, dat.s, 0.95),
		} {
			if !errors.Is(err, forecast.ErrNotFitted) || !strings.Contains(err.Error(), "holds no fit") {
				t.Errorf("%s: forecast after a failed Refit: error %v, want forecast.ErrNotFitted saying the model holds no fit", m.Name(), err)
			}
		}
	}
}
