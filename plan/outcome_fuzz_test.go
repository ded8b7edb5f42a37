package plan

import (
	"math"
	"strings"
	"testing"
)

// FuzzParseOutcomes checks that the outcomes parser never panics, that its
// errors name the package once, and that what it accepts is well formed.
// It is seeded with the outcomes file itself and the inputs in
// testdata/fuzz/FuzzParseOutcomes.
func FuzzParseOutcomes(f *testing.F) {
	f.Add(outcomesTSV)
	f.Fuzz(func(t *testing.T, data string) {
		os, err := parseOutcomes(strings.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "plan: outcomes") || strings.Count(err.Error(), "plan:") != 1 {
				t.Fatalf("error %q", err)
			}
			return
		}
		for _, o := range os {
			if !o.Metal.Valid() {
				t.Fatalf("invalid metal %d", o.Metal)
			}
			if (o.Role == RoleNone) != math.IsNaN(o.Value()) {
				t.Fatalf("%s %s: role %s with value %v", o.Metal, o.Field, o.Role, o.Value())
			}
			if o.Derived() {
				if _, ok := o.Recompute(); !ok {
					t.Fatalf("accepted formula %q does not evaluate", o.Formula)
				}
			}
		}
	})
}
