package bot

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// A denied cause is never the trigger, in any wording; a cause told beside a denied one is.
func TestDeniedCauseNotTrigger(t *testing.T) {
	kb := shippedKB(t)
	for _, tc := range []struct {
		text string
		want Trigger // "" for no cause told
	}{
		{"没进水 这种是不是正常的", TriggerNone},
		{"手表没有进过水 没有！", TriggerNone},
		{"我说的是没进水！没有进水！你别给我写成进水了 写成进水是不是就不给保修了", TriggerNone},
		{"没碰过水 也没摔过", TriggerNone},
		{"从来没摔 也没掉过", TriggerNone},
		{"没摔过没进过水 就是突然充不上电", TriggerNone},
		{"冇入过水 都冇跌过", ""},
		{"手机没泡过水啊", TriggerNone},
		{"别当成摔的 就是自己坏的", ""},
		{"没摔过 但是前天掉水里了", TriggerWater},
		{"手机进水了", TriggerWater},
	} {
		u := RuleReader{}.Understand(tc.text, Context{State: StateSelf, Category: "smartwatch", Now: time.Now(), Lexicon: kb.Lexicon()})
		if got := u.Facts.Trigger; got != tc.want && !(tc.want == "" && got == TriggerNone) {
			t.Errorf("%q: trigger %q, want %q", tc.text, got, tc.want)
		}
		if tc.want != TriggerWater && knowledge.Wet(withoutDeniedCauses(compact(u.Canon))) {
			t.Errorf("%q: still wet after the denied causes are blanked: %q", tc.text, withoutDeniedCauses(compact(u.Canon)))
		}
	}
}

// A denial clears the stored cause or drops the hazard part it names, and is confirmed; a
// danger that passed ("现在没有焦味了") stays.
func TestDenialsTaken(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 7, 5, 10, 0, 0, time.FixedZone("CST", 8*3600))
	burning := knowledge.HazardRuleIDs[knowledge.HazardBurning]
	for _, tc := range []struct {
		trigger Trigger
		rule    string
		text    string
		denied  []string
		cleared bool
	}{
		{"", burning, "好的 我已经拔了 插座也没黑 就是插头烫 没有焦味啊 你们别写错了", []string{"有烧焦味"}, false},
		{"", burning, "根本没闻到什么糊味 就是插头烫", []string{"有烧焦味"}, false},
		{"", burning, "拔了以后现在没有焦味了", nil, false},
		{"", burning, "焦味散了 没有焦味了", nil, false},
		{TriggerWater, "", "我说的是没进水！没有进水！", nil, true},
		{TriggerWater, "", "手表没有进过水", nil, true},
		{TriggerDrop, "", "从来没摔过", nil, true},
		{TriggerWater, "", "没摔过", nil, false},
	} {
		c := Conversation{OpenID: "o", State: StateHuman, Ticket: "RS20261207-0001", Tickets: []string{"RS20261207-0001"}, UpdatedAt: now.Add(-time.Minute),
			Case: Case{Facts: Facts{Category: "rice_cooker", Symptom: "不加热", Trigger: tc.trigger}, Safety: tc.rule != "", SafetyRule: tc.rule}}
		got, out := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: tc.text, At: now})
		if !slices.Equal(got.Case.HazardDenied, tc.denied) {
			t.Errorf("%q: denied %v, want %v", tc.text, got.Case.HazardDenied, tc.denied)
		}
		if cleared := tc.trigger != "" && got.Case.Trigger != tc.trigger; cleared != tc.cleared {
			t.Errorf("%q: trigger %q from %q, cleared %v want %v", tc.text, got.Case.Trigger, tc.trigger, cleared, tc.cleared)
		}
		var said []string
		updated := false
		for _, e := range out {
			switch e := e.(type) {
			case Reply:
				said = append(said, e.Text)
			case UpdateDetails:
				updated = true
			}
		}
		if want := len(tc.denied) > 0 || tc.cleared; updated != want || want && !strings.Contains(strings.Join(said, "\n"), "好的，") {
			t.Errorf("%q: ticket updated %v, want %v; said %q", tc.text, updated, want, said)
		}
		if tc.rule != "" && !got.Case.Safety {
			t.Errorf("%q: the denial ended the safety case", tc.text)
		}
	}
}
