package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
	"github.com/nonferrous/demand/plan/planchart"
)

const planUsage = `usage: demand plan [-json] [-growth RATE] [-low RATE] [-high RATE]
                   [-methods elasticity,intensity,regression] [-out DIR]

Reproduces the 2015 demand forecast of China's 12th Five-Year Plan for the
nonferrous metals industry and checks it against the plan's figures: each
method's 2015 figure under the reproduction's fixed defaults, their
equal-weight combination, the deviation from the plan, the historical and
implied elasticity and intensity change, the range for low and high GDP
growth, and the audit of the plan's tables; then the check against 2015
as it turned out: each outcome with its confidence, the plan, each method
and the combination at 7 % and at the GDP that happened, and the split of
the plan's error. Charts (PNG) go to DIR.

Flags:
`

// runPlan is "demand plan".
func runPlan(args []string, stdout, stderr io.Writer) int {
	return exit(stderr, "plan", planCmd(args, stdout, stderr))
}

func planCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demand plan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print one JSON document instead of tables")
	growth, low, high := plan.PlanScenario().Growth, plan.LowGrowth, plan.HighGrowth
	var growthSet bool
	fs.Var(growthFlag{v: &growth, set: &growthSet, show: true}, "growth", "real GDP growth `RATE` a year over 2011–2015, a fraction (0.07 is 7 %;\n1 or more is an error, beyond ±0.2 a warning)")
	fs.Var(growthFlag{v: &low}, "low", "GDP growth `RATE` of the low scenario, a fraction, at most -high")
	fs.Var(growthFlag{v: &high}, "high", "GDP growth `RATE` of the high scenario")
	methods := fs.String("methods", strings.Join(defaults.Names(), ","), "comma-separated methods to run")
	out := fs.String("out", "plan2015-charts", `directory for the charts (PNG); "" writes none`)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, planUsage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fmt.Fprint(stdout, "\n"+exitStatus)
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments %q", fs.Args())
	}
	if low > high {
		return usagef("-low %g is above -high %g", low, high)
	}
	if growthSet && (growth < low || growth > high) {
		fmt.Fprintf(stderr, "demand plan: warning: -growth %g is outside the range of -low %g and -high %g, which the range table spans\n", growth, low, high)
	}
	set, err := defaults.Set(strings.Split(*methods, ",")...)
	if err != nil {
		return usageError{err}
	}
	sc, lo, hi := plan.Scenarios(growth, low, high)
	study, err := plan.NewStudy(sc, lo, hi, set)
	if err != nil {
		return usageError{err} // the only inputs are the flags
	}
	doc, err := planchart.NewDocument(study, set, *out)
	for _, w := range doc.Warnings() {
		fmt.Fprintln(stderr, "demand plan: warning:", w)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	return doc.WriteText(stdout)
}
