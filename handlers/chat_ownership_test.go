package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

// TestChatOwnershipOverTheAPI (issue 14): with the real live chat, another agent's
// hand-back is 403 and takeover 409; an admin's takeover of an agent's chat is audited
// with whose it was and leaves the agent a note on the ticket; a hand-back with nobody
// holding the chat answers 204 and records nothing.
func TestChatOwnershipOverTheAPI(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	addAccounts(t, s)
	c := serveConsole(t, s, s.Chat)
	number := newTicket(t, s, "o_chat_owner")
	post := func(username, sub string) reply {
		return do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + sub, Bearer: token(t, s, username)})
	}
	audited := func(action string) []staff.AuditEntry {
		return auditActions(t, s, staff.AuditFilter{Action: action, Target: number})
	}

	if r := post("agent1", "/handback"); r.Status != http.StatusNoContent || len(audited(staff.ActionHandback)) != 0 {
		t.Fatalf("hand-back with no takeover: %d %s, %d audited", r.Status, r.Body, len(audited(staff.ActionHandback)))
	}
	if r := post("agent1", "/takeover"); r.Status != http.StatusNoContent {
		t.Fatalf("takeover: %d %s", r.Status, r.Body)
	}
	if r := post("agent2", "/handback"); r.Status != http.StatusForbidden || r.Code(t) != "not_yours" || !strings.Contains(r.JSON(t)["message"].(string), "agent1") {
		t.Fatalf("another agent's hand-back: %d %s", r.Status, r.Body)
	}
	if r := post("agent2", "/takeover"); r.Status != http.StatusConflict || r.Code(t) != "taken" {
		t.Fatalf("another agent's takeover: %d %s", r.Status, r.Body)
	}
	if r := post("admin1", "/takeover"); r.Status != http.StatusNoContent {
		t.Fatalf("admin takeover: %d %s", r.Status, r.Body)
	}
	got := audited(staff.ActionTakeover)
	if len(got) != 2 || got[0].Actor != "admin1" || !strings.Contains(string(got[0].Detail), `"from":"agent1"`) {
		t.Fatalf("takeovers audited: %+v", got)
	}
	notes, err := s.Staff.Notes(context.Background(), number)
	if err != nil || len(notes) != 1 || !strings.Contains(notes[0].Text, "agent1") || !strings.Contains(notes[0].Text, "admin1") {
		t.Fatalf("the agent is not told on the ticket: %+v %v", notes, err)
	}
	if r := post("admin1", "/handback"); r.Status != http.StatusNoContent {
		t.Fatalf("admin hand-back: %d %s", r.Status, r.Body)
	}
	if r := post("admin1", "/handback"); r.Status != http.StatusNoContent || len(audited(staff.ActionHandback)) != 1 {
		t.Fatalf("second hand-back: %d %s, %d audited", r.Status, r.Body, len(audited(staff.ActionHandback)))
	}
}
