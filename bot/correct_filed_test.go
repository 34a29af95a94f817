package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
)

// A detail corrected after the ticket is filed is acknowledged with the ticket's number
// (the turn's lines go to that ticket's transcript); a message that merely contains
// "不对" ("又有点不对劲") is no correction.
func TestCorrectionAfterFiling(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	filed := Conversation{OpenID: "o", State: StateDone, Ticket: "RS20261205-0001", Tickets: []string{"RS20261205-0001"}, UpdatedAt: now.Add(-time.Minute)}
	filed.Case.Category = "washing_machine"
	want := catalog.T("bot.correct.filed", "number", filed.Ticket)
	for _, tc := range []struct {
		text string
		ack  bool
	}{
		{"刚才登记的名字错了 是张丽 不是张莉", true},
		{"地址说错了 是B座不是A座 别让师傅跑错了", true},
		{"电话留错了 打这个17712340000", true},
		{"上次修的那个又有点不对劲", false},
	} {
		_, effects := d.Step(filed, Inbound{OpenID: "o", Kind: KindText, Text: tc.text, At: now})
		got := false
		for _, e := range effects {
			if r, ok := e.(Reply); ok && strings.Contains(r.Text, want) {
				got = true
			}
		}
		if got != tc.ack {
			t.Errorf("%q: acknowledged as a correction of the filed ticket = %v, want %v (effects %v)", tc.text, got, tc.ack, effects)
		}
	}
}
