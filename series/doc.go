// Package series provides Series, the annual time series every method
// package of this module shares, and the operations forecasting needs:
// windows, alignment, ratios and products, logarithms, growth rates, CAGR,
// and CSV reading and writing, in a wide and a long (tidy) format.
//
// # Series
//
// A Series holds a name, a unit, a first year Start and one value per year:
// Values[i] is the value for year Start+i, through End = Start+Len−1.
// Operations never modify their receiver or arguments; they return new
// slices.
//
// The zero value is an empty series: Len is 0, End is Start−1, Contains and
// At report every year as absent, Years and Observed return nothing,
// Validate returns ErrEmpty, and operations that need data (Window, Align,
// Ratio, Product, Log, Growth, CAGR) return an error wrapping ErrEmpty that
// names the operation and the series: "series: CAGR: \"cu\" is empty".
//
// # Missing values
//
// A NaN value marks a missing year inside a series. Ratio, Product, Log
// and Growth carry missing values through: a missing input gives a missing
// output at the same year, not an error. CAGR needs both of its years
// present. Observed lists the years that are present;
// ValidateComplete rejects any missing year. Infinite values are never data:
// Validate rejects them, and so does every operation that computes new
// values. An operation whose result would overflow float64 returns an error
// rather than ±Inf, and no operation turns present values into NaN.
//
// # Formulas
//
// For a series x_t:
//
//	growth    g_t = x_t/x_{t−1} − 1          for t = Start+1 … End
//	CAGR      c = (x_b/x_a)^{1/(b−a)} − 1    for years a < b, with x_a, x_b > 0
//	ratio     r_t = n_t/d_t                  on the years n and d share
//	product   p_t = a_t·b_t                  on the years a and b share
//	log       l_t = ln x_t                   for x_t > 0
//
// Rates are fractions (0.07 is 7 %). CAGR is computed as
// expm1(ln(x_b/x_a)/(b−a)), which equals the formula above and stays finite
// when x_b/x_a alone would overflow. A ratio of a consumption series to a
// GDP series is a consumption intensity (for example tonnes per 10⁴ yuan);
// Ratio names the result after the numerator with unit "num-unit/den-unit".
//
// # CSV format
//
// ReadCSV and WriteCSV use a table (RFC 4180, as read by encoding/csv) with
// a year column first and one column per series:
//
//	year,copper [kt],aluminium [kt],gdp
//	2008,,12600,100
//	2009,7100,NaN,109.2
//	2010,7400,15800,
//
// The first header is "year" (any case; a leading UTF-8 byte order mark is
// ignored). Each other header is "name [unit]": the unit is the text between
// the last " [" and a final "]"; a header without them is a name alone, with
// no unit. WriteCSV writes "name []" for a unit-less name that itself ends
// in "]", so that it reads back whole. Names must be non-empty and distinct,
// and no header may hold a carriage return (encoding/csv reads "\r\n" in a
// quoted field back as "\n").
//
// Rows are consecutive years, in increasing order, covering the union of
// the series' years. An empty cell means the year is outside that series, so
// series may start and end at different years: above, copper covers
// 2009–2010 and gdp 2008–2009. The literal NaN means a missing value inside
// the series. An empty cell between two values is an error, since the series
// would have a hole that is not a missing value. Cells are otherwise read
// by ParseNumber: decimal numbers as a spreadsheet writes them (1409,
// -0.5, 2.5e-1), spaces around them ignored; hexadecimal (0x1p14), digit
// or thousands separators (14_400, 1,409), Inf and values out of the
// float64 range are errors naming the line and column. Years are integers
// from MinYear to MaxYear (ParseYear). Spaces around a header's name and
// unit are trimmed, so "copper [kt] " and "copper [ kt ]" both name copper
// in kt.
//
// WriteCSV writes values with strconv.FormatFloat(v, 'g', -1, 64), the
// shortest decimal that reads back as the same float64, so writing then
// reading gives back Name, Unit, Start and every value bit for bit,
// negative zero included ("-0"). Every NaN reads back as the NaN of
// math.NaN: NaN payloads are not kept, since any NaN means "missing".
// Infinite values are not data: WriteCSV rejects them with a *YearError
// naming the series and year, and ReadCSV rejects "Inf" and values out of
// float64 range.
//
// # Long CSV format
//
// ReadLongCSV and WriteLongCSV use a long (tidy) table, one row per series
// and year, as R's tsibble, statsforecast's (unique_id, ds, y) and most
// databases hand over panels:
//
//	series,year,value,unit
//	copper,2009,7100,kt
//	aluminium,2008,12600,kt
//	copper,2010,7400,kt
//	aluminium,2010,15800,kt
//
// The header holds exactly the columns series, year and value, and
// optionally unit, each once, in any order and any case (a leading UTF-8
// byte order mark is ignored). Rows may come in any order. Each distinct
// series name gives one Series, in the order of the names' first rows,
// covering the years from its first to its last row; a year between them
// without a row, or whose value is empty, NA or NaN, is missing (NaN):
// above, aluminium 2009 is missing. The rows of one series must agree on
// its unit, and a (series, year) pair may appear once. Years and values are
// read as in the wide format (ParseYear, ParseNumber), and spaces around
// header names, series names and units are trimmed; one series may span at
// most MaxLongSpan years. A series whose values are
// all missing is an error (ErrCSVNoValues), as a column of the wide format
// with every cell empty is. WriteLongCSV writes every year a series covers,
// missing years as NaN, and values as WriteCSV does, so that ReadLongCSV
// gives back every series bit for bit; it refuses a series ReadLongCSV
// would (every value missing, more than MaxLongSpan years), and both
// writers one whose years leave MinYear … MaxYear (ErrYears).
//
// ReadAnyCSV reads either format: a header that is exactly a long table's
// is read by ReadLongCSV, any other by ReadCSV (whose first column must be
// year). A wide table whose only series are named series and value would be
// taken for a long one; rename them.
//
// # Errors
//
// Data problems are errors, never panics. Error messages start with
// "series:" and name what and where. A problem at one year of a series is a
// *YearError holding the operation, series name, year and value. ErrEmpty
// is wrapped by operations that need at least one value. A problem in a CSV
// table is a *CSVError holding the 1-based line (the header is line 1) and
// column (the year is column 1), the column's header, and an error wrapping
// one of ErrCSVHeader, ErrCSVYear, ErrCSVValue, ErrCSVRagged, ErrCSVGap,
// ErrCSVNoValues or ErrCSVUnit (or an encoding/csv syntax error), so that
// errors.Is and errors.As select them. ReadLongCSV reports the same kinds of
// problem, with the line and column where it found them.
package series
