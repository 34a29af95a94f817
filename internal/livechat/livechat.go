// Package livechat lets staff take a customer's conversation over from the bot: the bot
// goes quiet for that customer, staff replies go out as customer-service messages within
// WeChat's window and quota, and the conversation can be handed back. A reply WeChat does
// not take is recorded all the same and kept as undelivered (undelivered.go), with the
// reason, until staff retry it.
package livechat

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// WeChat sends customer-service messages.
type WeChat interface {
	SendText(ctx context.Context, openID, text string) error
}

// Chat implements the web layer's ChatControl (handlers).
type Chat struct {
	Bot     *bot.Service
	Tickets triage.Store
	WeChat  WeChat
	Now     func() time.Time
	// Idle is how long a takeover may go without a staff reply (0: forever). Active
	// takeovers and their deadlines are kept in Redis, shared by every instance.
	Idle   time.Duration
	Active Deadlines
	// Live announces staff replies to the console's live view on every instance.
	Live interface {
		PublishLive(ctx context.Context, ev bot.LiveEvent) error
	}
	// Failed keeps the replies WeChat did not take, for Retry (undelivered.go); without
	// it a failed reply is only recorded.
	Failed Undelivered
	// Notices retries, through the outbox, a takeover's or hand-back's notice WeChat
	// refused while the customer's window was open; nil: the notice is only logged.
	Notices func(ctx context.Context, number, openID, text string) error
}

// Deadlines keeps the idle deadline of each active takeover.
type Deadlines interface {
	Set(ctx context.Context, member string, at time.Time) error
	Remove(ctx context.Context, member string) error
	Due(ctx context.Context, now time.Time) ([]string, error)
}

func member(openID, number string) string { return openID + "|" + number }

func name(u staff.User) string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

// A chat taken over is its agent's: another agent can neither take it over (409) nor
// hand it back (403); staff with staff.PermOverrideChat (admins) can do both, and the
// Handover says whose it was.

// Takeover implements the web layer's ChatControl (handlers).
func (c *Chat) Takeover(ctx context.Context, number string, by staff.User) (staff.Handover, error) {
	t, err := c.Tickets.Get(ctx, number)
	if err != nil {
		return staff.Handover{}, err
	}
	var h staff.Handover
	notice := catalog.T("livechat.joined", "name", name(by))
	err = c.Bot.Control(ctx, t.OpenID, []bot.Line{{At: c.Now(), Role: bot.RoleSystem, Text: notice}},
		func(_ *bot.Dialog, conv bot.Conversation) (bot.Conversation, error) {
			h = staff.Handover{}
			if conv.Paused && conv.Agent != by.Username {
				if !by.Can(staff.PermOverrideChat) {
					return conv, errs.E(errs.Conflict, "taken", "livechat.taken", "name", conv.Agent)
				}
				h.From = conv.Agent
			}
			conv.Paused, conv.Agent, conv.State, conv.Ticket = true, by.Username, bot.StateHuman, number
			return conv, nil
		})
	if err != nil {
		return staff.Handover{}, err
	}
	c.touch(ctx, t.OpenID, number)
	c.notify(ctx, t, notice)
	return h, c.accept(ctx, t, by)
}

// accept records that staff took a new ticket: it becomes 已受理 (accepted) by them — the
// first response its SLA counts, since the customer has just been told a person is there
// — and theirs if nobody held it. The customer's notice was the takeover's own message,
// so this change sends none. Someone moving the ticket first is not an error.
func (c *Chat) accept(ctx context.Context, t triage.Ticket, by staff.User) error {
	if t.Status == triage.StatusNew {
		_, err := c.Tickets.UpdateStatus(ctx, t.Number, triage.StatusChange{
			From: triage.StatusNew, To: triage.StatusAccepted, At: c.Now(), By: by.Username,
			Note: catalog.T("livechat.accepted_note"),
		})
		if err != nil && !errors.Is(err, triage.ErrConflict) {
			return err
		}
	}
	if t.Assignee == "" {
		_, err := c.Tickets.Update(ctx, t.Number, func(tk *triage.Ticket) error {
			if tk.Assignee == "" {
				tk.Assignee = by.Username
			}
			return nil
		})
		return err
	}
	return nil
}

// touch moves the takeover's idle deadline on.
func (c *Chat) touch(ctx context.Context, openID, number string) {
	if c.Active != nil && c.Idle > 0 {
		_ = c.Active.Set(ctx, member(openID, number), c.Now().Add(c.Idle))
	}
}

// Reply implements the web layer's ChatControl (handlers).
func (c *Chat) Reply(ctx context.Context, number string, by staff.User, text string) (staff.ReplyResult, error) {
	t, err := c.Tickets.Get(ctx, number)
	if err != nil {
		return staff.ReplyResult{}, err
	}
	if err := c.holds(ctx, t.OpenID, by); err != nil {
		return staff.ReplyResult{}, err
	}
	c.touch(ctx, t.OpenID, number)
	delivered, note, _ := c.send(ctx, t.OpenID, text)
	// Microseconds: the transcript keeps no finer time, and an undelivered reply is matched
	// to its line by time and text.
	line := triage.TranscriptEntry{At: c.Now().Truncate(time.Microsecond), Role: triage.RoleStaff, Text: text}
	if err := c.Tickets.AppendTranscript(ctx, number, line); err != nil {
		return staff.ReplyResult{}, err
	}
	if c.Live != nil {
		_ = c.Live.PublishLive(ctx, bot.LiveEvent{Ticket: number, OpenID: t.OpenID,
			Lines: []bot.Line{{At: line.At, Role: bot.RoleStaff, Text: text}}})
	}
	res := staff.ReplyResult{Delivered: delivered, Note: note}
	if !delivered && c.Failed != nil {
		res.ID, res.At = newID(), line.At
		if err := c.Failed.Put(ctx, number, staff.Undelivered{ID: res.ID, At: line.At, Text: text, Note: note, By: by.Username}); err != nil {
			return staff.ReplyResult{}, err
		}
	}
	return res, nil
}

