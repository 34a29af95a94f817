package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/service/tickets"
	"github.com/wxintake/intake/triage"
)

// VisitBooker books an engineer's visit and tells the customer (tickets.VisitBooker);
// store-only when Deps.Visits is nil.
type VisitBooker = tickets.VisitBooker

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
	t, err := a.tickets.BookVisit(c.Request().Context(), who(c).User, c.Param("number"), chosen)
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, a.visitOf(t, windows))
}
