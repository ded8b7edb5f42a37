package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plotting"
	"github.com/nonferrous/demand/series"
)

// document is the JSON output.
type document struct {
	Target   int                 `json:"target"`
	Level    float64             `json:"level"`
	Scenario string              `json:"scenario"`
	Drivers  map[string]any      `json:"drivers"`
	Series   []forecast.Analysis `json:"series"`
}

// write writes the CSV, JSON and charts into dir and returns their paths.
// Chart failures are warnings on stderr.
func write(dir string, in *inputs, rs []forecast.Analysis, stderr io.Writer) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("-out: %w", err)
	}
	var paths []string

	var all []forecast.Forecast
	for _, r := range rs {
		all = append(all, r.Forecasts...)
	}
	if len(all) == 0 {
		return nil, errors.New("no method could forecast any series; see the reasons above")
	}
	var buf bytes.Buffer
	if err := forecast.WriteCSV(&buf, all...); err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "forecasts.csv")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	paths = append(paths, p)

	drivers := map[string]any{}
	for k, v := range in.future {
		drivers[k] = v
	}
	b, err := json.MarshalIndent(document{Target: in.target, Level: in.level, Scenario: in.scenario, Drivers: drivers, Series: rs}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	p = filepath.Join(dir, "forecasts.json")
	if err := os.WriteFile(p, append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	paths = append(paths, p)

	var fans []plotting.Fan
	for _, r := range rs {
		if len(r.Forecasts) == 0 {
			continue
		}
		fan := plotting.Fan{History: r.History, Forecasts: r.Forecasts, Combination: forecast.DefaultCombinationName}
		c, err := plotting.NewFanChart(fan, plotting.Options{Title: fmt.Sprintf("%s: forecasts to %d, %g %% intervals", r.History.Name, in.target, 100*in.level),
			Fonts: in.fonts, Signed: signed(r.History)})
		if err != nil {
			fmt.Fprintf(stderr, "demand forecast: chart of %q: %v\n", r.History.Name, err)
			continue
		}
		p := filepath.Join(dir, "fan-"+fileName(r.History.Name)+".png")
		if err := c.Save(p); err != nil {
			fmt.Fprintf(stderr, "demand forecast: %v\n", err)
			continue
		}
		paths = append(paths, p)
		fans = append(fans, fan)
	}
	if len(fans) > 0 {
		// Pages of at most 12 panels: small-multiples.png, then
		// small-multiples-2.png, … when there are more.
		signedAny := slices.ContainsFunc(fans, func(f plotting.Fan) bool { return signed(f.History) })
		pages, err := plotting.SmallMultiplePages(fans, panelsPerPage, plotting.Options{Title: fmt.Sprintf("Forecasts to %d", in.target),
			Fonts: in.fonts, Signed: signedAny})
		if err != nil {
			fmt.Fprintf(stderr, "demand forecast: small multiples: %v\n", err)
		}
		for i, c := range pages {
			name := "small-multiples.png"
			if i > 0 {
				name = fmt.Sprintf("small-multiples-%d.png", i+1)
			}
			p := filepath.Join(dir, name)
			if err := c.Save(p); err != nil {
				fmt.Fprintf(stderr, "demand forecast: %v\n", err)
				continue
			}
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// panelsPerPage is the most series on one page of small multiples.
const panelsPerPage = 12

// fileName turns a series name into a file name part.
func fileName(name string) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, name)
	if s == "" {
		return "series"
	}
	return s
}

// summarize prints the scenario and, for each series, each forecast's
// value at the target year with its interval and backtest, the methods
// skipped and the notes.
func summarize(w io.Writer, in *inputs, rs []forecast.Analysis) {
	fmt.Fprintf(w, "target year %d, %g %% intervals\ndrivers: %s\n", in.target, 100*in.level, in.scenario)
	for _, r := range rs {
		h := r.History
		last, _ := h.At(h.End())
		unit := ""
		if h.Unit != "" {
			unit = " [" + h.Unit + "]"
		}
		fmt.Fprintf(w, "\n%s%s: %d–%d, last %s\n", h.Name, unit, h.Start, h.End(), fmtNum(last))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "method\t%d\tlower\tupper\tCAGR %%\tbacktest RMSE\tMAPE %%\tweight\t\n", in.target)
		for _, f := range r.Forecasts {
			v, lo, hi := valueAt(f.Point, in.target), valueAt(f.Lower, in.target), valueAt(f.Upper, in.target)
			cagr := math.NaN()
			if v > 0 && last > 0 {
				cagr = 100 * (math.Pow(v/last, 1/float64(in.target-h.End())) - 1)
			}
			rmse, mape, wt := "", "", ""
			for _, s := range r.Backtest {
				if s.Method == f.Method {
					rmse, mape, wt = fmtNum(s.RMSE), fmtNum(s.MAPE), fmtNum(s.Weight)
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", f.Method, fmtNum(v), fmtNum(lo), fmtNum(hi), fmtNum(cagr), rmse, mape, wt)
		}
		tw.Flush()
		for _, s := range r.Skipped {
			fmt.Fprintf(w, "  not run: %s: %s\n", s.Method, s.Reason)
		}
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  note: %s\n", n)
		}
	}
}

func valueAt(s series.Series, year int) float64 {
	v, _ := s.At(year)
	return v
}

func fmtNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3g", v)
}
