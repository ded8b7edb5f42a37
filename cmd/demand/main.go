package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

// Exit codes; see the package documentation.
const (
	exitOK    = 0 // success, or help asked for
	exitData  = 1 // the input data or an output file was at fault
	exitUsage = 2 // bad command line
)

// command is one subcommand: run parses its own flags from args and
// returns the exit code.
type command struct {
	name    string
	summary string // one line for the command list
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands are the subcommands, in the order the usage lists them.
var commands = []command{
	{"forecast", "forecast your own consumption series with every method the data allow", runForecast},
	{"evaluate", "measure each method's accuracy and interval coverage on held-out years of your series", runEvaluate},
	{"plan", "reproduce the 12th Five-Year Plan's 2015 forecast and check it against the plan", runPlan},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches args to the subcommand they name and returns the exit
// code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "demand: unknown command %q\nRun 'demand -h' for the commands.\n", args[0])
	return exitUsage
}

// usage writes the tool's usage: the commands and the exit codes.
func usage(w io.Writer) {
	fmt.Fprint(w, "Demand forecasts for nonferrous metals, and the reproduction of China's 12th\nFive-Year Plan's 2015 forecast.\n\nUsage:\n\n\tdemand <command> [flags]\n\nCommands:\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "\t%s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, "\nRun 'demand <command> -h' for a command's flags.\n"+exitStatus)
}

// exitStatus ends the usage of demand and of its commands.
const exitStatus = "Exit status: 0 success, 1 bad data, 2 bad command line.\n"

// usageError is an error in the command line: exit status 2.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exit reports err on stderr, with a hint to -h for a usage error, and
// returns the exit code for it.
func exit(stderr io.Writer, cmd string, err error) int {
	if err == nil {
		return exitOK
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "demand ") {
		msg = "demand " + cmd + ": " + msg
	}
	fmt.Fprintln(stderr, msg)
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "Run 'demand %s -h' for help.\n", cmd)
		return exitUsage
	}
	return exitData
}
