package bot

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

// renewals counts Renew calls; the other Sessions methods are not used.
type renewals struct {
	Sessions
	n atomic.Int32
}

func (r *renewals) Renew(context.Context, *Lease) error { r.n.Add(1); return nil }

// TestKeepLeaseRenewsUntilStopped checks the renewal timer: every third of the lock's
// time to live while the turn runs, never after stop.
func TestKeepLeaseRenewsUntilStopped(t *testing.T) {
	r := &renewals{}
	s := NewService(r, nil, nil, nil, slog.New(slog.DiscardHandler), Options{LockTTL: 150 * time.Millisecond})
	stop := s.keepLease(context.Background(), &Lease{OpenID: "o1"})
	time.Sleep(330 * time.Millisecond) // renewals at 50, 100, … ms
	stop()
	got := r.n.Load()
	if got < 3 {
		t.Fatalf("%d renewals in 330 ms, want at least 3 (every 50 ms)", got)
	}
	time.Sleep(150 * time.Millisecond)
	if after := r.n.Load(); after != got {
		t.Fatalf("%d renewals after stop", after-got)
	}

	none := &renewals{}
	s = NewService(none, nil, nil, nil, slog.New(slog.DiscardHandler), Options{})
	s.keepLease(context.Background(), &Lease{OpenID: "o1"})()
	if none.n.Load() != 0 {
		t.Fatal("renewed without a lock time to live")
	}
}
