package bot

import (
	"testing"
	"time"
)

// The shipped knowledge drives the real dialog: the example gets its checks.
func TestShippedKnowledgeBase(t *testing.T) {
	kb := shippedKB(t)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	d := NewDialog(kb)
	c, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, At: now,
		Text: "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1"})
	cs := c.Case
	if cs.Category != "air_conditioner" || cs.Brand != "美的" || cs.Model == "" || cs.PurchaseDate.Year != 2025 ||
		cs.Channel != ChannelJD || cs.ErrorCode != "E1" || cs.Symptom == "" {
		t.Fatalf("facts not all understood: %+v", cs.Facts)
	}
	if c.State != StateSelf || cs.RuleID == "" {
		t.Fatalf("no self-service: state %q rule %q (effects %v)", c.State, cs.RuleID, effects)
	}
	if age := ageMonths(&cs); age != 17 {
		t.Errorf("age = %d months, want 17 (June 2025 → November 2026)", age)
	}
	if r, ok := kb.Hazard("厨房里有很重的煤气味"); !ok || !r.Safety || r.Advice == "" {
		t.Errorf("gas smell not a hazard: %+v", r)
	}
	if _, ok := kb.Hazard("空调不制冷"); ok {
		t.Error("a plain fault was taken for a hazard")
	}
}
