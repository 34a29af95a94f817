package bot

import (
	"context"
	"errors"
)

// Sessions keeps conversations and makes every inbound message count once, across all
// instances of the service. Implementations must make Begin atomic: of several concurrent
// Begins for one message exactly one claims it, and of concurrent Begins for one customer
// at most one holds the customer's lock.
type Sessions interface {
	// Begin claims message msgKey of customer openID, takes the customer's lock and loads the
	// conversation, in one round trip. It returns ErrDuplicate with the message's Record when
	// the message was claimed before, and ErrBusy when another turn holds the customer's lock
	// (the caller waits and tries again).
	Begin(ctx context.Context, openID, msgKey string) (*Lease, Record, error)

	// Commit saves the conversation, records the message's outcome for retries, appends
	// the turn's lines to the customer's transcript, opens the customer-service window
	// (when win is not nil) and releases the lock, in one round trip. It returns
	// ErrLockLost when the lease expired meanwhile; then nothing was saved.
	Commit(ctx context.Context, l *Lease, c Conversation, rec Record, lines []Line, win *Window) error

	// Load returns the customer's conversation without locking; ok is false for a customer
	// with none.
	Load(ctx context.Context, openID string) (c Conversation, ok bool, err error)

	// Transcript returns the customer's recent transcript, oldest first.
	Transcript(ctx context.Context, openID string) ([]Line, error)

	// Window returns the customer's customer-service message window.
	Window(ctx context.Context, openID string) (Window, error)

	// CountPush records one customer-service message sent within the window and returns
	// how many were sent since it opened.
	CountPush(ctx context.Context, openID string) (int, error)

	// Abort releases the lock and forgets the claim, so that WeChat's retry of the message is
	// processed afresh. The conversation is left as it was.
	Abort(ctx context.Context, l *Lease) error

	// Renew extends the lock and the pending claim of a running turn by the store's lock
	// time to live, or returns ErrLockLost when the lock is no longer the lease's. Locks
	// are short so that a dead instance's turn is forgotten quickly; a turn renews its
	// lease while it runs (Service.run).
	Renew(ctx context.Context, l *Lease) error

	// Outcome returns the record of a claimed message; ok is false when the message is not
	// (or no longer) known.
	Outcome(ctx context.Context, openID, msgKey string) (rec Record, ok bool, err error)
}

// Lease is a held customer lock with the conversation loaded under it.
type Lease struct {
	OpenID string
	MsgKey string
	Token  string       // proves ownership of the lock on Commit and Abort
	Conv   Conversation // the loaded conversation; zero when the customer is new
}

// Delivery says how a message's replies reached the customer.
type Delivery string

// Deliveries of a claimed message.
const (
	DeliveryPending Delivery = ""        // the turn is still running
	DeliveryPassive Delivery = "passive" // in the HTTP answer to WeChat: a retry gets them again
	DeliveryPushed  Delivery = "pushed"  // as customer-service messages: a retry gets "success"
)

// Record is what a retry of a message needs to answer exactly as the first attempt did.
type Record struct {
	Delivery Delivery `json:"d"`
	Replies  []string `json:"r,omitempty"`
}

// Errors returned by Sessions.
var (
	ErrDuplicate = errors.New("bot: message already claimed")
	ErrBusy      = errors.New("bot: customer is busy in another turn")
	ErrLockLost  = errors.New("bot: customer lock expired before commit")
)
