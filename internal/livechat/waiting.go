package livechat

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/staff"
)

// Queue keeps the chats waiting for a person with no ticket (bot.QueueChat): customers who
// asked for one before reporting anything. Each is a member of a sorted set scored by the
// time the bot takes the intake back (shared by every instance, like takeover deadlines);
// Sweep feeds bot.EventHandoffTimeout to those due, and TakeoverWaiting lets staff take
// one over through the ticket's usual takeover.
type Queue struct {
	Bot *bot.Service
	Due Deadlines
	Now func() time.Time
	// Alert tells staff a customer started waiting (wecom.Alerts.Waiting); nil: nobody.
	Alert func(until time.Time)
}

var _ bot.ChatQueue = (*Queue)(nil)

// QueueChat implements bot.ChatQueue.
func (q *Queue) QueueChat(ctx context.Context, openID string, e bot.QueueChat) error {
	if err := q.Due.Set(ctx, openID, e.Until); err != nil {
		return err
	}
	if q.Alert != nil {
		q.Alert(e.Until)
	}
	return nil
}

// LeaveQueue implements bot.ChatQueue.
func (q *Queue) LeaveQueue(ctx context.Context, openID string) error {
	return q.Due.Remove(ctx, openID)
}

// WaitingChat is a customer waiting for a person with no ticket, as the console shows it.
type WaitingChat struct {
	OpenID string
	Since  time.Time
	Case   bot.Case // what they told while waiting
}

// farFuture lists every member of the set with Due.
const farFuture = 100 * 365 * 24 * time.Hour

// Waiting lists the queued chats, longest waiting first. A member whose conversation no
// longer waits (resumed or taken over on an instance that could not update the set) is
// left out.
func (q *Queue) Waiting(ctx context.Context) ([]WaitingChat, error) {
	members, err := q.Due.Due(ctx, q.Now().Add(farFuture))
	if err != nil {
		return nil, err
	}
	out := make([]WaitingChat, 0, len(members))
	for _, m := range members {
		conv, err := q.Bot.Conversation(ctx, m)
		if err != nil {
			return nil, err
		}
		if since, ok := conv.Waiting(); ok {
			out = append(out, WaitingChat{OpenID: m, Since: since, Case: conv.Case})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Since.Before(out[j].Since) })
	return out, nil
}

// Sweep resumes the intake of the chats nobody took over in time: the dialog hears
// bot.EventHandoffTimeout and its replies are pushed to the customer.
func (q *Queue) Sweep(ctx context.Context) (int, error) {
	now := q.Now()
	due, err := q.Due.Due(ctx, now)
	if err != nil {
		return 0, err
	}
	for _, openID := range due {
		q.Bot.Feed(ctx, bot.Inbound{OpenID: openID, Kind: bot.KindEvent, Event: bot.EventHandoffTimeout, At: now, SentAt: now})
		if err := q.Due.Remove(ctx, openID); err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// ErrNotWaiting is TakeoverWaiting's answer for a customer no longer in the queue.
var ErrNotWaiting = errors.New("livechat: the customer is no longer waiting")

// TakeoverWaiting takes over the chat of a customer waiting with no ticket: the case is
// filed with what they told (bot.EventStaffTakeover, a turn like any other, so the ticket
// gets the whole transcript), then taken over as any ticket's chat is. It returns the
// ticket's number.
func (c *Chat) TakeoverWaiting(ctx context.Context, q *Queue, openID string, by staff.User) (string, staff.Handover, error) {
	conv, err := c.Bot.Conversation(ctx, openID)
	if err != nil {
		return "", staff.Handover{}, err
	}
	if _, ok := conv.Waiting(); ok {
		now := c.Now()
		c.Bot.Feed(ctx, bot.Inbound{OpenID: openID, Kind: bot.KindEvent, Event: bot.EventStaffTakeover, At: now, SentAt: now})
		if conv, err = c.Bot.Conversation(ctx, openID); err != nil {
			return "", staff.Handover{}, err
		}
	}
	if conv.Ticket == "" || conv.State != bot.StateHuman {
		_ = q.Due.Remove(ctx, openID)
		return "", staff.Handover{}, ErrNotWaiting
	}
	h, err := c.Takeover(ctx, conv.Ticket, by)
	return conv.Ticket, h, err
}
