package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
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

// login checks a username and password and opens a new session: POST /api/v1/login.
// Attempts are counted before the password is checked, atomically (staff.Throttle
// Attempt), so concurrent guesses cannot outrun the count: per username from anywhere
// (a delay that grows, never a lockout), per address, and per username and address
// (lockouts). The address is the client's behind a trusted proxy (clientIP). An unknown
// or disabled username costs the same bcrypt time as a wrong password and gets the same
// answer. Each login makes a new token and revokes the session the request came with, so
// a session id planted before login is never promoted.
func (a *api) login(c echo.Context) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	username := staff.NormalizeUsername(req.Username)
	if username == "" || req.Password == "" {
		return a.fail(c, errs.E(errs.Invalid, "bad_request", "staff.error.login_incomplete"))
	}
	ip := clientIP(c)
	nameKey, addrKey, userKey := staff.UsernameKey(username), staff.AddressKey(ip), staff.LoginKey(username, ip)

	// The username's delay first: an attempt it refuses is counted nowhere, so guesses
	// from elsewhere never add to the real user's own lockout.
	if a.Usernames != nil {
		wait, _, err := a.Usernames.Attempt(ctx, nameKey)
		if err != nil {
			return a.fail(c, err)
		}
		if wait > 0 {
			return a.slowDown(c, wait)
		}
	}
	wait, addrLock, err := a.Addresses.Attempt(ctx, addrKey)
	if err != nil {
		return a.fail(c, err)
	}
	if wait > 0 {
		return a.locked(c, wait)
	}
	wait, userLock, err := a.Logins.Attempt(ctx, userKey)
	if err != nil {
		return a.fail(c, err)
	}
	if wait > 0 {
		return a.locked(c, wait)
	}

	user, hash, err := a.Staff.PasswordHash(ctx, username)
	reason := ""
	switch {
	case errors.Is(err, staff.ErrUserNotFound):
		reason, hash = "bad_credentials", nil
	case err != nil:
		return a.fail(c, err)
	case user.Disabled:
		reason, hash = "disabled", nil
	}
	if !staff.ComparePassword(hash, req.Password) {
		if reason == "" {
			reason = "bad_credentials"
		}
		return a.loginFailed(c, username, ip, reason, max(addrLock, userLock))
	}
	a.loginSucceeded(ctx, nameKey, addrKey, userKey)

	if p := who(c); p != nil && p.Session.Kind == staff.KindSession {
		if _, err := a.Staff.DeleteSession(ctx, p.User.ID, p.Session.ID); err != nil {
			return a.fail(c, err)
		}
	}
	now := a.Now()
	if err := a.Staff.DeleteExpiredSessions(ctx, now); err != nil {
		a.Log.Warn("delete expired sessions", "err", err)
	}
	token, tokenHash := staff.NewToken(staff.KindSession)
	sess, err := a.Staff.CreateSession(ctx, staff.Session{
		UserID: user.ID, Kind: staff.KindSession, TokenHash: tokenHash, CreatedAt: now, ExpiresAt: now.Add(a.ttl),
	})
	if err != nil {
		return a.fail(c, err)
	}
	a.setSessionCookie(c, token, sess.ExpiresAt)
	a.audit(ctx, user.Username, staff.ActionLogin, "", map[string]string{"ip": ip})
	return c.JSON(http.StatusOK, loginResponse{
		Token: token, TokenType: "Bearer", ExpiresAt: sess.ExpiresAt, CSRFToken: staff.CSRFToken(token),
		User: toUserJSON(user),
	})
}

// loginFailed records a failed login, already counted, and the lockout it started, if
// any, and answers 401.
func (a *api) loginFailed(c echo.Context, username, ip, reason string, lock time.Duration) error {
	ctx := c.Request().Context()
	a.audit(ctx, username, staff.ActionLoginFailed, "", map[string]string{"ip": ip, "reason": reason})
	if lock > 0 {
		a.audit(ctx, username, staff.ActionLoginLocked, "", map[string]any{"ip": ip, "minutes": int(lock.Minutes())})
	}
	return a.fail(c, errs.E(errs.Unauthenticated, "bad_credentials", "staff.error.bad_credentials"))
}

// loginSucceeded forgets the username's attempts, here and from anywhere, and uncounts
// this one from its address, which colleagues may share.
func (a *api) loginSucceeded(ctx context.Context, nameKey, addrKey, userKey string) {
	if err := a.Logins.Reset(ctx, userKey); err != nil {
		a.Log.Warn("reset login throttle", "err", err)
	}
	if err := a.Addresses.Forgive(ctx, addrKey); err != nil {
		a.Log.Warn("forgive login attempt", "err", err)
	}
	if a.Usernames != nil {
		if err := a.Usernames.Reset(ctx, nameKey); err != nil {
			a.Log.Warn("reset login backoff", "err", err)
		}
	}
}

// locked answers 429 with Retry-After while a login key is locked.
func (a *api) locked(c echo.Context, wait time.Duration) error {
	secs := retryAfter(c, wait)
	return a.fail(c, errs.E(errs.Throttled, "locked", "staff.error.locked", "minutes", (secs+59)/60))
}

// slowDown answers 429 with Retry-After while a username's attempts are being delayed.
func (a *api) slowDown(c echo.Context, wait time.Duration) error {
	secs := retryAfter(c, wait)
	return a.fail(c, errs.E(errs.Throttled, "slow_down", "staff.error.slow_down", "seconds", secs))
}

// retryAfter sets the Retry-After header to wait, in whole seconds rounded up, and
// returns them.
func retryAfter(c echo.Context, wait time.Duration) int {
	secs := int((wait + time.Second - 1) / time.Second)
	c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
	return secs
}

// logout revokes the session or token the request came with: POST /api/v1/logout.
func (a *api) logout(c echo.Context) error {
	p := who(c)
	ctx := c.Request().Context()
	if _, err := a.Staff.DeleteSession(ctx, p.User.ID, p.Session.ID); err != nil {
		return a.fail(c, err)
	}
	if p.cookie {
		a.clearSessionCookie(c)
	}
	a.audit(ctx, p.User.Username, staff.ActionLogout, "", map[string]string{"kind": string(p.Session.Kind)})
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
