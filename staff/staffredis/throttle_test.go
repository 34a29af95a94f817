package staffredis

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

var ctx = context.Background()

// policy locks after 3 failures: 1 min, then 2, 4, at most 5.
var policy = staff.LoginPolicy{MaxFailures: 3, Window: time.Hour, Lockout: time.Minute,
	MaxLockout: 5 * time.Minute, Memory: time.Hour}

func TestLockoutAndBackoff(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		th := NewThrottle(rdb, prefix+"login:", policy)
		key := staff.LoginKey("wang", "10.0.0.1")
		// expire ends the current lock as time would, keeping the lockout count.
		expire := func() {
			_, _, lock := th.keys(key)
			if err := rdb.Del(ctx, lock).Err(); err != nil {
				t.Fatal(err)
			}
		}
		for _, want := range []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 5 * time.Minute, 5 * time.Minute} {
			for i := 1; i <= policy.MaxFailures; i++ {
				if d, _ := th.Locked(ctx, key); d != 0 {
					t.Fatalf("locked after %d failures", i-1)
				}
				_, d, err := th.Attempt(ctx, key)
				if err != nil {
					t.Fatal(err)
				}
				if locks := i == policy.MaxFailures; (d > 0) != locks || (locks && d != want) {
					t.Fatalf("failure %d locked for %v, want %v", i, d, want)
				}
			}
			d, err := th.Locked(ctx, key)
			if err != nil || d <= want-5*time.Second || d > want {
				t.Fatalf("Locked = %v, %v; want about %v", d, err, want)
			}
			expire()
		}

		other := staff.LoginKey("wang", "10.0.0.2")
		if d, _ := th.Locked(ctx, other); d != 0 {
			t.Fatal("another address is locked too")
		}
		if err := th.Reset(ctx, key); err != nil {
			t.Fatal(err)
		}
		th.Attempt(ctx, key)
		th.Attempt(ctx, key)
		if _, d, _ := th.Attempt(ctx, key); d != time.Minute {
			t.Fatalf("after Reset the lockout is %v, want the first one again", d)
		}
	})
}

