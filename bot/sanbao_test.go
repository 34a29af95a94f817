package bot

import (
	"strings"
	"testing"
	"time"
)

// policyKB is a knowledge base whose category gives its own 三包 days.
type policyKB struct {
	Knowledge
	w Warranty
}

func (k policyKB) Warranty(string) (Warranty, bool) { return k.w, true }

// The 三包 days the bot tells are the category's policy, decided by triage: no 7 or 15 of
// its own.
func TestSanbaoFollowsThePolicy(t *testing.T) {
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	kb := policyKB{Knowledge: shippedKB(t), w: Warranty{WholeMonths: 12, ReturnDays: 10, ExchangeDays: 30, RepairWarrantyDays: 60, MaxRepairs: 3}}
	for _, tc := range []struct {
		bought Date
		want   string
	}{
		{Date{Year: 2026, Month: 11, Day: 12}, "买了 10 天，还在 10 天内"},
		{Date{Year: 2026, Month: 11, Day: 11}, "已过 10 天、在 30 天内"},
		{Date{Year: 2026, Month: 10, Day: 23}, "已过 10 天、在 30 天内"},
		{Date{Year: 2026, Month: 10, Day: 22}, "购买已超过 30 天"},
		{Date{Year: 2026, Month: 11}, "正好跨过 10 天的界限"},
	} {
		c := Conversation{OpenID: "o", State: StateCollect, Asking: SlotModel, UpdatedAt: at.Add(-time.Minute)}
		c.Case.Category, c.Case.At, c.Case.Symptom, c.Case.PurchaseDate = "washing_machine", at, "不排水", tc.bought
		_, effects := NewDialog(kb).Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "我要退货", At: at})
		var said []string
		for _, e := range effects {
			if r, ok := e.(Reply); ok {
				said = append(said, r.Text)
			}
		}
		if !strings.Contains(strings.Join(said, "\n"), tc.want) {
			t.Errorf("bought %s: want %q in\n%s", tc.bought, tc.want, strings.Join(said, "\n"))
		}
	}
	c := Conversation{OpenID: "o", State: StateCollect, Asking: SlotModel, UpdatedAt: at.Add(-time.Minute)}
	c.Case.Category, c.Case.At = "washing_machine", at
	_, effects := NewDialog(kb).Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "上个月刚修好又不排水了", At: at})
	found := false
	for _, e := range effects {
		if r, ok := e.(Reply); ok && strings.Contains(r.Text, "维修后 60 天内") && strings.Contains(r.Text, "修过 3 次") {
			found = true
		}
	}
	if !found {
		t.Errorf("repeat after a repair: %v", effects)
	}
}
