package series_test

import (
	"bytes"
	"fmt"
	"log"
	"math"
	"strings"

	"github.com/nonferrous/demand/series"
)

// Building series, computing a compound annual growth rate, and the
// consumption intensity (consumption per unit of GDP) with Ratio. The
// figures are illustrative.
func Example() {
	cu := series.New("copper", "10^4 t", 2005, 374, 420, 480, 520, 650, 753)
	gdp := series.New("GDP", "10^12 yuan", 2005, 18.7, 21.9, 27.0, 31.9, 34.9, 41.3)

	// (753/374)^(1/5) − 1
	c, err := cu.CAGR(2005, 2010)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("copper CAGR 2005–2010: %.2f%%\n", 100*c)

	in, err := series.Ratio(cu, gdp)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("intensity of %s in %s:\n", in.Name, in.Unit)
	for i, v := range in.Values {
		fmt.Printf("%d %.2f\n", in.Start+i, v)
	}

	g, err := in.Growth()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("intensity growth 2010: %.1f%%\n", 100*g.Values[g.Len()-1])
	// Output:
	// copper CAGR 2005–2010: 15.02%
	// intensity of copper in 10^4 t/10^12 yuan:
	// 2005 20.00
	// 2006 19.18
	// 2007 17.78
	// 2008 16.30
	// 2009 18.62
	// 2010 18.23
	// intensity growth 2010: -2.1%
}

// Writing series that cover different years, with a missing value, and
// reading them back.
func ExampleWriteCSV() {
	cu := series.New("copper", "kt", 2009, 7100, 7400)
	al := series.New("aluminium", "kt", 2008, 12600, math.NaN(), 15800)
	gdp := series.New("gdp", "", 2008, 100, 109.2)

	var buf bytes.Buffer
	if err := series.WriteCSV(&buf, cu, al, gdp); err != nil {
		log.Fatal(err)
	}
	fmt.Print(buf.String())

	ss, err := series.ReadCSV(&buf)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range ss {
		fmt.Printf("%q %q from %d: %v\n", s.Name, s.Unit, s.Start, s.Values)
	}
	// Output:
	// year,copper [kt],aluminium [kt],gdp
	// 2008,,12600,100
	// 2009,7100,NaN,109.2
	// 2010,7400,15800,
	// "copper" "kt" from 2009: [7100 7400]
	// "aluminium" "kt" from 2008: [12600 NaN 15800]
	// "gdp" "" from 2008: [100 109.2]
}

// A malformed table gives an error naming the line and column.
func ExampleReadCSV() {
	_, err := series.ReadCSV(strings.NewReader("year,copper [kt]\n2009,7100\n2011,7400\n"))
	fmt.Println(err)
	_, err = series.ReadCSV(strings.NewReader("year,copper [kt]\n2009,7100\n2010,7.4e3t\n"))
	fmt.Println(err)
	// Output:
	// series: csv line 3, column 1 ("year"): bad year: 2011 does not follow 2009; years must be consecutive
	// series: csv line 3, column 2 ("copper [kt]"): bad value: "7.4e3t" is not a number
}

// A long (tidy) table, rows in any order: ReadAnyCSV recognises it from its
// header, and a year without a row is missing.
func ExampleReadAnyCSV() {
	in := `series,year,value,unit
copper,2010,7400,kt
aluminium,2008,12600,kt
copper,2009,7100,kt
aluminium,2010,15800,kt
`
	ss, err := series.ReadAnyCSV(strings.NewReader(in))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range ss {
		fmt.Printf("%q %q from %d: %v\n", s.Name, s.Unit, s.Start, s.Values)
	}
	// Output:
	// "copper" "kt" from 2009: [7100 7400]
	// "aluminium" "kt" from 2008: [12600 NaN 15800]
}
