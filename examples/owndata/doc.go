// Command owndata is a short tour of the library on your own data: it
// reads consumption series and their drivers from CSV, continues each
// driver at its recent growth (macro.GrowRecent), runs every method of
// the module the data allow (methods.Default) with a backtest and the
// combinations (forecast.Analyse), prints each forecast of the target
// year, and can write them all as CSV (forecast.WriteCSV).
//
// Usage, from the module root:
//
//	go run ./examples/owndata [-series FILE] [-drivers FILE] [-target YEAR] [-csv FILE]
//
// The defaults read the synthetic example in examples/owndata/testdata.
// The command "demand forecast" (cmd/demand) is the full tool: scenario
// files, constant growth, expert panels, JSON and charts.
package main
