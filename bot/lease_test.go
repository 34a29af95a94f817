package bot

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// renewals counts Renew calls; the other Sessions methods are not used.
type renewals struct {
	Sessions
	n atomic.Int32
}

func (r *renewals) Renew(context.Context, *Lease) error { r.n.Add(1); return nil }

// TestKeepLeaseRenewsUntilStopped checks the renewal timer: every third of the lock's
// time to live while the turn runs, never after stop. The bubble's clock is fake, so the
// counts are exact and the test takes no time.
func TestKeepLeaseRenewsUntilStopped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := &renewals{}
		s := NewService(r, nil, nil, nil, slog.New(slog.DiscardHandler), Options{LockTTL: 15 * time.Second})
		stop := s.keepLease(context.Background(), &Lease{OpenID: "o1"})
		time.Sleep(4*time.Second + 999*time.Millisecond)
		synctest.Wait()
		if got := r.n.Load(); got != 0 {
			t.Fatalf("%d renewals before a third of the time to live", got)
		}
		time.Sleep(11 * time.Second) // 16 s: renewals at 5, 10 and 15 s
		synctest.Wait()
		stop()
		got := r.n.Load()
		if got != 3 {
			t.Fatalf("%d renewals in 16 s, want 3 (every 5 s)", got)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if after := r.n.Load(); after != got {
			t.Fatalf("%d renewals after stop", after-got)
		}

		none := &renewals{}
		s = NewService(none, nil, nil, nil, slog.New(slog.DiscardHandler), Options{})
		s.keepLease(context.Background(), &Lease{OpenID: "o1"})()
		time.Sleep(time.Minute)
		synctest.Wait()
		if none.n.Load() != 0 {
			t.Fatal("renewed without a lock time to live")
		}
	})
}
