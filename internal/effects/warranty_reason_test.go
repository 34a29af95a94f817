package effects_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wxintake/intake/triage"
)

// Probe s16 class 6: the warranty reason on the ticket follows the purchase date told or
// corrected after filing — never "待核实：购买日期未知" beside a date, nor the old date's
// "保修期内" after a correction.
func TestWarrantyReasonFollowsTheCorrectedDate(t *testing.T) {
	s, say := embeddedChat(t)
	ctx := context.Background()
	warrantyWhy := func(tk triage.Ticket) string {
		var out []string
		for _, r := range tk.Result.Reasons {
			if strings.HasPrefix(r.Key, "triage.why.warranty.") {
				out = append(out, r.Text)
			}
		}
		return strings.Join(out, " | ")
	}
	const who = "o_warranty_reason"
	say(who, "万和热水器漏电了 手一摸就发麻")
	tk := ticketIn(t, s, say(who, "电话13787654321"))
	if got := warrantyWhy(tk); !strings.Contains(got, "购买日期未知") {
		t.Fatalf("filed without a date: warranty reason %q", got)
	}
	for _, step := range []struct{ msg, want, not string }{
		{"购买时间是2026年3月", "购买于 2026-03", "未知"},
		{"不对 买的时间是2019年5月 不是今年", "2019-05", "2026-03"},
	} {
		say(who, step.msg)
		tk, _ = s.Tickets.Get(ctx, tk.Number)
		got := warrantyWhy(tk)
		if !strings.Contains(got, step.want) || strings.Contains(got, step.not) {
			t.Fatalf("after %q: bought %v, warranty reason %q", step.msg, tk.Record.Case.PurchaseDate, got)
		}
	}
}
