package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	err := run(os.Stdout, os.Stderr, os.Args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// run parses args, forecasts and writes the results. Progress, the summary
// and the paths written go to stdout; usage and warnings to stderr.
func run(stdout, stderr io.Writer, args []string) error {
	cfg, err := parseFlags(stderr, args)
	if err != nil {
		return err
	}
	in, err := load(cfg, stderr)
	if err != nil {
		return err
	}
	results := make([]seriesResult, len(in.series))
	for i, h := range in.series {
		results[i] = analyse(h, in)
	}
	paths, err := write(cfg.out, in, results, stderr)
	if err != nil {
		return err
	}
	summarize(stdout, in, results)
	fmt.Fprintln(stdout, "\nwritten:")
	for _, p := range paths {
		fmt.Fprintln(stdout, " ", p)
	}
	return nil
}
