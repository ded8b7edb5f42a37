package planchart_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/nonferrous/demand/plan"
	"github.com/nonferrous/demand/plan/defaults"
	"github.com/nonferrous/demand/plan/planchart"
)

// The ex-post charts: one for the total and for each metal with a 2015
// outcome, none for nickel, antimony, mercury and titanium.
func ExampleWriteExPost() {
	set, err := defaults.Set(defaults.Names()...)
	if err != nil {
		log.Fatal(err)
	}
	c, err := plan.CheckExPost(set)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "expost")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	paths, err := planchart.WriteExPost(dir, c)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range paths {
		fmt.Println(filepath.Base(p))
	}
	// Output:
	// expost-total.png
	// expost-copper.png
	// expost-aluminium.png
	// expost-lead.png
	// expost-zinc.png
	// expost-tin.png
	// expost-magnesium.png
}
