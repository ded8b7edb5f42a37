// Package methods holds the module's default set of forecasting methods:
// every method of the module that the data allow, as forecast.Candidate
// values for forecast.Analyse.
//
// Default returns, in this order, under these labels:
//
//   - "regression": OLS of consumption on real GDP in levels,
//     Q_t = a + b·Y_t (regression.Method{}), with t prediction intervals.
//   - "regression-loglog": OLS of ln Q_t on ln Y_t
//     (regression.Method{Spec: regression.LogLog}); b is a constant
//     elasticity.
//   - "elasticity-arc": the elasticity coefficient method with the arc
//     elasticity E = g_Q/g_Y from the growth rates of consumption and GDP
//     between the last two observed years, Q_t = Q_{t−1}·(1 + E·g_Y,t)
//     (&elasticity.Method{}); it gives no interval.
//   - "elasticity-point": the same with the point elasticity, the OLS slope
//     of ln Q on ln Y over the whole history
//     (&elasticity.Method{Estimator: elasticity.Point}), with an interval
//     from the slope's standard error.
//   - "intensity": the consumption intensity method, I_t = Q_t/Y_t with
//     ln I_t linear in the year by OLS, Q_T = Î_T·Y_T (intensity.Method{}).
//   - "intensity-malenbaum": Malenbaum's inverted U, ln I_t quadratic in
//     ln(Y_t/P_t), GDP per capita (intensity.Method{Trajectory:
//     intensity.Malenbaum}); it needs the forecast.Population driver, and
//     Analyse skips it, saying so, without one.
//   - "expert": the expert experience method (&expert.Method{}) on the
//     panel of Options.Panel for Options.Year, only when a panel is given;
//     it is not backtested, a panel judging one target year only.
//
// Every candidate but expert is backtested. The settings are each
// package's documented defaults; see those packages for the formulas, the
// intervals and the errors.
package methods
