package triagedb

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultBatch is how many notifications RunOnce claims when Dispatcher.Batch is zero.
const DefaultBatch = 50

// Dispatcher sends what the outbox holds. The service calls RunOnce on a ticker from each
// instance; Send delivers one notification (through the WeChat customer-service API).
type Dispatcher struct {
	Outbox *Outbox
	// Send delivers n. An error schedules another attempt after Backoff(n.Attempts), or
	// marks the notification failed once it had Outbox.MaxAttempts attempts.
	Send func(ctx context.Context, n Notification) error
	// Batch is the most notifications claimed per RunOnce; DefaultBatch when zero.
	Batch int
}

// RunOnce claims the notifications due at now, sends each and records the outcome. It
// returns how many were sent and how many attempts failed (each scheduled for a retry or
// given up, never dropped), and the storage errors met. A notification whose outcome could
// not be recorded is claimed again after the outbox's lease, so it may be sent twice but
// is never lost.
func (d *Dispatcher) RunOnce(ctx context.Context, now time.Time) (sent, failed int, err error) {
	batch := d.Batch
	if batch <= 0 {
		batch = DefaultBatch
	}
	claimed, err := d.Outbox.Claim(ctx, now, batch)
	if err != nil {
		return 0, 0, err
	}
	var errs []error
	for _, n := range claimed {
		if ctx.Err() != nil { // the rest stay leased and come back after the lease
			errs = append(errs, ctx.Err())
			break
		}
		if sendErr := d.Send(ctx, n); sendErr != nil {
			failed++
			if err := d.Outbox.MarkFailed(ctx, n.ID, sendErr, now.Add(Backoff(n.Attempts))); err != nil {
				errs = append(errs, fmt.Errorf("notification %d: %w", n.ID, err))
			}
			continue
		}
		sent++
		if err := d.Outbox.MarkSent(ctx, n.ID, now); err != nil {
			errs = append(errs, fmt.Errorf("notification %d: %w", n.ID, err))
		}
	}
	return sent, failed, errors.Join(errs...)
}
