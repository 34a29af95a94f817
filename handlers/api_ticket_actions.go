package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/service/tickets"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// StatusChanger moves a ticket along its lifecycle and tells the customer
// (tickets.StatusChanger); store-only when Deps.Statuses is nil.
type StatusChanger = tickets.StatusChanger

type statusRequest struct {
	Status triage.Status `json:"status"`
	Note   string        `json:"note"`
}

// setStatus moves a ticket along its lifecycle: POST /api/v1/tickets/{number}/status.
// 400 for an unknown status, 409 for a change the lifecycle forbids or that lost a race.
func (a *api) setStatus(c echo.Context) error {
	var req statusRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	me := who(c).User
	t, err := a.tickets.ChangeStatus(c.Request().Context(), me, c.Param("number"), req.Status, req.Note)
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, toTicketItem(t, me.Can(staff.PermReadCustomerPII)))
}

type noteRequest struct {
	Text string `json:"text"`
}

// addNote writes an internal note on a ticket, never sent to the customer:
// POST /api/v1/tickets/{number}/notes.
func (a *api) addNote(c echo.Context) error {
	var req noteRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	n, err := a.tickets.AddNote(c.Request().Context(), who(c).User, c.Param("number"), req.Text)
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusCreated, toNoteJSON(n))
}

type assignRequest struct {
	Assignee *string `json:"assignee"` // absent with a group: unchanged; absent alone: ""
	Group    *string `json:"group"`    // absent: unchanged
}

// assign sets who handles a ticket and in which group: POST
// /api/v1/tickets/{number}/assign. The rule (admins assign anyone, others only claim or
// release) is tickets.Service.Assign's.
func (a *api) assign(c echo.Context) error {
	var req assignRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	me := who(c).User
	t, err := a.tickets.Assign(c.Request().Context(), me, c.Param("number"), req.Assignee, req.Group)
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, toTicketItem(t, me.Can(staff.PermReadCustomerPII)))
}
