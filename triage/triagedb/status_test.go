package triagedb

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// TestLifecycle walks a ticket from new to closed: each change is stored, appended to the
// history, and the ticket leaves the queue once it is no longer open.
func TestLifecycle(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		tk := create(t, s, ticket("case-1", at(t, "2026-11-22 10:00")))
		steps := []struct {
			to   triage.Status
			open bool
		}{
			{triage.StatusAccepted, true},
			{triage.StatusDiagnosing, true},
			{triage.StatusRepairing, true},
			{triage.StatusCompleted, false},
			{triage.StatusRepairing, true}, // rework after the follow-up
			{triage.StatusCompleted, false},
			{triage.StatusClosed, false},
		}
		history := []triage.StatusChange{{To: triage.StatusNew, At: tk.CreatedAt, By: "system"}}
		from, when := triage.StatusNew, at(t, "2026-11-22 10:00")
		for i, st := range steps {
			when = when.Add(time.Hour)
			ch := triage.StatusChange{From: from, To: st.to, At: when, By: "staff-1", Note: fmt.Sprint("step ", i)}
			got, err := s.UpdateStatus(ctx, tk.Number, ch)
			if err != nil {
				t.Fatalf("%s → %s: %v", from, st.to, err)
			}
			if got.Status != st.to || !got.UpdatedAt.Equal(when) {
				t.Errorf("after %s → %s: status %s updated %v", from, st.to, got.Status, got.UpdatedAt)
			}
			reread, _ := s.Get(ctx, tk.Number)
			sameTicket(t, reread, got)
			_, total, err := s.ListOpen(ctx, triage.Filter{}, triage.Page{})
			if err != nil || (total == 1) != st.open {
				t.Errorf("in %s: %d open tickets, %v; want open=%v", st.to, total, err, st.open)
			}
			ch.At = ch.At.UTC()
			history = append(history, ch)
			from = st.to
		}
		got, err := s.History(ctx, tk.Number)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, history) {
			t.Errorf("History =\n%+v\nwant\n%+v", got, history)
		}
		checkCounts(t, db)
	})
}

func TestUpdateStatusRejects(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		tk := create(t, s, ticket("case-1", at(t, "2026-11-22 10:00")))
		when := at(t, "2026-11-22 11:00")
		tests := []struct {
			name   string
			number string
			ch     triage.StatusChange
			want   error
		}{
			{"a move the lifecycle forbids", tk.Number, triage.StatusChange{From: triage.StatusNew, To: triage.StatusCompleted, At: when}, triage.ErrInvalidTransition},
			{"a stale from", tk.Number, triage.StatusChange{From: triage.StatusAccepted, To: triage.StatusDiagnosing, At: when}, triage.ErrConflict},
			{"an unknown ticket", "RS20990101-0001", triage.StatusChange{From: triage.StatusNew, To: triage.StatusAccepted, At: when}, triage.ErrNotFound},
		}
		for _, tt := range tests {
			if _, err := s.UpdateStatus(ctx, tt.number, tt.ch); !errors.Is(err, tt.want) {
				t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
			}
		}
		var te *triage.TransitionError
		if _, err := s.UpdateStatus(ctx, tk.Number, tests[0].ch); !errors.As(err, &te) {
			t.Errorf("forbidden move: err %T, want *triage.TransitionError", err)
		}
		if _, err := s.UpdateStatus(ctx, tk.Number, triage.StatusChange{From: triage.StatusNew, To: triage.StatusAccepted}); err == nil {
			t.Errorf("a change without a time was accepted")
		}
		if h, _ := s.History(ctx, tk.Number); len(h) != 1 {
			t.Errorf("rejected changes left history %+v", h)
		}
		if got, _ := s.Get(ctx, tk.Number); got.Status != triage.StatusNew {
			t.Errorf("status %s after rejected changes, want new", got.Status)
		}
	})
}

// TestUpdateStatusRace has several staff members take the same new ticket at once: one
// wins, the others get ErrConflict, and the history holds one acceptance.
func TestUpdateStatusRace(t *testing.T) {
	const staff = 10
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		tk := create(t, s, ticket("case-1", at(t, "2026-11-22 10:00")))
		errs := make(chan error, staff)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range staff {
			wg.Go(func() {
				<-start
				_, err := s.UpdateStatus(ctx, tk.Number, triage.StatusChange{From: triage.StatusNew, To: triage.StatusAccepted,
					At: at(t, "2026-11-22 10:05"), By: fmt.Sprint("staff-", i)})
				errs <- err
			})
		}
		close(start)
		wg.Wait()
		close(errs)
		won := 0
		for err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, triage.ErrConflict):
				t.Errorf("loser got %v, want ErrConflict", err)
			}
		}
		if won != 1 {
			t.Errorf("%d staff members moved the ticket, want 1", won)
		}
		if h, _ := s.History(ctx, tk.Number); len(h) != 2 {
			t.Errorf("history %+v, want creation and one acceptance", h)
		}
		checkCounts(t, db)
	})
}

func TestHistoryUnknown(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if _, err := s.History(context.Background(), "RS20990101-0001"); !errors.Is(err, triage.ErrNotFound) {
			t.Errorf("History = %v, want ErrNotFound", err)
		}
	})
}
