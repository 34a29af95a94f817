// Package notify tells customers what happens to their tickets. A status change and its
// notification are written in one transaction (the outbox); the dispatcher then delivers
// each notification as a customer-service message while WeChat's 48-hour window and its
// quota allow, otherwise as a template message, retrying with backoff. Nothing is dropped:
// a notification that cannot be delivered ends as "failed", where staff see it.
package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/wxapi"
	"github.com/wxintake/intake/internal/wxtemplate"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// Kinds of notification.
const (
	KindStatus   = "status_changed"
	KindFollowUp = "followup"
	KindCreated  = "ticket_created" // a spooled case got its real number
)

// Created enqueues the notice that a case kept aside while the database was away is now
// ticket t; the customer was given reference.
func (n *Notifier) Created(ctx context.Context, t triage.Ticket, reference string) error {
	payload, _ := json.Marshal(map[string]string{"reference": reference})
	_, err := triagedb.Enqueue(ctx, n.DB, triagedb.Notification{
		TicketNumber: t.Number, OpenID: t.OpenID, Kind: KindCreated, Payload: payload, CreatedAt: n.Now(),
	})
	return err
}

// WeChat is the outbound API the notifier uses.
type WeChat interface {
	SendText(ctx context.Context, openID, text string) error
	SendTemplate(ctx context.Context, openID, templateID, url string, data map[string]string) error
}

// Conversations is what the notifier needs from the bot: the customer's window, and the
// follow-up survey started in the conversation.
type Conversations interface {
	Window(ctx context.Context, openID string) (bot.Window, error)
	CountPush(ctx context.Context, openID string) (int, error)
	Control(ctx context.Context, openID string, lines []bot.Line, fn func(d *bot.Dialog, c bot.Conversation) (bot.Conversation, error)) error
}

// Notifier changes ticket statuses with their notifications, and sends notifications.
type Notifier struct {
	DB            *gorm.DB
	Store         *triagedb.Store
	Outbox        *triagedb.Outbox
	Conversations Conversations
	WeChat        WeChat
	TemplateID    string
	Fields        map[string]string // our value → template field (see wxtemplate.Values)
	// PageURL returns the link to ticket number's customer page (package h5), which the
	// template message opens; nil or "" sends the template without a link.
	PageURL       func(number string) string
	FollowUpAfter time.Duration
	Calendar      *triage.Calendar
	Now           func() time.Time
	Log           *slog.Logger
}

type statusPayload struct {
	Status triage.Status `json:"status"`
	Note   string        `json:"note,omitempty"`
}

// ChangeStatus moves ticket number to status to, on behalf of by, and enqueues the
// customer's notification in the same transaction; on completion it also schedules the
// satisfaction survey. Errors are the store's: triage.ErrNotFound, triage.ErrConflict,
// *triage.TransitionError.
func (n *Notifier) ChangeStatus(ctx context.Context, number string, to triage.Status, by, note string) (triage.Ticket, error) {
	var out triage.Ticket
	err := n.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		store := n.Store.WithTx(tx)
		cur, err := store.Get(ctx, number)
		if err != nil {
			return err
		}
		now := n.Now()
		out, err = store.UpdateStatus(ctx, number, triage.StatusChange{From: cur.Status, To: to, At: now, By: by, Note: note})
		if err != nil {
			return err
		}
		payload, _ := json.Marshal(statusPayload{Status: to, Note: note})
		if _, err := triagedb.Enqueue(ctx, tx, triagedb.Notification{
			TicketNumber: number, OpenID: out.OpenID, Kind: KindStatus, Payload: payload, CreatedAt: now,
		}); err != nil {
			return err
		}
		if to == triage.StatusCompleted && out.Rating == 0 {
			_, err = triagedb.Enqueue(ctx, tx, triagedb.Notification{
				TicketNumber: number, OpenID: out.OpenID, Kind: KindFollowUp, CreatedAt: now, NextAttemptAt: now.Add(n.FollowUpAfter),
			})
		}
		return err
	})
	return out, err
}

