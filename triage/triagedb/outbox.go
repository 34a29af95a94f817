package triagedb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database"
)

// OutboxStatus is where a notification stands.
type OutboxStatus string

// The outbox statuses.
const (
	OutboxPending OutboxStatus = "pending" // waiting to be sent, or for its next attempt
	OutboxSent    OutboxStatus = "sent"
	OutboxFailed  OutboxStatus = "failed" // gave up after MaxAttempts; staff see it in ListFailed
)

// Notification is a message to a customer about a ticket, kept in the outbox until it is
// sent. Enqueue reads TicketNumber, OpenID, Kind, Payload and optionally CreatedAt and
// NextAttemptAt; the other fields are the outbox's bookkeeping.
type Notification struct {
	ID           int64
	TicketNumber string
	OpenID       string // the customer's WeChat OpenID
	// Kind says what happened, e.g. "ticket_created" or "status_changed"; the sender
	// chooses the message by it.
	Kind string
	// Payload is what the sender needs to render the message, as JSON; empty means {}.
	Payload json.RawMessage

	Status   OutboxStatus
	Attempts int // sending attempts started, counted when claimed
	// NextAttemptAt is when the notification is due. Enqueue makes it due at CreatedAt
	// unless set; Claim moves it on by the lease while an attempt runs.
	NextAttemptAt time.Time
	LastError     string
	CreatedAt     time.Time // when enqueued; the database's clock when zero
	SentAt        time.Time // zero until sent
}

// outboxRow is a row of the outbox table. idx_outbox_due (status, next_attempt_at, id)
// makes Claim an index range scan that stops after limit rows.
type outboxRow struct {
	ID            int64      `gorm:"primaryKey;autoIncrement;index:idx_outbox_due,priority:3"`
	TicketNumber  string     `gorm:"size:32;not null;index:idx_outbox_ticket"`
	OpenID        string     `gorm:"column:open_id;size:64;not null"`
	Kind          string     `gorm:"size:32;not null"`
	Payload       string     `gorm:"type:longtext;not null"`
	Status        string     `gorm:"size:16;not null;index:idx_outbox_due,priority:1"`
	Attempts      int        `gorm:"not null"`
	NextAttemptAt time.Time  `gorm:"precision:6;not null;index:idx_outbox_due,priority:2"`
	LastError     string     `gorm:"type:text;not null"`
	CreatedAt     time.Time  `gorm:"precision:6;not null;autoCreateTime:false"`
	SentAt        *time.Time `gorm:"precision:6"`
}

// TableName is the table of notifications.
func (outboxRow) TableName() string { return "outbox" }

func toDBNotification(n Notification) outboxRow {
	return outboxRow{ID: n.ID, TicketNumber: n.TicketNumber, OpenID: n.OpenID, Kind: n.Kind,
		Payload: string(n.Payload), Status: string(n.Status), Attempts: n.Attempts,
		NextAttemptAt: dbTime(n.NextAttemptAt), LastError: n.LastError,
		CreatedAt: dbTime(n.CreatedAt), SentAt: dbTimePtr(n.SentAt)}
}

func toDomainNotification(r outboxRow) Notification {
	return Notification{ID: r.ID, TicketNumber: r.TicketNumber, OpenID: r.OpenID, Kind: r.Kind,
		Payload: json.RawMessage(r.Payload), Status: OutboxStatus(r.Status), Attempts: r.Attempts,
		NextAttemptAt: r.NextAttemptAt.UTC(), LastError: r.LastError,
		CreatedAt: r.CreatedAt.UTC(), SentAt: fromTimePtr(r.SentAt)}
}

func toDomainNotifications(rows []outboxRow) []Notification {
	out := make([]Notification, len(rows))
	for i, r := range rows {
		out[i] = toDomainNotification(r)
	}
	return out
}

// maxErrorLen caps the stored text of a send error, in bytes.
const maxErrorLen = 1000

// Enqueue adds n to the outbox on db, which may be a transaction: enqueued in the
// transaction that changes the ticket, the notification exists exactly when the change
// does. It returns n as stored, with its ID.
func Enqueue(ctx context.Context, db *gorm.DB, n Notification) (Notification, error) {
	if n.OpenID == "" || n.Kind == "" {
		return Notification{}, errors.New("triagedb: enqueue: OpenID and Kind must be set")
	}
	if len(n.Payload) == 0 {
		n.Payload = json.RawMessage("{}")
	}
	if !json.Valid(n.Payload) {
		return Notification{}, errors.New("triagedb: enqueue: the payload is not JSON")
	}
	if n.CreatedAt.IsZero() {
		n.CreatedAt = db.NowFunc()
	}
	if n.NextAttemptAt.IsZero() {
		n.NextAttemptAt = n.CreatedAt
	}
	n.ID, n.Status, n.Attempts, n.LastError, n.SentAt = 0, OutboxPending, 0, "", time.Time{}
	row := toDBNotification(n)
	if err := db.WithContext(ctx).Create(&row).Error; err != nil {
		return Notification{}, wrap("enqueue", err)
	}
	return toDomainNotification(row), nil
}

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
	err := o.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
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

// ListFailed returns the notifications given up on, most recent first, at most limit
// (DefaultPageSize when not positive, never more than MaxPageSize).
func (o *Outbox) ListFailed(ctx context.Context, limit int) ([]Notification, error) {
	var rows []outboxRow
	err := o.db.WithContext(ctx).Where("status = ?", OutboxFailed).
		Order("next_attempt_at DESC, id DESC").Limit(clampLimit(limit)).Find(&rows).Error
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
var ErrNoNotification = errors.New("triagedb: no such notification")

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
