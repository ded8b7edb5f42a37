// Package regression uses linear regressions fitted by least squares
// (package lsq) as a forecasting method: the linear regression models of
// the 12th Five-Year Plan's demand forecast and their usual variants.
//
// # The forecasting method
//
// Method fits one regressor and an intercept over the observed years of a
// history Q (missing years are skipped; the plan's histories observe 2000,
// 2005 and 2010 only):
//
//	OnDriver   Q    = a + b·D      (the zero value; D = GDP by default)
//	Linear     Q    = a + b·t
//	LogLinear  ln Q = a + b·t
//	LogLog     ln Q = a + b·ln D   (b is the elasticity of Q to D)
//
// with t the year and D a driver, taken from the fit's drivers over the
// history and from forecast.DriverPath over the forecast years. For the log
// specs the point forecast is exp(ŷ), the median of Q if ln Q is normal;
// with BiasAdjust it is exp(ŷ + σ̂²/2), the mean under log-normality. The
// interval bounds are exp of the bounds on the log scale in both cases, so
// they are quantiles of Q: the median always lies inside them, but the mean
// lies above the upper bound when σ̂/2 exceeds t·sqrt(1 + h₀), h₀ the
// leverage x₀ᵀ(RᵀR)⁻¹x₀ — a fit too poor for the mean to be a useful point.
//
// The fit is lsq's closed-form Line, the one-regressor case of least
// squares: a + b·x₀ ± t σ̂ sqrt(1 + 1/Σw + (x₀ − x̄)²/Sxx) is the interval
// lsq.OLS gives on the design [1 x], t the quantile of Student's t with
// DF = n − 2 degrees of freedom (lsq.TQuantile), as R's predict.lm(...,
// interval = "prediction"). The models are forecast.Refitters that refit
// and forecast without allocating, and Model.OLS computes the equivalent
// lsq.Result on demand. The two agree to about 1e-13 relative on the data
// of the tests (checked to 1e-12). When the fit has no residual degrees
// of freedom (two observed years) the interval bounds are NaN.
//
// # References
//
// Chambers, J. M. (1992). Linear models. Chapter 4 of Statistical Models in
// S, eds. Chambers and Hastie. Wadsworth & Brooks/Cole. (R's lm, summary.lm,
// predict.lm.)
//
// Miller, D. M. (1984). Reducing transformation bias in curve fitting.
// The American Statistician 38(2), 124–126. (The log-normal mean exp(μ + σ²/2).)
package regression
