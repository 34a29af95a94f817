package triage

import (
	"context"
	"github.com/wxintake/intake/internal/errs"
)

// Store keeps tickets, their status history and transcripts. The implementation lives in
// triage/triagedb; every method is safe for concurrent use.
type Store interface {
	// Create stores t as a new ticket unless one with the same t.CaseKey exists, so a
	// retried escalation never opens a second ticket. It returns the stored ticket and
	// whether it was created now. On creation the store assigns Number from t.CreatedAt's
	// date (in the service's location) and that day's next sequence (see FormatNumber),
	// sets Status to StatusNew when empty and UpdatedAt to CreatedAt, and records the
	// first history entry. An existing ticket is returned unchanged. t.CaseKey must not
	// be empty.
	Create(ctx context.Context, t Ticket) (Ticket, bool, error)

	// Get returns the ticket with the given number, or ErrNotFound.
	Get(ctx context.Context, number string) (Ticket, error)

	// ListOpen returns the open tickets (Status.Open) matching f, urgent first (by
	// Priority.Rank), then by the earliest SLA deadline (Result.SLA.FirstResponseBy), then
	// by number; and how many match in all, for paging.
	ListOpen(ctx context.Context, f Filter, p Page) ([]Ticket, int, error)

	// ListByOpenID returns a customer's tickets, newest first, at most limit of them.
	ListByOpenID(ctx context.Context, openID string, limit int) ([]Ticket, error)

	// ListRepaired returns a customer's completed or closed tickets of one category, newest
	// first, at most limit of them: the earlier repairs a new case of that product is
	// compared with (a repeated fault, the 三包 repair count).
	ListRepaired(ctx context.Context, openID, category string, limit int) ([]Ticket, error)

	// UpdateStatus moves the ticket to ch.To and appends ch to its history, atomically. It
	// returns ErrNotFound for an unknown number, ErrConflict when the ticket is no longer in
	// ch.From (someone else moved it first), and a *TransitionError when the lifecycle does
	// not allow the change. UpdatedAt becomes ch.At.
	UpdateStatus(ctx context.Context, number string, ch StatusChange) (Ticket, error)

	// Update changes the other fields of a ticket (assignee, group, visit window, rating…)
	// in one transaction: it loads the ticket, calls fn and saves what fn left, unless fn
	// returns an error, which Update returns. fn must not change Number, CaseKey or Status;
	// the store rejects such a change with ErrConflict. ErrNotFound for an unknown number.
	Update(ctx context.Context, number string, fn func(*Ticket) error) (Ticket, error)

	// SetVisit books the visit window w on the customer's ticket: the ticket numbered
	// number whose OpenID is openID, else ErrNotFound. One write, for the bot's hot path;
	// staff changes go through Update.
	SetVisit(ctx context.Context, number, openID string, w Window) error

	// History returns the ticket's status changes, oldest first.
	History(ctx context.Context, number string) ([]StatusChange, error)

	// AppendTranscript adds entries to the ticket's transcript in the given order.
	// ErrNotFound for an unknown number.
	AppendTranscript(ctx context.Context, number string, entries ...TranscriptEntry) error

	// Transcript returns the ticket's transcript, oldest first.
	Transcript(ctx context.Context, number string) ([]TranscriptEntry, error)
}

// Filter narrows a ticket list; zero fields do not filter.
type Filter struct {
	Statuses   []Status // among the open statuses; empty means all open ones
	Priority   Priority
	Group      string
	Assignee   string
	Unassigned bool // only tickets nobody has taken
	Category   string
	Complaint  bool // only complaint risks (Ticket.Complaint)
}

// Page selects part of a list: Limit items after skipping Offset. A zero Limit means the
// store's default page size.
type Page struct {
	Offset int
	Limit  int
}

// The errors a Store returns, matched with errors.Is.
var (
	ErrNotFound = errs.Sentinel(errs.NotFound, "ticket_not_found", "staff.error.ticket_not_found", "triage: ticket not found")
	ErrConflict = errs.Sentinel(errs.Conflict, "conflict", "staff.error.conflict", "triage: ticket changed concurrently")
)
