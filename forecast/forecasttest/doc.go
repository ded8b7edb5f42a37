// Package forecasttest is the conformance kit every forecast.Method runs.
//
// A method package calls Run from one of its tests with cases that its
// method can fit and forecast:
//
//	func TestConformance(t *testing.T) {
//		forecasttest.Run(t, &elasticity.Method{}, forecasttest.Case{
//			Name:     "copper",
//			History:  history,
//			Drivers:  forecast.Drivers{forecast.GDP: gdp},
//			Scenario: forecast.Scenario{Horizon: 5, Drivers: forecast.Drivers{forecast.GDP: gdpPath}},
//		})
//	}
//
// For each case, as a subtest named after it, Run checks that:
//
//   - Name is non-empty and every Forecast's Method equals it, and its
//     Level the level asked for;
//   - Fit and Forecast never modify the history, the drivers or the
//     scenario (compared value by value, NaN-aware, after each call);
//   - the forecast years are the Scenario.Horizon years after the history's
//     last year, for the point and both bounds;
//   - every point is finite, and the point does not depend on the level;
//   - at the levels 0.5, 0.8 and 0.95 (Levels) each interval contains its
//     point and the intervals nest: the lower bound does not increase and
//     the upper bound does not decrease with the level. A NaN bound is a
//     failure unless Case.NoInterval is set; then a year's bounds must be
//     both NaN or both numbers, and numbers are checked as above;
//   - results are deterministic: a second Forecast from the model, and a
//     second Fit and Forecast, equal the first bit for bit (NaN equal to
//     NaN);
//   - if the fitted models are forecast.Refitters: one model, kept across
//     the cases of a Run (for the first case, fit to the history doubled),
//     Refit to the case's history and its ForecastTo into one reused
//     Forecast give at each level what a fresh Fit and Forecast gave, bit
//     for bit (NaN equal to NaN), without modifying the inputs; and, in the
//     steady state (testing.AllocsPerRun over AllocRuns runs), Refit and
//     ForecastTo allocate nothing — unless Case.RefitAllocates is set, or
//     the race detector, whose instrumentation allocates, is on;
//   - if the fitted models are forecast.Refitters: a model fit to the
//     case's history and Refit to each of the bad histories below gives
//     the error Fit gives on it, the same text (or none if Fit gives none,
//     and then forecasts as Fit's model does); after a Refit error it holds
//     nothing stale: Forecast and ForecastTo return an error, Parameters
//     (if it is a forecast.ParameterReporter) reports no parameter and
//     Implied (if it is a forecast.Implier) returns an error; and a Refit
//     to the case's history then recovers it: Forecast and ForecastTo at
//     each level, and Parameters, equal Fit's, bit for bit;
//   - the Method value and a fitted Model are safe for concurrent use:
//     Fit and Forecast from Goroutines goroutines at once (half of them on
//     the history doubled), and Forecast of one model from as many, each
//     goroutine Rounds times at one of Levels in turn (so that calls at
//     different levels overlap: a model that keeps a per-level value such
//     as a quantile in itself gives one level another's interval), and,
//     if the model is a forecast.Refitter, ForecastTo from each of them
//     into a Forecast of its own (unless Case.ForecastToWrites is set),
//     sharing the same input values, give the results the same calls give
//     alone, bit for bit, and leave the inputs unchanged; run under the
//     race detector (go test -race), this also finds unsynchronised shared
//     state;
//   - Forecast returns an error for the levels 0, 1, NaN, −0.5 and 1.5 and
//     the horizons 0 and −1;
//   - Fit or Forecast returns an error for histories derived from the case
//     that no method can use: an empty series, a single year, a single
//     observed year, the last year missing, every year missing, +Inf in the
//     last or a middle year, −Inf in the first year; and, for each driver in
//     Case.Drivers, with that driver removed from the drivers and the
//     scenario (so Case.Drivers must hold only drivers the method needs).
//
// A panic in Name, Fit or Forecast is recovered and reported as a failure.
//
// Two further checks compare a method with the others. CheckSharedErrors
// checks that the bad inputs every method shares (an empty history, a
// missing last year, an infinite value, one observed year, a value that is
// not positive, an absent driver, a bad level or horizon, a model whose
// Refit failed) get the errors of package forecast with exactly the
// wording every other method gives them, but for the package name.
// CheckDistinctNames checks that variants of one method have distinct
// names, so that forecast.WriteCSV writes them as distinct blocks and
// forecast.Combine takes them as distinct members.
//
// Two helpers serve the method packages' own error tests: CheckFitError
// checks that Fit rejects an input with a given error, and
// CheckFailedRefit that Fit and a failed Refit agree and that the model
// then refuses to forecast.
//
// The package also holds the helpers the method packages' fuzz targets
// share: AddFuzzSeeds adds their common seeds and FuzzBytes encodes others,
// FuzzFloats and FuzzInput decode the fuzzer's bytes into values, a history
// and drivers, and CheckFuzzForecast checks the forecast a method makes of
// them; FuzzMethod is the whole fit-and-forecast target built on them.
package forecasttest
