// Command plan2015 prints the consumption history behind the 2015 demand
// forecast of China's 12th Five-Year Plan for the nonferrous metals
// industry — for the ten-metal total and each metal: 2000 (derived from the
// published 2001–2005 growth rate), 2005 and 2010 (published) and the
// plan's 2015 figure — followed by the audit of the plan's tables.
//
// Usage:
//
//	plan2015 [-json]
//
// With -json it prints one JSON document instead of the tables.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	r := BuildReport()
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return writeTable(w, r)
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
