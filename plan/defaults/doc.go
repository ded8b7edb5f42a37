// Package defaults is the plan reproduction's method set: the elasticity,
// consumption-intensity and regression methods with the reproduction's
// fixed defaults, simple enough that anyone can re-derive each figure by
// hand.
//
// For a problem p (plan.NewProblem):
//
//   - elasticity: E = p.HistoricalElasticity(), the published 2006–2010
//     consumption growth over 11.2 %, held constant; Q_t = Q_{t−1}(1 + E·g_t).
//   - intensity: OLS of ln(Q/Y) on the year over 2000, 2005 and 2010,
//     extrapolated; Q_2015 = Î_2015·Y_2015.
//   - regression: OLS of Q on Y over 2000, 2005 and 2010; Q_2015 = a + b·Y_2015.
//
// Y is the GDP index of macro.PlanIndex. The fourth method the plan names,
// expert judgment, needs a panel the plan does not publish; a caller with
// one adds an expert.Method to its own set.
//
// This package imports the method packages so that package plan need not.
//
// The reproduction of China's 12th Five-Year Plan's 2015 forecast with these
// methods gives, for copper, 1178.65 (elasticity), 1266.26 (intensity) and
// 1107.75 (regression) 万吨 against the plan's 970; plan.Reproduce does it
// for every metal.
package defaults
