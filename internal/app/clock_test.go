package app

import (
	"context"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/alicebob/miniredis/v2"
)

// The in-process Redis expires keys on the real clock (here the bubble's fake one): a
// key's time to live runs out on time, not before, with nothing but time passing.
func TestRunClockExpiresKeys(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := miniredis.NewMiniRedis()
		stop := runClock(m)
		defer stop()
		if err := m.Set("lock", "x"); err != nil {
			t.Fatal(err)
		}
		m.SetTTL("lock", time.Second)
		time.Sleep(900 * time.Millisecond) // fake time: returns at once
		synctest.Wait()
		if !m.Exists("lock") {
			t.Fatal("the key expired before its time to live")
		}
		time.Sleep(200 * time.Millisecond)
		synctest.Wait()
		if m.Exists("lock") {
			t.Fatal("the key outlived its time to live")
		}
	})
}

// every runs its function at once and then every interval, until its context ends.
func TestEvery(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		var n atomic.Int32
		done := make(chan struct{})
		go func() {
			every(ctx, 15*time.Second, func(context.Context) { n.Add(1) })
			close(done)
		}()
		synctest.Wait()
		if got := n.Load(); got != 1 {
			t.Fatalf("%d runs at the start, want 1", got)
		}
		time.Sleep(45 * time.Second)
		synctest.Wait()
		if got := n.Load(); got != 4 {
			t.Fatalf("%d runs after 45 s, want 4 (at 0, 15, 30, 45 s)", got)
		}
		cancel()
		<-done
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := n.Load(); got != 4 {
			t.Fatalf("%d runs after the context ended", got-4)
		}
	})
}
