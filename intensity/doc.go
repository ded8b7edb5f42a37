// Package intensity implements the consumption intensity method
// (消费强度法): consumption is measured per unit of a driver, the intensity
// is projected, and the forecast is the projected intensity times the
// scenario's driver path.
//
// # Intensity
//
// With Q_t consumption and Y_t the driver (by default forecast.GDP, real
// GDP as an index or level at constant prices), the intensity is
//
//	I_t = Q_t / Y_t,
//
// in the unit "Q-unit/Y-unit", on the observed years of the history
// (missing years before the last are skipped; the last must be observed).
// Q and Y must be positive: every trajectory works on ln I.
//
// # Trajectories
//
// LogTrend (the default) fits by OLS over the observed years
//
//	ln I_t = a + b·t + ε_t,   Î_T = exp(a + b·T),
//
// so that exp(b) − 1 is the fitted annual intensity change. It needs two
// observed years; the plan reproduction fits 2000, 2005 and 2010, three
// points with one residual degree of freedom.
//
// CAGR continues the compound annual change of I over a window [f, t_last]
// ending in the last observed year (by default f is the observed year
// before the last):
//
//	r = (I_last / I_f)^(1/(t_last − f)) − 1,   Î_T = I_last·(1 + r)^(T − t_last).
//
// Malenbaum fits the inverted U of intensity against income per head
// y = Y / P, P being forecast.Population:
//
//	ln I = a + b·ln y + c·(ln y)² + ε,
//
// and, when c < 0, reports the income per head at which intensity peaks,
//
//	y* = exp(−b / (2c));
//
// when c ≥ 0 the curve has no peak and y* is NaN. The trajectory needs
// three observed years and Population both among the drivers it is fit on
// and in the forecast scenario.
//
// # Forecast and interval
//
// For every forecast year T, with Y_T (and P_T) from the scenario by
// forecast.DriverPath,
//
//	Q̂_T = Î_T · Y_T.
//
// For LogTrend and Malenbaum the prediction interval at level 1 − α is the
// t interval of ln I at T, transformed back:
//
//	[exp(ln Î_T − t_{α/2, n−p}·s_T), exp(ln Î_T + t_{α/2, n−p}·s_T)] · Y_T,
//
// s_T² = σ̂²·(1 + x_T'(X'X)⁻¹x_T), from the closed-form least squares line
// lsq.Line (LogTrend) or the QR fit lsq.OLS (Malenbaum). The point
// is the back-transformed mean of ln I, i.e. the median of Q_T under a
// log-normal error, not its mean. With no residual degrees of freedom (two
// years for LogTrend, three for Malenbaum) the interval is NaN. Both hold
// the scatter of ln I about the fitted trajectory (σ̂²) besides the
// coefficients' error, but as independent of the horizon: persistent
// deviations make them too narrow far ahead, as measured below.
//
// The CAGR trajectory's interval holds the scatter of ln I's annual change
// about the continued rate r, compounding over the horizon: with each gap
// between consecutive observed years a < b (n = b − a) a residual
// ρ = ln(I_b/I_a) − n·ln(1 + r), σ² = Σ (ρ²/n)/(J − 1) over the J gaps,
// the bounds h years ahead are Q̂·exp(±t_{J−1}·√(h·σ²)); NaN with fewer
// than two gaps.
//
// Coverage measured on 300 synthetic 23-year series with a GDP driver
// (the package methods' coverage test data; the last 6 years held out;
// TestSyntheticFigures of package methods reproduces it): the log trend's
// own 80 % interval covered 43.5 % and Malenbaum's 37.3 %;
// forecast.Calibrated raised them to 73.3 % and 76.6 %. In the methods
// package's rolling-origin test (40 series, horizon 5; anchored and
// calibrated, TestDefaultCoverage) they cover 81.1 % and 82.0 %. M1 has no driver and cannot measure the method. Malenbaum
// is backtested from five observed years (Method.MinTrain), the log trend
// and the CAGR from three.
//
// # Parameters
//
// Models implement forecast.ParameterReporter: the regression
// coefficients with their standard errors (LogTrend: intercept, trend;
// Malenbaum: intercept, ln-income, ln-income-squared and peak-income), the
// continued rate for CAGR (intensity-change), and for every trajectory the
// historical annual intensity change from the first to the last observed
// year,
//
//	h = (I_last / I_first)^(1/(t_last − t_first)) − 1
//
// (historical-intensity-change). They implement forecast.Implier: the
// constant annual intensity change r that, from the last observed
// intensity, reaches a target Q_T,
//
//	Q_T = I_last·(1 + r)^(T − t_last)·Y_T  ⇔  r = (Q_T / (I_last·Y_T))^(1/(T − t_last)) − 1,
//
// reported as intensity-change (a fraction per year), to be set beside h.
//
// # References
//
// W. Malenbaum, World Demand for Raw Materials in 1985 and 2000.
// McGraw-Hill, New York, 1978.
//
// 工业和信息化部 (Ministry of Industry and Information Technology),
// 有色金属工业“十二五”发展规划 (the 12th Five-Year Plan for the nonferrous
// metals industry), 2011, section 二(二): the 2015 demand forecast combines
// the elasticity, consumption intensity, expert and regression methods.
package intensity
