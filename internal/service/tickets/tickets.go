// Package tickets holds what staff do to a ticket — change its status, assign or claim
// it, move it to another group, write a note, book an engineer's visit, take the chat
// over and hand it back — as one method per use case. Each method checks the rule,
// makes the change through the stores and writes the use case's audit entry (one action
// name per use case, staff.Action…), so the JSON API, the console and the command line
// are thin adapters over the same code. Refusals are *errs.Error kinds; the stores'
// errors pass through (triage.ErrNotFound, triage.ErrConflict, *triage.TransitionError).
//
// The model is gitea's services/issue: ChangeStatus(ctx, doer, issue, …) holds the rule,
// the audit entry and the notification; the HTTP handler, the web page and the CLI call it.
package tickets

import (
	"context"
	"log/slog"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// StatusChanger moves a ticket along its lifecycle on behalf of a staff member and tells
// the customer (internal/notify's Notifier: the change and its notification in one
// transaction). Errors are the store's: triage.ErrNotFound, triage.ErrConflict,
// *triage.TransitionError.
type StatusChanger interface {
	ChangeStatus(ctx context.Context, number string, to triage.Status, by, note string) (triage.Ticket, error)
}

// VisitBooker books an engineer's visit on a ticket on behalf of a staff member and tells
// the customer (internal/notify's Notifier: the booking and its notification in one
// transaction). Errors are the store's: triage.ErrNotFound, triage.ErrConflict.
type VisitBooker interface {
	BookVisit(ctx context.Context, number string, w triage.Window, by string) (triage.Ticket, error)
}

// Chat takes a customer's conversation over from the bot and gives it back
// (internal/livechat.Chat). Refusals are *errs.Error: someone else holds the chat
// (errs.Conflict), it is not by's to hand back (errs.Forbidden), chat is not set up
// (staff.ErrChatUnavailable).
type Chat interface {
	Takeover(ctx context.Context, number string, by staff.User) (staff.Handover, error)
	Handback(ctx context.Context, number string, by staff.User) (staff.Handover, error)
}

// Users looks staff accounts up (staff.Store).
type Users interface {
	User(ctx context.Context, username string) (staff.User, error)
}

// NoteAdder writes internal notes (staff.Notes).
type NoteAdder interface {
	AddNote(ctx context.Context, n staff.Note) (staff.Note, error)
}

// Service carries out staff's ticket use cases. Statuses and Visits default to the store
// alone (nobody is told), Chat to one that is unavailable, Now to time.Now, Location to
// UTC; Notes may be nil (no hand-over notes).
type Service struct {
	Tickets  triage.Store
	Users    Users
	Notes    NoteAdder
	Audit    staff.Auditor
	Statuses StatusChanger
	Visits   VisitBooker
	Chat     Chat
	Groups   []triage.Group // the staff groups a ticket may be moved to
	Location *time.Location // the business time zone visit labels are written in
	Now      func() time.Time
	Log      *slog.Logger
}

// New returns s with its defaults filled in.
func New(s Service) *Service {
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Location == nil {
		s.Location = time.UTC
	}
	if s.Statuses == nil {
		s.Statuses = storeStatuses{store: s.Tickets, now: s.Now}
	}
	if s.Visits == nil {
		s.Visits = storeVisits{store: s.Tickets}
	}
	if s.Chat == nil {
		s.Chat = unavailableChat{}
	}
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	return &s
}

// ChangeStatus moves ticket number to status to, on behalf of me, with an optional note
// that goes into the history. errs.Invalid for an unknown status or a note too long;
// the lifecycle's *triage.TransitionError; triage.ErrConflict for a lost race. Audited
// as staff.ActionStatus.
func (s *Service) ChangeStatus(ctx context.Context, me staff.User, number string, to triage.Status, note string) (triage.Ticket, error) {
	if !to.Valid() {
		return triage.Ticket{}, errs.InvalidField("status", "staff.error.unknown_status")
	}
	if len([]rune(note)) > staff.MaxNote {
		return triage.Ticket{}, errs.InvalidField("note", "staff.invalid.note", "max", staff.MaxNote)
	}
	t, err := s.Tickets.Get(ctx, number)
	if err != nil {
		return triage.Ticket{}, err
	}
	from := t.Status
	if t, err = s.Statuses.ChangeStatus(ctx, number, to, me.Username, note); err != nil {
		return triage.Ticket{}, err
	}
	s.audit(ctx, me.Username, staff.ActionStatus, number, map[string]string{
		"from": string(from), "to": string(to), "note": note,
	})
	return t, nil
}

// AddNote writes an internal note by me on ticket number, never sent to the customer.
func (s *Service) AddNote(ctx context.Context, me staff.User, number, text string) (staff.Note, error) {
	if err := staff.CheckNoteText(text); err != nil {
		return staff.Note{}, err
	}
	if _, err := s.Tickets.Get(ctx, number); err != nil {
		return staff.Note{}, err
	}
	return s.Notes.AddNote(ctx, staff.Note{Ticket: number, Author: me.Username, Text: text, At: s.Now()})
}

// Assign sets who handles ticket number and in which group. A nil assignee with a group
// leaves the assignee as it is; a nil assignee alone unassigns. With
// staff.PermAssignTickets (admins) me may give the ticket to any staff member who can
// write tickets, or to nobody, and move it to any of Groups. Anyone else may only claim
// it — for themselves, when nobody holds it (errs.Conflict "already_assigned" when
// someone does) — or release their own (errs.Forbidden otherwise). Audited as
// staff.ActionAssign, once for the assignee and once for the group, each when it changed.
func (s *Service) Assign(ctx context.Context, me staff.User, number string, assignee, group *string) (triage.Ticket, error) {
	anyone := me.Can(staff.PermAssignTickets)
	if group != nil {
		if !anyone {
			return triage.Ticket{}, errs.E(errs.Forbidden, "forbidden", "staff.error.assign_self_only")
		}
		if !s.knownGroup(*group) {
			return triage.Ticket{}, errs.InvalidField("group", "console.ticket2.unknown_group")
		}
		if assignee == nil {
			return s.moveGroup(ctx, me, number, *group)
		}
	}
	var to string
	if assignee != nil {
		to = staff.NormalizeUsername(*assignee)
	}
	if !anyone && to != "" && to != me.Username {
		return triage.Ticket{}, errs.E(errs.Forbidden, "forbidden", "staff.error.assign_self_only")
	}
	if to != "" && to != me.Username {
		u, err := s.Users.User(ctx, to)
		if err != nil || !u.Can(staff.PermWriteTickets) {
			return triage.Ticket{}, errs.InvalidField("assignee", "staff.error.invalid_assignee")
		}
	}
	var from, fromGroup string
	t, err := s.Tickets.Update(ctx, number, func(t *triage.Ticket) error {
		from, fromGroup = t.Assignee, t.Group
		if !anyone && t.Assignee != "" && t.Assignee != me.Username {
			return errs.E(errs.Conflict, "already_assigned", "staff.error.already_assigned", "assignee", t.Assignee)
		}
		t.Assignee, t.UpdatedAt = to, s.Now()
		if group != nil {
			t.Group = *group
		}
		return nil
	})
	if err != nil {
		return triage.Ticket{}, err
	}
	if from != to {
		s.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"from": from, "to": to})
	}
	if group != nil && fromGroup != t.Group {
		s.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"group_from": fromGroup, "group_to": t.Group})
	}
	return t, nil
}

