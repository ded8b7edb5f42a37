package intensity

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/forecast/forecasttest"
	"github.com/nonferrous/demand/lsq"
	"github.com/nonferrous/demand/series"
)

type refitCase struct {
	name string
	h    series.Series
	d    forecast.Drivers
	s    forecast.Scenario
}

func refitCases() []refitCase {
	hm, dm, sm := malenbaumData()
	gaps := hm.Clone()
	gaps.Values[1] = math.NaN()
	two := series.New("copper", "10kt", 2005, 374, math.NaN(), math.NaN(), math.NaN(), math.NaN(), 753)
	return []refitCase{
		{"copper", copper(), planDrivers(), planScenario()},
		{"inverted-u", hm, dm, sm},
		{"inverted-u with a gap", gaps, dm, sm},
		{"two points", two, planDrivers(), planScenario()},
	}
}

// TestRefitMatchesFit checks that one model refit over several data sets
// reports the intensity path of a fresh Fit, and that the closed-form log
// trend agrees with the QR fit (Fitted) to 1e-12. (Its forecasts, through
// ForecastTo, and its allocations are checked by the forecasttest kit in
// TestConformance.)
func TestRefitMatchesFit(t *testing.T) {
	for _, m := range []Method{{}, {Trajectory: CAGR}, {Trajectory: Malenbaum}} {
		var mod forecast.Refitter
		for _, c := range refitCases() {
			fresh, err := m.Fit(c.h, c.d)
			if err != nil {
				if m.Trajectory == Malenbaum {
					continue // not every case has population or three years
				}
				t.Fatalf("%s %s: Fit: %v", m.Name(), c.name, err)
			}
			if mod == nil {
				mod = fresh.(forecast.Refitter)
			} else if err := mod.Refit(c.h, c.d); err != nil {
				t.Fatalf("%s %s: Refit: %v", m.Name(), c.name, err)
			}
			if diff := cmp.Diff(fresh.(*Model).Intensity(), mod.(*Model).Intensity(), cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("%s %s: Intensity (-fresh +refit):\n%s", m.Name(), c.name, diff)
			}
			if m.Trajectory != LogTrend {
				continue
			}
			for _, level := range []float64{0.95, 0.8} {
				want, err := fresh.Forecast(c.s, level)
				if err != nil {
					t.Fatalf("%s %s: Forecast: %v", m.Name(), c.name, err)
				}
				// The QR fit's interval, transformed as Forecast does.
				f := fresh.(*Model).Fitted()
				from, _ := c.s.Years(fresh.(*Model).last)
				var qr [3][]float64
				for i := range c.s.Horizon {
					dv, _ := forecast.DriverValue(forecast.GDP, fresh.(*Model).drivers, c.s, from+i)
					mu, lo, up, err := f.Predict([]float64{1, float64(from + i)}, level)
					if err != nil {
						t.Fatal(err)
					}
					qr[0] = append(qr[0], math.Exp(mu)*dv)
					qr[1] = append(qr[1], math.Exp(lo)*dv)
					qr[2] = append(qr[2], math.Exp(up)*dv)
				}
				got := [3][]float64{want.Point.Values, want.Lower.Values, want.Upper.Values}
				if diff := cmp.Diff(qr, got, cmpopts.EquateApprox(1e-12, 0), cmpopts.EquateNaNs()); diff != "" {
					t.Errorf("%s %s level %g: closed form differs from QR (-want +got):\n%s", m.Name(), c.name, level, diff)
				}
			}
		}
	}
}

// TestRefitError checks that Fit and a failed Refit of a history with a
// negative value give the same forecast.ErrNonPositive, and that the model then
// refuses to forecast with forecast.ErrNotFitted and has no Fitted regression. (That a
// failed Refit gives Fit's error and leaves nothing stale, and that the
// next Refit recovers, is checked by the forecasttest kit in
// TestConformance on its bad histories.)
func TestRefitError(t *testing.T) {
	c := refitCases()[1]
	bad := c.h.Clone()
	bad.Values[2] = -3
	mod := forecasttest.CheckFailedRefit(t, Method{}, c.h, bad, c.d, c.s, forecast.ErrNonPositive)
	if f := mod.(*Model).Fitted(); f != nil {
		t.Errorf("Fitted after a failed Refit: %v, want nil", f)
	}
}

// TestNoFitAfterFailedRefit checks that a model whose last Refit failed
// reports nothing stale and does not panic: no parameters, no peak
// income, an empty intensity series, and errors from Forecast, ForecastTo
// and Implied saying it holds no fit. The failures include a Malenbaum
// fit whose design is singular (constant income per head), which used
// to leave the trajectory recorded and the fit nil, so that Parameters
// and PeakIncome dereferenced it.
func TestNoFitAfterFailedRefit(t *testing.T) {
	h, d, s := malenbaumData()
	// Population proportional to GDP: income per head is constant.
	flat := forecast.Drivers{forecast.GDP: d[forecast.GDP], forecast.Population: d[forecast.GDP].Clone()}
	for i := range flat[forecast.Population].Values {
		flat[forecast.Population].Values[i] /= 10
	}
	noLast := h.Clone()
	noLast.Values[len(noLast.Values)-1] = math.NaN()
	gap := h.Clone()
	gap.Values[1] = math.NaN()
	for _, c := range []struct {
		name string
		m    Method
		h    series.Series
		d    forecast.Drivers
		want error
	}{
		{"malenbaum, constant income per head", Method{Trajectory: Malenbaum}, h, flat, lsq.ErrSingular},
		{"malenbaum, last year missing", Method{Trajectory: Malenbaum}, noLast, d, forecast.ErrLastMissing},
		{"log trend, last year missing", Method{}, noLast, d, forecast.ErrLastMissing},
		{"cagr, window start missing", Method{Trajectory: CAGR, From: 2001}, gap, d, forecast.ErrSetting},
	} {
		t.Run(c.name, func(t *testing.T) {
			md := mustFit(t, c.m, h, d)
			if err := md.Refit(c.h, c.d); !errors.Is(err, c.want) {
				t.Fatalf("Refit: error %v, want %v", err, c.want)
			}
			if p := md.Parameters(); p != nil {
				t.Errorf("Parameters after a failed Refit = %v, want nil", p)
			}
			if y, ok := md.PeakIncome(); ok || !math.IsNaN(y) {
				t.Errorf("PeakIncome after a failed Refit = %v, %v, want NaN, false", y, ok)
			}
			if in := md.Intensity(); in.Len() != 0 {
				t.Errorf("Intensity after a failed Refit = %v, want an empty series", in)
			}
			if f := md.Fitted(); f != nil {
				t.Errorf("Fitted after a failed Refit = %v, want nil", f)
			}
			var dst forecast.Forecast
			_, ferr := md.Forecast(s, 0.95)
			_, ierr := md.Implied(s, 2012, 100)
			for _, err := range []error{ferr, md.ForecastTo(&dst, s, 0.95), ierr} {
				if !errors.Is(err, forecast.ErrNotFitted) || !strings.Contains(err.Error(), "holds no fit") {
					t.Errorf("after a failed Refit: error %v, want forecast.ErrNotFitted saying the model holds no fit", err)
				}
			}
		})
	}
}
