package triagedb

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
)

// fakeSender fails each notification's first failures[ticket] sends and records the
// attempts it sees.
type fakeSender struct {
	mu       sync.Mutex
	failures map[string]int // ticket number → sends to fail; -1 fails forever
	tries    map[string]int
	sent     []string
}

func (f *fakeSender) Send(_ context.Context, n Notification) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tries[n.TicketNumber]++
	if fail := f.failures[n.TicketNumber]; fail < 0 || f.tries[n.TicketNumber] <= fail {
		return fmt.Errorf("wechat: errcode 45047 (attempt %d)", f.tries[n.TicketNumber])
	}
	f.sent = append(f.sent, n.TicketNumber)
	return nil
}

// TestDispatcherRetries runs the dispatcher on a simulated clock: a notification failing
// its first three sends is sent on the fourth, each after its backoff; one that always
// fails ends failed after MaxAttempts and is listed for staff; nothing is lost.
func TestDispatcherRetries(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		o, ctx := newOutbox(t, db), context.Background()
		start := at(t, "2026-11-22 10:00")
		for _, number := range []string{"OK", "FLAKY", "DEAD"} {
			enqueue(t, db, number, start)
		}
		f := &fakeSender{failures: map[string]int{"FLAKY": 3, "DEAD": -1}, tries: map[string]int{}}
		d := &Dispatcher{Outbox: o, Send: f.Send}

		type round struct{ sent, failed int }
		var rounds []round
		var when []time.Duration // times of the rounds that did something, after start
		for now := start; now.Before(start.Add(3 * time.Hour)); now = now.Add(10 * time.Second) {
			sent, failed, err := d.RunOnce(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			if sent+failed > 0 {
				rounds = append(rounds, round{sent, failed})
				when = append(when, now.Sub(start))
			}
		}
		// Round 1: OK sent, FLAKY and DEAD fail. FLAKY fails twice more (30 s, then 1 min
		// later) and is sent at 3.5 min; DEAD fails at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 and 63.5 min.
		want := []round{{1, 2}, {0, 2}, {0, 2}, {1, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}}
		wantWhen := []time.Duration{0, 30 * time.Second, 90 * time.Second, 210 * time.Second,
			450 * time.Second, 930 * time.Second, 1890 * time.Second, 3810 * time.Second}
		if fmt.Sprint(rounds) != fmt.Sprint(want) || fmt.Sprint(when) != fmt.Sprint(wantWhen) {
			t.Errorf("rounds %v at %v\nwant   %v at %v", rounds, when, want, wantWhen)
		}
		if f.tries["OK"] != 1 || f.tries["FLAKY"] != 4 || f.tries["DEAD"] != DefaultMaxAttempts {
			t.Errorf("tries %v, want OK 1, FLAKY 4, DEAD %d", f.tries, DefaultMaxAttempts)
		}
		failed, err := o.ListFailed(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(failed) != 1 || failed[0].TicketNumber != "DEAD" || failed[0].Attempts != DefaultMaxAttempts ||
			failed[0].LastError != "wechat: errcode 45047 (attempt 8)" {
			t.Errorf("ListFailed = %+v, want DEAD after %d attempts", failed, DefaultMaxAttempts)
		}
		var pending int64
		if err := db.Model(&outboxRow{}).Where("status = ?", OutboxPending).Count(&pending).Error; err != nil || pending != 0 {
			t.Errorf("%d notifications still pending, %v", pending, err)
		}
	})
}

// TestDispatcherStorageError reports a claim that fails, and sends nothing.
func TestDispatcherStorageError(t *testing.T) {
	db := testenv.SQLite(t)
	o := newOutbox(t, db)
	enqueue(t, db, "X", at(t, "2026-11-22 10:00"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := 0
	d := &Dispatcher{Outbox: o, Send: func(context.Context, Notification) error { calls++; return nil }}
	if _, _, err := d.RunOnce(ctx, at(t, "2026-11-22 10:00")); !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("RunOnce on a cancelled context: %v after %d sends", err, calls)
	}
}
