package bot

import "time"

// State names where a conversation is. It is a string so a conversation can be stored as
// plain data and read back by any instance.
type State string

// The states of the conversation.
const (
	StateNew     State = ""        // never talked, or forgotten after the idle expiry
	StateGreeted State = "greeted" // the bot has introduced itself
)

// Conversation is everything the bot remembers about one customer between messages. It is
// plain data: the service loads it, Step changes a copy, the service saves it.
type Conversation struct {
	OpenID    string    `json:"o"`
	State     State     `json:"s,omitempty"`
	Turns     int       `json:"n,omitempty"`
	StartedAt time.Time `json:"t0,omitempty"`
	UpdatedAt time.Time `json:"t,omitempty"`
}
