package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
)

// A detail corrected after the ticket is filed is acknowledged with the ticket's number
// (the turn's lines go to that ticket's transcript); a name told after the word for the name
// ("名字错了 是张丽"), a phone number or a whole address is also written on the ticket
// (UpdateContact), a part of one ("是B座不是A座") is not; a message that merely contains "不对"
// ("又有点不对劲") is no correction.
func TestCorrectionAfterFiling(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	filed := Conversation{OpenID: "o", State: StateDone, Ticket: "RS20261205-0001", Tickets: []string{"RS20261205-0001"}, UpdatedAt: now.Add(-time.Minute)}
	filed.Case.Category = "washing_machine"
	want := catalog.T("bot.correct.filed", "number", filed.Ticket)
	for _, tc := range []struct {
		text    string
		ack     bool
		written bool
	}{
		{"刚才登记的名字错了 是张丽 不是张莉", true, true}, // the name line named, its value after 是 (probe s21 C3)
		{"地址说错了 是B座不是A座 别让师傅跑错了", true, false},
		{"电话留错了 打这个17712340000", true, true},
		{"地址换了 广州市天河区天河北路235号 不是233号", true, true},
		{"上次修的那个又有点不对劲", false, false},
	} {
		_, effects := d.Step(filed, Inbound{OpenID: "o", Kind: KindText, Text: tc.text, At: now})
		got, written := false, false
		for _, e := range effects {
			switch e := e.(type) {
			case Reply:
				got = got || strings.Contains(e.Text, want) || strings.Contains(e.Text, filed.Ticket)
			case UpdateContact:
				written = e.Number == filed.Ticket
			}
		}
		if got != tc.ack || written != tc.written {
			t.Errorf("%q: acknowledged with the ticket = %v, written on it = %v; want %v, %v (effects %v)", tc.text, got, written, tc.ack, tc.written, effects)
		}
	}
}
