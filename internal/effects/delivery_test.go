package effects_test

import (
	"context"
	"slices"
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

// A repair the customer says was done recently ("上个月刚修过又不转了") with no record
// here: the ticket's warranty is 待核实 (free if the repair record confirms it), never 保外
// 付费 on a purchase years back, and it is a complaint risk (probe s14 class 4).
func TestRecentRepairClaimOnTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	reply := chat(t, s.Client(wxpush.Safe), "o_repair_claim", "方太油烟机2020年买的 上个月刚修过又不转了")
	tk := ticketIn(t, s, reply)
	if tk.Result.Warranty.Status != triage.WarrantyUnknown || !tk.Complaint || tk.Record.Case.RepairClaim == "" {
		t.Fatalf("warranty %v complaint %v claim %q", tk.Result.Warranty.Status, tk.Complaint, tk.Record.Case.RepairClaim)
	}
	var keys []string
	for _, r := range tk.Result.Reasons {
		keys = append(keys, r.Key)
	}
	if !strings.Contains(strings.Join(keys, " "), "triage.why.warranty.repair_claim") || !strings.Contains(strings.Join(keys, " "), "triage.rights.repeat_claim") {
		t.Fatalf("reasons %v", keys)
	}
	if strings.Contains(reply, "付费") || strings.Contains(reply, "保外") {
		t.Fatalf("a paid repair said:\n%s", reply)
	}
}

// A customer in Hong Kong keeps their number as given and gets no visit promised: the
// ticket is not on site, its warranty 待核实, and staff read why (probe s14 class 5).
func TestOutsideMainlandOnTheTicket(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	reply := chat(t, s.Client(wxpush.Safe), "o_outside", "格力空调不制冷 2025年6月买的 我喺香港 電話 9123 4567")
	tk := ticketIn(t, s, reply)
	if tk.Record.Phone != "+85291234567" || tk.Result.OnSite || tk.Result.Warranty.Status != triage.WarrantyUnknown {
		t.Fatalf("phone %q on site %v warranty %v", tk.Record.Phone, tk.Result.OnSite, tk.Result.Warranty.Status)
	}
	if !slices.ContainsFunc(tk.Result.Reasons, func(r triage.Reason) bool { return r.Key == "effects.outside_mainland" }) {
		t.Fatalf("reasons %v", tk.Result.Reasons)
	}
	if strings.Contains(reply, "上门时间") {
		t.Fatalf("a visit promised:\n%s", reply)
	}
}
