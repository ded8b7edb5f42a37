package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"os"

	"github.com/nonferrous/demand/forecast"
	"github.com/nonferrous/demand/plotting"
	"github.com/nonferrous/demand/series"
)

func main() {
	out := flag.String("out", "fanchart.png", "output file (.png, .svg or .pdf)")
	csvPath := flag.String("csv", "", "CSV table whose first series is charted (default: inline data)")
	horizon := flag.Int("horizon", 5, "years to forecast")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("fanchart: ")

	h, err := history(*csvPath)
	if err != nil {
		log.Fatal(err)
	}
	fan, err := forecasts(h, *horizon)
	if err != nil {
		log.Fatal(err)
	}
	c, err := plotting.NewFanChart(fan, plotting.Options{Title: h.Name + ": history and two simple forecasts"})
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Save(*out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(*out)
}

// history returns the first series of the CSV table at path, or the inline
// series when path is empty.
func history(path string) (series.Series, error) {
	if path == "" {
		// An illustrative demand series, 10 kt a year, with 2003 missing.
		return series.New("demand", "10 kt", 2001, 120, 131, math.NaN(), 160, 171, 190, 204, 221, 236, 258), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return series.Series{}, err
	}
	defer f.Close()
	ss, err := series.ReadAnyCSV(f)
	if err != nil {
		return series.Series{}, err
	}
	return ss[0], nil
}

// forecasts builds the fan: compound growth between the first and last
// observed years continued with a band of ±z·σ·√k, σ the spread of the
// yearly log growth rates; a straight line through the first and last
// observations without band; and their mean as the combination.
func forecasts(h series.Series, horizon int) (plotting.Fan, error) {
	years, vals := h.Observed()
	if len(years) < 3 {
		return plotting.Fan{}, fmt.Errorf("need at least 3 observed years, have %d", len(years))
	}
	if horizon < 1 {
		return plotting.Fan{}, fmt.Errorf("horizon must be at least 1, have %d", horizon)
	}
	first, last := years[0], years[len(years)-1]
	g, err := h.CAGR(first, last)
	if err != nil {
		return plotting.Fan{}, err
	}
	// σ of the log growth per year between consecutive observations.
	var ss float64
	lg := math.Log1p(g)
	for i := 1; i < len(years); i++ {
		r := math.Log(vals[i]/vals[i-1])/float64(years[i]-years[i-1]) - lg
		ss += r * r
	}
	sigma := math.Sqrt(ss / float64(len(years)-2))
	slope := (vals[len(vals)-1] - vals[0]) / float64(last-first)

	growth := forecast.Forecast{Method: "compound growth", Level: 0.95}
	growth80 := forecast.Forecast{Method: "compound growth", Level: 0.80}
	line := forecast.Forecast{Method: "straight line", Level: 0.95}
	comb := forecast.Forecast{Method: "combination", Level: 0.95}
	for _, f := range []*forecast.Forecast{&growth, &growth80, &line, &comb} {
		for _, s := range []*series.Series{&f.Point, &f.Lower, &f.Upper} {
			*s = series.Series{Name: h.Name, Unit: h.Unit, Start: last + 1, Values: make([]float64, horizon)}
		}
	}
	base := vals[len(vals)-1]
	for k := 1; k <= horizon; k++ {
		i := k - 1
		p := base * math.Pow(1+g, float64(k))
		growth.Point.Values[i], growth80.Point.Values[i] = p, p
		for _, b := range []struct {
			f *forecast.Forecast
			z float64
		}{{&growth, 1.96}, {&growth80, 1.2816}} {
			d := b.z * sigma * math.Sqrt(float64(k))
			b.f.Lower.Values[i], b.f.Upper.Values[i] = p*math.Exp(-d), p*math.Exp(d)
		}
		l := base + slope*float64(k)
		line.Point.Values[i] = l
		line.Lower.Values[i], line.Upper.Values[i] = math.NaN(), math.NaN()
		comb.Point.Values[i] = (p + l) / 2
		comb.Lower.Values[i], comb.Upper.Values[i] = math.NaN(), math.NaN()
	}
	// No reference point: the chart shows only the data and the two
	// forecasts made from it.
	return plotting.Fan{
		History:   h,
		Forecasts: []forecast.Forecast{growth, growth80, line, comb},
	}, nil
}
