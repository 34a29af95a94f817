package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/triage"
)

// The ticket JSON carries the complaint flag and why; ?complaint=true lists complaints
// only, in the queue and in a customer's tickets; another value is a 400.
func TestComplaintFilter(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	agent := token(t, s, "agent1")
	plainTicket := newTicket(t, s, "o_complaint_api")
	complaint := newTicket(t, s, "o_complaint_api", func(tk *triage.Ticket) {
		tk.Complaint, tk.Priority, tk.Record.Case.Complaint = true, triage.PriorityUrgent, "客户提到“12315”"
	})

	r, la := list(t, c, agent, "?complaint=true")
	if r.Status != http.StatusOK || la.Total != 1 || strings.Join(numbers(la), " ") != complaint {
		t.Fatalf("complaints = %d %v (total %d), want %s", r.Status, numbers(la), la.Total, complaint)
	}
	if it := la.Items[0]; it["complaint"] != true || it["complaint_reason"] != "客户提到“12315”" {
		t.Errorf("item %v", it)
	}
	if _, la := list(t, c, agent, "?complaint=false"); la.Total != 2 {
		t.Errorf("complaint=false lists %v", numbers(la))
	}
	admin := token(t, s, "admin1")
	if r, la := list(t, c, admin, "?openid=o_complaint_api&complaint=true"); r.Status != http.StatusOK || strings.Join(numbers(la), " ") != complaint {
		t.Errorf("a customer's complaints = %d %v", r.Status, numbers(la))
	}
	r = do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/" + plainTicket, Bearer: agent})
	if body := r.JSON(t); r.Status != http.StatusOK || body["complaint"] != false {
		t.Errorf("ticket %s: %d complaint %v", plainTicket, r.Status, body["complaint"])
	}
	if r, _ := list(t, c, agent, "?complaint=yes"); r.Status != http.StatusBadRequest {
		t.Errorf("complaint=yes: %d", r.Status)
	}
}
