package bot

import "time"

// Line is one line of a customer's transcript.
type Line struct {
	At   time.Time `json:"t"`
	Role Role      `json:"r"`
	Text string    `json:"x"`
	// Media is the media id of a photo the customer sent (KindImage), set from the kind
	// of message, never from its text: only such a line shows as a photo.
	Media string `json:"m,omitempty"`
}

// Role says who wrote a transcript line.
type Role string

// Roles of transcript lines.
const (
	RoleCustomer Role = "customer"
	RoleBot      Role = "bot"
	RoleStaff    Role = "staff"
	RoleSystem   Role = "system"
)

// Window is WeChat's customer-service message window for one customer: after a message
// the account may send 5 customer-service messages within 48 hours; after a menu click,
// follow or QR scan, 3 within a minute. Outside it only template messages arrive.
type Window struct {
	OpenedAt time.Time `json:"at"`   // the customer's last message or event
	Event    bool      `json:"ev"`   // opened by an event rather than a message
	Used     int       `json:"used"` // customer-service messages sent since
}

// WeChat's limits on customer-service messages.
const (
	MessageWindow = 48 * time.Hour
	MessageQuota  = 5
	EventWindow   = time.Minute
	EventQuota    = 3
)

// Remaining returns how many customer-service messages may still be sent at now, and
// until when.
func (w Window) Remaining(now time.Time) (n int, until time.Time) {
	if w.OpenedAt.IsZero() {
		return 0, time.Time{}
	}
	span, quota := MessageWindow, MessageQuota
	if w.Event {
		span, quota = EventWindow, EventQuota
	}
	until = w.OpenedAt.Add(span)
	if !now.Before(until) {
		return 0, until
	}
	return max(quota-w.Used, 0), until
}

// LiveEvent is new transcript lines of a ticket, as the staff console shows them live.
type LiveEvent struct {
	Ticket string `json:"ticket"`
	OpenID string `json:"openid"`
	Lines  []Line `json:"lines"`
}