// knownGroup reports whether name is one of the staff groups.
func (s *Service) knownGroup(name string) bool {
	for _, g := range s.Groups {
		if g.Name == name {
			return true
		}
	}
	return false
}

// moveGroup routes a ticket to another staff group, keeping its assignee. Audited.
func (s *Service) moveGroup(ctx context.Context, me staff.User, number, group string) (triage.Ticket, error) {
	var from string
	t, err := s.Tickets.Update(ctx, number, func(t *triage.Ticket) error {
		from, t.Group, t.UpdatedAt = t.Group, group, s.Now()
		return nil
	})
	if err != nil {
		return triage.Ticket{}, err
	}
	if from != group {
		s.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"group_from": from, "group_to": group})
	}
	return t, nil
}

// BookVisit books window w for an engineer's visit to the customer of ticket number and
// tells them. errs.Conflict "closed" for a ticket no longer open. Audited as
// staff.ActionVisit with the labels of the window before and after. Which windows are
// on offer is the caller's (triage.Calendar's) to say.
func (s *Service) BookVisit(ctx context.Context, me staff.User, number string, w triage.Window) (triage.Ticket, error) {
	t, err := s.Tickets.Get(ctx, number)
	if err != nil {
		return triage.Ticket{}, err
	}
	if !t.Status.Open() {
		return triage.Ticket{}, errs.E(errs.Conflict, "closed", "staff.error.conflict")
	}
	var from string
	if !t.VisitWindow.IsZero() {
		from = s.Local(t.VisitWindow).Label()
	}
	if t, err = s.Visits.BookVisit(ctx, number, w, me.Username); err != nil {
		return triage.Ticket{}, err
	}
	s.audit(ctx, me.Username, staff.ActionVisit, number, map[string]string{"from": from, "to": w.Label()})
	return t, nil
}

