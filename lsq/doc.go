// Package lsq holds the least squares numerics of the method packages:
// ordinary and weighted least squares by QR on gonum/mat (OLS and its
// Result), the closed-form fit of a line with one regressor that fits and
// predicts without allocating (Line), and the Student-t quantile of their
// prediction intervals (TQuantile). It knows nothing of forecasting
// methods: regression, intensity and elasticity build on it.
//
// # Least squares by QR
//
// OLS fits y = Xβ + ε for an n×p design X (the caller adds the intercept
// column) without forming the normal equations. With weights w (all 1 when
// none are given) let W = diag(w) over the m rows with wᵢ > 0 and
// factorize √W X = QR (Householder QR of gonum/mat; R is p×p upper
// triangular). Then
//
//	β̂   minimises ‖√W X β − √W y‖             (QR.SolveTo)
//	eᵢ  = yᵢ − xᵢβ̂,  RSS = Σ wᵢ eᵢ²
//	DF  = m − p                              (residual degrees of freedom)
//	σ̂²  = RSS / DF
//	SE(β̂ⱼ) = σ̂ sqrt(diag((RᵀR)⁻¹)ⱼ),  (RᵀR)⁻¹ = R⁻¹R⁻ᵀ  (TriDense.InverseTri)
//	tⱼ  = β̂ⱼ / SE(β̂ⱼ)
//
// Rows with zero weight take no part in the fit and do not count in m,
// as in R's lm(weights = w). The design is rank deficient, and OLS
// returns an error wrapping ErrSingular, when some |Rⱼⱼ| ≤ RankTol·‖column
// j of √W X‖ (RankTol = 1e-7): column j lies (nearly) in the span of the
// columns before it. The test is invariant to the scale of each column.
//
// # Goodness of fit and information criteria
//
// With ŷ the fitted values, ȳ_w = Σwŷ/Σw, and MSS = Σ wᵢ(ŷᵢ − ȳ_w)² when
// X has a constant column (an intercept), Σ wᵢŷᵢ² otherwise:
//
//	R²     = MSS / (MSS + RSS)
//	adj R² = 1 − (1 − R²)(m − d)/DF,  d = 1 with an intercept, 0 without
//	ln L   = ½ (Σ ln wᵢ − m (ln 2π + 1 − ln m + ln RSS))
//	AIC    = −2 ln L + 2k
//	AICc   = AIC + 2k(k + 1)/(m − k − 1)   (+Inf when m − k − 1 ≤ 0)
//	BIC    = −2 ln L + k ln m
//
// where k = p + 1 counts the coefficients and σ, as R's logLik does for lm
// fits (its "df" attribute); the figures equal R's summary.lm, logLik, AIC
// and BIC. R has no AICc for lm; it is the formula above with that k.
//
// # Prediction intervals
//
// At a design row x₀ the point prediction is ŷ₀ = x₀ᵀβ̂ and the interval
// for a new observation (of unit weight) at level 1 − α is
//
//	ŷ₀ ± t_{1−α/2, DF} σ̂ sqrt(1 + x₀ᵀ(RᵀR)⁻¹x₀),
//
// t the quantile of Student's t (TQuantile), as R's predict.lm(...,
// interval = "prediction"). When DF = 0 the fit interpolates its data:
// Sigma, the standard errors, t statistics, adjusted R², log-likelihood and
// information criteria are NaN and the interval bounds are NaN; the point
// prediction is still given.
//
// Line is the closed-form fit of the one-regressor case for callers that
// fit many series: with x̄ = Σwx/Σw, Sxx = Σw(x − x̄)², Sxy = Σw(x − x̄)(y − ȳ),
//
//	b = Sxy/Sxx, a = ȳ − b x̄, SE(b) = σ̂/√Sxx, SE(a) = σ̂ sqrt(1/Σw + x̄²/Sxx),
//	x₀ᵀ(RᵀR)⁻¹x₀ = 1/Σw + (x₀ − x̄)²/Sxx,
//
// the same figures as OLS on [1 x], computed about the mean for accuracy
// and without allocating.
//
// # The t quantile
//
// TQuantile(level, df) is t_{1−(1−level)/2, df} from gonum's
// distuv.StudentsT. Computing it takes 10 to 20 µs (an inverse regularized
// incomplete beta function); TQuantile keeps the values it has computed
// in a small fixed table shared by all goroutines, read without a lock or
// an allocation, so that a forecast pays a few nanoseconds for it.
//
// # References
//
// Golub, G. H. and Van Loan, C. F. (2013). Matrix Computations, 4th ed.,
// §5.3 (the QR approach to least squares). Johns Hopkins University Press.
//
// Chambers, J. M. (1992). Linear models. Chapter 4 of Statistical Models in
// S, eds. Chambers and Hastie. Wadsworth & Brooks/Cole. (R's lm, summary.lm,
// predict.lm.)
//
// Hurvich, C. M. and Tsai, C.-L. (1989). Regression and time series model
// selection in small samples. Biometrika 76(2), 297–307. (AICc.)
//
// Schwarz, G. (1978). Estimating the dimension of a model. Annals of
// Statistics 6(2), 461–464. (BIC.)
package lsq
