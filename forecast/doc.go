// Package forecast defines the contract every forecasting method in this
// module implements — Method, Model, Forecast, Drivers and Scenario — and
// the tools that work across methods: combination, accuracy measures and
// interval scores, the rolling-origin backtest and held-out evaluation.
//
// # The contract
//
// A Method fits a Model to an annual history (a series.Series whose NaN
// values are missing years) and to observed Drivers such as real GDP. The
// history's last year must be observed; earlier missing years are skipped.
// A Model forecasts the Horizon years after the history's last year under
// a Scenario giving the drivers' assumed future paths, and returns the point
// path with a prediction interval at a level in (0, 1) — NaN bounds where
// the method cannot give one. Fit and Forecast never modify their inputs,
// are deterministic, and return errors, never panic, for data they cannot
// use. Package forecasttest checks a Method against this contract.
//
// # Combination
//
// Combine forms, at each year t, the weighted mean of the members' points
//
//	f_t = Σ_i w_i f_i,t / Σ_i w_i
//
// over the members observed at t, with weights normalised to Σ w_i = 1:
//
//   - equal weights, w_i = 1/n (the default);
//   - fixed weights given by the user, finite, ≥ 0, with a positive sum;
//   - inverse-MSE weights (Bates and Granger 1969), w_i = (1/MSE_i) / Σ_j (1/MSE_j),
//     from each method's backtest mean squared error (InverseMSEWeights;
//     BacktestWeights from Backtest results of the same origins;
//     CombinedInverseMSE from the origins every member forecast, as
//     Analyse uses it).
//
// Combine's interval is centred on the combined point, its half-width the
// weighted mean of the members' half-widths (the interval of the
// combination if the members' errors were perfectly correlated); it is not
// a prediction interval with a measured coverage. Analyse and Calibrated
// set a combination's interval from its own out-of-sample errors instead
// (see Calibrated intervals below).
//
// # Accuracy
//
// With actual values y_t, forecasts f_t, errors e_t = y_t − f_t over the n
// years compared, and training data x_1 … x_T, Accuracy returns (Hyndman and
// Koehler 2006):
//
//	ME    = mean(e_t)
//	MAE   = mean(|e_t|)
//	RMSE  = √mean(e_t²)
//	MPE   = mean(100 e_t / y_t)
//	MAPE  = mean(|100 e_t / y_t|)
//	sMAPE = mean(200 |e_t| / (|y_t| + |f_t|))
//	MASE  = mean(|q_t|),  q_t = e_t / Q,  Q = mean over t of |x_t − x_{t−1}|
//
// where Q, the in-sample mean absolute error of the naive (lag-1) forecast,
// is taken over consecutive observed training years. ME, RMSE, MAE, MPE,
// MAPE and MASE match R's forecast::accuracy for non-seasonal data; sMAPE,
// which accuracy no longer reports, is Hyndman and Koehler's formula above.
//
// # Interval scores
//
// A central prediction interval [l_t, u_t] at level L = 1 − α is scored
// against the actual y_t by (Gneiting and Raftery 2007; Makridakis, Spiliotis
// and Assimakopoulos 2020 for the M4 competition's MSIS):
//
//	coverage  = mean(1{l_t ≤ y_t ≤ u_t})
//	IS_t      = (u_t − l_t) + (2/α)(l_t − y_t)·1{y_t < l_t} + (2/α)(y_t − u_t)·1{y_t > u_t}
//	Winkler   = mean(IS_t)                   (the interval score, Winkler 1972)
//	MSIS      = mean(IS_t / Q)               Q as for MASE (the seasonal difference with m = 1)
//	ρ_τ(y, q) = τ(y − q) if y ≥ q, (1 − τ)(q − y) otherwise   (pinball loss)
//	Pinball   = mean((ρ_{α/2}(y_t, l_t) + ρ_{1−α/2}(y_t, u_t)) / 2)
//
// The bounds are the quantiles at α/2 and 1 − α/2, and IS_t = (2/α)(ρ_{α/2} +
// ρ_{1−α/2}), so Winkler = (4/α)·Pinball. Coverage should be close to L on
// data the method has not seen; the interval score rewards narrow intervals
// and penalises each miss by 2/α times its distance, so that it is smallest,
// in expectation, for the true quantiles. Years without an actual value or
// without an interval (NaN bounds) are not scored. IntervalAccuracy scores
// one forecast; Backtest and Evaluate pool the scores as they pool the point
// errors.
//
// # Backtest
//
// Backtest is rolling-origin evaluation with an expanding window (Tashman
// 2000): each observed year t with at least MinTrainOf(m, MinTrain)
// observed years up to it is an origin; the method is fit on the history and
// drivers up to t and forecasts min(h, T − t) years, fewer where a driver is
// missing, under the drivers actually observed after t (an ex-post,
// conditional forecast). Its errors are pooled over all origins
// and steps, and per step k = 1 … h. This is the scheme of R's
// forecast::tsCV, which it reproduces for a deterministic method.
//
// Each origin costs one fit on the history up to it, so every origin of a
// history of n years would cost O(n²); Backtest uses the latest
// MaxOrigins origins (DefaultMaxOrigins, 100), O(n) for a long history and
// every origin for a history of up to about 100 years.
//
// # Every method the data allow
//
// Analyse runs a list of Candidates (a method, the label it is reported
// by, the drivers it needs, whether to backtest it) on one history: it
// forecasts with each, records each one that cannot run with its reason,
// backtests the others over min(horizon, 5) years, and combines them with
// equal weights and with inverse-MSE (Bates–Granger) weights
// (CombinedInverseMSE: errors DefaultCalibrationHorizon steps ahead at the
// origins every member forecast, not the scores of those backtests).
// Package methods supplies the module's default candidates.
//
// # Held-out evaluation
//
// Evaluation measures, on many series, how accurate each method is and
// whether its intervals cover what they claim, on data it has not seen.
// For each series the last H observed years are held out: the origin T is
// the observed year before them, each method is fit on the history and
// drivers up to T and forecasts the years T+1 … End under the drivers
// observed in them (ex post, as Backtest does), at each level. Every held-out
// year with an actual value y and point f gives one forecast with h = year − T
// (h runs 1 … H when no held-out year is missing), scored with
//
//	sMAPE = 200 |y − f| / (|y| + |f|)           (the M3 definition; 0 when y = f = 0)
//	MASE  = |y − f| / Q                          Q = mean |x_t − x_{t−1}| over the fitted years
//	cover = 1{l ≤ y ≤ u},  IS, IS/Q, pinball     as under Interval scores above
//
// and each score is pooled as the mean over all series and held-out years
// (and, per step, over the series at h). With the same number of held-out
// years in every series this is the mean over series of each series' mean,
// the M-competitions' figure. MASE and MSIS are means over the series whose
// Q is positive and finite (EvalScores.NScaled counts their forecasts);
// interval scores over the forecasts that have an interval. A series that
// cannot be evaluated (too few observed years, an infinite value), or that
// a method cannot fit or forecast, is listed with its name in
// EvalResult.Errors and leaves the others unaffected. EvalResult.Summary
// scores each method over the series it could forecast
// (MethodSummary.Series); EvalResult.Common over the series every method
// could, to compare methods on the same data. The series
// run on a Batch with one fit per method and series for all levels;
// results are in input order and do not depend on the number of workers.
//
// # Reading and writing
//
// WriteCSV and ReadCSV keep forecasts in a long table, one row per forecast
// and year (method, level, series, unit, year, point, lower, upper), and
// read back every value bit for bit. An EvalResult writes its rows, its
// summary and its errors as CSV tables (WriteCSV, WriteSummaryCSV,
// WriteErrorsCSV). Forecast and Combination also encode as JSON with
// encoding/json as they are (lower-case keys: method, point, lower, upper,
// level, and members and weights), since series.Series implements
// json.Marshaler (a missing value is null) and every other field is a
// string, an integer or a finite float64: decoding gives back every value
// bit for bit.
//
// # Reuse and batches
//
// A model that implements Refitter can be fit again in place (Refit) and
// forecast into a caller's Forecast (ForecastTo, which reuses the Values of
// its three series). A caller that keeps one such model and one Forecast
// per goroutine fits and forecasts any number of series without
// allocating once the buffers have grown to size; the models of packages
// regression, elasticity and intensity (except intensity's Malenbaum
// trajectory, whose three-coefficient fit allocates) do so. Refit must
// leave the model exactly as Method.Fit would return it, and ForecastTo
// must write exactly what Forecast returns, errors included, bit for bit:
// the methods of this module make Fit a Refit of a new model and Forecast
// a ForecastTo into a new Forecast, so the two paths are one (package
// forecasttest checks this, and the allocations, for every method it
// runs). A Method value is safe for concurrent use, and so is a model that
// is only forecast; a model being refit is its caller's state and is not.
//
// Batch applies a set of methods to many jobs (history, drivers, scenario)
// on GOMAXPROCS goroutines (Batch.Workers to change it). Workers take
// consecutive chunks of 64 jobs; each keeps one Refitter per method and
// refits it for every job it takes. Results come back in the order of the
// jobs and, by the Refitter contract, do not depend on the number of
// workers or on scheduling. A job that a method cannot use gets its own
// error, wrapped with the job index, the series name and the method name
// (a panic is recovered into one); the rest of the batch is unaffected.
// RunTo reuses the results of a previous batch, so that a stream of
// batches allocates nothing per series. With Batch.Levels each method
// forecasts every job at several levels from one fit; Batch.Progress
// reports the jobs done.
//
// # Calibrated intervals
//
// Calibrated(m, settings) is m with its interval set from the series' own
// rolling-origin errors (see Calibrated for the rule, its fallbacks and
// when its guarantee holds); Combined and CombinedInverseMSE make a
// combination a Method, so that Calibrated(Combined(…)) has an interval
// from the combination's own errors. Combine's interval is centred on the
// combined point: the weighted mean of the members' half-widths, the
// bound for perfectly correlated member errors.
//
// The settings' defaults were chosen on M1 yearly (181 series, the last 6
// years held out, demand evaluate -holdout 6), before any other data were
// looked at. Coverage of drift's 80 % / 95 % intervals, by scaling of the
// pooled errors, with the scale s_t the window's mean absolute annual
// change and the textbook ⌈(N+1)α⌉-th of N errors: √h gave 70.4 / 82.5 %,
// h 72.1 / 86.7 %, the method's own standard error 70.8 / 85.6 % (drift's
// own interval: 57.2 / 71.6 %). Counting origins rather than errors in the
// finite-sample correction (the errors of one origin move together), h
// gave 78.0 / 91.3 %. On the synthetic annual series of package methods
// the same rule left the late origins at 45–60 %: for a growing series the
// window's mean change falls ever further below the current one. With s_t
// = last value × mean |Δ ln y| (the relative pace at today's level) that
// went (drift 76.1 % there) but M1 became too wide at 80 % (85.2 / 93.2 %),
// because rounding the corrected rank up to a whole origin takes the
// largest score whenever M ≤ 8; reading the rank α(M+1)/M among all N
// scores instead, and a robust spread in the fallback, gave the rule of
// the time: the conformal quantile wherever a(α) ≤ 1, and beyond it a
// normal (then a Laplace) fitted to the median score. Its intervals did
// not always nest across levels (the median-based tail could fall below
// the largest scores' quantile at a lower level: on a noisy series
// drift's 95 % interval was narrower than its 80 % one). The rule now
// reads the conformal quantile up to 80 % and extends it by the Laplace
// tail beyond (see Calibrated). On M1 (80 % / 95 % coverage, MSIS at
// 95 %), with the normal tail, the median-based Laplace, and the rule now:
//
//	                                       normal          Laplace(median) conformal + tail
//	drift-calibrated                       80.7 / 89.6  48.99   80.7 / 93.2  50.70   80.7 / 92.5  44.44
//	naive-calibrated                       78.5 / 90.3  57.54   78.5 / 95.4  64.17   78.5 / 95.2  48.46
//	regression-linear-anchored-calibrated  79.7 / 88.7  50.82   79.7 / 92.4  52.38   79.7 / 92.0  45.63
//	theta-calibrated                       79.1 / 88.7  56.49   79.1 / 92.9  60.22   78.4 / 94.5  47.02
//	combination-inverse-mse-calibrated     82.1 / 90.0  52.47   82.1 / 92.7  54.43   82.1 / 92.9  45.24
//
// (drift's own interval: 57.2 / 71.6 %, 61.28); with the first training
// window CalibrationMargin = 2 years longer than the method's MinTrainOf
// (with the normal tail and without the margin: 81.2 / 91.5 %, 77.0 /
// 91.2 %, 80.5 / 90.9 % and 83.5 / 92.0 % with an MSIS of 2.2·10⁸, from
// fits on two or three years that ran away), and 72–82 % at 80 % for every
// default method in the synthetic rolling-origin test of package methods.
// Methods whose errors grow otherwise than in proportion to the horizon
// say so as a CalibrationScaler (ets.Auto and the log-linear trend, by
// √h; see their documentation for the measurement).
//
// On 37 other annual series (benchmarks/testdata/annual37.csv, written by
// the R and Python scripts beside it from the data sets of R 4.2.2, R's
// forecast 8.20 and statsmodels 0.13: mostly long, smooth series), the
// calibrated intervals are wider than needed: drift 90.3 / 99.1 %, ets
// 93.3 / 100 %, the combination 90.7 / 99.5 % with MSIS 29.74 (89.8 /
// 100 % and 40.50 with the normal tail), where ets's own interval covers
// 72.1 / 92.8 % with an MSIS of 13.09. Errors of early origins, fit on
// windows much shorter than the whole history, are larger than the final
// fit's; with the median-based Laplace tail, calibrating from the origins
// whose window holds at least half the history brought the combination's
// MSIS there from 45.1 to 29.1 but raised it on M1 from 54.4 to 62.3
// (more series short of origins); it is not the default.
//
// # References
//
// Bates, J. M. and Granger, C. W. J. (1969). The combination of forecasts.
// Operational Research Quarterly 20(4), 451–468.
//
// Hyndman, R. J. and Koehler, A. B. (2006). Another look at measures of
// forecast accuracy. International Journal of Forecasting 22(4), 679–688.
//
// Gneiting, T. and Raftery, A. E. (2007). Strictly proper scoring rules,
// prediction, and estimation. Journal of the American Statistical
// Association 102(477), 359–378.
//
// Lichtendahl, K. C., Grushka-Cockayne, Y. and Winkler, R. L. (2013). Is it
// better to average probabilities or quantiles? Management Science 59(7),
// 1594–1611.
//
// Lei, J., G'Sell, M., Rinaldo, A., Tibshirani, R. J. and Wasserman, L.
// (2018). Distribution-free predictive inference for regression. Journal
// of the American Statistical Association 113(523), 1094–1111.
//
// Makridakis, S., Spiliotis, E. and Assimakopoulos, V. (2020). The M4
// competition: 100,000 time series and 61 forecasting methods.
// International Journal of Forecasting 36(1), 54–74.
//
// Tashman, L. J. (2000). Out-of-sample tests of forecasting accuracy: an
// analysis and review. International Journal of Forecasting 16(4), 437–450.
//
// Vovk, V., Gammerman, A. and Shafer, G. (2005). Algorithmic Learning in
// a Random World. Springer.
//
// Williams, W. H. and Goodman, M. L. (1971). A simple method for the
// construction of empirical confidence limits for economic forecasts.
// Journal of the American Statistical Association 66(336), 752–754.
//
// Winkler, R. L. (1972). A decision-theoretic approach to interval
// estimation. Journal of the American Statistical Association 67(337),
// 187–191.
package forecast
