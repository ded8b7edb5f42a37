package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

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

// output writes the files of a run as the series are analysed, one at a
// time, so that memory does not grow with the number of series (but for
// the small multiples, which keep each charted series): forecasts.csv and
// forecasts.json are streamed, and each fan chart is written at once.
type output struct {
	c      forecastConfig
	in     *inputs
	stderr io.Writer

	csvFile, jsonFile *os.File
	csv, json         *bufio.Writer
	series            int      // analyses written
	forecasts         int      // forecasts written
	unforecast        []string // the quoted names of the series no method forecast

	names  fileNames
	fans   []plotting.Fan
	charts []string

	// reasons counts the distinct reasons methods were skipped, for the
	// error of a run that forecast nothing.
	reasons map[string]int
	methods map[string][]string // the methods skipped for each reason
	order   []string

	earlier []string // chart files in the directory before the run
}

// newOutput creates the output directory and files of c.
func newOutput(c forecastConfig, in *inputs, stderr io.Writer) (*output, error) {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return nil, fmt.Errorf("-out: %w", err)
	}
	o := &output{c: c, in: in, stderr: stderr, names: fileNames{}, reasons: map[string]int{}, methods: map[string][]string{}}
	entries, _ := os.ReadDir(c.out) // not Glob: c.out may hold pattern characters
	for _, e := range entries {
		chart, _ := filepath.Match("fan-*.png", e.Name())
		many, _ := filepath.Match("small-multiples*.png", e.Name())
		if chart || many {
			o.earlier = append(o.earlier, filepath.Join(c.out, e.Name()))
		}
	}
	var err error
	if o.csvFile, err = os.Create(filepath.Join(c.out, "forecasts.csv")); err != nil {
		return nil, err
	}
	if o.jsonFile, err = os.Create(filepath.Join(c.out, "forecasts.json")); err != nil {
		o.csvFile.Close()
		return nil, err
	}
	o.csv, o.json = bufio.NewWriter(o.csvFile), bufio.NewWriter(o.jsonFile)
	if _, err := o.csv.WriteString(strings.Join(forecast.CSVHeader(), ",") + "\n"); err != nil {
		return nil, err
	}
	drivers := map[string]any{}
	for k, v := range in.future {
		drivers[k] = v
	}
	head, err := json.MarshalIndent(document{Target: in.target, Level: in.level, Scenario: in.scenario, Drivers: drivers}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	// head ends in `"series": null` and "}": the array replaces them.
	head = bytes.TrimSuffix(bytes.TrimSpace(head), []byte("}"))
	head = bytes.TrimSuffix(bytes.TrimSpace(head), []byte("null"))
	o.json.Write(append(head, '[')) // errors are kept by the bufio.Writer
	return o, nil
}

// add writes the analysis r: its forecasts to the CSV, r to the JSON, and
// with c.charts its fan chart. Chart failures are warnings on stderr.
func (o *output) add(r forecast.Analysis) error {
	for _, s := range r.Skipped {
		if o.reasons[s.Reason] == 0 {
			o.order = append(o.order, s.Reason)
		}
		o.reasons[s.Reason]++
		if !slices.Contains(o.methods[s.Reason], s.Method) {
			o.methods[s.Reason] = append(o.methods[s.Reason], s.Method)
		}
	}
	if len(r.Forecasts) == 0 {
		o.unforecast = append(o.unforecast, strconv.Quote(r.History.Name))
	} else {
		var buf bytes.Buffer
		if err := forecast.WriteCSV(&buf, r.Forecasts...); err != nil {
			return fmt.Errorf("series %q: %w", r.History.Name, err)
		}
		_, rows, _ := bytes.Cut(buf.Bytes(), []byte("\n")) // the header is written once
		o.csv.Write(rows)
		o.forecasts += len(r.Forecasts)
	}
	b, err := json.MarshalIndent(r, "    ", "  ")
	if err != nil {
		return fmt.Errorf("json: series %q: %w", r.History.Name, err)
	}
	sep := ",\n    "
	if o.series == 0 {
		sep = "\n    "
	}
	o.json.WriteString(sep)
	o.json.Write(b)
	o.series++
	if o.c.charts && len(r.Forecasts) > 0 {
		o.chart(r)
	}
	return nil
}

