package effects_test

import (
	"context"
	"strings"
	"testing"
)

// Probe s14-C classes 2 and 5: an urgent ticket's reply reads back what it holds; a brand,
// purchase date or phone corrected after filing replaces the ticket's, and the ticket's
// transcript says what it was before; a second number told beside the visit's is a note on
// the ticket, never dropped.
func TestCorrectionAfterUrgentFiling(t *testing.T) {
	s, say := embeddedChat(t)
	ctx := context.Background()
	const who = "o_readback"
	say(who, "万和热水器漏电了 手一摸就发麻")
	reply := say(who, "电话13787654321")
	tk := ticketIn(t, s, reply)
	if !strings.Contains(reply, "工单上登记的是：热水器 · 万和") || !strings.Contains(reply, "13787654321") {
		t.Fatalf("no read-back in:\n%s", reply)
	}
	if got := say(who, "品牌不是万和 是威能 万和是我邻居家的"); !strings.Contains(got, "威能") || !strings.Contains(got, tk.Number) {
		t.Fatalf("brand correction reply: %q", got)
	}
	say(who, "电话打错了 是13787654322")
	tk, _ = s.Tickets.Get(ctx, tk.Number)
	if tk.Record.Case.Brand != "威能" || tk.Record.Phone != "13787654322" {
		t.Fatalf("ticket brand %q phone %q", tk.Record.Case.Brand, tk.Record.Phone)
	}
	lines, err := s.Tickets.Transcript(ctx, tk.Number)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, l := range lines {
		if l.Role == "system" && strings.Contains(l.Text, "更正") {
			notes = append(notes, l.Text)
		}
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "万和 → 威能") || !strings.Contains(notes[1], "13787654321 → 13787654322") {
		t.Fatalf("correction notes: %q", notes)
	}

	const landlord = "o_landlord"
	say(landlord, "格力空调吹出来的风有焦糊味")
	reply = say(landlord, "租客电话13512345678，我的电话13600001111，上门请联系租客")
	tk = ticketIn(t, s, reply)
	if tk.Record.Phone != "13600001111" || tk.Record.OtherPhone != "租客电话13512345678（上门联系）" || strings.Contains(tk.Record.Case.Symptom, "135") {
		t.Fatalf("phone %q other %q symptom %q", tk.Record.Phone, tk.Record.OtherPhone, tk.Record.Case.Symptom)
	}
	if !strings.Contains(reply, "13600001111；另一联系电话：租客电话13512345678（上门联系）") {
		t.Fatalf("both numbers are not read back:\n%s", reply)
	}
	// s16b 04: a number told after filing as someone else's is kept beside the phone
	say(landlord, "上门前先打我妈家座机027-88765432")
	tk, _ = s.Tickets.Get(ctx, tk.Number)
	if tk.Record.Phone != "13600001111" || tk.Record.OtherPhone != "我妈家座机027-88765432（上门联系）" {
		t.Fatalf("after filing: phone %q other %q", tk.Record.Phone, tk.Record.OtherPhone)
	}
}
