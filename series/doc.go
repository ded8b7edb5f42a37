// Package series provides Series, the annual time series every method
// package of this module shares, and the operations forecasting needs:
// windows, alignment, ratios and products, logarithms, growth rates, CAGR,
// and CSV reading and writing.
package series