// chart writes the fan chart of r and keeps it for the small multiples.
func (o *output) chart(r forecast.Analysis) {
	in := o.in
	// The inverse-MSE combination is the forecast to use; without one (fewer
	// than two backtests), the equal-weight one.
	highlight := forecast.InverseMSECombinationName
	if !slices.ContainsFunc(r.Forecasts, func(f forecast.Forecast) bool { return f.Method == highlight }) {
		highlight = forecast.DefaultCombinationName
	}
	fan := plotting.Fan{History: r.History, Forecasts: r.Forecasts, Combination: highlight}
	c, err := plotting.NewFanChart(fan, plotting.Options{Title: fmt.Sprintf("%s: forecasts to %d, %g %% intervals", r.History.Name, in.target, 100*in.level),
		Fonts: in.fonts, Signed: signed(r.History)})
	if err != nil {
		fmt.Fprintf(o.stderr, "demand forecast: warning: no chart of series %q: %v\n", r.History.Name, err)
		return
	}
	base, clash := o.names.unique(r.History.Name)
	if clash != "" {
		fmt.Fprintf(o.stderr, "demand forecast: series %q and %q would share the chart file name %q; %q's is %q\n",
			clash, r.History.Name, "fan-"+fileName(r.History.Name)+".png", r.History.Name, "fan-"+base+".png")
	}
	o.fans = append(o.fans, fan) // in the small multiples even if its own file fails
	p := filepath.Join(o.c.out, "fan-"+base+".png")
	if err := c.Save(p); err != nil {
		fmt.Fprintf(o.stderr, "demand forecast: warning: the chart of series %q is not written: %v\n", r.History.Name, err)
		return
	}
	o.charts = append(o.charts, p)
}

// finish closes the files, writes the small multiples and returns the
// paths written. If no method forecast any series it removes the files
// and returns the error of noForecast.
func (o *output) finish() ([]string, error) {
	o.json.WriteString("\n  ]\n}\n")
	var err error
	for _, f := range []struct {
		w *bufio.Writer
		f *os.File
	}{{o.csv, o.csvFile}, {o.json, o.jsonFile}} {
		if ferr := f.w.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("%s: %w", f.f.Name(), ferr)
		}
		if cerr := f.f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("%s: %w", f.f.Name(), cerr)
		}
	}
	if o.forecasts == 0 {
		os.Remove(o.csvFile.Name())
		os.Remove(o.jsonFile.Name())
		return nil, o.noForecast()
	}
	if len(o.unforecast) > 0 {
		fmt.Fprintf(o.stderr, "demand forecast: warning: no method could forecast series %s (the reasons are in the summary)\n",
			strings.Join(o.unforecast, ", "))
	}
	if err != nil {
		return nil, err
	}
	paths := append([]string{o.csvFile.Name(), o.jsonFile.Name()}, o.charts...)
	if len(o.fans) > 0 {
		// Pages of at most 12 panels: small-multiples.png, then
		// small-multiples-2.png, … when there are more.
		signedAny := slices.ContainsFunc(o.fans, func(f plotting.Fan) bool { return signed(f.History) })
		pages, err := plotting.SmallMultiplePages(o.fans, panelsPerPage, plotting.Options{Title: fmt.Sprintf("Forecasts to %d", o.in.target),
			Fonts: o.in.fonts, Signed: signedAny})
		if err != nil {
			fmt.Fprintf(o.stderr, "demand forecast: warning: small multiples: %v\n", err)
		}
		for i, c := range pages {
			name := "small-multiples.png"
			if i > 0 {
				name = fmt.Sprintf("small-multiples-%d.png", i+1)
			}
			p := filepath.Join(o.c.out, name)
			if err := c.Save(p); err != nil {
				fmt.Fprintf(o.stderr, "demand forecast: warning: %s is not written: %v\n", name, err)
				continue
			}
			paths = append(paths, p)
		}
	}
	var stale []string
	for _, p := range o.earlier {
		if !slices.Contains(paths, p) {
			stale = append(stale, filepath.Base(p))
		}
	}
	if len(stale) > 0 {
		fmt.Fprintf(o.stderr, "demand forecast: warning: %s holds %d %s of an earlier run, not of this one: %s\n",
			o.c.out, len(stale), plural(len(stale), "chart", "charts"), strings.Join(stale, ", "))
	}
	return paths, nil
}

