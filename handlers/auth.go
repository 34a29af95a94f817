package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/staff"
)

// Console configures the staff console and its JSON API.
type Console struct {
	SecureCookies bool          // mark the session cookie Secure (HTTPS deployments)
	SessionTTL    time.Duration // how long a login lasts; 12 h when zero
}

// SessionCookie is the name of the cookie holding a console session's token.
const SessionCookie = "intake_session"

// CSRFHeader carries the session's CSRF token on unsafe requests authenticated by the
// cookie; HTML forms send the field CSRFField instead.
const (
	CSRFHeader = "X-CSRF-Token"
	CSRFField  = "csrf"
)

// touchEvery is how stale a session's LastSeenAt may get before a request rewrites it.
const touchEvery = time.Minute

// api is the staff JSON API under /api/v1: its handlers are methods of api.
type api struct {
	Deps
	ttl time.Duration
}

func newAPI(d Deps) *api {
	a := &api{Deps: d, ttl: d.Console.SessionTTL}
	if a.ttl <= 0 {
		a.ttl = 12 * time.Hour
	}
	if a.Chat == nil {
		a.Chat = UnavailableChat{}
	}
	if a.Now == nil {
		a.Now = time.Now
	}
	if a.Statuses == nil {
		a.Statuses = storeStatuses{store: a.Tickets, now: a.Now}
	}
	return a
}

// principal is who a request acts for.
type principal struct {
	User    staff.User
	Session staff.Session
	token   string // the session token presented
	cookie  bool   // presented as the cookie: CSRF protection applies
}

const principalKey = "staff.principal"

// who returns the request's principal; only requirePerm-guarded handlers call it.
func who(c echo.Context) *principal {
	p, _ := c.Get(principalKey).(*principal)
	return p
}

// authenticate resolves the request's credentials — "Authorization: Bearer TOKEN", else
// the session cookie — into a principal. It never refuses: requirePerm does, so that
// login and the OpenAPI document stay public. It also marks every API answer as private
// and not to be sniffed.
func (a *api) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")

		token, cookie := "", false
		if auth := c.Request().Header.Get(echo.HeaderAuthorization); auth != "" {
			scheme, t, _ := strings.Cut(auth, " ")
			if strings.EqualFold(scheme, "Bearer") {
				token = strings.TrimSpace(t)
			}
			// A malformed Authorization header authenticates nobody; it does not fall
			// back to the cookie.
		} else if ck, err := c.Cookie(SessionCookie); err == nil {
			token, cookie = ck.Value, true
		}
		if token == "" || !staff.PlausibleToken(token) {
			return next(c)
		}
		now := a.Now()
		sess, user, err := a.Staff.Session(c.Request().Context(), staff.HashToken(token), now)
		if errors.Is(err, staff.ErrSessionNotFound) {
			return next(c)
		} else if err != nil {
			return a.fail(c, err)
		}
		if now.Sub(sess.LastSeenAt) >= touchEvery {
			if err := a.Staff.TouchSession(c.Request().Context(), sess.ID, now); err != nil {
				a.Log.Warn("touch session", "err", err)
			}
		}
		c.Set(principalKey, &principal{User: user, Session: sess, token: token, cookie: cookie})
		return next(c)
	}
}