// holds refuses unless by has taken the customer's chat over.
func (c *Chat) holds(ctx context.Context, openID string, by staff.User) error {
	conv, err := c.Bot.Conversation(ctx, openID)
	if err != nil {
		return err
	}
	switch {
	case conv.Paused && conv.Agent != by.Username:
		return errs.E(errs.Conflict, "taken", "livechat.taken", "name", conv.Agent)
	case !conv.Paused:
		return errs.E(errs.Conflict, "not_taken_over", "livechat.take_over_first")
	}
	return nil
}

// Handback implements the web layer's ChatControl (handlers): by must hold the chat, or may override
// (then Handover.From is whose it was). With nobody holding it, nothing happens and the
// customer is told nothing.
func (c *Chat) Handback(ctx context.Context, number string, by staff.User) (staff.Handover, error) {
	t, err := c.Tickets.Get(ctx, number)
	if err != nil {
		return staff.Handover{}, err
	}
	var h staff.Handover
	err = c.release(ctx, t, catalog.T("livechat.handed_back"), false, func(conv bot.Conversation) error {
		h = staff.Handover{}
		switch {
		case !conv.Paused:
			return errNobodyHolds
		case conv.Agent != by.Username && !by.Can(staff.PermOverrideChat):
			return errs.E(errs.Forbidden, "not_yours", "livechat.not_yours", "name", conv.Agent)
		case conv.Agent != by.Username:
			h.From = conv.Agent
		}
		return nil
	})
	if errors.Is(err, errNobodyHolds) {
		return staff.Handover{Noop: true}, nil
	}
	return h, err
}

// errNobodyHolds stops a hand-back of a chat nobody has taken over.
var errNobodyHolds = errors.New("livechat: nobody has taken the chat over")

// release ends a takeover with notice to the customer; idle also returns the ticket to
// the queue (no assignee). check, when not nil, may refuse with the conversation locked;
// then nothing changes and nothing is sent.
func (c *Chat) release(ctx context.Context, t triage.Ticket, notice string, idle bool, check func(bot.Conversation) error) error {
	err := c.Bot.Control(ctx, t.OpenID, []bot.Line{{At: c.Now(), Role: bot.RoleSystem, Text: notice}},
		func(_ *bot.Dialog, conv bot.Conversation) (bot.Conversation, error) {
			if idle && !conv.Paused {
				return conv, bot.ErrNotNow // handed back meanwhile
			}
			if check != nil {
				if err := check(conv); err != nil {
					return conv, err
				}
			}
			conv.Paused, conv.Agent = false, ""
			if conv.State == bot.StateHuman {
				conv.State = bot.StateDone
			}
			return conv, nil
		})
	if c.Active != nil && (err == nil || errors.Is(err, bot.ErrNotNow) || errors.Is(err, errNobodyHolds)) {
		_ = c.Active.Remove(ctx, member(t.OpenID, t.Number))
	}
	if err != nil {
		return err
	}
	if idle {
		if _, err := c.Tickets.Update(ctx, t.Number, func(tk *triage.Ticket) error { tk.Assignee = ""; return nil }); err != nil {
			return err
		}
	}
	c.notify(ctx, t, notice)
	return nil
}

// notify sends the customer a takeover's or hand-back's notice. If WeChat refuses it while
// the window is open (API down, slow, busy), the outbox tries again with backoff; with the
// window closed there is nobody to tell until the customer writes.
func (c *Chat) notify(ctx context.Context, t triage.Ticket, notice string) {
	if _, _, refused := c.send(ctx, t.OpenID, notice); refused && c.Notices != nil {
		_ = c.Notices(ctx, t.Number, t.OpenID, notice)
	}
}

// Sweep ends the takeovers idle past their deadline: the ticket goes back to the queue and
// the customer is told what happens next.
func (c *Chat) Sweep(ctx context.Context) (int, error) {
	if c.Active == nil {
		return 0, nil
	}
	due, err := c.Active.Due(ctx, c.Now())
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range due {
		_, number, _ := strings.Cut(m, "|")
		t, err := c.Tickets.Get(ctx, number)
		if err != nil {
			_ = c.Active.Remove(ctx, m)
			continue
		}
		err = c.release(ctx, t, catalog.T("livechat.idle"), true, nil)
		if err != nil && !errors.Is(err, bot.ErrNotNow) {
			return n, err
		}
		n++
	}
	return n, nil
}

// send delivers text within the customer-service window; otherwise it says why not, and
// refused reports that WeChat turned it down while the window was open (worth retrying).
func (c *Chat) send(ctx context.Context, openID, text string) (delivered bool, note string, refused bool) {
	w, err := c.Bot.Window(ctx, openID)
	if err != nil {
		return false, catalog.T("livechat.not_sent"), false
	}
	if left, _ := w.Remaining(c.Now()); left == 0 {
		return false, catalog.T("livechat.window_closed"), false
	}
	if err := c.WeChat.SendText(ctx, openID, text); err != nil {
		return false, reason(err), true
	}
	_, _ = c.Bot.CountPush(ctx, openID)
	return true, "", false
}
