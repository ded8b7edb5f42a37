// Package benchmarks validates the library against the plan's published
// figures and measures its speed, with go test -bench.
//
// # The validation table
//
//	go test -run='^$' -bench=Plan2015 ./benchmarks
//
// runs one sub-benchmark per row of the plan and method, named
// Plan2015/<metal>/<method> (metal "total" is the ten-metal row forecast
// from its own history; method "combination" is the equal-weight
// combination), under the plan's 7 % a year GDP scenario with the reproduction's fixed
// defaults (package plan/defaults). Each line reports, beside ns/op, B/op
// and allocs/op:
//
//	pct-vs-plan        100·(Q̂_2015 − Q_plan)/Q_plan, the method's deviation
//	                   from the plan's 2015 figure (专栏2)
//	forecast-10kt      the method's 2015 figure, 万吨 (10 kt)
//	pct-vs-outcome     100·(Q̂_2015 − O)/O, the error against the 2015
//	                   outcome (plan.OutcomeOf), on the rows where one is
//	                   sourced: not nickel, antimony, mercury, titanium
//
// so a line such as
//
//	BenchmarkPlan2015/copper/elasticity-2  …  1179 forecast-10kt  21.51 pct-vs-plan  1216 B/op  5 allocs/op
//
// reads: the elasticity method forecasts 1179 万吨 of copper for 2015,
// 21.5 % above the plan's 970. Plan2015/all times the whole reproduction (eleven
// rows, three methods, two interval levels, implied parameters) and
// reports the deviation of the sum of the metals from the plan's 4900.
//
// The figures are deterministic: two runs differ only in ns/op. To compare
// two runs, say before and after a change, save each and use benchstat
// (golang.org/x/perf/cmd/benchstat):
//
//	go test -run='^$' -bench=. -count=6 ./benchmarks > old.txt
//	# change the code
//	go test -run='^$' -bench=. -count=6 ./benchmarks > new.txt
//	benchstat old.txt new.txt
//
// benchstat prints each metric — sec/op, B/op, allocs/op, pct-vs-plan,
// forecast-10kt — side by side with its change; a change in pct-vs-plan or
// forecast-10kt means the numbers moved, not just the speed.
//
// # Speed
//
// BenchmarkSingle fits and forecasts one series of 10 to 200 points with
// each method, on the allocating path (Method.Fit, Model.Forecast) and on
// the reusing one (forecast.Refitter: 0 allocs/op). BenchmarkBatch runs
// forecast.Batch on 10⁴ and 10⁵ synthetic series of 20 annual points and
// reports series/s; BenchmarkLimit is the closed-form lower bound for the
// same linear trend and 95 % interval, the line to compare against. The
// program in peers (run.sh) times the same fit in R and statsmodels.
//
// BenchmarkEvaluateM1 runs the held-out evaluation (forecast.Evaluation)
// of every univariate method — naive, drift, mean, ets, theta, the linear
// and log-linear trends plain and anchored, and the default combination —
// and, as a second benchmark, of their calibrated variants, on the 181
// yearly series of the M1 competition, 6 years held out,
// intervals at 80 and 95 %: the work of demand evaluate -holdout 6 without
// its files. It reads the long CSV file named by the environment variable
// DEMAND_M1 and is skipped without it:
//
//	DEMAND_M1=path/to/m1-yearly.csv go test -run='^$' -bench=EvaluateM1 ./benchmarks
//
// BenchmarkEvaluateM1Shape does the same on synthetic series of M1's
// lengths (15 to 58 years), and needs no file.
//
// The tests of this package (go test ./benchmarks) check what the table
// prints: every plan figure equals the plan's table, and the implied
// parameters reproduce the plan's figures.
package benchmarks
