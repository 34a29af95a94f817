package staffredis

import (
	"context"
	"sync"
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
				d, err := th.Fail(ctx, key)
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
		th.Fail(ctx, key)
		th.Fail(ctx, key)
		if d, _ := th.Fail(ctx, key); d != time.Minute {
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
				if d, err := th.Fail(ctx, key); d != 0 || err != nil {
					t.Fatalf("locked: %v %v", d, err)
				}
			}
			if err := th.Reset(ctx, key); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestConcurrentFailuresLockExactly: failures racing from many clients (instances) lock
// once per MaxFailures, never miss the limit and never double-count.
func TestConcurrentFailuresLockExactly(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		throttles := []*Throttle{NewThrottle(rdb, prefix+"login:", policy), NewThrottle(rdb, prefix+"login:", policy)}
		key := staff.AddressKey("10.0.0.9")
		const failures = 30
		var mu sync.Mutex
		locks := 0
		var wg sync.WaitGroup
		for i := range failures {
			wg.Go(func() {
				d, err := throttles[i%2].Fail(ctx, key)
				if err != nil {
					t.Error(err)
				}
				if d > 0 {
					mu.Lock()
					locks++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if locks != failures/policy.MaxFailures {
			t.Fatalf("%d failures locked %d times, want %d", failures, locks, failures/policy.MaxFailures)
		}
	})
}

func TestFailuresExpireAfterTheWindow(t *testing.T) {
	rdb, prefix, mr := testenv.MiniRedis(t)
	th := NewThrottle(rdb, prefix+"login:", policy)
	key := staff.LoginKey("zhao", "10.0.0.1")
	th.Fail(ctx, key)
	th.Fail(ctx, key)
	mr.FastForward(policy.Window + time.Second)
	if d, _ := th.Fail(ctx, key); d != 0 {
		t.Fatal("failures older than the window still count")
	}
	th.Fail(ctx, key)
	if d, _ := th.Fail(ctx, key); d != time.Minute {
		t.Fatalf("three fresh failures locked for %v", d)
	}
	mr.FastForward(time.Minute + time.Second)
	if d, _ := th.Locked(ctx, key); d != 0 {
		t.Fatalf("still locked for %v after the lockout", d)
	}
	mr.FastForward(policy.Memory)
	for range 2 {
		th.Fail(ctx, key)
	}
	if d, _ := th.Fail(ctx, key); d != time.Minute {
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
