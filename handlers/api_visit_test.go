package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// testGroups are the staff groups of the test API.
var testGroups = []triage.Group{{Name: "华东家电组"}, {Name: "全国综合组"}}

// visitWindows offers the test API's visit windows: two slots a day for three days.
func visitWindows(s *apptest.Service) func(time.Time) []triage.Window {
	slots := []triage.Slot{{Label: "上午", Start: "09:00", End: "12:00"}, {Label: "下午", Start: "14:00", End: "17:00"}}
	return func(now time.Time) []triage.Window { return triage.VisitWindows(now, s.Calendar, slots, 3) }
}

// Staff book an engineer's visit among the offered windows: anything else is refused, the
// booking is stored and audited, and the customer is told.
func TestBookVisit(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		agent := token(t, s, "agent1")
		const openID = "o_visit"
		// The customer has written lately: the notice can go as a customer-service message.
		if _, err := s.Client(wxpush.Safe).Say(context.Background(), openID, "你好"); err != nil {
			t.Fatal(err)
		}
		number := newTicket(t, s, openID)
		path := "/api/v1/tickets/" + number + "/visit"

		var offer struct {
			Booked  *struct{ Label string }
			Windows []struct {
				Start time.Time
				Label string
			}
		}
		r := do(t, plain, c.URL, request{Method: "GET", Path: path, Bearer: agent})
		decodeInto(t, r, &offer)
		// Two slots a day for three days; on the first day one may be past already.
		if r.Status != http.StatusOK || offer.Booked != nil || len(offer.Windows) < 5 || len(offer.Windows) > 6 || !offer.Windows[0].Start.After(time.Now()) {
			t.Fatalf("offer: %d %s", r.Status, r.Body)
		}
		chosen := offer.Windows[1]

		for _, tc := range []struct {
			name, body string
			status     int
		}{
			{"not offered", `{"start":` + strconv.FormatInt(chosen.Start.Unix()+60, 10) + `}`, http.StatusBadRequest},
			{"no start", `{}`, http.StatusBadRequest},
			{"offered", `{"start":` + strconv.FormatInt(chosen.Start.Unix(), 10) + `}`, http.StatusOK},
		} {
			r := do(t, plain, c.URL, request{Method: "POST", Path: path, Body: tc.body, Bearer: agent})
			if r.Status != tc.status {
				t.Fatalf("%s: %d %s, want %d", tc.name, r.Status, r.Body, tc.status)
			}
		}
		tk, err := s.Tickets.Get(context.Background(), number)
		if err != nil || !tk.VisitWindow.Start.Equal(chosen.Start) {
			t.Fatalf("stored window %+v %v; want %v", tk.VisitWindow, err, chosen.Start)
		}
		r = do(t, plain, c.URL, request{Method: "GET", Path: path, Bearer: agent})
		decodeInto(t, r, &offer)
		if offer.Booked == nil || offer.Booked.Label != chosen.Label {
			t.Errorf("booked %+v; want %q", offer.Booked, chosen.Label)
		}
		var detail struct {
			VisitWindow *struct{ Label string } `json:"visit_window"`
		}
		decodeInto(t, do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/tickets/" + number, Bearer: agent}), &detail)
		if detail.VisitWindow == nil || detail.VisitWindow.Label != chosen.Label {
			t.Errorf("ticket's visit_window %+v; want %q", detail.VisitWindow, chosen.Label)
		}
		got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionVisit, Target: number})
		if len(got) != 1 || got[0].Actor != "agent1" || !strings.Contains(string(got[0].Detail), chosen.Label) {
			t.Errorf("audited %+v", got)
		}
		notified := false
		for _, m := range s.API.WaitSent(1, 10*time.Second) {
			notified = notified || (m.ToUser == openID && strings.Contains(m.Text, chosen.Label) && strings.Contains(m.Text, number))
		}
		if !notified {
			t.Errorf("the customer was not told: %+v", s.API.Sent())
		}

		closed := newTicket(t, s, "o_visit_closed", func(tk *triage.Ticket) { tk.Status = triage.StatusCancelled })
		r = do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + closed + "/visit",
			Body: `{"start":` + strconv.FormatInt(chosen.Start.Unix(), 10) + `}`, Bearer: agent})
		if r.Status != http.StatusConflict {
			t.Errorf("visit on a cancelled ticket: %d %s", r.Status, r.Body)
		}
	})
}

// Admins move a ticket to another staff group, with or without its assignee; agents may
// not; an unknown group is refused.
func TestAssignGroup(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	agent, admin := token(t, s, "agent1"), token(t, s, "admin1")
	number := newTicket(t, s, "o_group", func(tk *triage.Ticket) { tk.Assignee = "agent2"; tk.Group = "华东家电组" })
	for _, tc := range []struct {
		name, tok, body string
		status          int
		assignee, group string
	}{
		{"agent moves the group", agent, `{"group":"全国综合组"}`, http.StatusForbidden, "agent2", "华东家电组"},
		{"unknown group", admin, `{"group":"火星组"}`, http.StatusBadRequest, "agent2", "华东家电组"},
		{"group alone keeps the assignee", admin, `{"group":"全国综合组"}`, http.StatusOK, "agent2", "全国综合组"},
		{"both", admin, `{"assignee":"agent1","group":"华东家电组"}`, http.StatusOK, "agent1", "华东家电组"},
		{"no fields releases", admin, `{}`, http.StatusOK, "", "华东家电组"},
	} {
		r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tickets/" + number + "/assign", Body: tc.body, Bearer: tc.tok})
		tk, _ := s.Tickets.Get(context.Background(), number)
		if r.Status != tc.status || tk.Assignee != tc.assignee || tk.Group != tc.group {
			t.Errorf("%s: %d %s → %q/%q; want %d %q/%q", tc.name, r.Status, r.Body, tk.Assignee, tk.Group, tc.status, tc.assignee, tc.group)
		}
	}
	if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionAssign, Target: number}); len(got) != 4 {
		t.Errorf("%d changes audited; want 4 (group, assignee and group, release)", len(got))
	}
}

// decodeInto decodes an answer's JSON body into v.
func decodeInto(t *testing.T, r reply, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("answer %d: %v: %s", r.Status, err, r.Body)
	}
}
