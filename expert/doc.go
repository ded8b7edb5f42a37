// Package expert implements the expert experience method (专家经验法) of
// demand forecasting as a Delphi process: a panel of experts judges the
// value for a target year in one or more rounds, each judgment a lowest
// plausible, most likely and highest plausible value (L, M, H) with an
// optional weight w (zero means 1).
//
// # Judgments
//
// A Judgment is valid when L ≤ M ≤ H, all finite, and w is finite and not
// negative; an expert judges a year at most once a round. ReadCSV and
// WriteCSV use the header
//
//	expert,round,year,low,likely,high,weight
//
// and round-trip every valid panel exactly. ReadCSV takes the columns in
// any order and case, weight optional, and reads numbers as the series
// package's CSV readers do (series.ParseNumber: decimal only, no
// hexadecimal, digit separators or Inf); every problem is a *CSVError
// naming the line and the column.
//
// # A round's aggregates
//
// Summarize describes each round of a year's judgments:
//
//   - the (weighted) lower quartile Q1, median Q2 and upper quartile Q3
//     of the most likely values M. Unweighted (or equally weighted) they
//     are Hyndman and Fan's type 7 quantiles, R's default, from
//     golang.org/x/exp/stats; with unequal weights, scaled to average 1,
//     each sorted value x_(k) stands at the middle of its block of
//     cumulative weight shifted as type 7 shifts, m_k = (C_k − w_(k)/2 −
//     1/2)/(n − 1) taken within [0, 1], and the quantile at q interpolates
//     linearly between the values on either side of q. Equal weights give
//     m_k = (k−1)/(n−1): type 7 again (see Quantiles);
//   - the PERT mean of each judgment, (L + 4M + H)/6, and their weighted
//     mean Σ w·PERT / Σ w;
//   - the spread, the relative interquartile range (Q3 − Q1)/|Q2|;
//   - the smallest L and largest H.
//
// Convergence reports, between consecutive rounds, the relative change of
// the median |Q2' − Q2|/|Q2| and the change of the spread. A Stop rule
// ends the process at the first round whose spread is at most MaxSpread
// (consensus) or whose median moved by at most MinChange from the round
// before (stability), and says which criterion stopped it, or that none
// did.
//
// # The forecasting method
//
// Method uses the final (highest) round's judgments of the target year T:
// the point forecast reaches the panel's median of M (or, as an option, the
// mean PERT value) Q_T at T along the geometric path from the last observed
// value Q₀ at t₀,
//
//	Q_t = Q₀·(Q_T/Q₀)^((t − t₀)/(T − t₀)),
//
// which continues at the same constant growth rate after T. The bounds
// follow the same rule to the ends of the panel's band at T. By default
// the band at level ℓ is made of the panel's weighted (1−ℓ)/2 and (1+ℓ)/2
// quantiles of M (level 0.5: the quartiles), so that it holds the
// central fraction ℓ of the experts' most likely values; the Range option
// takes the smallest L and largest H whatever the level. Either way the
// band measures the panel's disagreement, not a probability derived from a
// model of the forecast error: a unanimous panel gives a band of zero
// width, however uncertain the future. It is not a prediction interval
// and its "level" is not a coverage: it says how far the experts' most
// likely values lie apart. Experts' own ranges are notoriously too narrow
// (the Range option's band is no better founded). Nor can it be
// calibrated: Method is a forecast.Judgment, made once after the history
// for its target year, so forecast.Backtest and forecast.Calibrated refuse
// it (forecast.ErrLookAhead) rather than score at an earlier origin
// judgments that knew the later years; forecast.Analyse leaves it out of
// the backtests (Candidate.NoBacktest), so a combination's calibrated
// interval rests on the errors of the other members.
//
// # References
//
// Dalkey, N. and Helmer, O. (1963). An experimental application of the
// Delphi method to the use of experts. Management Science 9(3), 458–467.
//
// Malcolm, D. G., Roseboom, J. H., Clark, C. E. and Fazar, W. (1959).
// Application of a technique for research and development program
// evaluation. Operations Research 7(5), 646–669 (the PERT mean
// (L + 4M + H)/6).
//
// Hyndman, R. J. and Fan, Y. (1996). Sample quantiles in statistical
// packages. The American Statistician 50(4), 361–365 (type 7).
//
// Rowe, G. and Wright, G. (1999). The Delphi technique as a forecasting
// tool: issues and analysis. International Journal of Forecasting 15(4),
// 353–375 (stopping rules: stability and consensus).
package expert
