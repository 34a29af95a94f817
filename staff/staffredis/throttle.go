// Package staffredis keeps the login throttle in Redis, so that a lockout earned on one
// service instance holds on every other. Throttle implements staff.Throttle.
//
// Each throttled key has three Redis keys, sharing a hash tag so a Cluster keeps them in
// one slot: prefix{key}:f counts attempts (expiring Window after the first), prefix{key}:n
// counts lockouts (expiring Memory after the last) and prefix{key}:l is the lock itself
// (expiring when the lockout or delay ends). One Lua script checks the lock, counts the
// attempt and, at the limit, locks, atomically and before the password is checked: twelve
// concurrent guesses see the count of the ones before them, so no more than the limit are
// ever evaluated.
package staffredis

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/staff"
)

var _ staff.Throttle = (*Throttle)(nil)

// Throttle counts login attempts in Redis under one staff.LoginPolicy.
type Throttle struct {
	rdb    redis.UniversalClient
	prefix string
	policy staff.LoginPolicy
}

// NewThrottle returns a Throttle keeping its keys under prefix (e.g. "intake:login:").
func NewThrottle(rdb redis.UniversalClient, prefix string, p staff.LoginPolicy) *Throttle {
	return &Throttle{rdb: rdb, prefix: prefix, policy: p}
}

// maxSteps is how many lockout lengths the script is given; later lockouts take the last.
const maxSteps = 16

// attemptScript counts an attempt unless the key is locked. KEYS: attempts, lockouts,
// lock. ARGV: max attempts, window ms, memory ms, backoff (1 or 0), then the lengths of
// lockouts 1…maxSteps in ms. It returns {ms the lock has left, 0} for a locked key (the
// attempt is not counted), else {0, ms of the lockout or delay this attempt started}.
var attemptScript = redis.NewScript(`
local left = redis.call('PTTL', KEYS[3])
if left > 0 then return {left, 0} end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local max = tonumber(ARGV[1])
local steps = #ARGV - 4
if ARGV[4] == '1' then
  if n <= max then return {0, 0} end
  local d = tonumber(ARGV[4 + math.min(n - max, steps)])
  redis.call('SET', KEYS[3], n, 'PX', d)
  return {0, d}
end
if n < max then return {0, 0} end
redis.call('DEL', KEYS[1])
local k = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
local d = tonumber(ARGV[4 + math.min(k, steps)])
redis.call('SET', KEYS[3], k, 'PX', d)
return {0, d}
`)

// forgiveScript uncounts one attempt, never below zero. KEYS: attempts.
var forgiveScript = redis.NewScript(`
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0
`)

func (t *Throttle) keys(key string) (failures, lockouts, lock string) {
	base := t.prefix + "{" + key + "}:"
	return base + "f", base + "n", base + "l"
}

// Locked returns how long key stays locked; 0 when it is not.
func (t *Throttle) Locked(ctx context.Context, key string) (time.Duration, error) {
	_, _, lock := t.keys(key)
	d, err := t.rdb.PTTL(ctx, lock).Result()
	if err != nil {
		return 0, fmt.Errorf("staffredis: locked: %w", err)
	}
	return max(d, 0), nil // -2: no key, -1: no expiry (never set so)
}

// Attempt counts an attempt before it is evaluated, unless key is locked: then it
// returns how long the lock lasts (wait) and counts nothing. lock is the lockout or delay
// this attempt started, if any.
func (t *Throttle) Attempt(ctx context.Context, key string) (wait, lock time.Duration, err error) {
	f, n, l := t.keys(key)
	backoff := 0
	if t.policy.Backoff {
		backoff = 1
	}
	args := []any{t.policy.MaxFailures, t.policy.Window.Milliseconds(), t.policy.Memory.Milliseconds(), backoff}
	for i := 1; i <= maxSteps; i++ {
		args = append(args, t.policy.LockFor(i).Milliseconds())
	}
	ms, err := attemptScript.Run(ctx, t.rdb, []string{f, n, l}, args...).Int64Slice()
	if err != nil {
		return 0, 0, fmt.Errorf("staffredis: attempt: %w", err)
	}
	if len(ms) != 2 {
		return 0, 0, fmt.Errorf("staffredis: attempt: script answered %v", ms)
	}
	return time.Duration(ms[0]) * time.Millisecond, time.Duration(ms[1]) * time.Millisecond, nil
}

// Forgive uncounts one attempt on key, after it succeeded.
func (t *Throttle) Forgive(ctx context.Context, key string) error {
	f, _, _ := t.keys(key)
	if err := forgiveScript.Run(ctx, t.rdb, []string{f}).Err(); err != nil {
		return fmt.Errorf("staffredis: forgive: %w", err)
	}
	return nil
}

// Reset forgets key's attempts, lockouts and lock.
func (t *Throttle) Reset(ctx context.Context, key string) error {
	f, n, l := t.keys(key)
	if err := t.rdb.Del(ctx, f, n, l).Err(); err != nil {
		return fmt.Errorf("staffredis: reset: %w", err)
	}
	return nil
}
