package intensity

import (
	"math"
	"testing"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// FuzzFitForecast checks that arbitrary data give a model or an error,
// never a panic, and that a forecast, when made, is finite and positive
// at its point and ordered where it has an interval.
func FuzzFitForecast(f *testing.F) {
	f.Add(1.0, 2.0, 4.0, 1.0, 1.5, 2.0, 3.0, 1.0, 2.0, 3.0, uint8(0))
	f.Add(3.0, 0.0, 4.0, 1.0, 1.5, 2.0, 3.0, 1.0, 1.0, 1.0, uint8(2))
	f.Add(3.0, math.NaN(), 4.0, 1.0, 1.5, -2.0, 3.0, 1.0, 2.0, 3.0, uint8(1))
	f.Fuzz(func(t *testing.T, q0, q1, q2, y0, y1, y2, y3, p0, p1, p2 float64, tr uint8) {
		d := forecast.Drivers{
			forecast.GDP:        series.New("gdp", "", 2000, y0, y1, y2, y3),
			forecast.Population: series.New("pop", "", 2000, p0, p1, p2, p2),
		}
		m := Method{Trajectory: Trajectory(tr % 4)}
		md, err := m.Fit(series.New("q", "", 2000, q0, q1, q2), d)
		if err != nil {
			return
		}
		fc, err := md.Forecast(forecast.Scenario{Horizon: 1}, 0.9)
		if err != nil {
			return
		}
		pt, lo, hi := fc.Point.Values[0], fc.Lower.Values[0], fc.Upper.Values[0]
		if math.IsNaN(pt) || pt < 0 {
			t.Errorf("point %g", pt)
		}
		if !math.IsNaN(lo) && !(lo <= pt*(1+1e-9) && pt <= hi*(1+1e-9)) {
			t.Errorf("interval [%g, %g] around %g", lo, hi, pt)
		}
		if _, err := md.(forecast.Implier).Implied(forecast.Scenario{Horizon: 1}, 2003, 1); err != nil && !math.IsInf(y3, 0) {
			t.Errorf("Implied: %v", err)
		}
	})
}
