package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/macro"
	"github.com/nonferrous/demand/methods"
	"github.com/nonferrous/demand/series"
)

func main() {
	seriesFile := flag.String("series", "examples/owndata/testdata/series.csv", "CSV of consumption series")
	driversFile := flag.String("drivers", "examples/owndata/testdata/drivers.csv", `CSV of drivers: "gdp" and optionally "population"`)
	target := flag.Int("target", 0, "last forecast year (default: five years after the data)")
	csvFile := flag.String("csv", "", "write every forecast to this CSV file")
	flag.Parse()
	if err := run(os.Stdout, *seriesFile, *driversFile, *target, *csvFile); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, seriesFile, driversFile string, target int, csvFile string) error {
	// 1. Read the consumption series and the drivers: CSV with a year
	// column and one column per series, headed "name [unit]".
	history, err := readCSV(seriesFile)
	if err != nil {
		return err
	}
	observed, err := readCSV(driversFile)
	if err != nil {
		return err
	}
	drivers := forecast.Drivers{}
	for _, d := range observed {
		drivers[strings.ToLower(d.Name)] = d // forecast.GDP, forecast.Population
	}
	if target == 0 {
		target = history[0].End() + 5
	}

	// 2. The future of the drivers: each keeps growing at its compound rate
	// of the last five years, in its own unit (an "index 1995=100" stays one).
	future := forecast.Drivers{}
	for _, d := range observed {
		name := strings.ToLower(d.Name)
		path, g, err := macro.GrowRecent(d, 5, target)
		if err != nil {
			return err
		}
		future[name] = path
		fmt.Fprintf(w, "%s: %+.2f %% a year after %d\n", name, 100*g, d.End())
	}

	// 3. Every method the data allow, backtested and combined.
	var all []forecast.Forecast
	for _, h := range history {
		sc := forecast.Scenario{Name: "recent growth", Horizon: target - h.End(), Drivers: future}
		a := forecast.Analyse(h, drivers, sc, methods.Default(methods.Options{}), forecast.AnalysisSettings{Level: 0.8})
		fmt.Fprintf(w, "\n%s [%s], %d, 80 %% interval:\n", h.Name, h.Unit, target)
		for _, f := range a.Forecasts {
			v, _ := f.Point.At(target)
			lo, _ := f.Lower.At(target)
			hi, _ := f.Upper.At(target)
			fmt.Fprintf(w, "  %-24s %7.0f  [%.0f, %.0f]\n", f.Method, v, lo, hi)
		}
		for _, s := range a.Backtest {
			fmt.Fprintf(w, "  backtest %-24s RMSE %6.1f  weight %.2f\n", s.Method, s.RMSE, s.Weight)
		}
		for _, s := range a.Skipped {
			fmt.Fprintf(w, "  not run: %s: %s\n", s.Method, s.Reason)
		}
		all = append(all, a.Forecasts...)
	}

	// 4. Every forecast in one CSV, readable with forecast.ReadCSV.
	if csvFile == "" {
		return nil
	}
	f, err := os.Create(csvFile)
	if err != nil {
		return err
	}
	if err := forecast.WriteCSV(f, all...); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readCSV(path string) ([]series.Series, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ss, err := series.ReadAnyCSV(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ss, nil
}
