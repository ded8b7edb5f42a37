// Package ets implements the innovations state space models of exponential
// smoothing for annual (non-seasonal) data, with maximum likelihood
// estimation, selection by an information criterion and prediction
// intervals, following Hyndman, Koehler, Ord & Snyder (2008) and R's
// forecast::ets.
//
// # Models
//
// ETS(E,T,N) has an error E, additive (A) or multiplicative (M), and a
// trend T, none (N), additive (A) or additive damped (Ad): the six models
// ANN, AAdN, AAN, MNN, MAdN and MAN (Spec). With level ℓ, slope b,
// smoothing parameters α, β, damping φ (φ = 1 undamped), the one-step
// forecast is
//
//	ŷ_t = ℓ_{t−1} + φ b_{t−1}     (ŷ_t = ℓ_{t−1} without trend)
//
// and the innovation ε_t enters as
//
//	additive error:        y_t = ŷ_t + ε_t,          e_t = y_t − ŷ_t
//	multiplicative error:  y_t = ŷ_t (1 + ε_t),      e_t = (y_t − ŷ_t)/ŷ_t
//
// with ε_t independent N(0, σ²). Both error types update the states in the
// same error-correction form:
//
//	ℓ_t = ŷ_t + α (y_t − ŷ_t)
//	b_t = φ b_{t−1} + (β/α)(ℓ_t − ℓ_{t−1} − φ b_{t−1})
//
// A missing year (NaN) between the first observed and the last is
// skipped: its innovation is taken as zero, so the states move on by the
// forecast, and it adds nothing to the likelihood.
//
// # Estimation
//
// The parameters θ = (α, β, φ, ℓ₀, b₀) minimise
//
//	L(θ) = n log Σ e_t²                   (additive error)
//	L(θ) = n log Σ e_t² + 2 Σ log |ŷ_t|    (multiplicative error)
//
// which is −2 times the Gaussian log-likelihood with σ² concentrated out,
// up to a constant; Model.LogLik returns −L/2, as R's ets reports it. The
// minimiser is the Nelder–Mead simplex method in the variant of Nash
// (1990), R's optim, from R's starting values: α = 0.2·(0.9999 − 1e-4) +
// 1e-4, β = 0.1·(α − 1e-4) + 1e-4, φ = 0.8 + 0.99·(0.98 − 0.8), ℓ₀ the mean
// of the first ten (or fewer) years, or ℓ₀, b₀ the intercept and slope of
// their least squares line on 1, 2, …, with a trend. Outside R's "both"
// bounds the objective is +∞: the usual ones, 1e-4 ≤ α ≤ 0.9999,
// 1e-4 ≤ β ≤ min(α, 0.9999), 0.8 ≤ φ ≤ 0.98, and the admissible region
// 1 − 1/φ < α < 1 + 1/φ, α(φ − 1) < β < (1 + φ)(2 − α). The recursions
// equal R's to rounding, so the optimiser follows R's path: on the 181 M1
// yearly series (less their last six years) every model's log-likelihood
// is within 1e-4 of R's wherever R estimates it, and Auto selects R's
// model for all 181.
//
// # Selection
//
// With k the estimated parameters plus one (σ²) and n the observed years,
//
//	AIC = L + 2k,  AICc = AIC + 2k(k + 1)/(n − k − 1),  BIC = L + k log n.
//
// Auto fits each candidate with at least k + 1 observed years (k + 2 under
// AICc, whose correction needs n − k − 1 > 0) and takes the smallest
// criterion (AICc by default), trying the models in R's order and
// skipping the multiplicative ones unless every value is positive.
// R's ets() falls back to Holt–Winters smoothing for histories of six
// years or fewer; Auto fits the models that such a history identifies.
//
// # Forecasts and intervals
//
// The point forecast is the mean of the forecast distribution,
//
//	μ_h = ℓ_n + (φ + φ² + … + φ^h) b_n,
//
// and σ̂² = Σe_t²/(n − p), p the number of parameters α, β, φ, ℓ₀, b₀ of
// the model. The interval at level 1 − a is μ_h ± z_{1−a/2} √v_h, with the
// analytic variances of Hyndman et al. (2008, ch. 6), as R's forecast.ets
// computes them. With c_j = α + β(φ + … + φ^j):
//
//	class 1, additive error:        v_h = σ̂² (1 + Σ_{j=1}^{h−1} c_j²)
//	class 2, multiplicative error:  v_h = (1 + σ̂²) θ_h − μ_h²,
//	                                θ_1 = μ_1², θ_h = μ_h² + σ̂² Σ_{j=1}^{h−1} c_j² θ_{h−j}.
//
// With Simulate set, the bounds are instead the a/2 and 1 − a/2 quantiles
// (Hyndman & Fan's type 8) of the values of Simulate sample paths drawn
// from the fitted model with N(0, σ̂²) innovations (bounded below by −1 for
// multiplicative error) from a PCG generator seeded with Seed, as R's
// forecast(…, simulate = TRUE) computes them with its own generator. The
// intervals account for the innovations' variance, not for the
// uncertainty of the estimated parameters.
//
// # References
//
// Hyndman, R.J., Koehler, A.B., Ord, J.K. & Snyder, R.D. (2008).
// Forecasting with Exponential Smoothing: The State Space Approach.
// Springer. Chapters 2 (models), 5 (estimation), 6 (prediction
// distributions), 7 (selection).
//
// Hyndman, R.J., Koehler, A.B., Snyder, R.D. & Grose, S. (2002). A state
// space framework for automatic forecasting using exponential smoothing
// methods. International Journal of Forecasting 18(3), 439–454.
//
// Hyndman, R.J. & Athanasopoulos, G. (2021). Forecasting: Principles and
// Practice, 3rd ed., ch. 8. OTexts.
//
// Nash, J.C. (1990). Compact Numerical Methods for Computers, 2nd ed.,
// Algorithm 19. Adam Hilger.
package ets
