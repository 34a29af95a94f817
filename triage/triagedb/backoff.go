package triagedb

import "time"

// The retry schedule of a notification.
const (
	BackoffBase = 30 * time.Second // wait after the first failed attempt
	BackoffMax  = time.Hour        // the wait never grows beyond this
)

// Backoff returns how long to wait before the next attempt after attempts failed ones:
// 30 s after the first, doubling each time (1 min, 2 min, 4 min…), at most one hour.
// With DefaultMaxAttempts a notification is given up about 1 h 4 min after its first try.
func Backoff(attempts int) time.Duration {
	if attempts <= 1 {
		return BackoffBase
	}
	if attempts > 20 { // well past the cap; avoids overflowing the shift
		return BackoffMax
	}
	return min(BackoffBase<<(attempts-1), BackoffMax)
}
