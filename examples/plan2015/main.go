package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "plan2015:", err)
		os.Exit(2)
	}
}

// run parses args, builds the report and writes it to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("plan2015", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print one JSON document instead of tables")
	growth := fs.Float64("growth", plan.PlanScenario.Growth, "real GDP growth a year over 2011–2015, a fraction")
	low := fs.Float64("low", plan.LowScenario.Growth, "GDP growth of the low scenario")
	high := fs.Float64("high", plan.HighScenario.Growth, "GDP growth of the high scenario")
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
	names := strings.Split(*methods, ",")
	set, err := defaults.Set(names...)
	if err != nil {
		return err
	}
	name := plan.PlanScenario.Name
	if *growth != plan.PlanScenario.Growth {
		name = "custom"
	}
	runs := Runs{Methods: names}
	for _, c := range []struct {
		dst **plan.Report
		sc  plan.Scenario
	}{
		{&runs.Main, plan.Scenario{Name: name, Growth: *growth}},
		{&runs.Low, plan.Scenario{Name: plan.LowScenario.Name, Growth: *low}},
		{&runs.High, plan.Scenario{Name: plan.HighScenario.Name, Growth: *high}},
	} {
		if *c.dst, err = plan.Reproduce(c.sc, set); err != nil {
			return err
		}
	}
	r := BuildReport()
	AddReproduction(&r, runs)
	if *out != "" {
		if r.Charts, err = writeCharts(*out, runs.Main, names); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	if err := writeTable(w, r); err != nil {
		return err
	}
	if err := writeReproduction(w, r); err != nil {
		return err
	}
	if len(r.Charts) > 0 {
		fmt.Fprintln(w, "\nCharts:")
		for _, p := range r.Charts {
			fmt.Fprintln(w, "  "+p)
		}
	}
	return nil
}

// writeTable writes r as aligned text tables. Chinese text is kept in the
// last column, since tabwriter counts a wide CJK character as one column.
func writeTable(w io.Writer, r Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "Apparent consumption, %s (10 kt)\n\n", r.Unit)
	fmt.Fprintln(tw, "metal\t2000*\t2005\t2010\t2015 plan\tgrowth 2011–2015 %\t\tchinese\t")
	for _, m := range append([]Row{r.Total}, r.Metals...) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\t%s\t\n", m.Metal, m.cell(2000), m.cell(2005), m.cell(2010),
			m.Plan2015Text, m.PlanGrowthText, m.Chinese)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n* derived: Q2000 = Q2005 / (1 + g)^5, g the published 2001–2005 growth rate.")
	fmt.Fprintf(w, "\nAudit: %d of %d checks inconsistent beyond rounding\n\n", len(r.Audit), r.Checks)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metal\tfield\tpublished\trecomputed\tattainable\ttable: recomputed from")
	for _, f := range r.Audit {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%.2f to %.2f\t%s: %s\n", f.Metal, f.Field, f.PublishedText,
			f.Recomputed, f.Lo, f.Hi, f.Table, f.Basis)
	}
	return tw.Flush()
}
