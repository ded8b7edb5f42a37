package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
	"github.com/nonferrous/demand/plan/planchart"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "plan2015:", err)
		os.Exit(2)
	}
}

// run parses args, reproduces the plan's forecast and prints it to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("plan2015", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print one JSON document instead of tables")
	growth := fs.Float64("growth", plan.PlanScenario().Growth, "real GDP growth a year over 2011–2015, a fraction")
	low := fs.Float64("low", plan.LowGrowth, "GDP growth of the low scenario")
	high := fs.Float64("high", plan.HighGrowth, "GDP growth of the high scenario")
	methods := fs.String("methods", strings.Join(defaults.Names(), ","), "comma-separated methods to run")
	out := fs.String("out", "plan2015-charts", `directory for the charts (PNG); "" writes none`)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(w, "Usage: plan2015 [flags]\n\nReproduces the 2015 demand forecast of China's 12th Five-Year Plan for the\nnonferrous metals industry and checks it against the plan's figures.\n\nFlags:")
			fs.SetOutput(w)
			fs.PrintDefaults()
			return nil
		}
		return fmt.Errorf("%w (run plan2015 -h for help)", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	// The methods, under their fixed defaults, and the three scenarios.
	set, err := defaults.Set(strings.Split(*methods, ",")...)
	if err != nil {
		return err
	}
	sc, lo, hi := plan.Scenarios(*growth, *low, *high)
	study, err := plan.NewStudy(sc, lo, hi, set) // checks the rates (7 for 0.07 is an error) and low ≤ high
	if err != nil {
		return err
	}

	// The report with the ex-post check, its charts, and the report
	// printed; what must not be missed (a growth beyond ±20 %, a figure
	// below zero) on stderr.
	doc, err := planchart.NewDocument(study, set, *out)
	for _, w := range doc.Warnings() {
		fmt.Fprintln(os.Stderr, "plan2015: warning:", w)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	return doc.WriteText(w)
}
