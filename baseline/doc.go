// Package baseline provides the benchmark forecasting methods every other
// method must beat: naive (the random walk), drift (the random walk with
// drift) and mean, with the prediction intervals of Hyndman and
// Athanasopoulos (2021, §5.5). Each is a forecast.Method; on a history
// without missing years its points and bounds are those of R's forecast
// package (8.20): naive, rwf(drift = TRUE) and meanf.
//
// # Formulas
//
// Let y_1 … y_T be the observed history, d_t = y_t − y_{t−1} its m = T − 1
// annual changes, h = 1, 2, … the forecast step, z = Φ⁻¹(1/2 + L/2) the
// standard normal quantile of a central interval at level L and
// t = t_{1/2+L/2, T−1} Student's:
//
//	naive  ŷ_{T+h} = y_T                σ̂² = Σ d_t² / m
//	       interval ŷ ± z σ̂ √h
//	drift  ŷ_{T+h} = y_T + h b̂,         b̂ = Σ d_t / m = (y_T − y_1)/(T − 1)
//	       σ̂² = Σ (d_t − b̂)² / (m − 1),  SE(b̂) = σ̂ / √m
//	       interval ŷ ± z √(σ̂² h + h² SE(b̂)²) = ŷ ± z σ̂ √(h (1 + h/(T − 1)))
//	mean   ŷ_{T+h} = ȳ = Σ y_t / T      s² = Σ (y_t − ȳ)² / (T − 1)
//	       interval ȳ ± t s √(1 + 1/T)
//
// The naive σ̂ is the root mean square of the changes (the random walk has
// no parameter to estimate); the drift's σ̂ is the residual standard error
// of regressing the changes on a constant, as R's lm(diff(y) ~ 1); its
// interval adds the variance of h b̂ to that of the h-step random walk. The
// mean's interval uses Student's t, as meanf does, where the book uses the
// normal quantile.
//
// # Missing years
//
// A history may have missing (NaN) years before its last one, which must
// be observed. Each method treats the observed years as observations of its
// model at those years.
//
// Naive and drift use the changes d_i = y_{t_i} − y_{t_{i−1}} between the m
// pairs of consecutive observed years t_{i−1} < t_i, k_i = t_i − t_{i−1}
// years apart. Under the random walk d_i has mean k_i b and variance k_i σ²,
// so the estimates are the weighted ones (maximum likelihood for the naive
// σ̂², generalised least squares for b̂):
//
//	naive  σ̂² = Σ d_i²/k_i / m
//	drift  b̂ = Σ d_i / Σ k_i = (y_last − y_first)/(t_last − t_first)
//	       σ̂² = Σ (d_i − k_i b̂)²/k_i / (m − 1),  SE(b̂) = σ̂ / √Σ k_i
//
// With every year observed (k_i = 1) they are the formulas above. R's rwf
// instead carries the last value over a missing year and counts the change
// across the gap as one year's.
//
// Mean uses the n observed years: ȳ, s and t over them, and √(1 + 1/n).
// R's meanf takes n, in t's degrees of freedom and in 1 + 1/n, as the
// length of the series, missing years included.
//
// Each method needs at least two observed years. With only two, drift has
// no σ̂ (m − 1 = 0) and gives NaN bounds, as R does.
//
// R's forecast.lagwalk divides the drift's squared residuals by m − 1 only
// when the estimated drift is not exactly zero, and by m when it is (a
// history whose first and last values are equal); this package always
// divides by m − 1.
//
// # Reuse
//
// The models are forecast.Refitters holding a few numbers and no slice:
// Refit and ForecastTo allocate nothing once the Forecast's buffers have
// grown to size.
//
// # References
//
// Hyndman, R. J. and Athanasopoulos, G. (2021). Forecasting: Principles and
// Practice, 3rd ed., §5.2 (simple forecasting methods) and §5.5
// (distributional forecasts and prediction intervals, Table 5.2).
// OTexts, Melbourne. https://otexts.com/fpp3/
//
// Hyndman, R. J. et al. (2023). forecast: Forecasting functions for time
// series and linear models. R package version 8.20 (naive, rwf, meanf).
package baseline
