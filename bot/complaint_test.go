package bot

import (
	"testing"
	"time"
)

// A complaint risk escalates at once and the ticket's case carries the words that made it
// one; anger alone does neither.
func TestComplaintRisk(t *testing.T) {
	for _, tc := range []struct {
		msgs []string
		want string // Case.Complaint of the ticket opened; "" when none is opened as one
	}{
		{[]string{"美的空调不制冷，再不修好我就打12315投诉你们"}, "12315"},
		{[]string{"美的空调不制冷", "你们再这样我去找媒体曝光"}, "媒体"},
		{[]string{"空调修了两次又坏了，还是不制冷"}, "修了两次"},
		{[]string{"美的空调不制冷", "上个月刚修好又不制冷了"}, "上个月刚修好又"},
		{[]string{"美的空调不制冷，气死我了"}, ""},
		{[]string{"空调漏水三天了没人管，我要打12315投诉你们"}, "12315"},
	} {
		d := NewDialog(newTestKB(t))
		now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
		var conv Conversation
		var opened *OpenTicket
		var said []string
		for _, m := range tc.msgs {
			now = now.Add(20 * time.Second)
			var effects []Effect
			conv, effects = d.Step(conv, Inbound{OpenID: "o_test", Kind: KindText, Text: m, At: now})
			for _, e := range effects {
				switch e := e.(type) {
				case OpenTicket:
					opened = &e
				case Reply:
					said = append(said, e.Text)
				}
			}
		}
		switch {
		case tc.want == "" && opened != nil && opened.Case.Complaint != "":
			t.Errorf("%q: a complaint risk (%q), want none", tc.msgs, opened.Case.Complaint)
		case tc.want == "":
		case opened == nil:
			t.Errorf("%q: no ticket opened; said %q", tc.msgs, said)
		case opened.Case.Complaint != tc.want || opened.Reason != EscalateHuman:
			t.Errorf("%q: complaint %q (%s), want %q (human)", tc.msgs, opened.Case.Complaint, opened.Reason, tc.want)
		case opened.Case.Category != "air_conditioner":
			t.Errorf("%q: the case lost its product: %+v", tc.msgs, opened.Case.Facts)
		}
	}
}

// After filing, a threat to complain flags the ticket just filed and hands the chat to a
// person; no second ticket is opened.
func TestComplaintAfterFiling(t *testing.T) {
	d := NewDialog(newTestKB(t))
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	conv := Conversation{State: StateDone, Ticket: "RS20261122-0001", Tickets: []string{"RS20261122-0001"}}
	conv, effects := d.Step(conv, Inbound{OpenID: "o_test", Kind: KindText, Text: "你们再不来我就打12315投诉", At: now})
	var flagged *FlagComplaint
	for _, e := range effects {
		switch e := e.(type) {
		case FlagComplaint:
			flagged = &e
		case OpenTicket:
			t.Fatalf("a second ticket: %+v", e)
		}
	}
	if flagged == nil || flagged.Number != "RS20261122-0001" || flagged.Words != "12315" || conv.State != StateHuman {
		t.Fatalf("flagged %+v, state %s", flagged, conv.State)
	}
}