// ErrOutsideWindow means the customer cannot be reached now: the customer-service window
// is closed or its quota used, and no template message is configured.
var ErrOutsideWindow = errors.New("notify: outside the customer-service window and no template configured")

// message is what a notification says: Text in the chat; Short, within 20 characters,
// in the template's text field, whose link opens the page with the rest.
type message struct {
	Text   string
	Short  string
	Status string // the status it announces; the ticket's current one when empty
	Visit  string // the visit's start in WeChat's time format, for a visit field
}

// Send delivers one notification; it is the outbox dispatcher's Send.
func (n *Notifier) Send(ctx context.Context, nt triagedb.Notification) error {
	t, err := n.Store.Get(ctx, nt.TicketNumber)
	if err != nil {
		return err
	}
	var m message
	switch nt.Kind {
	case KindStatus:
		var p statusPayload
		_ = json.Unmarshal(nt.Payload, &p)
		next := catalog.T("effects.next." + string(p.Status))
		m.Text = catalog.T("notify.status", "number", t.Number, "status", p.Status.Label(), "next", next)
		m.Short, m.Status = next, p.Status.Label()
		if p.Note != "" {
			m.Text += catalog.T("notify.note", "note", p.Note)
			m.Short = p.Note
		}
	case KindCreated:
		var p map[string]string
		_ = json.Unmarshal(nt.Payload, &p)
		m.Text = catalog.T("notify.created", "reference", p["reference"], "number", t.Number)
		m.Short = catalog.T("notify.template.created")
	case KindVisit:
		m.Text = visitText(t, nt.Payload)
		m.Short = catalog.T("notify.template.visit", "slot", visitShort(t, n.Calendar.Location()))
		if !t.VisitWindow.IsZero() {
			m.Visit = wechatTime(t.VisitWindow.Start.In(n.Calendar.Location()))
		}
	case KindNotice:
		m.Text = noticeText(nt.Payload)
		m.Short = m.Text
	case KindFollowUp:
		if t.Rating != 0 {
			return nil // rated already: nothing to ask
		}
		channel, reason, err := n.followUp(ctx, t)
		return n.record(ctx, nt, channel, reason, err)
	default:
		return fmt.Errorf("notify: unknown kind %q", nt.Kind)
	}
	if link := n.pageURL(t.Number); link != "" && (nt.Kind == KindStatus || nt.Kind == KindVisit) {
		m.Text += catalog.T("notify.page_link", "url", link)
	}
	channel, reason, err := n.deliver(ctx, t, m)
	return n.record(ctx, nt, channel, reason, err)
}

// followUp asks for the rating of completed ticket t: in the chat while the window is
// open, otherwise by a template message linking to the page where the customer rates.
func (n *Notifier) followUp(ctx context.Context, t triage.Ticket) (channel, reason string, err error) {
	m := message{Text: catalog.T("bot.rating.ask", "number", t.Number), Short: catalog.T("notify.template.followup")}
	if n.windowOpen(ctx, t.OpenID) {
		err := n.Conversations.Control(ctx, t.OpenID, nil, func(d *bot.Dialog, c bot.Conversation) (bot.Conversation, error) {
			c, ok := d.AskRating(c, t.Number)
			if !ok {
				return c, bot.ErrNotNow
			}
			return c, nil
		})
		if err != nil {
			return "", "", fmt.Errorf("notify: follow-up survey: %w", err) // retried with backoff
		}
		if link := n.pageURL(t.Number); link != "" {
			m.Text += catalog.T("notify.page_link", "url", link)
		}
	}
	return n.deliver(ctx, t, m)
}

