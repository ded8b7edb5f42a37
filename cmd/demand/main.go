// Command demand is the command line of the module for analysts.
//
// Usage:
//
//	demand evaluate -series FILE [-drivers FILE] -holdout H [-levels 80,95] [-methods LIST] [-out DIR]
//
// demand evaluate measures, on held-out years of the user's own series, how
// accurate each method is and whether its prediction intervals cover what
// they claim; demand evaluate -h describes it.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run dispatches to the subcommand named by args[0] and returns the exit
// status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "evaluate":
			return runEvaluate(args[1:], stdout, stderr)
		case "-h", "-help", "--help", "help":
			fmt.Fprintln(stdout, "usage: demand evaluate [flags]   (demand evaluate -h for the flags)")
			return 0
		}
		fmt.Fprintf(stderr, "demand: unknown command %q\n", args[0])
	}
	fmt.Fprintln(stderr, "usage: demand evaluate [flags]   (demand evaluate -h for the flags)")
	return 2
}
