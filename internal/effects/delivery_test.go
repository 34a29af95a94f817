package effects_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/triage"
)

// The 三包 days on the ticket count from the delivery the customer told, not the order
// (probe s14 class 1), and a delivery day corrected after filing replaces the 三包 note:
// the ticket never keeps "已过 7 天" beside the day that says otherwise.
func TestSanbaoFromDeliveryOnTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_sanbao_delivery"
	reply := chat(t, c, who, "美的洗衣机二十天前下的单 前天才送到 一洗衣服底下全是水 我要退货")
	first := ticketIn(t, s, reply)
	if got := rightsReasons(first); len(got) != 1 || got[0].Key != "triage.rights.return" || !strings.Contains(got[0].Text, "收货") {
		t.Fatalf("filed 三包 reasons %v, want the return period from the delivery\nreply: %s", got, reply)
	}
	if first.Record.Case.Delivered.IsZero() || !first.Record.Case.Delivered.After(first.Record.Case.PurchaseDate) {
		t.Fatalf("ticket bought %v delivered %v", first.Record.Case.PurchaseDate, first.Record.Case.Delivered)
	}
	if strings.Contains(reply, "已过 7 天") {
		t.Fatalf("reply says both:\n%s", reply)
	}
	if _, err := c.Say(ctx, who, "不对，签收是十天前，我记错了"); err != nil {
		t.Fatal(err)
	}
	tk, err := s.Tickets.Get(ctx, first.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got := rightsReasons(tk); len(got) != 1 || got[0].Key != "triage.rights.exchange" {
		t.Fatalf("三包 reasons after the correction %v, want the exchange period only", got)
	}
}

func rightsReasons(tk triage.Ticket) []triage.Reason {
	var out []triage.Reason
	for _, r := range tk.Result.Reasons {
		if strings.HasPrefix(r.Key, "triage.rights.") {
			out = append(out, r)
		}
	}
	return out
}
