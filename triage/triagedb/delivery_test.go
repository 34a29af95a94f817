package triagedb

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// Each notification records how it went; the dashboard counts them, and the surveys
// answered.
func TestDeliveries(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		o := NewOutbox(db)
		now := at(t, "2026-11-22 10:00")
		rated := create(t, s, ticket("case-rated", now))
		unrated := create(t, s, ticket("case-unrated", now))

		chat := enqueue(t, db, rated.Number, now)
		tpl := enqueue(t, db, rated.Number, now)
		failed := enqueue(t, db, unrated.Number, now)
		enqueue(t, db, unrated.Number, now) // pending
		var surveys []Notification
		for _, tk := range []triage.Ticket{rated, unrated} {
			n, err := Enqueue(ctx, db, Notification{TicketNumber: tk.Number, OpenID: tk.OpenID, Kind: surveyKind, CreatedAt: now})
			if err != nil {
				t.Fatal(err)
			}
			surveys = append(surveys, n)
		}
		o.MaxAttempts = 1
		if _, err := o.Claim(ctx, now, 10); err != nil {
			t.Fatal(err)
		}
		for _, n := range []Notification{chat, surveys[0]} {
			if err := o.SetChannel(ctx, n.ID, ChannelChat, ""); err != nil {
				t.Fatal(err)
			}
		}
		for _, n := range []Notification{tpl, surveys[1]} {
			if err := o.SetChannel(ctx, n.ID, ChannelTemplate, ReasonRefused); err != nil {
				t.Fatal(err)
			}
		}
		for _, n := range []Notification{chat, tpl, surveys[0], surveys[1]} {
			if err := o.MarkSent(ctx, n.ID, now); err != nil {
				t.Fatal(err)
			}
		}
		if err := o.MarkFailed(ctx, failed.ID, errors.New("45015"), now); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Update(ctx, rated.Number, func(tk *triage.Ticket) error { tk.Rating = 5; return nil }); err != nil {
			t.Fatal(err)
		}

		d, err := o.Deliveries(ctx, now.Add(-time.Minute), now.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		// The unclaimed pending one is past MaxAttempts only when claimed: it stays pending.
		want := Deliveries{Chat: 2, Template: 2, Failed: 1, Pending: 1, Surveys: 2, Answered: 1}
		if d != want {
			t.Errorf("deliveries %+v, want %+v", d, want)
		}
		list, err := o.ListForTicket(ctx, rated.Number, 0)
		if err != nil || len(list) != 3 || list[0].ID != surveys[0].ID || list[1].Channel != ChannelTemplate || list[1].Reason != ReasonRefused {
			t.Errorf("list %+v %v", list, err)
		}
		if d, _ := o.Deliveries(ctx, now.Add(time.Minute), now.Add(2*time.Minute)); d != (Deliveries{}) {
			t.Errorf("another period: %+v", d)
		}

		// An outbox from before the columns: the migration adds them.
		for _, col := range []string{"Channel", "Reason"} {
			if err := db.Migrator().DropColumn(&outboxRow{}, col); err != nil {
				t.Fatal(err)
			}
		}
		migrationstest.RunStep(t, db, "0008_outbox_channel")
		if got, err := o.Get(ctx, chat.ID); err != nil || got.Channel != "" || got.Status != OutboxSent {
			t.Errorf("after migration: %+v %v", got, err)
		}
	})
}
