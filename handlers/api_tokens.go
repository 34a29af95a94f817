package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/service/accounts"
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
	s, token, err := a.gate.CreateToken(c.Request().Context(), p.User, p.Session, req.Name, req.ExpiresDays)
	if err != nil {
		return a.fail(c, err)
	}
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
	id, err := strconv.ParseUint(c.Param("id"), 10, 64)
	if err != nil {
		return a.fail(c, accounts.ErrTokenNotFound)
	}
	p := who(c)
	if err := a.gate.RevokeToken(c.Request().Context(), p.User, id); err != nil {
		return a.fail(c, err)
	}
	return c.NoContent(http.StatusNoContent)
}
