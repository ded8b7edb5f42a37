package forecast_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/series"
)

// drift is the random walk with drift of R's rwf(drift = TRUE): the point
// forecast k years after the last observed year T is y_T + k (y_T − y_1)/(T − 1)
// over the complete history. It gives no interval.
type drift struct{}

var _ forecast.Method = drift{}

func (drift) Name() string { return "drift" }

func (drift) Fit(h series.Series, _ forecast.Drivers) (forecast.Model, error) {
	if err := h.ValidateComplete(); err != nil {
		return nil, fmt.Errorf("drift: %w", err)
	}
	if h.Len() < 2 {
		return nil, errors.New("drift: need 2 years")
	}
	n := h.Len()
	return driftModel{end: h.End(), last: h.Values[n-1], slope: (h.Values[n-1] - h.Values[0]) / float64(n-1)}, nil
}

type driftModel struct {
	end         int
	last, slope float64
}

func (m driftModel) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, err
	}
	f := forecast.Forecast{Method: "drift", Level: level,
		Point: series.Series{Start: m.end + 1, Values: make([]float64, s.Horizon)},
		Lower: series.Series{Start: m.end + 1, Values: make([]float64, s.Horizon)},
		Upper: series.Series{Start: m.end + 1, Values: make([]float64, s.Horizon)},
	}
	for k := range s.Horizon {
		f.Point.Values[k] = m.last + float64(k+1)*m.slope
		f.Lower.Values[k], f.Upper.Values[k] = math.NaN(), math.NaN()
	}
	return f, nil
}

// naive repeats the last value; yearOff shifts the forecast years (a
// broken method when nonzero).
type naive struct{ yearOff int }

func (naive) Name() string { return "naive" }

func (n naive) Fit(h series.Series, _ forecast.Drivers) (forecast.Model, error) {
	if err := h.Validate(); err != nil {
		return nil, err
	}
	last := h.Values[h.Len()-1]
	if math.IsNaN(last) {
		return nil, errors.New("naive: last year missing")
	}
	return naiveModel{end: h.End() + n.yearOff, last: last}, nil
}

type naiveModel struct {
	end  int
	last float64
}

func (m naiveModel) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, err
	}
	p := series.Series{Start: m.end + 1, Values: make([]float64, s.Horizon)}
	for k := range p.Values {
		p.Values[k] = m.last
	}
	return forecast.Forecast{Method: "naive", Point: p, Lower: p.Clone(), Upper: p.Clone(), Level: level}, nil
}

// ratio forecasts Q_{T+k} = Q_T · Y_{T+k} / Y_T with Y the GDP driver. Fit
// rejects a driver that extends beyond the history, so a backtest that
// leaked future drivers into the fit would fail.
type ratio struct{}

func (ratio) Name() string { return "ratio" }

func (ratio) Fit(h series.Series, d forecast.Drivers) (forecast.Model, error) {
	if err := h.ValidateComplete(); err != nil {
		return nil, err
	}
	g, ok := d[forecast.GDP]
	if !ok {
		return nil, forecast.ErrMissingDriver
	}
	if g.End() > h.End() {
		return nil, fmt.Errorf("ratio: driver ends in %d after the history's %d", g.End(), h.End())
	}
	return ratioModel{h: h, obs: d}, nil
}

type ratioModel struct {
	h   series.Series
	obs forecast.Drivers
}

func (m ratioModel) Forecast(s forecast.Scenario, level float64) (forecast.Forecast, error) {
	if err := forecast.CheckRequest(s, level); err != nil {
		return forecast.Forecast{}, err
	}
	from, to := s.Years(m.h.End())
	g, err := forecast.DriverPath(forecast.GDP, m.obs, s, from-1, to)
	if err != nil {
		return forecast.Forecast{}, err
	}
	p := series.Series{Start: from, Values: make([]float64, s.Horizon)}
	for k := range p.Values {
		p.Values[k] = m.h.Values[m.h.Len()-1] * g.Values[k+1] / g.Values[0]
	}
	return forecast.Forecast{Method: "ratio", Point: p, Lower: p.Clone(), Upper: p.Clone(), Level: level}, nil
}
