package triagedb

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"
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
	// Channel is how it reached the customer (ChannelChat, ChannelTemplate), and Reason
	// why a template was sent instead of a chat message (ReasonWindow…); both empty until
	// delivered, and for a notification that needed no message (a survey already answered).
	Channel string
	Reason  string
}

// Delivery channels and the reasons for a template message (Outbox.SetChannel).
const (
	ChannelChat     = "chat"     // a customer-service message
	ChannelTemplate = "template" // a template message

	ReasonWindow  = "window"  // our count: 48 hours since the customer last wrote, or 5 messages sent
	ReasonRefused = "refused" // WeChat refused the chat message (45015: the window closed)
	ReasonQuota   = "quota"   // WeChat refused it for the quota (45047)
)

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
	Channel       string     `gorm:"size:16;not null;default:''"`
	Reason        string     `gorm:"size:16;not null;default:''"`
}

// TableName is the table of notifications.
func (outboxRow) TableName() string { return "outbox" }

func toDBNotification(n Notification) outboxRow {
	return outboxRow{ID: n.ID, TicketNumber: n.TicketNumber, OpenID: n.OpenID, Kind: n.Kind,
		Payload: string(n.Payload), Status: string(n.Status), Attempts: n.Attempts,
		NextAttemptAt: dbTime(n.NextAttemptAt), LastError: n.LastError,
		CreatedAt: dbTime(n.CreatedAt), SentAt: dbTimePtr(n.SentAt), Channel: n.Channel, Reason: n.Reason}
}

func toDomainNotification(r outboxRow) Notification {
	return Notification{ID: r.ID, TicketNumber: r.TicketNumber, OpenID: r.OpenID, Kind: r.Kind,
		Payload: json.RawMessage(r.Payload), Status: OutboxStatus(r.Status), Attempts: r.Attempts,
		NextAttemptAt: r.NextAttemptAt.UTC(), LastError: r.LastError,
		CreatedAt: r.CreatedAt.UTC(), SentAt: fromTimePtr(r.SentAt), Channel: r.Channel, Reason: r.Reason}
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
	n.Channel, n.Reason = "", ""
	row := toDBNotification(n)
	if err := db.WithContext(ctx).Create(&row).Error; err != nil {
		return Notification{}, wrap("enqueue", err)
	}
	return toDomainNotification(row), nil
}
