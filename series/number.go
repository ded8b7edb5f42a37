package series

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ErrNumber is wrapped by the errors of ParseNumber and ParseYear.
var ErrNumber = errors.New("not a number")

// NumberError is the error of ParseNumber and ParseYear: the text and
// what is wrong with it. It unwraps to ErrNumber.
type NumberError struct {
	Text   string // the text as given
	Reason string // what is wrong, quoting the text: "\"0x1p14\" is not a number (hexadecimal; …)"
}

// Error returns "series: " and the reason.
func (e *NumberError) Error() string { return "series: " + e.Reason }

// Unwrap returns ErrNumber.
func (e *NumberError) Unwrap() error { return ErrNumber }

// ParseNumber parses text as a finite decimal number, the syntax a
// spreadsheet writes to CSV: an optional sign, digits with an optional
// decimal point, and an optional exponent (1409, -0.5, .25, 1.2e3), with
// spaces around it ignored. It rejects what strconv.ParseFloat accepts
// beyond that — hexadecimal (0x1p14), digit separators (14_400), Inf and
// Infinity — as well as thousands separators (1,409) and values out of the
// float64 range (1e400). NaN is not a number here: callers that read "NaN"
// as a missing value test for it first (see IsNaNText). The error wraps
// ErrNumber and says what is wrong with the text.
func ParseNumber(text string) (float64, error) {
	v, reason := parseNumber(text)
	if reason != "" {
		return v, &NumberError{Text: text, Reason: reason}
	}
	return v, nil
}

// parseNumber is ParseNumber, with what is wrong as a message rather than
// an error ("" if nothing is).
func parseNumber(text string) (float64, string) {
	s := strings.TrimSpace(text)
	if !decimal(s) {
		reason := "not a number"
		switch low := strings.ToLower(strings.TrimLeft(s, "+-")); {
		case s == "":
			reason = "empty"
		case low == "inf" || low == "infinity":
			reason = "infinite or out of range; data must be finite"
		case strings.Contains(low, "0x"):
			reason = "not a number (hexadecimal; write a decimal number)"
		case strings.ContainsRune(s, '_'):
			reason = "not a number (no digit separators)"
		case strings.ContainsRune(s, ','):
			reason = "not a number (no thousands separators; the decimal mark is a point)"
		}
		return math.NaN(), fmt.Sprintf("%q is %s", text, reason)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return math.NaN(), fmt.Sprintf("%q is infinite or out of range; data must be finite", text)
	}
	return v, ""
}

// IsNaNText reports whether text, spaces around it ignored, is "NaN" in
// any case: the CSV formats' missing value.
func IsNaNText(text string) bool { return strings.EqualFold(strings.TrimSpace(text), "nan") }

// ParseYear parses text as a year: an optional sign and decimal digits,
// spaces around them ignored, from MinYear to MaxYear. The error wraps
// ErrNumber.
func ParseYear(text string) (int, error) {
	y, reason := parseYear(text)
	if reason != "" {
		return 0, &NumberError{Text: text, Reason: reason}
	}
	return y, nil
}

// parseYear is ParseYear, with what is wrong as a message ("" if nothing
// is).
func parseYear(text string) (int, string) {
	s := strings.TrimSpace(text)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return 0, fmt.Sprintf("%q is not an integer", text)
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < MinYear || y > MaxYear {
		return 0, fmt.Sprintf("%q is outside the years %d … %d", text, MinYear, MaxYear)
	}
	return y, ""
}

// decimal reports whether s is [+-] (digits [. digits] | . digits)
// [(e|E) [+-] digits].
func decimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
