package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// VisitBooker books an engineer's visit on a ticket on behalf of a staff member and tells
// the customer (internal/notify's Notifier: the booking and its notification in one
// transaction). Errors are the store's: triage.ErrNotFound, triage.ErrConflict.
type VisitBooker interface {
	BookVisit(ctx context.Context, number string, w triage.Window, by string) (triage.Ticket, error)
}

// storeVisits books visits in the store alone, without notifying anyone: the VisitBooker
// of a service built without a notifier.
type storeVisits struct{ store triage.Store }

func (s storeVisits) BookVisit(ctx context.Context, number string, w triage.Window, _ string) (triage.Ticket, error) {
	return s.store.Update(ctx, number, func(t *triage.Ticket) error { t.VisitWindow = w; return nil })
}

// visitJSON is a ticket's visit: the window booked, if any, and the windows on offer.
type visitJSON struct {
	Booked  *windowJSON  `json:"booked"`
	Windows []windowJSON `json:"windows"`
}

type visitRequest struct {
	Start int64 `json:"start"` // the chosen window's start, Unix seconds
}

func toWindowJSON(w triage.Window) windowJSON {
	return windowJSON{Start: w.Start, End: w.End, Label: w.Label()}
}

// offered returns the visit windows offered now (VisitWindows).
func (a *api) offered() []triage.Window {
	if a.VisitWindows == nil {
		return nil
	}
	return a.VisitWindows(a.Now())
}

func (a *api) visitOf(t triage.Ticket, windows []triage.Window) visitJSON {
	v := visitJSON{Windows: make([]windowJSON, len(windows))}
	for i, w := range windows {
		v.Windows[i] = toWindowJSON(w)
	}
	if !t.VisitWindow.IsZero() {
		booked := toWindowJSON(a.local(t.VisitWindow))
		v.Booked = &booked
	}
	return v
}

// local returns w in the business time zone, where its label is written: the store
// keeps instants, not zones.
func (a *api) local(w triage.Window) triage.Window {
	loc := a.Location
	if loc == nil {
		loc = time.UTC
	}
	w.Start, w.End = w.Start.In(loc), w.End.In(loc)
	return w
}

// visit returns a ticket's booked visit and the windows on offer:
// GET /api/v1/tickets/{number}/visit.
func (a *api) visit(c echo.Context) error {
	t, err := a.Tickets.Get(c.Request().Context(), c.Param("number"))
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, a.visitOf(t, a.offered()))
}

// bookVisit books one of the offered windows for an engineer's visit and tells the
// customer: POST /api/v1/tickets/{number}/visit. 400 for a window not on offer, 409 for
// a ticket no longer open. Audited.
func (a *api) bookVisit(c echo.Context) error {
	var req visitRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	windows := a.offered()
	chosen, ok := pickWindow(windows, req.Start)
	if !ok {
		return a.fail(c, errs.InvalidField("start", "console.ticket2.visit_unknown"))
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	t, err := a.Tickets.Get(ctx, number)
	if err != nil {
		return a.fail(c, err)
	}
	if !t.Status.Open() {
		return a.fail(c, errs.E(errs.Conflict, "closed", "staff.error.conflict"))
	}
	var from string
	if !t.VisitWindow.IsZero() {
		from = a.local(t.VisitWindow).Label()
	}
	me := who(c).User
	if t, err = a.Visits.BookVisit(ctx, number, chosen, me.Username); err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me.Username, staff.ActionVisit, number, map[string]string{"from": from, "to": chosen.Label()})
	return c.JSON(http.StatusOK, a.visitOf(t, windows))
}
