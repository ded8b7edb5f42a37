package series

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nonferrous/demand/internal/bitcmp"
)

func TestJSONFormat(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, c := range []struct {
		s    Series
		want string
	}{
		{New("copper", "kt", 2009, 7100, math.NaN(), 7400), `{"name":"copper","unit":"kt","start":2009,"values":[7100,null,7400]}`},
		{Series{}, `{"name":"","unit":"","start":0,"values":[]}`},
		{New("a \"b\"", "t/10⁴ yuan", -3, negZero, 5e-324, math.MaxFloat64, 1e21, 0.1), `{"name":"a \"b\"","unit":"t/10⁴ yuan","start":-3,"values":[-0,5e-324,1.7976931348623157e+308,1e+21,0.1]}`},
	} {
		got, err := json.Marshal(c.s)
		if err != nil {
			t.Errorf("Marshal(%v): %v", c.s, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("Marshal(%v)\n got %s\nwant %s", c.s, got, c.want)
		}
		var back Series
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("Unmarshal(%s): %v", got, err)
			continue
		}
		if !sameBits(c.s, back) {
			t.Errorf("round trip of %s: got %#v, want %#v", got, back, c.s)
		}
	}
}

func TestJSONRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := r.IntN(12)
		s := Series{Name: randomName(r), Unit: randomName(r), Start: r.IntN(4000) - 1000, Values: make([]float64, n)}
		for i := range s.Values {
			s.Values[i] = bitcmp.Random(r)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("Marshal(%#v): %v", s, err)
		}
		var back Series
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		if !sameBits(s, back) {
			t.Fatalf("round trip of %s: got %#v, want %#v", b, back, s)
		}
		// Inside other values too: a slice and a struct field.
		type holder struct{ S []Series }
		b, err = json.Marshal(holder{[]Series{s, s}})
		if err != nil {
			t.Fatalf("Marshal in a struct: %v", err)
		}
		var h holder
		if err := json.Unmarshal(b, &h); err != nil || len(h.S) != 2 || !sameBits(s, h.S[1]) {
			t.Fatalf("round trip in a struct of %s: %v, %#v", b, err, h)
		}
	}
}

func randomName(r *rand.Rand) string {
	const chars = "abc \"\\/<>&\t\n铜铝\u2028é["
	rs := []rune(chars)
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteRune(rs[r.IntN(len(rs))])
	}
	return b.String()
}

func TestMarshalJSONInf(t *testing.T) {
	s := New("lead", "kt", 2000, 1, math.Inf(-1))
	_, err := s.MarshalJSON()
	var ye *YearError
	if !errors.As(err, &ye) || ye.Year != 2001 || ye.Name != "lead" {
		t.Fatalf("MarshalJSON with -Inf at 2001: err = %v, want a *YearError for 2001", err)
	}
	if _, err := json.Marshal(s); err == nil {
		t.Errorf("json.Marshal with -Inf: no error")
	}
}

func TestUnmarshalJSONErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"name":"a","start":2000}`, `field "values" is missing`},
		{`{"name":"a","values":[1]}`, `field "start" is missing`},
		{`{"name":"a","start":2000,"values":null}`, `field "values" is missing or null`},
		{`{"name":"a","start":2000,"values":[1e999]}`, `series: json:`},
		{`{"name":"a","start":2000,"values":["1"]}`, `series: json:`},
		{`{"name":"a","start":2000.5,"values":[1]}`, `series: json:`},
		{`{"name":"a","start":2000,"values":[1],"extra":1}`, `unknown field "extra"`},
		{`{"Name":"a","start":2000,"values":[1]}`, `unknown field "Name"`},
		{`[1,2]`, `series: json:`},
		{`{"name":"a","start":2000,"values":[1]} {}`, `after top-level value`}, // encoding/json checks the syntax first
	} {
		s := New("keep", "", 1, 2)
		err := json.Unmarshal([]byte(c.in), &s)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Unmarshal(%s): err = %v, want one containing %q", c.in, err, c.want)
		}
		if s.Name != "keep" || s.Start != 1 || len(s.Values) != 1 {
			t.Errorf("Unmarshal(%s) changed the series on error: %#v", c.in, s)
		}
	}
}

// FuzzJSON checks that no input makes UnmarshalJSON panic or read an
// infinite value, that its errors name the package (or are encoding/json's
// syntax errors), and that what it reads marshals and reads back bit for
// bit. The seeds are in testdata/fuzz/FuzzJSON.
func FuzzJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, in string) {
		var s Series
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			if !strings.HasPrefix(err.Error(), "series: json") && !strings.HasPrefix(err.Error(), "invalid character") && !strings.HasPrefix(err.Error(), "unexpected end") {
				t.Fatalf("error %q does not name the package", err)
			}
			return
		}
		for _, v := range s.Values {
			if math.IsInf(v, 0) {
				t.Fatalf("read an infinite value from %s", in)
			}
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("Marshal of what Unmarshal read: %v", err)
		}
		var back Series
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal of what Marshal wrote (%s): %v", b, err)
		}
		if utf8.ValidString(s.Name) && utf8.ValidString(s.Unit) && !sameBits(s, back) {
			t.Fatalf("round trip: wrote %#v as %s, read back %#v", s, b, back)
		}
	})
}
