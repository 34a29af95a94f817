package triagedb

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

func TestDashboard(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		s := newStore(t, db)
		day := at(t, "2026-03-10 00:00")
		due := func(d time.Time) func(*triage.Ticket) {
			return func(t *triage.Ticket) { t.Result.SLA.FirstResponseBy = d }
		}
		model := func(m string) func(*triage.Ticket) {
			return func(t *triage.Ticket) { t.Record.Case.Model = m }
		}
		// a: answered in 30 min, before its deadline, rated 5.
		a := create(t, s, ticket("a", at(t, "2026-03-10 09:00"), due(at(t, "2026-03-10 11:00"))))
		// b: answered after 3 h, past its deadline, rated 2; another model.
		b := create(t, s, ticket("b", at(t, "2026-03-10 10:00"), due(at(t, "2026-03-10 12:00")), model("EG80")))
		complaint := func(t *triage.Ticket) { t.Complaint = true }
		// c: never answered, deadline passed; a complaint.
		create(t, s, ticket("c", at(t, "2026-03-10 11:00"), due(at(t, "2026-03-10 13:00")), complaint))
		// e: not answered yet, deadline to come: SLA not decided.
		create(t, s, ticket("e", at(t, "2026-03-10 12:00"), due(at(t, "2026-03-10 16:00"))))
		// d: before the period: counted only as open (and as an open complaint).
		create(t, s, ticket("d", at(t, "2026-03-01 11:00"), due(at(t, "2026-03-20 13:00")), complaint))
		for _, ch := range []struct {
			number string
			at     time.Time
			rating int
		}{{a.Number, at(t, "2026-03-10 09:30"), 5}, {b.Number, at(t, "2026-03-10 13:00"), 2}} {
			if _, err := s.UpdateStatus(ctx, ch.number, triage.StatusChange{From: triage.StatusNew,
				To: triage.StatusAccepted, At: ch.at, By: "agent"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Update(ctx, ch.number, func(t *triage.Ticket) error { t.Rating = ch.rating; return nil }); err != nil {
				t.Fatal(err)
			}
		}

		d, err := s.Dashboard(ctx, day, day, day.AddDate(0, 0, 1), at(t, "2026-03-10 14:00"))
		if err != nil {
			t.Fatal(err)
		}
		if d.NewToday != 4 || d.OpenNow != 5 || d.BreachedNow != 3 || d.Tickets != 4 {
			t.Errorf("new %d open %d breached %d tickets %d; want 4 5 3 4", d.NewToday, d.OpenNow, d.BreachedNow, d.Tickets)
		}
		if d.Complaints != 1 || d.ComplaintsOpen != 2 {
			t.Errorf("complaints %d in the period, %d open; want 1 2", d.Complaints, d.ComplaintsOpen)
		}
		if d.WithDue != 3 || d.MetDue != 1 {
			t.Errorf("SLA met %d of %d; want 1 of 3", d.MetDue, d.WithDue)
		}
		if d.Responded != 2 || d.MedianFirstResponse != 105*time.Minute {
			t.Errorf("median first response %v over %d; want 1h45m over 2", d.MedianFirstResponse, d.Responded)
		}
		if d.Rated != 2 || d.AverageRating != 3.5 {
			t.Errorf("rating %.2f over %d; want 3.5 over 2", d.AverageRating, d.Rated)
		}
		want := []FaultCount{{"washing_machine", "EG100", "washer.no_spin", "洗衣机", 3}, {"washing_machine", "EG80", "washer.no_spin", "洗衣机", 1}}
		if len(d.Faults) != 2 || d.Faults[0] != want[0] || d.Faults[1] != want[1] {
			t.Errorf("faults %+v; want %+v", d.Faults, want)
		}
	})
}

// TestCountBreached checks the count behind the dashboard's BreachedNow and the
// intake_tickets_breached gauge: open tickets past their first-response deadline only.
func TestCountBreached(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		s := newStore(t, db)
		now := at(t, "2026-03-10 14:00")
		due := func(d time.Time) func(*triage.Ticket) {
			return func(t *triage.Ticket) { t.Result.SLA.FirstResponseBy = d }
		}
		status := func(st triage.Status) func(*triage.Ticket) {
			return func(t *triage.Ticket) { t.Status = st }
		}
		noDue := func(t *triage.Ticket) { t.Result.SLA = triage.SLA{} }
		if n, err := s.CountBreached(ctx, now); err != nil || n != 0 {
			t.Fatalf("no tickets: %d, %v; want 0", n, err)
		}
		create(t, s, ticket("past", at(t, "2026-03-10 09:00"), due(at(t, "2026-03-10 11:00"))))
		create(t, s, ticket("accepted-past", at(t, "2026-03-10 09:00"), due(at(t, "2026-03-10 13:59")), status(triage.StatusAccepted)))
		create(t, s, ticket("future", at(t, "2026-03-10 12:00"), due(at(t, "2026-03-10 16:00"))))
		create(t, s, ticket("closed-past", at(t, "2026-03-09 09:00"), due(at(t, "2026-03-09 11:00")), status(triage.StatusClosed)))
		create(t, s, ticket("cancelled-past", at(t, "2026-03-09 10:00"), due(at(t, "2026-03-09 12:00")), status(triage.StatusCancelled)))
		create(t, s, ticket("no-deadline", at(t, "2026-03-01 10:00"), noDue))
		for _, c := range []struct {
			at   time.Time
			want int
		}{{now, 2}, {at(t, "2026-03-10 13:00"), 1}, {at(t, "2026-03-10 10:00"), 0}, {at(t, "2026-03-11 10:00"), 3}} {
			if n, err := s.CountBreached(ctx, c.at); err != nil || n != c.want {
				t.Errorf("CountBreached(%v) = %d, %v; want %d", c.at, n, err, c.want)
			}
		}
	})
}