// requirePerm guards an endpoint: 401 without a valid session or token, 403 for a
// cookie-authenticated unsafe request without the session's CSRF token, 403 when the
// user's role lacks perm. Every /api/v1 endpoint except login and the OpenAPI document
// has one.
func requirePerm(perm staff.Permission) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			p := who(c)
			if p == nil {
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="intake"`)
				return c.JSON(http.StatusUnauthorized, apiBody(refuse(http.StatusUnauthorized, "unauthenticated", "staff.error.unauthenticated")))
			}
			if p.cookie && unsafeMethod(c.Request().Method) && !staff.CheckCSRF(p.token, csrfToken(c)) {
				return c.JSON(http.StatusForbidden, apiBody(refuse(http.StatusForbidden, "csrf", "staff.error.csrf")))
			}
			if !p.User.Can(perm) {
				return c.JSON(http.StatusForbidden, apiBody(refuse(http.StatusForbidden, "forbidden", "staff.error.forbidden")))
			}
			return next(c)
		}
	}
}

func apiBody(e *APIError) map[string]string {
	return map[string]string{"error": e.Code, "message": e.Message}
}

// unsafeMethod reports whether a request may change something.
func unsafeMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// csrfToken is the CSRF token a request carries: the header, or a form field.
func csrfToken(c echo.Context) string {
	if t := c.Request().Header.Get(CSRFHeader); t != "" {
		return t
	}
	if strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationForm) {
		return c.FormValue(CSRFField)
	}
	return ""
}

// clientIP is the address logins are throttled by: the peer's, unless the service was
// told which proxies to trust (Echo's IPExtractor), since X-Forwarded-For from anyone
// else is whatever an attacker wants it to be.
func clientIP(c echo.Context) string {
	if c.Echo().IPExtractor != nil {
		return c.RealIP()
	}
	return echo.ExtractIPDirect()(c.Request())
}

// setSessionCookie hands the browser its session token: HttpOnly, SameSite=Lax, Secure
// when configured, for the session's lifetime.
func (a *api) setSessionCookie(c echo.Context, token string, expires time.Time) {
	c.SetCookie(&http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", Expires: expires,
		MaxAge: int(time.Until(expires).Seconds()), HttpOnly: true, Secure: a.Console.SecureCookies,
		SameSite: http.SameSiteLaxMode,
	})
}

// clearSessionCookie tells the browser to forget its session.
func (a *api) clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: a.Console.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// audit records an action, logging (not failing on) a record that cannot be written.
func (a *api) audit(ctx context.Context, actor, action, target string, detail any) {
	if err := a.Audit.Record(ctx, actor, action, target, detail); err != nil {
		a.Log.Error("audit record failed", "action", action, "target", target, "err", err)
	}
}

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
// Failures are throttled per username and address, and per address (staff.Throttle); an
// unknown or disabled username costs the same bcrypt time as a wrong password and gets
// the same answer. Each login makes a new token and revokes the session the request
// came with, so a session id planted before login is never promoted.
func (a *api) login(c echo.Context) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	username := staff.NormalizeUsername(req.Username)
	if username == "" || req.Password == "" {
		return a.fail(c, refuse(http.StatusBadRequest, "bad_request", "staff.error.login_incomplete"))
	}
	ip := clientIP(c)
	userKey, addrKey := staff.LoginKey(username, ip), staff.AddressKey(ip)

	wait, err := a.Logins.Locked(ctx, userKey)
	if err != nil {
		return a.fail(c, err)
	}
	waitAddr, err := a.Addresses.Locked(ctx, addrKey)
	if err != nil {
		return a.fail(c, err)
	}
	if wait = max(wait, waitAddr); wait > 0 {
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
		return a.loginFailed(c, username, ip, reason, userKey, addrKey)
	}
	if err := a.Logins.Reset(ctx, userKey); err != nil {
		a.Log.Warn("reset login throttle", "err", err)
	}

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

// loginFailed counts a failed login, records it and answers 401.
func (a *api) loginFailed(c echo.Context, username, ip, reason, userKey, addrKey string) error {
	ctx := c.Request().Context()
	lock, err := a.Logins.Fail(ctx, userKey)
	if err != nil {
		return a.fail(c, err)
	}
	lockAddr, err := a.Addresses.Fail(ctx, addrKey)
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, username, staff.ActionLoginFailed, "", map[string]string{"ip": ip, "reason": reason})
	if lock = max(lock, lockAddr); lock > 0 {
		a.audit(ctx, username, staff.ActionLoginLocked, "", map[string]any{"ip": ip, "minutes": int(lock.Minutes())})
	}
	return a.fail(c, refuse(http.StatusUnauthorized, "bad_credentials", "staff.error.bad_credentials"))
}

// locked answers 429 with Retry-After while a login key is locked.
func (a *api) locked(c echo.Context, wait time.Duration) error {
	secs := int((wait + time.Second - 1) / time.Second)
	c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
	return a.fail(c, refuse(http.StatusTooManyRequests, "locked", "staff.error.locked", "minutes", (secs+59)/60))
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
