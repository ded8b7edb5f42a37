// Command owndata forecasts a user's own consumption series with every
// method of the module that the data allow, combines them, backtests
// them, and writes the forecasts as CSV and JSON and the charts as PNG.
//
// Usage:
//
//	owndata -series FILE -drivers FILE [-growth RATE | -scenario FILE]
//	        [-target YEAR] [-level L] [-panel [SERIES=]FILE]... [-out DIR]
//
// The series file holds one column per consumption series and the drivers
// file a "gdp" column (real GDP, an index or level at constant prices) and
// optionally a "population" column, both in the CSV format of package
// series:
//
//	year,copper [kt],aluminium [kt]
//	2019,1381.5,2540.5
//	2020,1409,2663.2
//
// The future of the drivers is, in order of precedence, the -scenario file
// (same format, covering the years after the drivers' last one through the
// target year; a driver it lacks continues as by default), a constant
// growth rate -growth of every driver, or by default each driver's compound
// annual growth over its last five years, continued.
//
// For each series it runs regression (consumption on GDP, and log-log),
// elasticity (arc and point), intensity (log trend, and Malenbaum's
// inverted U when population is given) and expert judgment (when a -panel
// names a panel for the series), and reports each method that cannot run
// with its reason. It combines the forecasts with equal weights and, where
// a rolling-origin backtest (forecast.Backtest) is possible, with
// inverse-MSE weights from it. It writes forecasts.csv (forecast.WriteCSV),
// forecasts.json, a fan chart per series and a page of small multiples to
// -out, and prints a summary table and the paths written.
package main
