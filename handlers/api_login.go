package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/service/accounts"
	"github.com/wxintake/intake/staff"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type loginResponse struct {
	Token     string    `json:"token"`
	TokenType string    `json:"token_type"`
	ExpiresAt time.Time `json:"expires_at"`
	CSRFToken string    `json:"csrf_token"`
	User      userJSON  `json:"user"`
}

// login checks a username and password and opens a new session, revoking the session
// the request came with: POST /api/v1/login (accounts.Gate.Login: the throttles, the
// equal cost of unknown names, the audit). The address is the client's behind a trusted
// proxy (clientIP).
func (a *api) login(c echo.Context) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	in := accounts.Attempt{Username: req.Username, Password: req.Password, IP: clientIP(c)}
	if p := who(c); p != nil {
		in.Current = &p.Session
	}
	signed, err := a.gate.Login(c.Request().Context(), in)
	if err != nil {
		return a.fail(c, err)
	}
	a.setSessionCookie(c, signed.Token, signed.Session.ExpiresAt)
	return c.JSON(http.StatusOK, loginResponse{
		Token: signed.Token, TokenType: "Bearer", ExpiresAt: signed.Session.ExpiresAt, CSRFToken: staff.CSRFToken(signed.Token),
		User: toUserJSON(signed.User),
	})
}

// logout revokes the session or token the request came with: POST /api/v1/logout.
func (a *api) logout(c echo.Context) error {
	p := who(c)
	if err := a.gate.Logout(c.Request().Context(), p.User, p.Session); err != nil {
		return a.fail(c, err)
	}
	if p.cookie {
		a.clearSessionCookie(c)
	}
	return c.NoContent(http.StatusNoContent)
}

type sessionResponse struct {
	User        userJSON           `json:"user"`
	Permissions []staff.Permission `json:"permissions"`
	Kind        staff.Kind         `json:"kind"`
	ExpiresAt   time.Time          `json:"expires_at"`
	CSRFToken   string             `json:"csrf_token,omitempty"`
}

// session says who is signed in, with what rights, and the CSRF token pages and cookie
// clients send back: GET /api/v1/session.
func (a *api) session(c echo.Context) error {
	p := who(c)
	resp := sessionResponse{User: toUserJSON(p.User), Permissions: p.User.Role.Permissions(),
		Kind: p.Session.Kind, ExpiresAt: p.Session.ExpiresAt}
	if p.Session.Kind == staff.KindSession {
		resp.CSRFToken = staff.CSRFToken(p.token)
	}
	return c.JSON(http.StatusOK, resp)
}
