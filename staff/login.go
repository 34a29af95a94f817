package staff

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// LoginPolicy is the login throttle: MaxFailures failed attempts within Window lock the
// key for Lockout; each further lockout while earlier ones are remembered (Memory)
// doubles the time, up to MaxLockout. A successful login forgets the failures and the
// lockouts of its key.
type LoginPolicy struct {
	MaxFailures int
	Window      time.Duration
	Lockout     time.Duration
	MaxLockout  time.Duration
	Memory      time.Duration
}

// DefaultLoginPolicy locks a username on one address for 15 minutes after 5 failures
// within 15 minutes, then 30, 60… minutes, at most a day.
func DefaultLoginPolicy() LoginPolicy {
	return LoginPolicy{MaxFailures: 5, Window: 15 * time.Minute, Lockout: 15 * time.Minute,
		MaxLockout: 24 * time.Hour, Memory: 24 * time.Hour}
}

// AddressLoginPolicy throttles one address whatever usernames it tries, against
// guessing many accounts from one place; it is looser, since offices share an address.
func AddressLoginPolicy() LoginPolicy {
	return LoginPolicy{MaxFailures: 50, Window: 15 * time.Minute, Lockout: 15 * time.Minute,
		MaxLockout: 24 * time.Hour, Memory: 24 * time.Hour}
}

// LockFor returns how long the n-th lockout (1 for the first) lasts: Lockout doubled
// n−1 times, at most MaxLockout.
func (p LoginPolicy) LockFor(n int) time.Duration {
	d := p.Lockout
	for i := 1; i < n && d < p.MaxLockout; i++ {
		d *= 2
	}
	return min(d, p.MaxLockout)
}

// LoginKey names the throttle counter of a username tried from an address. It is a hash,
// so neither appears in Redis and any typed junk makes a well-formed key.
func LoginKey(username, addr string) string {
	return hashKey("u\x00" + NormalizeUsername(username) + "\x00" + addr)
}

// AddressKey names the throttle counter of an address.
func AddressKey(addr string) string { return hashKey("a\x00" + addr) }

func hashKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}

// Throttle counts failed logins per key (LoginKey, AddressKey) under one LoginPolicy. The
// implementation (staff/staffredis) keeps the counts where every instance sees them.
type Throttle interface {
	// Locked returns how long key stays locked; 0 when it is not.
	Locked(ctx context.Context, key string) (time.Duration, error)
	// Fail counts a failed attempt on key. When this failure locks the key it returns
	// the lockout's length, else 0.
	Fail(ctx context.Context, key string) (time.Duration, error)
	// Reset forgets key's failures and lockouts, after a successful login.
	Reset(ctx context.Context, key string) error
}
