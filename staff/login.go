package staff

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// LoginPolicy is the login throttle. Attempts are counted before the password is
// checked, so concurrent guesses cannot all slip in before the first failure is counted.
//
// A lockout policy (Backoff false): the MaxFailures-th attempt within Window locks the
// key for Lockout; each further lockout while earlier ones are remembered (Memory)
// doubles the time, up to MaxLockout.
//
// A backoff policy (Backoff true) never locks for long: the first MaxFailures attempts
// within Window go through, then each further attempt makes the next one wait, Lockout
// after the first, doubling up to MaxLockout.
//
// A successful login forgets the attempts and the lockouts of its key.
type LoginPolicy struct {
	MaxFailures int
	Window      time.Duration
	Lockout     time.Duration
	MaxLockout  time.Duration
	Memory      time.Duration
	Backoff     bool
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

// UsernameLoginPolicy paces one username tried from any address, against guessing a
// password from many addresses: 10 attempts within 15 minutes are free, then each makes
// the next wait 1 s, 2 s, 4 s… at most 30 s. It delays and never locks out, so an attacker
// cannot keep the real user out of their account from elsewhere.
func UsernameLoginPolicy() LoginPolicy {
	return LoginPolicy{MaxFailures: 10, Window: 15 * time.Minute, Lockout: time.Second,
		MaxLockout: 30 * time.Second, Memory: 15 * time.Minute, Backoff: true}
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

// UsernameKey names the throttle counter of a username from any address.
func UsernameKey(username string) string { return hashKey("n\x00" + NormalizeUsername(username)) }

func hashKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}

// Throttle counts login attempts per key (LoginKey, AddressKey, UsernameKey) under one
// LoginPolicy. The implementation (staff/staffredis) keeps the counts where every
// instance sees them.
type Throttle interface {
	// Locked returns how long key stays locked; 0 when it is not.
	Locked(ctx context.Context, key string) (time.Duration, error)
	// Attempt counts an attempt on key before it is evaluated, atomically with the check
	// of the lock. While key is locked it returns how long it stays so (wait > 0) and
	// counts nothing: the attempt must be refused without checking the password.
	// Otherwise the attempt may go ahead, and lock is the lockout (or, for a backoff
	// policy, the delay) this attempt started, else 0.
	Attempt(ctx context.Context, key string) (wait, lock time.Duration, err error)
	// Forgive uncounts one attempt on key that succeeded, for keys whose other attempts a
	// success must not forget (an address shared by colleagues).
	Forgive(ctx context.Context, key string) error
	// Reset forgets key's attempts and lockouts, after a successful login.
	Reset(ctx context.Context, key string) error
}
