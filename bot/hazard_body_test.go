package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// An injury or a part giving way told mid-form makes the case a safety case and writes the
// customer's words of it on the case, so the ticket says what happened and not only the
// fault it came with ("遥控器按了没反应").
func TestInjuryWordsOnTheCase(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 7, 4, 30, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		text, family string
		want         []string // words the case's symptom must hold
	}{
		{"1。还有个事，卡住那会我家小孩手伸到扶手缝里，被夹了一下，手指头红了一道，还在哭", knowledge.HazardInjury,
			[]string{"遥控器按了没反应", "被夹了一下", "手指头红了一道"}},
		{"对了孩子手被按摩椅夹伤了!", knowledge.HazardInjury, []string{"夹伤"}},
	} {
		c := Conversation{OpenID: "o", State: StateCollect, Asking: SlotTrigger, UpdatedAt: now.Add(-time.Minute)}
		c.Case.Category, c.Case.Product, c.Case.Symptom = OtherCategory, "按摩椅", "遥控器按了没反应"
		got, _ := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: tc.text, At: now})
		if !got.Case.Safety || got.Case.SafetyRule != knowledge.HazardRuleIDs[tc.family] {
			t.Errorf("%q: safety %v rule %q, want %s", tc.text, got.Case.Safety, got.Case.SafetyRule, tc.family)
		}
		for _, w := range tc.want {
			if !strings.Contains(got.Case.Symptom, w) {
				t.Errorf("%q: symptom %q lacks %q", tc.text, got.Case.Symptom, w)
			}
		}
	}
}
