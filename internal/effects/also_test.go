package effects_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
)

// Two appliances with a fault each, the first handed to a person: the second one's words
// are on the ticket for staff, apart from the first one's fault.
func TestSecondApplianceOnTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	chat(t, c, "o_two_appliances", "家里洗衣机和热水器都坏了 洗衣机不脱水 热水器不出热水")
	reply := chat(t, c, "o_two_appliances", "转人工")
	if !strings.Contains(reply, "热水器不出热水") {
		t.Errorf("the second appliance is not mentioned at the handover:\n%s", reply)
	}
	tk := ticketIn(t, s, reply)
	got, err := s.Tickets.Get(context.Background(), tk.Number)
	if err != nil {
		t.Fatal(err)
	}
	sym := got.Record.Case.Symptom
	if got.Record.Case.Category != "washing_machine" || !strings.Contains(sym, "不脱水") || !strings.Contains(sym, "另有一台要报修：热水器不出热水") {
		t.Errorf("ticket %s symptom %q", got.Record.Case.Category, sym)
	}
}
