package handlers

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/triage/triagedb"
)

// Outbox is the notification outbox as staff see it: what could not be delivered, and a
// way to try again.
type Outbox interface {
	ListFailed(ctx context.Context, limit int) ([]triagedb.Notification, error)
	Retry(ctx context.Context, id int64, now time.Time) error
}

type notificationJSON struct {
	ID        int64     `json:"id"`
	Ticket    string    `json:"ticket"`
	Kind      string    `json:"kind"`
	Attempts  int       `json:"attempts"`
	LastError string    `json:"last_error"`
	CreatedAt time.Time `json:"created_at"`
}

// failedNotifications lists notifications given up after every retry, newest first:
// GET /api/v1/notifications/failed.
func (a *api) failedNotifications(c echo.Context) error {
	ns, err := a.Outbox.ListFailed(c.Request().Context(), 200)
	if err != nil {
		return a.fail(c, err)
	}
	items := make([]notificationJSON, len(ns))
	for i, n := range ns {
		items[i] = notificationJSON{ID: n.ID, Ticket: n.TicketNumber, Kind: n.Kind, Attempts: n.Attempts, LastError: n.LastError, CreatedAt: n.CreatedAt}
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items})
}

// retryNotification schedules a failed notification again: POST
// /api/v1/notifications/{id}/retry.
func (a *api) retryNotification(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return a.fail(c, errs.InvalidField("id", "staff.error.bad_query", "field", "id"))
	}
	if err := a.Outbox.Retry(c.Request().Context(), id, time.Now()); err != nil {
		return a.fail(c, err)
	}
	return c.NoContent(http.StatusNoContent)
}
