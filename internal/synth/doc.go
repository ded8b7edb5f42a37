// Package synth makes the synthetic data of the speed benchmarks (package
// benchmarks and the peer comparison in benchmarks/peers): annual series
// with a linear trend and normal noise, and GDP index paths, drawn from a
// fixed seed so that every run sees the same numbers. TrendTo is the
// closed-form linear-trend forecast those benchmarks time as a lower bound
// and check the library against.
package synth
