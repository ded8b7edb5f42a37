// Package theta implements the standard Theta method of Assimakopoulos &
// Nikolopoulos (2000) for annual data, in the form of Hyndman & Billah
// (2003) and R's forecast::thetaf: simple exponential smoothing with a
// drift of half the slope of the linear trend.
//
// # Model
//
// Simple exponential smoothing, the model ETS(A,N,N),
//
//	y_t = ℓ_{t−1} + ε_t,  ℓ_t = ℓ_{t−1} + α (y_t − ℓ_{t−1}),
//
// is fit as R's ses() does: α and ℓ₀ minimise the mean squared one-step
// error by Nelder–Mead (Nash 1990) within 1e-4 ≤ α ≤ 0.9999, from α =
// 0.2·(0.9999 − 1e-4) + 1e-4 and ℓ₀ the mean of the first ten years. The
// drift is b = β̂/2, β̂ the least squares slope of y on 0, 1, …, n − 1. The
// forecast h years after the last of the n years is
//
//	ŷ_{n+h} = ℓ_n + b (h − 1 + (1 − (1 − α)^n)/α),
//
// with α at least 1e-10, which Hyndman & Billah (2003) show equals the
// Theta method's combination of the θ = 0 line (the trend) and the θ = 2
// line extrapolated by exponential smoothing.
//
// # Intervals
//
// As R's thetaf, the interval at level 1 − a is
//
//	ŷ_{n+h} ± z_{1−a/2} σ̂ √(1 + (h − 1) α²),
//
// the exponential smoothing's, with σ̂² = Σe_t²/(n − 2) from its one-step
// errors e_t. It does not account for the uncertainty of the drift.
//
// For six years or fewer R's ses() falls back to Holt–Winters smoothing
// (ℓ₀ the first value, α by least squares); this package estimates α and
// ℓ₀ as for longer histories, from four observed years on.
//
// A missing year (NaN) between the first observed and the last is
// skipped by the smoothing (its innovation taken as zero) and by the
// trend line. In (1 − α)^n, n counts the years from the first observed to
// the last; σ̂² divides the sum of squared innovations by the number of
// observed years less 2.
//
// # References
//
// Assimakopoulos, V. & Nikolopoulos, K. (2000). The theta model: a
// decomposition approach to forecasting. International Journal of
// Forecasting 16(4), 521–530.
//
// Hyndman, R.J. & Billah, B. (2003). Unmasking the Theta method.
// International Journal of Forecasting 19(2), 287–290.
//
// Nash, J.C. (1990). Compact Numerical Methods for Computers, 2nd ed.,
// Algorithm 19. Adam Hilger.
package theta
