package tickets_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/service/tickets"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffdb"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// The assign rule on real stores: an agent claims a ticket nobody holds and releases
// their own; another agent can neither take it nor give it away; an admin gives it to
// anyone who may write tickets and moves it between the configured groups. Each change
// is one audit entry; a refusal is a kind, not an HTTP status.
func TestAssign(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		migrationstest.Migrate(t, db)
		store := triagedb.New(db, triagedb.Config{Location: time.UTC})
		st := staffdb.New(db)
		now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
		users := map[string]staff.User{}
		for name, role := range map[string]staff.Role{"admin1": staff.RoleAdmin, "agent1": staff.RoleAgent,
			"agent2": staff.RoleAgent, "editor1": staff.RoleEditor} {
			u, err := st.CreateUser(ctx, staff.User{Username: name, Role: role, CreatedAt: now, UpdatedAt: now}, []byte("x"))
			if err != nil {
				t.Fatal(err)
			}
			users[name] = u
		}
		tk, _, err := store.Create(ctx, triage.Ticket{CaseKey: "k1", OpenID: "o1", Category: "fridge", CreatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		svc := tickets.New(tickets.Service{Tickets: store, Users: st, Notes: st, Audit: st,
			Groups: []triage.Group{{Name: "华东家电组"}}, Now: func() time.Time { return now }})
		s := func(v string) *string { return &v }

		if _, err := svc.Assign(ctx, users["agent1"], tk.Number, s("agent1"), nil); err != nil {
			t.Fatalf("agent1 claims: %v", err)
		}
		for _, r := range []struct {
			name            string
			by              string
			assignee, group *string
			kind            errs.Kind
			code, field     string
		}{
			{"claim a held ticket", "agent2", s("agent2"), nil, errs.Conflict, "already_assigned", ""},
			{"give the ticket to another agent", "agent2", s("agent1"), nil, errs.Forbidden, "forbidden", ""},
			{"an agent moves the group", "agent2", nil, s("华东家电组"), errs.Forbidden, "forbidden", ""},
			{"an admin gives it to an editor", "admin1", s("editor1"), nil, errs.Invalid, "invalid", "assignee"},
			{"an admin moves it to no such group", "admin1", nil, s("火星组"), errs.Invalid, "invalid", "group"},
		} {
			_, err := svc.Assign(ctx, users[r.by], tk.Number, r.assignee, r.group)
			e := errs.As(err)
			if e == nil || e.Kind != r.kind || e.Code != r.code || e.Field != r.field || e.Message() == "" {
				t.Errorf("%s: %v (%+v), want %s %s %q", r.name, err, e, r.kind, r.code, r.field)
			}
		}
		got, err := svc.Assign(ctx, users["admin1"], tk.Number, nil, s("华东家电组"))
		if err != nil || got.Assignee != "agent1" || got.Group != "华东家电组" {
			t.Fatalf("admin moves the group: %+v %v", got, err)
		}
		if got, err = svc.Assign(ctx, users["agent1"], tk.Number, s(""), nil); err != nil || got.Assignee != "" {
			t.Fatalf("agent1 releases: %+v %v", got, err)
		}
		entries, _, err := st.Audit(ctx, staff.AuditFilter{Action: staff.ActionAssign, Target: tk.Number}, staff.Page{})
		if err != nil || len(entries) != 3 {
			t.Fatalf("audit: %d entries, %v; want the claim, the group move and the release", len(entries), err)
		}
		if _, err := svc.ChangeStatus(ctx, users["agent1"], tk.Number, "lost", ""); errs.KindOf(err) != errs.Invalid {
			t.Errorf("unknown status: %v", err)
		}
		if _, err := svc.ChangeStatus(ctx, users["agent1"], "RS-nope", triage.StatusAccepted, ""); errs.KindOf(err) != errs.NotFound {
			t.Errorf("no such ticket: %v", err)
		}
	})
}
