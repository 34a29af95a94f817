package triagedb

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/errs"
)

// Outbox hands notifications to senders: Claim takes the due ones, MarkSent and
// MarkFailed record how the attempt went. Several instances may claim from one outbox.
type Outbox struct {
	db    *gorm.DB
	mysql bool

	// MaxAttempts is how many attempts a notification gets before it is marked failed.
	MaxAttempts int
	// Lease is how long a claimed notification is hidden from other claims. If its sender
	// dies before marking it, it is claimed again after the lease (at-least-once delivery).
	Lease time.Duration
}

// Defaults of NewOutbox.
const (
	DefaultMaxAttempts = 8
	DefaultLease       = 5 * time.Minute
)

// NewOutbox returns the outbox on db with DefaultMaxAttempts and DefaultLease.
func NewOutbox(db *gorm.DB) *Outbox {
	return &Outbox{db: db, mysql: database.Dialect(db) == database.MySQL,
		MaxAttempts: DefaultMaxAttempts, Lease: DefaultLease}
}

// Claim takes up to limit pending notifications due at now, oldest due first, counts an
// attempt on each and hides them from other claims for the lease. On MySQL/MariaDB the
// rows are read with FOR UPDATE SKIP LOCKED, so instances claiming at the same moment take
// different rows without waiting on each other; SQLite has a single writer.
func (o *Outbox) Claim(ctx context.Context, now time.Time, limit int) ([]Notification, error) {
	if limit <= 0 {
		return nil, nil
	}
	var rows []outboxRow
	err := retryDeadlock(o.mysql, func() error {
		return o.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			rows = nil
			q := tx.Where("status = ? AND next_attempt_at <= ?", OutboxPending, dbTime(now)).
				Order("next_attempt_at, id").Limit(limit)
			if o.mysql {
				q = q.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate, Options: clause.LockingOptionsSkipLocked})
			}
			if err := q.Find(&rows).Error; err != nil || len(rows) == 0 {
				return err
			}
			ids := make([]int64, len(rows))
			leased := dbTime(now.Add(o.Lease))
			for i := range rows {
				ids[i] = rows[i].ID
				rows[i].Attempts++
				rows[i].NextAttemptAt = leased
			}
			return tx.Model(&outboxRow{}).Where("id IN ?", ids).
				Updates(map[string]any{"attempts": gorm.Expr("attempts + 1"), "next_attempt_at": leased}).Error
		})
	})
	if err != nil {
		return nil, wrap("claim", err)
	}
	return toDomainNotifications(rows), nil
}

// MarkSent records that the claimed notification id was delivered at the given time.
// ErrNoNotification when id is unknown or not pending (already marked).
func (o *Outbox) MarkSent(ctx context.Context, id int64, at time.Time) error {
	return o.update(ctx, "mark sent", id, OutboxPending,
		map[string]any{"status": OutboxSent, "sent_at": dbTime(at), "last_error": ""})
}

// MarkFailed records that an attempt to send notification id failed with sendErr. The
// notification is tried again at next (see Backoff), or marked failed when it has had
// MaxAttempts attempts. ErrNoNotification when id is unknown or not pending.
func (o *Outbox) MarkFailed(ctx context.Context, id int64, sendErr error, next time.Time) error {
	msg := "unknown error"
	if sendErr != nil {
		msg = truncate(sendErr.Error(), maxErrorLen)
	}
	return o.update(ctx, "mark failed", id, OutboxPending, map[string]any{
		"status":          gorm.Expr("CASE WHEN attempts >= ? THEN ? ELSE ? END", o.MaxAttempts, OutboxFailed, OutboxPending),
		"next_attempt_at": dbTime(next),
		"last_error":      msg,
	})
}

// Retry puts a failed notification back in the queue, due at now with a fresh count of
// attempts, once staff have fixed the cause. ErrNoNotification when id is not failed.
func (o *Outbox) Retry(ctx context.Context, id int64, now time.Time) error {
	return o.update(ctx, "retry", id, OutboxFailed,
		map[string]any{"status": OutboxPending, "attempts": 0, "next_attempt_at": dbTime(now)})
}

// update sets values on notification id if it is in status from, else returns
// ErrNoNotification.
func (o *Outbox) update(ctx context.Context, op string, id int64, from OutboxStatus, values map[string]any) error {
	db := o.db.WithContext(ctx)
	res := db.Model(&outboxRow{}).Where("id = ? AND status = ?", id, from).Updates(values)
	if res.Error != nil {
		return wrap(op, res.Error)
	}
	if res.RowsAffected > 0 {
		return nil
	}
	// MySQL counts changed rows, not matched ones: an update writing the values the row
	// already has affects none. Look again before calling the notification missing.
	var n int64
	if err := db.Model(&outboxRow{}).Where("id = ? AND status = ?", id, from).Count(&n).Error; err != nil {
		return wrap(op, err)
	}
	if n == 0 {
		return fmt.Errorf("triagedb: %s: %w: %d is not %s", op, ErrNoNotification, id, from)
	}
	return nil
}

// ListFailed returns the notifications given up on, newest first, at most limit
// (DefaultPageSize when not positive, never more than MaxPageSize).
func (o *Outbox) ListFailed(ctx context.Context, limit int) ([]Notification, error) {
	var rows []outboxRow
	err := o.db.WithContext(ctx).Where("status = ?", OutboxFailed).
		Order("id DESC").Limit(clampLimit(limit)).Find(&rows).Error
	if err != nil {
		return nil, wrap("list failed", err)
	}
	return toDomainNotifications(rows), nil
}

// Get returns notification id, or ErrNoNotification.
func (o *Outbox) Get(ctx context.Context, id int64) (Notification, error) {
	var row outboxRow
	err := o.db.WithContext(ctx).Where("id = ?", id).Take(&row).Error
	if errNotFound(err) {
		return Notification{}, fmt.Errorf("triagedb: get notification: %w: %d", ErrNoNotification, id)
	}
	if err != nil {
		return Notification{}, wrap("get notification", err)
	}
	return toDomainNotification(row), nil
}

// ErrNoNotification is returned for an unknown notification id, or one not in the status
// the operation needs.
var ErrNoNotification = errs.Sentinel(errs.NotFound, "notification_not_found", "staff.error.notification_not_found", "triagedb: no such notification")

// truncate cuts s to at most n bytes without splitting a UTF-8 character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
