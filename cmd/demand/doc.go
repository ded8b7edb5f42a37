// Command demand forecasts demand for nonferrous metals from a user's own
// data, and reproduces the 2015 demand forecast of China's 12th Five-Year
// Plan for the nonferrous metals industry.
//
// Install it with
//
//	go install github.com/nonferrous/demand/cmd/demand@latest
//
// Usage:
//
//	demand <command> [flags]
//
// The commands are:
//
//	forecast  forecast your own consumption series with every method the data allow
//	evaluate  measure each method's accuracy and interval coverage on held-out years of your series
//	plan      reproduce the 12th Five-Year Plan's 2015 forecast and check it against the plan
//
// "demand -h" lists them and "demand <command> -h" (or "demand help
// <command>") gives a command's flags, on standard output.
//
// # demand forecast
//
//	demand forecast -series FILE -drivers FILE [-growth RATE | -scenario FILE]
//	                [-target YEAR] [-level LEVEL] [-panel [SERIES=]FILE]... [-out DIR] [-font FILE]
//	                [-charts=false]
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
// or its long form, one row per series and year in any order, recognised
// from its header (series.ReadAnyCSV):
//
//	series,year,value,unit
//	copper,2019,1381.5,kt
//	aluminium,2019,2540.5,kt
//
// The future of the drivers is, in order of precedence, the -scenario file
// (same format, covering the years after the drivers' last one through the
// target year), a constant growth rate -growth of GDP (macro.Grow; other
// drivers keep their default), or by default each driver's compound
// annual growth over its last five years, continued (macro.GrowRecent); a
// driver keeps its unit.
//
// The inputs are checked by stated rules (listed by demand forecast -h).
// Errors: a series whose last year is missing (every method starts
// there), a driver at or below zero, a driver
// ending before a series' last year, -growth of 1 or more (a percentage:
// the message suggests the fraction), a scenario driver in another unit
// than the observed one or whose first value is 10 times or more above or
// below the last observed value, a panel that does not judge the target
// year or whose median likely value is 10 times off the series' last
// value, no series that any method can forecast. Warnings on stderr: a
// series no method can forecast (the reasons are in the summary; the
// others are forecast), consumption of zero (once for a series) or below
// zero (a series with a value below zero is taken as one that can be
// negative, a balance, whose forecasts may be too), -growth
// beyond ±0.2 (macro.WarnRate), a scenario step beyond ±20 % a year, a
// scenario row for an observed year that differs from the drivers (the
// observed value is used), charts in -out that an earlier run left and
// this one does not write, a chart that cannot be drawn or written, and
// a method whose forecast falls below zero for a series that never does,
// which is left out of the combinations (forecast.AnalysisSettings.NonNegative). A year the drivers
// lack is skipped as a missing year (forecast.Analyse). The target year defaults to five years after the latest
// observation, the interval level to 0.8.
//
// Under a name, demand forecast runs the default configuration of package
// methods (the regression and intensity paths anchored, every interval
// calibrated); demand evaluate names each configuration in full, so that
// demand forecast's "regression" is demand evaluate's
// "regression-anchored-calibrated" where it lists one.
//
// For each series it runs the module's default methods (package methods:
// regression on GDP and log-log, elasticity arc and point, intensity log
// trend, Malenbaum's inverted U when population is given, drift and the
// anchored linear and log-linear trends, and expert judgment when a -panel
// names a panel for the series; exponential smoothing and Theta are shown
// beside them but not combined), every one but expert with its interval
// calibrated from the series' own out-of-sample errors
// (forecast.Calibrated), backtests and combines them with equal and
// inverse-MSE weights, each combination's interval from its own errors
// (forecast.Analyse; combination-inverse-mse, the rule measured best on M1
// yearly, is the one to use when both are given), and reports each method that cannot run with its
// reason. A history too short to calibrate gets NaN bounds. It writes
// forecasts.csv (forecast.WriteCSV), forecasts.json, a fan chart per
// series and pages of small multiples, 12 series a page
// (small-multiples.png, small-multiples-2.png, …), to -out (default
// forecast-out; -charts=false writes no chart), and prints a summary table
// and the paths written. The files are written series by series, so memory
// does not grow with the number of series when there are no charts; a run
// of more than two seconds reports its progress on stderr. Chart files are
// named after the series; names that would give the same file (Cu/1 and
// Cu_1, or names that differ in case only) get suffixes -2, -3, …, with a
// message.
//
// A series observed at zero or above is taken as a quantity that cannot be
// negative: a method whose forecast falls below zero is left out (see
// above), an interval bound below zero is reported on standard error with
// the series, the method, the first such year and the value, and the
// reason (a calibrated interval is symmetric about the point: read the
// bound as 0), and the charts draw such bounds at zero with a note
// in the legend. The charts' bundled fonts have no Chinese glyphs: a
// series named in Chinese gets a warning and needs -font FILE, a TrueType
// or OpenType font (or collection) with CJK glyphs; characters that font
// lacks are drawn in the bundled font.
//
// # demand evaluate
//
//	demand evaluate -series FILE [-drivers FILE] -holdout H [-levels 80,95]
//	                [-methods LIST] [-out DIR]
//
// It answers "which method is most accurate on my data, and are its
// intervals honest?". For each series of the series file (a CSV table,
// long — series,year,value and optionally unit, rows in any order — or
// wide, read by series.ReadAnyCSV), the last H observed years are held
// out, every method is fit on the years before them and forecasts them,
// with the drivers' observed values in the held-out years (ex post), and
// the forecasts are scored (forecast.Evaluation): sMAPE, MASE, the
// coverage of the prediction intervals at each level (80 and 95 % by
// default; 95 % is always added, for MSIS) and MSIS at 95 %. Without
// -drivers it runs the methods that need no driver (naive, drift, mean,
// ets, theta, the linear and log-linear trends plain and anchored, and the
// default combination), each also as its calibrated variant ("-calibrated"
// rows); with a drivers file (series gdp and
// optionally population, applying to every series) also those whose
// drivers are given; -methods chooses by name. It prints a table per
// method — over the series each method forecast, and, when some method
// failed on some series, again over the series every method forecast,
// which the ranking uses —, then the values a score leaves out: MASE and
// MSIS those of a series whose fitted years give no scale (no
// year-to-year change, or no two consecutive years observed), coverage
// and MSIS those a method gives no interval for, with their series (the
// best intervals are then chosen among the methods with an interval for
// every value) — and writes to -out (default evaluate-out)
// evaluation.csv, one row per series, method, held-out year and level
// with the header series,method,origin,h,year,actual,point,level,lower,upper
// (level a fraction, lower and upper empty where a method gives no
// interval), summary.csv (every score pooled and per step h) and
// errors.csv (each series a method could not use, and why; the others are
// evaluated regardless). Progress goes to stderr on long runs.
//
// # demand plan
//
//	demand plan [-json] [-growth 0.07] [-low 0.06] [-high 0.08]
//	            [-methods elasticity,intensity,regression] [-out plan2015-charts]
//
// The rates are fractions: 1 or more is an error suggesting the fraction,
// beyond ±0.2 a warning, and -low above -high an error. A 2015 figure
// below zero is a warning on stderr (plan.Document.Warnings), and a method
// that gives no figure shows "no fit [k]" with its reason in footnote k.
//
// It prints the reproduction of examples/plan2015: the plan's history and
// 2015 figures, the audit of its tables, each method's 2015 forecast under
// the reproduction's fixed defaults (package plan/defaults) with their
// equal-weight combination, the deviation from the plan, the historical
// and implied elasticity and intensity change, and the range for the low
// and high GDP growth, then the ex-post check against 2015 as it turned
// out (plan.CheckExPost: the outcomes with their confidence, the plan,
// each method and the combination at 7 % and at the GDP that happened,
// the split of the plan's error) (plan.Document.WriteText), or with -json
// the document as JSON (plan.Document, the check under "ex_post"). It
// writes its charts into -out (package plan/planchart: the reproduction's
// and an ex-post chart per row with an outcome); -out "" writes none.
//
// # Exit status
//
//	0  success, or help asked for with -h
//	1  the data are at fault: a file missing or malformed, a series
//	   whose last year is missing, a driver the methods cannot use, no
//	   series any method can forecast, an output that cannot be written
//	   (for demand forecast the tables, forecasts.csv and .json: a chart
//	   it cannot draw or write is a warning)
//	2  the command line is at fault: an unknown command or flag, a bad
//	   flag value, a required flag missing; a hint to -h goes to stderr
//
// Errors go to standard error, prefixed by "demand <command>:".
package main
