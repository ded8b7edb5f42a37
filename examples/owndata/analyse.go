package main

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/nonferrous/demand/elasticity"
	"github.com/nonferrous/demand/expert"
	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/intensity"
	"github.com/nonferrous/demand/regression"
	"github.com/nonferrous/demand/series"
)

// Names of the combinations.
const (
	equalName    = "combination"
	inverseName  = "combination-inverse-mse"
	backtestMax  = 5 // the longest backtest horizon
	minBacktestN = 3 // forecast.DefaultMinTrain
)

// candidate is a method to try, under the label it is reported by.
type candidate struct {
	label    string
	method   forecast.Method
	needs    string // a driver the method needs, "" for none beyond GDP
	backtest bool   // whether a rolling-origin backtest makes sense
}

// candidates returns the methods to try on h.
func candidates(h series.Series, in *inputs) []candidate {
	cs := []candidate{
		{"regression", regression.Method{}, "", true},
		{"regression-loglog", regression.Method{Spec: regression.LogLog}, "", true},
		{"elasticity-arc", &elasticity.Method{}, "", true},
		{"elasticity-point", &elasticity.Method{Estimator: elasticity.Point}, "", true},
		{"intensity", intensity.Method{}, "", true},
		{"intensity-malenbaum", intensity.Method{Trajectory: intensity.Malenbaum}, forecast.Population, true},
	}
	if p, ok := in.panels[h.Name]; ok {
		cs = append(cs, candidate{"expert", &expert.Method{Panel: p.judgments, Year: in.target}, "", false})
	}
	return cs
}

// skipped is a method that could not run, and why.
type skipped struct {
	Method string `json:"method"`
	Reason string `json:"reason"`
}

// score is a method's backtest.
type score struct {
	Method  string `json:"method"`
	Horizon int    `json:"horizon"`
	Origins int    `json:"origins"`
	N       int    `json:"n"`
	RMSE    num    `json:"rmse"`
	MAPE    num    `json:"mape"`
	MASE    num    `json:"mase"`
	Weight  num    `json:"weight"` // the inverse-MSE weight, null if none
}

// num is a float64 that encodes in JSON as null when it is not finite.
type num float64

func (x num) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(x))
}

// seriesResult is everything found for one series.
type seriesResult struct {
	History   series.Series       `json:"history"`
	Forecasts []forecast.Forecast `json:"forecasts"` // methods, then combinations
	Skipped   []skipped           `json:"skipped"`
	Backtest  []score             `json:"backtest"`
	Notes     []string            `json:"notes"`
}

// analyse forecasts h with every candidate method, combines and
// backtests. It never fails: what cannot be done is recorded.
func analyse(h series.Series, in *inputs) seriesResult {
	r := seriesResult{History: h, Skipped: []skipped{}, Backtest: []score{}, Notes: []string{}}
	horizon := in.target - h.End()
	scen := forecast.Scenario{Name: "owndata", Horizon: horizon, Drivers: in.future}
	var backtests []*forecast.BacktestResult
	var btMembers []forecast.Forecast
	for _, c := range candidates(h, in) {
		if c.needs != "" {
			if _, ok := in.drivers[c.needs]; !ok {
				r.Skipped = append(r.Skipped, skipped{c.label, fmt.Sprintf("needs a %q column in the drivers file", c.needs)})
				continue
			}
		}
		model, err := c.method.Fit(h, in.drivers)
		if err != nil {
			r.Skipped = append(r.Skipped, skipped{c.label, err.Error()})
			continue
		}
		f, err := model.Forecast(scen, in.level)
		if err != nil {
			r.Skipped = append(r.Skipped, skipped{c.label, err.Error()})
			continue
		}
		if bad := firstNonFinite(f.Point); bad != "" {
			r.Skipped = append(r.Skipped, skipped{c.label, bad})
			continue
		}
		f.Method = c.label
		r.Forecasts = append(r.Forecasts, f)
		if !c.backtest {
			continue
		}
		bt, err := forecast.Backtest(c.method, h, in.drivers, min(horizon, backtestMax), forecast.BacktestSettings{Level: in.level})
		if err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: no backtest: %v", c.label, err))
			continue
		}
		bt.Method = c.label
		backtests = append(backtests, bt)
		btMembers = append(btMembers, f)
	}
	if len(r.Forecasts) == 0 {
		r.Notes = append(r.Notes, "no method could forecast this series")
		return r
	}

	members := r.Forecasts
	eq, err := forecast.Combine(equalName, nil, members...)
	if err != nil {
		r.Notes = append(r.Notes, fmt.Sprintf("%s: %v", equalName, err))
	} else {
		r.Forecasts = append(r.Forecasts, eq.Forecast)
	}

	for _, bt := range backtests {
		r.Backtest = append(r.Backtest, score{Method: bt.Method, Horizon: bt.Horizon, Origins: len(bt.Origins), N: bt.Measures.N,
			RMSE: num(bt.Measures.RMSE), MAPE: num(bt.Measures.MAPE), MASE: num(bt.Measures.MASE), Weight: num(math.NaN())})
	}
	switch {
	case len(backtests) < 2:
		r.Notes = append(r.Notes, fmt.Sprintf("%s: needs backtests of two methods, have %d", inverseName, len(backtests)))
	default:
		w, err := forecast.BacktestWeights(backtests...)
		if err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: %v", inverseName, err))
			break
		}
		inv, err := forecast.Combine(inverseName, w, btMembers...)
		if err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: %v", inverseName, err))
			break
		}
		for i := range r.Backtest {
			r.Backtest[i].Weight = num(w[i])
		}
		r.Forecasts = append(r.Forecasts, inv.Forecast)
	}
	return r
}

// firstNonFinite describes the first point of s that is not finite, ""
// if all are.
func firstNonFinite(s series.Series) string {
	for i, v := range s.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Sprintf("forecast for %d is %g", s.Start+i, v)
		}
	}
	return ""
}
