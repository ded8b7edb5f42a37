package plan

import (
	"fmt"
	"strings"
)

// Metal is one of the ten nonferrous metals of the plan, in the order of its
// tables, or Total, the ten-metal total row.
//
// Total is not a metal: it names the row 十种有色金属 (the ten metals
// together) so that every table row can be addressed the same way. Metals
// excludes it; Rows includes it first, as the tables print it. The zero
// value is Copper.
type Metal int

// The ten metals in the plan's order, and the total row.
const (
	Copper Metal = iota
	Aluminium
	Lead
	Zinc
	Nickel
	Tin
	Antimony
	Mercury
	Magnesium
	Titanium
	Total // the ten-metal total, 十种有色金属; not a metal
)

var metalNames = [...]struct{ en, short, label string }{
	Copper:    {"copper", "铜", "精炼铜"},
	Aluminium: {"aluminium", "铝", "电解铝"},
	Lead:      {"lead", "铅", "铅"},
	Zinc:      {"zinc", "锌", "锌"},
	Nickel:    {"nickel", "镍", "镍"},
	Tin:       {"tin", "锡", "锡"},
	Antimony:  {"antimony", "锑", "锑"},
	Mercury:   {"mercury", "汞", "汞"},
	Magnesium: {"magnesium", "镁", "镁"},
	Titanium:  {"titanium", "钛", "钛"},
	Total:     {"total", "十种有色金属", "十种有色金属"},
}

// Valid reports whether m is one of the ten metals or Total.
func (m Metal) Valid() bool { return m >= Copper && m <= Total }

// String returns the English name: "copper", "aluminium", …, "titanium",
// or "total" for Total. An invalid value gives "Metal(n)".
func (m Metal) String() string {
	if !m.Valid() {
		return fmt.Sprintf("Metal(%d)", int(m))
	}
	return metalNames[m].en
}

// Chinese returns the short Chinese name: 铜, 铝, 铅, 锌, 镍, 锡, 锑, 汞, 镁,
// 钛, or 十种有色金属 for Total. An invalid value gives "".
func (m Metal) Chinese() string {
	if !m.Valid() {
		return ""
	}
	return metalNames[m].short
}

// Label returns the row label printed in the plan's tables: 精炼铜 (refined
// copper) and 电解铝 (primary aluminium) for copper and aluminium, the short
// name for the other metals, 十种有色金属 for Total. An invalid value gives "".
func (m Metal) Label() string {
	if !m.Valid() {
		return ""
	}
	return metalNames[m].label
}

// Metals returns the ten metals in the plan's order (without Total).
func Metals() []Metal {
	return []Metal{Copper, Aluminium, Lead, Zinc, Nickel, Tin, Antimony, Mercury, Magnesium, Titanium}
}

// Rows returns the rows of the plan's tables in printed order: Total, then
// the ten metals.
func Rows() []Metal { return append([]Metal{Total}, Metals()...) }

// ParseMetal returns the metal or row named s: an English name (any case,
// "aluminum" accepted), a short Chinese name (铜), a row label (精炼铜), or
// for Total "total", 十种有色金属 or 10种有色金属. Surrounding space is
// ignored.
func ParseMetal(s string) (Metal, error) {
	m, err := parseMetal(s)
	if err != nil {
		return 0, fmt.Errorf("plan: %w", err)
	}
	return m, nil
}

// parseMetal is ParseMetal with errors that name no package.
func parseMetal(s string) (Metal, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "aluminum":
		return Aluminium, nil
	case "10种有色金属":
		return Total, nil
	}
	for m, n := range metalNames {
		if t == n.en || t == n.short || t == n.label {
			return Metal(m), nil
		}
	}
	return 0, fmt.Errorf("unknown metal %q", s)
}

// MarshalText encodes m as its English name, so that a Metal is a JSON
// string such as "zinc" or "total". An invalid value is an error.
func (m Metal) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, fmt.Errorf("plan: invalid metal %d", int(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes any name ParseMetal accepts.
func (m *Metal) UnmarshalText(b []byte) error {
	v, err := ParseMetal(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

func (m Metal) mustValid() {
	if !m.Valid() {
		panic(fmt.Sprintf("plan: invalid metal %d", int(m)))
	}
}
