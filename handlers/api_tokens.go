package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

type tokenJSON struct {
	ID         uint64    `json:"id"`
	Name       string    `json:"name"`
	Token      string    `json:"token,omitempty"` // only in the answer that creates it
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
}

func toTokenJSON(s staff.Session) tokenJSON {
	return tokenJSON{ID: s.ID, Name: s.Name, CreatedAt: s.CreatedAt, ExpiresAt: s.ExpiresAt, LastSeenAt: s.LastSeenAt}
}

type createTokenRequest struct {
	Name        string `json:"name"`
	ExpiresDays int    `json:"expires_days"`
}

// createToken makes a personal API token, shown once: POST /api/v1/tokens. It needs a
// login session: a token cannot mint further tokens, so a leaked one cannot entrench
// itself.
func (a *api) createToken(c echo.Context) error {
	p := who(c)
	if p.Session.Kind != staff.KindSession {
		return a.fail(c, errs.E(errs.Forbidden, "login_required", "staff.error.login_required"))
	}
	var req createTokenRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	if err := staff.CheckTokenName(req.Name); err != nil {
		return a.fail(c, err)
	}
	switch {
	case req.ExpiresDays == 0:
		req.ExpiresDays = staff.DefaultAPITokenDays
	case req.ExpiresDays < 0 || req.ExpiresDays > staff.MaxAPITokenDays:
		return a.fail(c, errs.InvalidField("expires_days", "staff.invalid.token_days", "max", staff.MaxAPITokenDays))
	}
	now := a.Now()
	token, hash := staff.NewToken(staff.KindAPI)
	ctx := c.Request().Context()
	s, err := a.Staff.CreateSession(ctx, staff.Session{UserID: p.User.ID, Kind: staff.KindAPI, Name: req.Name,
		TokenHash: hash, CreatedAt: now, ExpiresAt: now.AddDate(0, 0, req.ExpiresDays)})
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, p.User.Username, staff.ActionTokenCreate, strconv.FormatUint(s.ID, 10),
		map[string]any{"name": s.Name, "expires_at": s.ExpiresAt})
	out := toTokenJSON(s)
	out.Token = token
	return c.JSON(http.StatusCreated, out)
}

// listTokens lists the caller's API tokens, without the tokens: GET /api/v1/tokens.
func (a *api) listTokens(c echo.Context) error {
	p := who(c)
	sessions, err := a.Staff.Sessions(c.Request().Context(), p.User.ID, staff.KindAPI, a.Now())
	if err != nil {
		return a.fail(c, err)
	}
	out := make([]tokenJSON, len(sessions))
	for i, s := range sessions {
		out[i] = toTokenJSON(s)
	}
	return c.JSON(http.StatusOK, map[string]any{"items": out})
}

// revokeToken deletes one of the caller's API tokens: DELETE /api/v1/tokens/{id}.
func (a *api) revokeToken(c echo.Context) error {
	p := who(c)
	id, err := strconv.ParseUint(c.Param("id"), 10, 64)
	notFound := errs.E(errs.NotFound, "token_not_found", "staff.error.token_not_found")
	if err != nil {
		return a.fail(c, notFound)
	}
	ctx := c.Request().Context()
	tokens, err := a.Staff.Sessions(ctx, p.User.ID, staff.KindAPI, a.Now())
	if err != nil {
		return a.fail(c, err)
	}
	found := false
	for _, t := range tokens {
		found = found || t.ID == id
	}
	if !found {
		return a.fail(c, notFound)
	}
	if _, err := a.Staff.DeleteSession(ctx, p.User.ID, id); err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, p.User.Username, staff.ActionTokenRevoke, strconv.FormatUint(id, 10), nil)
	return c.NoContent(http.StatusNoContent)
}