// windowOpen reports whether the customer-service window allows a message now.
func (n *Notifier) windowOpen(ctx context.Context, openID string) bool {
	w, err := n.Conversations.Window(ctx, openID)
	if err != nil {
		return false
	}
	left, _ := w.Remaining(n.Now())
	return left > 0
}

func (n *Notifier) pageURL(number string) string {
	if n.PageURL == nil {
		return ""
	}
	return n.PageURL(number)
}

// wechatTime formats at as a template's time field wants it: 2019年10月1日 15:01.
func wechatTime(at time.Time) string { return at.Format("2006年1月2日 15:04") }

// deliver sends m as a customer-service message when the window allows, otherwise as
// a template message, and reports which (triagedb.ChannelChat, ChannelTemplate) and why a
// template (triagedb.ReasonWindow…).
func (n *Notifier) deliver(ctx context.Context, t triage.Ticket, m message) (channel, reason string, err error) {
	w, err := n.Conversations.Window(ctx, t.OpenID)
	if err != nil {
		return "", "", err
	}
	reason = triagedb.ReasonWindow
	if left, _ := w.Remaining(n.Now()); left > 0 {
		err := n.WeChat.SendText(ctx, t.OpenID, m.Text)
		if err == nil {
			_, _ = n.Conversations.CountPush(ctx, t.OpenID)
			return triagedb.ChannelChat, "", nil
		}
		var apiErr *wxapi.APIError
		if !errors.As(err, &apiErr) || (apiErr.Code != wxapi.CodeOutsideWindow && apiErr.Code != wxapi.CodeQuotaExhausted) {
			return "", "", err
		}
		// WeChat counts differently from us: fall through to the template.
		reason = triagedb.ReasonRefused
		if apiErr.Code == wxapi.CodeQuotaExhausted {
			reason = triagedb.ReasonQuota
		}
	}
	if n.TemplateID == "" {
		return "", "", ErrOutsideWindow
	}
	if m.Status == "" {
		m.Status = t.Status.Label()
	}
	values := map[string]string{
		"number": t.Number, "status": m.Status, "text": m.Short,
		"time": wechatTime(n.Now().In(n.Calendar.Location())), "product": strings.TrimSpace(t.Record.Case.Brand + t.Record.Case.CategoryName),
		"visit": m.Visit,
	}
	if values["visit"] == "" && !t.VisitWindow.IsZero() {
		values["visit"] = wechatTime(t.VisitWindow.Start.In(n.Calendar.Location()))
	}
	if err := n.WeChat.SendTemplate(ctx, t.OpenID, n.TemplateID, n.pageURL(t.Number), wxtemplate.Data(n.Fields, values)); err != nil {
		return "", "", err
	}
	return triagedb.ChannelTemplate, reason, nil
}

// record notes on notification nt how it was delivered, for staff to see; a failure to
// note it does not make the delivery fail.
func (n *Notifier) record(ctx context.Context, nt triagedb.Notification, channel, reason string, err error) error {
	if err != nil || channel == "" || n.Outbox == nil || nt.ID == 0 {
		return err
	}
	if err := n.Outbox.SetChannel(ctx, nt.ID, channel, reason); err != nil && n.Log != nil {
		n.Log.Warn("notify: record the channel", "id", nt.ID, "err", err)
	}
	return nil
}

// ParseFields reads "number=character_string1,status=phrase3" into a map.
func ParseFields(s string) map[string]string { return wxtemplate.ParseFields(s) }

// Run dispatches the outbox every interval until ctx ends.
func (n *Notifier) Run(ctx context.Context, interval time.Duration) {
	d := &triagedb.Dispatcher{Outbox: n.Outbox, Send: n.Send}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if sent, failed, err := d.RunOnce(ctx, n.Now()); err != nil && ctx.Err() == nil {
			n.Log.Warn("notify: dispatch", "sent", sent, "failed", failed, "err", err)
		} else if failed > 0 {
			n.Log.Info("notify: some notifications will be retried", "sent", sent, "failed", failed)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
