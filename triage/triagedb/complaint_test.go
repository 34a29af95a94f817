package triagedb

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// Migration 0010 adds the complaint flag and its index to a tickets table made before it;
// the tickets already there are no complaints, and new ones keep their flag.
func TestMigrateTicketComplaint(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		before := create(t, s, ticket("before", at(t, "2026-11-22 10:00")))
		m := db.Migrator()
		if err := m.DropIndex(&ticketRow{}, "idx_tickets_complaint"); err != nil {
			t.Fatal(err)
		}
		if err := m.DropColumn(&ticketRow{}, "Complaint"); err != nil {
			t.Fatal(err)
		}
		migrationstest.RunStep(t, db, "0010_ticket_complaint")
		if !m.HasColumn(&ticketRow{}, "Complaint") || !m.HasIndex(&ticketRow{}, "idx_tickets_complaint") {
			t.Fatal("column or index missing after the migration")
		}
		ctx := context.Background()
		if got, err := s.Get(ctx, before.Number); err != nil || got.Complaint {
			t.Fatalf("old ticket: complaint %v, %v", got.Complaint, err)
		}
		flagged := create(t, s, ticket("after", at(t, "2026-11-22 11:00"), func(tk *triage.Ticket) { tk.Complaint = true }))
		got, total, err := s.ListOpen(ctx, triage.Filter{Complaint: true}, triage.Page{})
		if err != nil || total != 1 || len(got) != 1 || got[0].Number != flagged.Number {
			t.Fatalf("complaints: %v (total %d), %v", caseKeys(got), total, err)
		}
		// Update flags an existing ticket too (a complaint after filing).
		if _, err := s.Update(ctx, before.Number, func(tk *triage.Ticket) error { tk.Complaint = true; return nil }); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Get(ctx, before.Number); err != nil || !got.Complaint {
			t.Fatalf("updated ticket: complaint %v, %v", got.Complaint, err)
		}
	})
}
