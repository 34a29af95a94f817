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

// StatusChanger moves a ticket along its lifecycle on behalf of a staff member and tells
// the customer (internal/notify's Notifier: the change and its notification in one
// transaction). Errors are the store's: triage.ErrNotFound, triage.ErrConflict,
// *triage.TransitionError.
type StatusChanger interface {
	ChangeStatus(ctx context.Context, number string, to triage.Status, by, note string) (triage.Ticket, error)
}

// storeStatuses changes statuses in the store alone, without notifying anyone: the
// StatusChanger of a service built without a notifier.
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
	if !req.Status.Valid() {
		return a.fail(c, errs.InvalidField("status", "staff.error.unknown_status"))
	}
	if len([]rune(req.Note)) > staff.MaxNote {
		return a.fail(c, errs.InvalidField("note", "staff.invalid.note", "max", staff.MaxNote))
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	t, err := a.Tickets.Get(ctx, number)
	if err != nil {
		return a.fail(c, err)
	}
	me, from := who(c).User, t.Status
	t, err = a.Statuses.ChangeStatus(ctx, number, req.Status, me.Username, req.Note)
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me.Username, staff.ActionStatus, number, map[string]string{
		"from": string(from), "to": string(req.Status), "note": req.Note,
	})
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
	if err := staff.CheckNoteText(req.Text); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	if _, err := a.Tickets.Get(ctx, number); err != nil {
		return a.fail(c, err)
	}
	n, err := a.Notes.AddNote(ctx, staff.Note{Ticket: number, Author: who(c).User.Username, Text: req.Text, At: a.Now()})
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusCreated, toNoteJSON(n))
}

type assignRequest struct {
	Assignee *string `json:"assignee"` // absent with a group: unchanged; absent alone: ""
	Group    *string `json:"group"`    // absent: unchanged
}

// assign sets who handles a ticket: POST /api/v1/tickets/{number}/assign. With
// PermAssignTickets (admin) to any agent or admin, or to nobody (""), and to any staff
// group (Deps.Groups). Otherwise only a claim — to oneself, of a ticket nobody holds — or
// a release of one's own ticket.
func (a *api) assign(c echo.Context) error {
	var req assignRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	me := who(c).User
	anyone := me.Can(staff.PermAssignTickets)
	if req.Group != nil {
		if !anyone {
			return a.fail(c, errs.E(errs.Forbidden, "forbidden", "staff.error.assign_self_only"))
		}
		if !a.knownGroup(*req.Group) {
			return a.fail(c, errs.InvalidField("group", "console.ticket2.unknown_group"))
		}
		if req.Assignee == nil {
			return a.moveGroup(c, me, *req.Group)
		}
	}
	var to string
	if req.Assignee != nil {
		to = staff.NormalizeUsername(*req.Assignee)
	}
	if !anyone && to != "" && to != me.Username {
		return a.fail(c, errs.E(errs.Forbidden, "forbidden", "staff.error.assign_self_only"))
	}
	if to != "" && to != me.Username {
		u, err := a.Staff.User(ctx, to)
		if err != nil || !u.Can(staff.PermWriteTickets) {
			return a.fail(c, errs.InvalidField("assignee", "staff.error.invalid_assignee"))
		}
	}
	number := c.Param("number")
	var from, fromGroup string
	t, err := a.Tickets.Update(ctx, number, func(t *triage.Ticket) error {
		from, fromGroup = t.Assignee, t.Group
		if !anyone && t.Assignee != "" && t.Assignee != me.Username {
			return errs.E(errs.Conflict, "already_assigned", "staff.error.already_assigned", "assignee", t.Assignee)
		}
		t.Assignee, t.UpdatedAt = to, a.Now()
		if req.Group != nil {
			t.Group = *req.Group
		}
		return nil
	})
	if err != nil {
		return a.fail(c, err)
	}
	if from != to {
		a.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"from": from, "to": to})
	}
	if req.Group != nil && fromGroup != t.Group {
		a.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"group_from": fromGroup, "group_to": t.Group})
	}
	return c.JSON(http.StatusOK, toTicketItem(t, me.Can(staff.PermReadCustomerPII)))
}

// knownGroup reports whether name is one of the staff groups.
func (a *api) knownGroup(name string) bool {
	for _, g := range a.Groups {
		if g.Name == name {
			return true
		}
	}
	return false
}

// moveGroup routes a ticket to another staff group, keeping its assignee. Audited.
func (a *api) moveGroup(c echo.Context, me staff.User, group string) error {
	ctx := c.Request().Context()
	number := c.Param("number")
	var from string
	t, err := a.Tickets.Update(ctx, number, func(t *triage.Ticket) error {
		from, t.Group, t.UpdatedAt = t.Group, group, a.Now()
		return nil
	})
	if err != nil {
		return a.fail(c, err)
	}
	if from != group {
		a.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"group_from": from, "group_to": group})
	}
	return c.JSON(http.StatusOK, toTicketItem(t, me.Can(staff.PermReadCustomerPII)))
}
