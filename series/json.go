package series

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// MarshalJSON encodes s as a JSON object with the fields "name", "unit",
// "start" and "values":
//
//	{"name":"copper","unit":"kt","start":2009,"values":[7100,null,7400]}
//
// A missing (NaN) value is written as null. Other values are written as
// the shortest decimal that reads back as the same float64
// (strconv.FormatFloat(v, 'g', -1, 64)), so that UnmarshalJSON gives back
// Name, Unit, Start and every value bit for bit, negative zero ("-0") and
// subnormal numbers included; NaN payloads are not kept. Name and Unit
// are JSON strings as encoding/json writes them: they read back whole when
// they are valid UTF-8 (invalid bytes become U+FFFD). An empty series
// has "values":[]. Infinite values are not data, and JSON has no number
// for them: MarshalJSON returns a *YearError naming the series and year.
func (s Series) MarshalJSON() ([]byte, error) {
	if err := s.writable("write JSON"); err != nil {
		return nil, err
	}
	b := make([]byte, 0, 48+len(s.Name)+len(s.Unit)+12*len(s.Values))
	b = append(b, `{"name":`...)
	b = appendJSONString(b, s.Name)
	b = append(b, `,"unit":`...)
	b = appendJSONString(b, s.Unit)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"values":[`...)
	for k, v := range s.Values {
		if k > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(v) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return append(b, "]}"...), nil
}

// appendJSONString appends the JSON encoding of str, as encoding/json
// writes it.
func appendJSONString(b []byte, str string) []byte {
	q, _ := json.Marshal(str) // a string always encodes
	return append(b, q...)
}

// jsonSeries is the decoded form of a Series: a null value becomes a nil
// pointer.
type jsonSeries struct {
	Name   *string    `json:"name"`
	Unit   *string    `json:"unit"`
	Start  *int       `json:"start"`
	Values []*float64 `json:"values"`
}

// UnmarshalJSON decodes a series written by MarshalJSON. A null value
// reads as NaN. Field names are matched exactly; "start" and "values" are
// required, "name" and "unit" may be omitted (empty). Unknown fields,
// a number out of float64 range, a value that is not a number or null and
// years outside MinYear … MaxYear (which MarshalJSON would refuse) are
// errors. On error s is left unchanged.
func (s *Series) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var js jsonSeries
	if err := dec.Decode(&js); err != nil {
		return fmt.Errorf("series: json: %w", err)
	}
	switch {
	case js.Start == nil:
		return fmt.Errorf("series: json: field \"start\" is missing")
	case js.Values == nil:
		return fmt.Errorf("series: json: field \"values\" is missing or null")
	}
	// encoding/json matches field names without regard to case; the
	// format does not.
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return fmt.Errorf("series: json: %w", err)
	}
	for k := range keys {
		switch k {
		case "name", "unit", "start", "values":
		default:
			return fmt.Errorf("series: json: unknown field %q", k)
		}
	}
	out := Series{Start: *js.Start, Values: make([]float64, len(js.Values))}
	if js.Name != nil {
		out.Name = *js.Name
	}
	if js.Unit != nil {
		out.Unit = *js.Unit
	}
	for k, p := range js.Values {
		if p == nil {
			out.Values[k] = math.NaN()
			continue
		}
		out.Values[k] = *p
	}
	if out.checkYears() != nil {
		return fmt.Errorf("series: json: \"start\" %d with %d values leaves the years %d … %d", out.Start, len(out.Values), MinYear, MaxYear)
	}
	*s = out
	return nil
}
