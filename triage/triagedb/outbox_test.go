package triagedb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
)

// newOutbox migrates db and returns its outbox.
func newOutbox(tb testing.TB, db *gorm.DB) *Outbox {
	tb.Helper()
	migrationstest.Migrate(tb, db)
	return NewOutbox(db)
}

// enqueue adds a notification for ticket number created at the given time.
func enqueue(tb testing.TB, db *gorm.DB, number string, created time.Time) Notification {
	tb.Helper()
	n, err := Enqueue(context.Background(), db, Notification{TicketNumber: number, OpenID: "o-" + number,
		Kind: "status_changed", Payload: json.RawMessage(`{"status":"accepted","label":"已受理"}`), CreatedAt: created})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// ids returns the ids of notifications in order.
func ids(ns []Notification) []int64 {
	out := make([]int64, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

func TestEnqueue(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		o, ctx := newOutbox(t, db), context.Background()
		now := at(t, "2026-11-22 10:00")
		n := enqueue(t, db, "RS20261122-0001", now)
		got, err := o.Get(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := Notification{ID: n.ID, TicketNumber: "RS20261122-0001", OpenID: "o-RS20261122-0001", Kind: "status_changed",
			Payload: json.RawMessage(`{"status":"accepted","label":"已受理"}`), Status: OutboxPending,
			NextAttemptAt: now.UTC(), CreatedAt: now.UTC()}
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) || fmt.Sprintf("%+v", n) != fmt.Sprintf("%+v", want) {
			t.Errorf("stored\n%+v\nwant\n%+v", got, want)
		}

		delayed, err := Enqueue(ctx, db, Notification{OpenID: "o-1", Kind: "follow_up", NextAttemptAt: now.Add(72 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if string(delayed.Payload) != "{}" || delayed.CreatedAt.IsZero() || !delayed.NextAttemptAt.Equal(now.Add(72*time.Hour)) {
			t.Errorf("delayed notification %+v: want payload {}, a creation time and the requested due time", delayed)
		}
		for name, bad := range map[string]Notification{
			"no openid":   {Kind: "x"},
			"no kind":     {OpenID: "o-1"},
			"bad payload": {OpenID: "o-1", Kind: "x", Payload: json.RawMessage("{")},
		} {
			if _, err := Enqueue(ctx, db, bad); err == nil {
				t.Errorf("%s: Enqueue succeeded", name)
			}
		}
	})
}

func TestClaim(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		o, ctx := newOutbox(t, db), context.Background()
		now := at(t, "2026-11-22 10:00")
		a := enqueue(t, db, "A", now.Add(-2*time.Minute))
		b := enqueue(t, db, "B", now.Add(-3*time.Minute)) // due earlier, claimed first
		c := enqueue(t, db, "C", now.Add(-time.Minute))
		future := enqueue(t, db, "F", now.Add(time.Minute))

		got, err := o.Claim(ctx, now, 2)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{b.ID, a.ID}; !slices.Equal(ids(got), want) {
			t.Fatalf("claimed %v, want %v (oldest due first, limit 2)", ids(got), want)
		}
		for _, n := range got {
			if n.Attempts != 1 || !n.NextAttemptAt.Equal(now.Add(DefaultLease)) {
				t.Errorf("claimed %d: attempts %d next %v; want 1 and the lease end", n.ID, n.Attempts, n.NextAttemptAt)
			}
		}
		if got, _ := o.Claim(ctx, now, 10); !slices.Equal(ids(got), []int64{c.ID}) {
			t.Errorf("second claim %v, want only %d: leased and future rows are not due", ids(got), c.ID)
		}
		if got, _ := o.Claim(ctx, now.Add(2*time.Minute), 10); !slices.Equal(ids(got), []int64{future.ID}) {
			t.Errorf("claim later %v, want %d", ids(got), future.ID)
		}

		// A sender that died: the lease ends and the notification comes back.
		got, err = o.Claim(ctx, now.Add(DefaultLease+time.Second), 10)
		if err != nil {
			t.Fatal(err)
		}
		// All three leases end together; ties go by id.
		if want := []int64{a.ID, b.ID, c.ID}; !slices.Equal(ids(got), want) || got[0].Attempts != 2 {
			t.Errorf("after the lease: %v (attempts %d), want %v with a second attempt", ids(got), got[0].Attempts, want)
		}
		if got, _ := o.Claim(ctx, now, 0); len(got) != 0 {
			t.Errorf("limit 0 claimed %v", ids(got))
		}
	})
}

func TestMarkSentAndFailed(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		o, ctx := newOutbox(t, db), context.Background()
		o.MaxAttempts = 2
		now := at(t, "2026-11-22 10:00")
		ok, flaky := enqueue(t, db, "OK", now), enqueue(t, db, "FLAKY", now)
		if _, err := o.Claim(ctx, now, 10); err != nil {
			t.Fatal(err)
		}
		if err := o.MarkSent(ctx, ok.ID, now); err != nil {
			t.Fatal(err)
		}
		if err := o.MarkSent(ctx, ok.ID, now); !errors.Is(err, ErrNoNotification) {
			t.Errorf("second MarkSent = %v, want ErrNoNotification", err)
		}
		if got, _ := o.Get(ctx, ok.ID); got.Status != OutboxSent || !got.SentAt.Equal(now) {
			t.Errorf("sent notification: %+v", got)
		}

		long := errors.New("45015: 回复时间超过限制 " + strings.Repeat("很长", 400))
		next := now.Add(Backoff(1))
		if err := o.MarkFailed(ctx, flaky.ID, long, next); err != nil {
			t.Fatal(err)
		}
		got, _ := o.Get(ctx, flaky.ID)
		if got.Status != OutboxPending || !got.NextAttemptAt.Equal(next) || len(got.LastError) > maxErrorLen ||
			!strings.HasPrefix(got.LastError, "45015: 回复时间超过限制") {
			t.Errorf("after a failed attempt: %+v", got)
		}
		if got, _ := o.Claim(ctx, next.Add(-time.Second), 10); len(got) != 0 {
			t.Errorf("claimed %v before the backoff ended", ids(got))
		}
		if got, _ := o.Claim(ctx, next, 10); !slices.Equal(ids(got), []int64{flaky.ID}) || got[0].Attempts != 2 {
			t.Fatalf("retry claim: %+v", got)
		}
		if err := o.MarkFailed(ctx, flaky.ID, errors.New("still down"), next.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		failed, err := o.ListFailed(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(failed), []int64{flaky.ID}) || failed[0].Status != OutboxFailed || failed[0].LastError != "still down" {
			t.Fatalf("ListFailed = %+v, want the flaky one, failed, with its last error", failed)
		}
		if got, _ := o.Claim(ctx, next.Add(time.Hour), 10); len(got) != 0 {
			t.Errorf("claimed a failed notification: %v", ids(got))
		}

		if err := o.Retry(ctx, flaky.ID, next.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := o.Retry(ctx, ok.ID, now); !errors.Is(err, ErrNoNotification) {
			t.Errorf("Retry of a sent notification = %v, want ErrNoNotification", err)
		}
		if got, _ := o.Claim(ctx, next.Add(time.Hour), 10); !slices.Equal(ids(got), []int64{flaky.ID}) || got[0].Attempts != 1 {
			t.Errorf("after Retry: %+v, want it claimed afresh", got)
		}
		for name, err := range map[string]error{
			"MarkSent":   o.MarkSent(ctx, 999, now),
			"MarkFailed": o.MarkFailed(ctx, 999, errors.New("x"), now),
		} {
			if !errors.Is(err, ErrNoNotification) {
				t.Errorf("%s of an unknown id = %v, want ErrNoNotification", name, err)
			}
		}
		if _, err := o.Get(ctx, 999); !errors.Is(err, ErrNoNotification) {
			t.Errorf("Get of an unknown id = %v", err)
		}
	})
}

// TestClaimConcurrent has several dispatchers claim at once: every notification is
// claimed by exactly one of them.
func TestClaimConcurrent(t *testing.T) {
	const rows, claimers, batch = 200, 6, 7
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		o, ctx := newOutbox(t, db), context.Background()
		now := at(t, "2026-11-22 10:00")
		for i := range rows {
			enqueue(t, db, fmt.Sprint("N", i), now.Add(-time.Duration(i)*time.Second))
		}
		var (
			mu      sync.Mutex
			claimed = map[int64]int{}
			wg      sync.WaitGroup
		)
		for range claimers {
			wg.Go(func() {
				for {
					got, err := o.Claim(ctx, now, batch)
					if err != nil {
						t.Error(err)
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, n := range got {
						claimed[n.ID]++
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(claimed) != rows {
			t.Errorf("%d notifications claimed, want %d", len(claimed), rows)
		}
		for id, n := range claimed {
			if n != 1 {
				t.Errorf("notification %d claimed %d times", id, n)
			}
		}
	})
}

// TestClaimSkipsLocked holds a lock on the oldest due row, as a claim in progress on
// another instance does: a claim takes the next rows at once instead of waiting.
func TestClaimSkipsLocked(t *testing.T) {
	db := testenv.MySQL(t)
	o, now := newOutbox(t, db), at(t, "2026-11-22 10:00")
	first := enqueue(t, db, "FIRST", now.Add(-time.Minute))
	second := enqueue(t, db, "SECOND", now)

	tx := db.Begin()
	defer tx.Rollback()
	var locked outboxRow
	if err := tx.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate}).Take(&locked, first.ID).Error; err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	started := time.Now()
	got, err := o.Claim(ctx, now, 10)
	if err != nil {
		t.Fatalf("Claim while a row is locked: %v (after %v)", err, time.Since(started))
	}
	if !slices.Equal(ids(got), []int64{second.ID}) {
		t.Errorf("claimed %v, want only %d", ids(got), second.ID)
	}
}