// panelsPerPage is the most series on one page of small multiples.
const panelsPerPage = 12

// noForecast returns the error for a run in which no method forecast any
// series: the distinct reasons, the commonest first, at most five.
func (o *output) noForecast() error {
	order := slices.Clone(o.order)
	slices.SortStableFunc(order, func(a, b string) int { return o.reasons[b] - o.reasons[a] })
	var b strings.Builder
	fmt.Fprintf(&b, "no method could forecast any of the %d series; the reasons:", o.series)
	for _, why := range order[:min(len(order), 5)] {
		fmt.Fprintf(&b, "\n  %s (%s; %d %s)", why, strings.Join(o.methods[why], ", "), o.reasons[why], plural(o.reasons[why], "time", "times"))
	}
	if len(order) > 5 {
		fmt.Fprintf(&b, "\n  … and %d other %s", len(order)-5, plural(len(order)-5, "reason", "reasons"))
	}
	if len(order) == 0 {
		b.WriteString(" no method was run")
	}
	return errors.New(b.String())
}

// fileNames hands out distinct file name parts for series names.
type fileNames map[string]string // lower-cased part → the series name that has it

// unique returns the file name part of a series name, fileName(name), made
// distinct from those handed out before — without regard to case, for
// file systems that ignore it — by a suffix -2, -3, …; clash is the series
// name that had the part first, "" if none.
func (u fileNames) unique(name string) (part, clash string) {
	part = fileName(name)
	key := strings.ToLower(part)
	if prev, ok := u[key]; ok {
		clash = prev
		for k := 2; ; k++ {
			p := fmt.Sprintf("%s-%d", part, k)
			if _, taken := u[strings.ToLower(p)]; !taken {
				part, key = p, strings.ToLower(p)
				break
			}
		}
	}
	u[key] = name
	return part, clash
}

// maxFileName is the most bytes of a series name in a chart's file name,
// well under the 255 a file name may have on common file systems.
const maxFileName = 200

// fileName turns a series name into a file name part: letters, digits,
// "-" and "_", others replaced by "_", cut to maxFileName bytes.
func fileName(name string) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, name)
	if len(s) > maxFileName {
		cut := maxFileName
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if s == "" {
		return "series"
	}
	return s
}

// summarizeHead prints the target year, the level and the scenario.
func summarizeHead(w io.Writer, in *inputs) {
	fmt.Fprintf(w, "target year %d, %g %% intervals\ndrivers: %s\n", in.target, 100*in.level, in.scenario)
}

// summarize prints, for the series of r, each forecast's value at the
// target year with its interval and backtest, the methods skipped and the
// notes.
func summarize(w io.Writer, in *inputs, r forecast.Analysis) {
	h := r.History
	last, _ := h.At(h.End())
	unit := ""
	if h.Unit != "" {
		unit = " [" + h.Unit + "]"
	}
	years := strconv.Itoa(h.Start)
	if h.End() != h.Start {
		years += "–" + strconv.Itoa(h.End())
	}
	fmt.Fprintf(w, "\n%s%s: %s, last %s\n", h.Name, unit, years, fmtNum(last))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "method\t%d\tlower\tupper\tCAGR %%\tbacktest RMSE\tMAPE %%\tweight\t\n", in.target)
	unweighted := false
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
				unweighted = unweighted || math.IsNaN(s.Weight)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", f.Method, fmtNum(v), fmtNum(lo), fmtNum(hi), fmtNum(cagr), rmse, mape, wt)
	}
	tw.Flush()
	if unweighted {
		fmt.Fprintf(w, "  weight –: backtested but not a member of the inverse-MSE combination\n")
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "  not run: %s: %s\n", s.Method, s.Reason)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

func valueAt(s series.Series, year int) float64 {
	v, _ := s.At(year)
	return v
}

// fmtNum formats a value of the summary table: "–" for NaN, whole numbers
// from 100, two decimals from 1, three significant digits below, and four
// from 1e15.
func fmtNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.Abs(v) >= 1e15: // beyond a float64's 15–16 digits: do not print them all
		return fmt.Sprintf("%.4g", v)
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3g", v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
