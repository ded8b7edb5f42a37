package plan

import (
	"encoding/json"
	"testing"
)

func TestMetalNames(t *testing.T) {
	want := []struct {
		m                  Metal
		en, chinese, label string
	}{
		{Copper, "copper", "铜", "精炼铜"},
		{Aluminium, "aluminium", "铝", "电解铝"},
		{Lead, "lead", "铅", "铅"},
		{Zinc, "zinc", "锌", "锌"},
		{Nickel, "nickel", "镍", "镍"},
		{Tin, "tin", "锡", "锡"},
		{Antimony, "antimony", "锑", "锑"},
		{Mercury, "mercury", "汞", "汞"},
		{Magnesium, "magnesium", "镁", "镁"},
		{Titanium, "titanium", "钛", "钛"},
		{Total, "total", "十种有色金属", "十种有色金属"},
	}
	for _, w := range want {
		if w.m.String() != w.en || w.m.Chinese() != w.chinese || w.m.Label() != w.label {
			t.Errorf("%d: %q %q %q, want %q %q %q", int(w.m), w.m.String(), w.m.Chinese(), w.m.Label(), w.en, w.chinese, w.label)
		}
		for _, s := range []string{w.en, w.chinese, w.label, " " + w.en + " "} {
			if got, err := ParseMetal(s); err != nil || got != w.m {
				t.Errorf("ParseMetal(%q) = %v, %v, want %v", s, got, err, w.m)
			}
		}
	}
	ms := Metals()
	if len(ms) != 10 || ms[0] != Copper || ms[9] != Titanium {
		t.Errorf("Metals() = %v", ms)
	}
	if rs := Rows(); len(rs) != 11 || rs[0] != Total || rs[1] != Copper {
		t.Errorf("Rows() = %v", rs)
	}
	for s, want := range map[string]Metal{"Aluminum": Aluminium, "COPPER": Copper, "10种有色金属": Total} {
		if got, err := ParseMetal(s); err != nil || got != want {
			t.Errorf("ParseMetal(%q) = %v, %v, want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "gold", "金", "Metal(3)"} {
		if _, err := ParseMetal(s); err == nil {
			t.Errorf("ParseMetal(%q): no error", s)
		}
	}
	bad := Metal(42)
	if bad.Valid() || bad.String() != "Metal(42)" || bad.Chinese() != "" || bad.Label() != "" {
		t.Errorf("invalid metal: %v %q %q %q", bad.Valid(), bad.String(), bad.Chinese(), bad.Label())
	}
}

func TestMetalJSON(t *testing.T) {
	b, err := json.Marshal(map[string]Metal{"a": Zinc, "b": Total})
	if err != nil || string(b) != `{"a":"zinc","b":"total"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	var got []Metal
	if err := json.Unmarshal([]byte(`["lead","精炼铜","total"]`), &got); err != nil || len(got) != 3 || got[0] != Lead || got[1] != Copper || got[2] != Total {
		t.Errorf("Unmarshal = %v, %v", got, err)
	}
	if err := json.Unmarshal([]byte(`["gold"]`), &got); err == nil {
		t.Error("Unmarshal(gold): no error")
	}
	if _, err := json.Marshal(Metal(-1)); err == nil {
		t.Error("Marshal(Metal(-1)): no error")
	}
}
