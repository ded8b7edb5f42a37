// Command fanchart draws a forecast (fan) chart of a series of your own.
//
// It reads the first series of a CSV table (-csv, wide or long, as
// series.ReadAnyCSV reads) or uses a short inline series, makes two simple
// forecasts by hand — the series' compound growth rate continued, with a
// widening band, and a straight line through its first and last years —
// and their average as the combination, and writes the chart to -out
// (PNG, SVG or PDF by extension).
//
//	go run ./examples/fanchart -out fanchart.png
//	go run ./examples/fanchart -csv mydata.csv -horizon 8 -out mine.svg
package main