// TestSuccessForgetsFailures: failures separated by a successful login (Reset) never add
// up to a lockout.
func TestSuccessForgetsFailures(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		th := NewThrottle(rdb, prefix+"login:", policy)
		key := staff.LoginKey("li", "10.0.0.1")
		for range 5 {
			for range policy.MaxFailures - 1 {
				if _, d, err := th.Attempt(ctx, key); d != 0 || err != nil {
					t.Fatalf("locked: %v %v", d, err)
				}
			}
			if err := th.Reset(ctx, key); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestFailuresExpireAfterTheWindow(t *testing.T) {
	rdb, prefix, mr := testenv.MiniRedis(t)
	th := NewThrottle(rdb, prefix+"login:", policy)
	key := staff.LoginKey("zhao", "10.0.0.1")
	th.Attempt(ctx, key)
	th.Attempt(ctx, key)
	mr.FastForward(policy.Window + time.Second)
	if _, d, _ := th.Attempt(ctx, key); d != 0 {
		t.Fatal("failures older than the window still count")
	}
	th.Attempt(ctx, key)
	if _, d, _ := th.Attempt(ctx, key); d != time.Minute {
		t.Fatalf("three fresh failures locked for %v", d)
	}
	mr.FastForward(time.Minute + time.Second)
	if d, _ := th.Locked(ctx, key); d != 0 {
		t.Fatalf("still locked for %v after the lockout", d)
	}
	mr.FastForward(policy.Memory)
	for range 2 {
		th.Attempt(ctx, key)
	}
	if _, d, _ := th.Attempt(ctx, key); d != time.Minute {
		t.Fatalf("after Memory the lockout is %v, want the first one again", d)
	}
}

func BenchmarkLocked(b *testing.B) {
	rdb, prefix, _ := testenv.MiniRedis(b)
	th := NewThrottle(rdb, prefix, policy)
	key := staff.LoginKey("wang", "10.0.0.1")
	for b.Loop() {
		if _, err := th.Locked(ctx, key); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentAttemptsAreCountedFirst (issue 14): attempts racing on one key are counted
// before anything is evaluated, atomically, so at most MaxFailures of them go ahead in a
// window and the rest are refused unevaluated — twelve concurrent wrong passwords cannot
// all be checked.
func TestConcurrentAttemptsAreCountedFirst(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		throttles := []*Throttle{NewThrottle(rdb, prefix+"login:", policy), NewThrottle(rdb, prefix+"login:", policy)}
		key := staff.LoginKey("wang", "10.0.0.1")
		const attempts = 12
		var allowed, refused, locks atomic.Int32
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range attempts {
			wg.Go(func() {
				<-start
				wait, lock, err := throttles[i%2].Attempt(ctx, key)
				switch {
				case err != nil:
					t.Error(err)
				case wait > 0:
					refused.Add(1)
				default:
					allowed.Add(1)
				}
				if lock > 0 {
					locks.Add(1)
				}
			})
		}
		close(start)
		wg.Wait()
		if allowed.Load() != int32(policy.MaxFailures) || refused.Load() != attempts-int32(policy.MaxFailures) || locks.Load() != 1 {
			t.Fatalf("%d concurrent attempts: %d allowed, %d refused, %d locks; want %d, %d, 1",
				attempts, allowed.Load(), refused.Load(), locks.Load(), policy.MaxFailures, attempts-policy.MaxFailures)
		}
		if d, err := throttles[0].Locked(ctx, key); d <= 0 || err != nil {
			t.Fatalf("not locked after the limit: %v %v", d, err)
		}
	})
}

// TestRefusedAttemptsDoNotCount: attempts refused while the key is locked are not counted,
// so a locked key does not lock for longer because it is hammered.
func TestRefusedAttemptsDoNotCount(t *testing.T) {
	rdb, prefix, mr := testenv.MiniRedis(t)
	th := NewThrottle(rdb, prefix+"login:", policy)
	key := staff.LoginKey("qian", "10.0.0.1")
	for range policy.MaxFailures {
		th.Attempt(ctx, key)
	}
	for range 20 {
		if wait, lock, _ := th.Attempt(ctx, key); wait == 0 || lock != 0 {
			t.Fatalf("attempt while locked: wait %v, lock %v", wait, lock)
		}
	}
	mr.FastForward(time.Minute + time.Second)
	for i := 1; i < policy.MaxFailures; i++ {
		if wait, lock, _ := th.Attempt(ctx, key); wait != 0 || lock != 0 {
			t.Fatalf("attempt %d after the lockout: wait %v, lock %v", i, wait, lock)
		}
	}
	if _, lock, _ := th.Attempt(ctx, key); lock != 2*time.Minute {
		t.Fatalf("second lockout %v, want 2m", lock)
	}
}

// TestForgiveUncountsASuccess: an address's successful logins do not add up to its lockout.
func TestForgiveUncountsASuccess(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		th := NewThrottle(rdb, prefix+"login:", policy)
		key := staff.AddressKey("10.0.0.3")
		for range 10 {
			if wait, lock, err := th.Attempt(ctx, key); wait != 0 || lock != 0 || err != nil {
				t.Fatalf("attempt: %v %v %v", wait, lock, err)
			}
			if err := th.Forgive(ctx, key); err != nil {
				t.Fatal(err)
			}
		}
		if err := th.Forgive(ctx, staff.AddressKey("10.0.0.4")); err != nil {
			t.Fatal(err)
		}
	})
}

// TestBackoffDelaysAndNeverLocksOut: a backoff policy (per username, from any address)
// lets Free attempts through, then makes each further one wait after the previous, the
// wait doubling up to MaxLockout; it never refuses for longer than that.
func TestBackoffDelaysAndNeverLocksOut(t *testing.T) {
	p := staff.LoginPolicy{MaxFailures: 3, Window: time.Hour, Lockout: time.Second,
		MaxLockout: 4 * time.Second, Memory: time.Hour, Backoff: true}
	rdb, prefix, mr := testenv.MiniRedis(t)
	th := NewThrottle(rdb, prefix+"login:", p)
	key := staff.UsernameKey("wang")
	for i := 1; i <= p.MaxFailures; i++ {
		if wait, lock, _ := th.Attempt(ctx, key); wait != 0 || lock != 0 {
			t.Fatalf("free attempt %d: wait %v, lock %v", i, wait, lock)
		}
	}
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second, 4 * time.Second} {
		wait, lock, _ := th.Attempt(ctx, key)
		if wait != 0 || lock != want {
			t.Fatalf("attempt after the gate: wait %v, delay %v; want 0, %v", wait, lock, want)
		}
		if wait, _, _ := th.Attempt(ctx, key); wait <= 0 || wait > want {
			t.Fatalf("attempt within the delay: wait %v, want (0, %v]", wait, want)
		}
		mr.FastForward(want)
	}
	if err := th.Reset(ctx, key); err != nil {
		t.Fatal(err)
	}
	if wait, lock, _ := th.Attempt(ctx, key); wait != 0 || lock != 0 {
		t.Fatalf("after Reset: wait %v, delay %v", wait, lock)
	}
}
