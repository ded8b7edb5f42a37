// Package elasticity implements the elasticity coefficient method
// (弹性系数法) of demand forecasting: demand grows E times as fast as a
// driver, usually real GDP.
//
// # Estimating the elasticity
//
// Let Q_t be consumption and Y_t the driver. Three estimators give the base
// elasticity E₀ (Method.Estimator):
//
//   - Arc (the default): over a window [a, b] of two observed years,
//
//     g_Q = (Q_b/Q_a)^(1/(b−a)) − 1,  g_Y = (Y_b/Y_a)^(1/(b−a)) − 1,
//     E₀ = g_Q / g_Y.
//
//     The default window ends at the last observed year and starts
//     Method.Window years earlier, DefaultArcWindow = 5 (2005–2010 for the
//     plan's histories, whose observed years are five apart). Five, not
//     one: on 300 synthetic 23-year series with a GDP driver (constant
//     elasticity 1.1, AR(1) shocks in log growth; forecasts of the last 6
//     years from the 17 before, the package methods' coverage test data),
//     the arc elasticity's sMAPE / MASE were 13.70 / 4.442 over one year,
//     12.68 / 4.081 over two, 12.17 / 3.854 over three, 11.94 / 3.733 over
//     five, 11.46 / 3.577 over eight and 10.35 / 3.254 over the whole
//     history (TestSyntheticFigures of package methods reproduces them):
//     one year's blip divides by g_Y and compounds. The longest
//     window wins there only because that elasticity never changes; real
//     elasticities move with the stage of development, so the default
//     stops at five years, the planning period, which takes most of the
//     gain. M1 has no driver and could not measure this. With the plan's
//     copper figures (374 and 753
//     万吨) and a GDP index growing 11.2 % a year over 2006–2010,
//     E₀ = ((753/374)^(1/5) − 1)/0.112 = 0.150230/0.112 = 1.34134. The
//     plan rounds the consumption growth to 15.0 %; a caller who wants E₀
//     from the published rate uses Given with Value 0.150/0.112.
//
//   - Point: the OLS slope of ln Q_t on ln Y_t with an intercept over the
//     observed years, on centred data:
//
//     b = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²,  x = ln Y, y = ln Q,
//     SE(b) = √( Σ(y − ȳ − b(x−x̄))² / (n−2) / Σ(x−x̄)² ),
//
//     the standard error existing when n ≥ 3.
//
//   - Given: E₀ = Method.Value.
//
// # The path of E and the forecast
//
// With t₀ the last observed year, E is constant (E_t = E₀) or, when
// Method.TargetYear T is set, moves linearly to Method.Target and stays
// there:
//
//	E_t = E₀ + (Target − E₀)·min(1, (t − t₀)/(T − t₀)),  t > t₀.
//
// The forecast is
//
//	Q_t = Q_{t−1}·(1 + E_t·g_t),  g_t = Y_t/Y_{t−1} − 1,
//
// from Q_{t₀}, the driver's path from t₀ on taken from the scenario, or
// from the observed drivers where the scenario does not cover a year
// (forecast.DriverPath). For E = 1.5 and 7 % growth for five years from
// 100: 100·(1 + 1.5·0.07)^5 = 100·1.105^5 = 164.745.
//
// # Intervals
//
// The interval of Arc and Point holds the scatter of demand about the
// relation, compounding over the horizon: with r the residual of each gap
// between observed years a < b, r = ln(Q_b/Q_a) − (b−a)·ln(1 + E₀·g),
// g the driver's compound growth over the gap, σ² = Σ (r²/(b−a)) / (J − 1)
// over the J gaps, and, for Point, SE the slope's standard error and
// D_h = Σ_{i≤h} g_i/(1 + E·g_i), the bounds h years ahead are
// Q̂·exp(±t_{J−1}·√(h·σ² + D_h²·SE²)) (Model.Forecast). Before, they held
// the slope's error alone and the arc none: on the synthetic set above
// the point elasticity's 80 % interval covers 59.7 % of the held-out
// years with the scatter (Arc over five years 58.2 %), and
// forecast.Calibrated brings them to 79.4 % and 77.4 %
// (TestSyntheticFigures). A Given elasticity has no
// interval (NaN bounds): it comes from outside the model.
//
// # Implied elasticity
//
// Model.Implied solves for the constant E that makes the forecast reach a
// given Q_T: in closed form E = ((Q_T/Q₀)^(1/n) − 1)/g when the driver
// grows at a constant rate g, otherwise by bisection on
// Σ ln(1 + E·g_t) = ln(Q_T/Q₀). The plan's 970 万吨 of copper in 2015
// under 7 % growth implies E = ((970/753)^(1/5) − 1)/0.07 = 0.742.
//
// # References
//
// Marshall, A. (1890). Principles of Economics, book III, ch. IV (the
// elasticity of demand; arc elasticity).
//
// Allen, R. G. D. (1934). The concept of arc elasticity of demand. Review
// of Economic Studies 1(3), 226–229.
//
// Ministry of Industry and Information Technology (2011). 有色金属工业
// “十二五”发展规划 (12th Five-Year Plan for the nonferrous metals
// industry), section 二(二), which names the elasticity coefficient method
// among the four methods behind its 2015 demand forecast.
package elasticity
