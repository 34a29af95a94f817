package handlers

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

type auditJSON struct {
	ID     uint64          `json:"id"`
	At     time.Time       `json:"at"`
	Actor  string          `json:"actor"`
	Action string          `json:"action"`
	Target string          `json:"target"`
	Detail json.RawMessage `json:"detail"`
}

// auditLog reads the audit log, newest first: GET /api/v1/audit (admin). Filters: actor,
// action, target, since and until (RFC 3339).
func (a *api) auditLog(c echo.Context) error {
	page, per, err := paging(c, 50, 500)
	if err != nil {
		return a.fail(c, err)
	}
	f := staff.AuditFilter{Actor: c.QueryParam("actor"), Action: c.QueryParam("action"), Target: c.QueryParam("target")}
	for name, dst := range map[string]*time.Time{"since": &f.Since, "until": &f.Until} {
		if s := c.QueryParam(name); s != "" {
			if *dst, err = time.Parse(time.RFC3339, s); err != nil {
				return a.fail(c, errs.InvalidField(name, "staff.error.bad_query", "field", name))
			}
		}
	}
	entries, total, err := a.Audit.Audit(c.Request().Context(), f, staff.Page{Offset: (page - 1) * per, Limit: per})
	if err != nil {
		return a.fail(c, err)
	}
	out := make([]auditJSON, len(entries))
	for i, e := range entries {
		out[i] = auditJSON{ID: e.ID, At: e.At, Actor: e.Actor, Action: e.Action, Target: e.Target, Detail: e.Detail}
	}
	return c.JSON(http.StatusOK, map[string]any{"items": out, "total": total, "page": page, "per_page": per})
}
