// Package staffredis keeps the login throttle in Redis, so that a lockout earned on one
// service instance holds on every other. Throttle implements staff.Throttle.
//
// Each throttled key has three Redis keys, sharing a hash tag so a Cluster keeps them in
// one slot: prefix{key}:f counts failures (expiring Window after the first), prefix{key}:n
// counts lockouts (expiring Memory after the last) and prefix{key}:l is the lock itself
// (expiring when the lockout ends). One Lua script counts a failure and, at the limit,
// locks, atomically: two instances failing at once cannot both miss the limit.
package staffredis

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/staff"
)

var _ staff.Throttle = (*Throttle)(nil)

// Throttle counts failed logins in Redis under one staff.LoginPolicy.
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

// failScript counts a failure. KEYS: failures, lockouts, lock. ARGV: max failures,
// window ms, memory ms, then the lengths of lockouts 1…maxSteps in ms. It returns the
// length of the lockout it set, or 0.
var failScript = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n < tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
local k = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
local i = math.min(k, #ARGV - 3)
local d = tonumber(ARGV[3 + i])
redis.call('SET', KEYS[3], k, 'PX', d)
return d
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

// Fail counts a failed attempt and returns the lockout it caused, if any.
func (t *Throttle) Fail(ctx context.Context, key string) (time.Duration, error) {
	f, n, l := t.keys(key)
	args := []any{t.policy.MaxFailures, t.policy.Window.Milliseconds(), t.policy.Memory.Milliseconds()}
	for i := 1; i <= maxSteps; i++ {
		args = append(args, t.policy.LockFor(i).Milliseconds())
	}
	ms, err := failScript.Run(ctx, t.rdb, []string{f, n, l}, args...).Int64()
	if err != nil {
		return 0, fmt.Errorf("staffredis: fail: %w", err)
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// Reset forgets key's failures, lockouts and lock.
func (t *Throttle) Reset(ctx context.Context, key string) error {
	f, n, l := t.keys(key)
	if err := t.rdb.Del(ctx, f, n, l).Err(); err != nil {
		return fmt.Errorf("staffredis: reset: %w", err)
	}
	return nil
}