// Local returns w in the business time zone, where its label is written: the store
// keeps instants, not zones.
func (s *Service) Local(w triage.Window) triage.Window {
	w.Start, w.End = w.Start.In(s.Location), w.End.In(s.Location)
	return w
}

// Takeover pauses the bot for the customer of ticket number: their messages go to me
// until Handback. Audited as staff.ActionTakeover, with whose the chat was when an admin
// took it from another agent; that agent finds a note on the ticket saying so.
func (s *Service) Takeover(ctx context.Context, me staff.User, number string) (staff.Handover, error) {
	return s.chatAction(ctx, me, number, staff.ActionTakeover, s.Chat.Takeover)
}

// Handback gives the conversation of ticket number back to the bot. A hand-back that
// changed nothing (nobody held the chat) is not recorded; otherwise audited as
// staff.ActionHandback like Takeover.
func (s *Service) Handback(ctx context.Context, me staff.User, number string) (staff.Handover, error) {
	return s.chatAction(ctx, me, number, staff.ActionHandback, s.Chat.Handback)
}

func (s *Service) chatAction(ctx context.Context, me staff.User, number, action string,
	do func(context.Context, string, staff.User) (staff.Handover, error)) (staff.Handover, error) {
	if _, err := s.Tickets.Get(ctx, number); err != nil {
		return staff.Handover{}, err
	}
	h, err := do(ctx, number, me)
	if err != nil || h.Noop {
		return h, err
	}
	var detail any
	if h.From != "" {
		detail = map[string]string{"from": h.From}
		s.noteHandover(ctx, number, action, me, h.From)
	}
	s.audit(ctx, me.Username, action, number, detail)
	return h, nil
}

// noteHandover leaves a note on the ticket telling agent that me took over or handed back
// the chat they held; the console shows it with the ticket.
func (s *Service) noteHandover(ctx context.Context, number, action string, me staff.User, agent string) {
	if s.Notes == nil {
		return
	}
	name := agent
	if u, err := s.Users.User(ctx, agent); err == nil {
		name = u.Name() + "（" + agent + "）"
	}
	key := "staff.chat.taken_from"
	if action == staff.ActionHandback {
		key = "staff.chat.handed_back_for"
	}
	text := catalog.T(key, "admin", me.Name()+"（"+me.Username+"）", "agent", name)
	if _, err := s.Notes.AddNote(ctx, staff.Note{Ticket: number, Author: me.Username, Text: text, At: s.Now()}); err != nil {
		s.Log.Warn("note on a chat taken from another agent", "ticket", number, "err", err)
	}
}

// audit records an entry; a failure is logged, never the use case's failure.
func (s *Service) audit(ctx context.Context, actor, action, target string, detail any) {
	if err := s.Audit.Record(ctx, actor, action, target, detail); err != nil {
		s.Log.Error("audit record failed", "action", action, "target", target, "err", err)
	}
}

// storeStatuses changes statuses in the store alone, without notifying anyone.
type storeStatuses struct {
	store triage.Store
	now   func() time.Time
}

func (s storeStatuses) ChangeStatus(ctx context.Context, number string, to triage.Status, by, note string) (triage.Ticket, error) {
	t, err := s.store.Get(ctx, number)
	if err != nil {
		return triage.Ticket{}, err
	}
	return s.store.UpdateStatus(ctx, number, triage.StatusChange{From: t.Status, To: to, At: s.now(), By: by, Note: note})
}

// storeVisits books visits in the store alone, without notifying anyone.
type storeVisits struct{ store triage.Store }

func (s storeVisits) BookVisit(ctx context.Context, number string, w triage.Window, _ string) (triage.Ticket, error) {
	return s.store.Update(ctx, number, func(t *triage.Ticket) error { t.VisitWindow = w; return nil })
}

// unavailableChat is the Chat of a service without live chat.
type unavailableChat struct{}

func (unavailableChat) Takeover(context.Context, string, staff.User) (staff.Handover, error) {
	return staff.Handover{}, staff.ErrChatUnavailable
}

func (unavailableChat) Handback(context.Context, string, staff.User) (staff.Handover, error) {
	return staff.Handover{}, staff.ErrChatUnavailable
}
