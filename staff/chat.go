package staff

import (
	"time"

	"github.com/wxintake/intake/internal/errs"
)

// Live chat: staff take a customer's conversation over from the bot, write to the
// customer and give it back. internal/livechat does it; the web layer declares the
// interface it consumes (handlers.ChatControl) in these types.

// Handover is what a takeover or hand-back changed.
type Handover struct {
	// From is the agent who held the chat when someone else (an admin) took it over or
	// handed it back; "" when it was free or the actor's own.
	From string
	// Noop reports a hand-back with nobody holding the chat: nothing changed.
	Noop bool
}

// ReplyResult is what became of a staff reply.
type ReplyResult struct {
	// Delivered reports whether WeChat accepted the message for the customer; false when
	// it was only recorded (e.g. the customer-service window has closed).
	Delivered bool `json:"delivered"`
	// Note says, in Chinese, why a reply was not delivered.
	Note string `json:"note,omitempty"`
	// ID names an undelivered reply, to send it again with retry_of; At is when it was
	// written, the time of its transcript line.
	ID string    `json:"id,omitempty"`
	At time.Time `json:"at,omitzero"`
}

// Undelivered is a staff reply WeChat has not taken yet. Its transcript line is the staff
// line with the same At and Text.
type Undelivered struct {
	ID   string    `json:"id"`
	At   time.Time `json:"at"`
	Text string    `json:"text"`
	Note string    `json:"note"` // why, in Chinese
	By   string    `json:"by"`
}

// MatchUndelivered finds the undelivered reply a transcript line records: a staff line
// with its time and text.
func MatchUndelivered(pending []Undelivered, role string, at time.Time, text string) (Undelivered, bool) {
	if role != "staff" {
		return Undelivered{}, false
	}
	for _, u := range pending {
		if u.At.Equal(at) && u.Text == text {
			return u, true
		}
	}
	return Undelivered{}, false
}

// ErrChatUnavailable is the answer of live chat when it is not set up.
var ErrChatUnavailable = errs.Sentinel(errs.Unavailable, "chat_unavailable", "staff.error.chat_unavailable", "live chat is not available")
