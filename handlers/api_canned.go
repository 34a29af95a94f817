package handlers

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

// CannedReplies keeps the canned replies agents insert into their replies (canned.Store).
type CannedReplies interface {
	List(ctx context.Context) ([]canned.Reply, error)
	Get(ctx context.Context, id uint64) (canned.Reply, error)
	Create(ctx context.Context, r canned.Reply) (canned.Reply, error)
	Update(ctx context.Context, r canned.Reply) (canned.Reply, error)
	Delete(ctx context.Context, id uint64) error
}

// cannedJSON is a canned reply as the API shows it.
type cannedJSON struct {
	ID        uint64    `json:"id"`
	Title     string    `json:"title"`
	Label     string    `json:"label"` // what a picker shows: the title, or the start of the text
	Text      string    `json:"text"`
	CreatedBy string    `json:"created_by"`
	UpdatedBy string    `json:"updated_by"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func toCannedJSON(r canned.Reply) cannedJSON {
	return cannedJSON{ID: r.ID, Title: r.Title, Label: r.Label(), Text: r.Text, CreatedBy: r.CreatedBy,
		UpdatedBy: r.UpdatedBy, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// cannedRequest is the body of POST /canned and PUT /canned/{id}.
type cannedRequest struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// cannedAvailable answers 503 when the service runs without a canned reply store.
func (a *api) cannedAvailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if a.Canned == nil {
			return a.fail(c, errs.E(errs.Unavailable, "canned_unavailable", "console.canned.error.unavailable"))
		}
		return next(c)
	}
}

// listCanned lists the canned replies, oldest first: GET /api/v1/canned (agents, admins).
func (a *api) listCanned(c echo.Context) error {
	list, err := a.Canned.List(c.Request().Context())
	if err != nil {
		return a.fail(c, err)
	}
	out := make([]cannedJSON, len(list))
	for i, r := range list {
		out[i] = toCannedJSON(r)
	}
	return c.JSON(http.StatusOK, map[string]any{"items": out})
}

// createCanned adds a canned reply: POST /api/v1/canned (admins).
func (a *api) createCanned(c echo.Context) error {
	var req cannedRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx, me := c.Request().Context(), who(c).User.Username
	r, err := a.Canned.Create(ctx, canned.Reply{Title: req.Title, Text: req.Text, CreatedBy: me, CreatedAt: a.Now()})
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me, staff.ActionCannedCreate, cannedTarget(r.ID), map[string]string{"title": r.Title})
	return c.JSON(http.StatusCreated, toCannedJSON(r))
}

// updateCanned replaces a canned reply's title and text: PUT /api/v1/canned/{id} (admins).
func (a *api) updateCanned(c echo.Context) error {
	id, err := cannedID(c)
	if err != nil {
		return a.fail(c, err)
	}
	var req cannedRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx, me := c.Request().Context(), who(c).User.Username
	r, err := a.Canned.Update(ctx, canned.Reply{ID: id, Title: req.Title, Text: req.Text, UpdatedBy: me, UpdatedAt: a.Now()})
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me, staff.ActionCannedUpdate, cannedTarget(r.ID), map[string]string{"title": r.Title})
	return c.JSON(http.StatusOK, toCannedJSON(r))
}

// deleteCanned removes a canned reply: DELETE /api/v1/canned/{id} (admins).
func (a *api) deleteCanned(c echo.Context) error {
	id, err := cannedID(c)
	if err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	r, err := a.Canned.Get(ctx, id)
	if err != nil {
		return a.fail(c, err)
	}
	if err := a.Canned.Delete(ctx, id); err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, who(c).User.Username, staff.ActionCannedDelete, cannedTarget(id), map[string]string{"title": r.Title})
	return c.NoContent(http.StatusNoContent)
}

// cannedID reads the {id} of the path; one that is not a number names no reply.
func cannedID(c echo.Context) (uint64, error) {
	id, err := strconv.ParseUint(c.Param("id"), 10, 64)
	if err != nil || id == 0 {
		return 0, canned.ErrNotFound
	}
	return id, nil
}

// cannedTarget is a reply as the audit log names it.
func cannedTarget(id uint64) string { return "canned:" + strconv.FormatUint(id, 10) }
