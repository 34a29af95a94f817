package effects_test

import (
	"context"
	"strings"
	"testing"
)

// A hazard the customer corrects after filing ("不是燃气味 是塑料烧糊的味道") replaces the one
// on the ticket: its danger note and its safety rule, the transcript saying what it was.
func TestHazardCorrectedAfterFiling(t *testing.T) {
	s, say := embeddedChat(t)
	ctx := context.Background()
	const who = "o_hazard_fix"
	say(who, "电磁炉旁边有煤气味")
	tk := ticketIn(t, s, say(who, "13912345678"))
	if tk.RuleID != "safety-gas-smell" {
		t.Fatalf("filed under %q", tk.RuleID)
	}
	say(who, "不是燃气味 是塑料烧糊的味道")
	tk, _ = s.Tickets.Get(ctx, tk.Number)
	if tk.RuleID != "safety-burning-smell" || strings.Contains(tk.Record.Case.Symptom, "燃气泄漏") || !strings.Contains(tk.Record.Case.Symptom, "烧焦") {
		t.Fatalf("after the correction: rule %q symptom %q", tk.RuleID, tk.Record.Case.Symptom)
	}
}
