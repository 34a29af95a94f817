package handlers

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/service/accounts"
	"github.com/wxintake/intake/internal/service/tickets"
	"github.com/wxintake/intake/staff"
	"log/slog"
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

// The one authentication stack. A staff member presents a token two ways — the API's
// "Authorization: Bearer TOKEN", or the session cookie the login sets, which both the API
// (api.authenticate) and the console's pages (Pages.authenticate) read — and both go
// through resolveSession and touchSession; then requirePerm (API) or require (pages)
// checks the role.

// resolveSession finds the live session of token and its account:
// staff.ErrSessionNotFound for a token that is not one, or implausible.
func resolveSession(ctx context.Context, store staff.Store, token string, now time.Time) (staff.Session, staff.User, error) {
	if token == "" || !staff.PlausibleToken(token) {
		return staff.Session{}, staff.User{}, staff.ErrSessionNotFound
	}
	return store.Session(ctx, staff.HashToken(token), now)
}

// touchSession records that sess was used at now, at most every touchEvery.
func touchSession(ctx context.Context, store staff.Store, log *slog.Logger, sess staff.Session, now time.Time) {
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := store.TouchSession(ctx, sess.ID, now); err != nil {
			log.Warn("touch session", "err", err)
		}
	}
}

// api is the staff JSON API under /api/v1: its handlers are methods of api.
type api struct {
	Deps
	ttl      time.Duration
	tickets  *tickets.Service  // staff's ticket use cases
	accounts *accounts.Service // staff accounts
	gate     *accounts.Gate    // signing in and out, API tokens
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
	a.tickets = tickets.New(tickets.Service{
		Tickets: d.Tickets, Users: d.Staff, Notes: d.Notes, Audit: d.Audit,
		Statuses: d.Statuses, Visits: d.Visits, Chat: a.Chat,
		Groups: d.Groups, Location: d.Location, Now: a.Now, Log: d.Log,
	})
	a.accounts = accounts.New(accounts.Service{Store: d.Staff, Audit: d.Audit, Now: a.Now, Log: d.Log})
	a.gate = &accounts.Gate{Store: d.Staff, Audit: d.Audit, Logins: d.Logins, Addresses: d.Addresses,
		Usernames: d.Usernames, TTL: a.ttl, Now: a.Now, Log: d.Log}
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
		sess, user, err := resolveSession(c.Request().Context(), a.Staff, token, now)
		if errors.Is(err, staff.ErrSessionNotFound) {
			return next(c)
		} else if err != nil {
			return a.fail(c, err)
		}
		touchSession(c.Request().Context(), a.Staff, a.Log, sess, now)
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
				return refuse(c, errs.E(errs.Unauthenticated, "unauthenticated", "staff.error.unauthenticated"))
			}
			if p.cookie && unsafeMethod(c.Request().Method) && !staff.CheckCSRF(p.token, csrfToken(c)) {
				return refuse(c, errs.E(errs.Forbidden, "csrf", "staff.error.csrf"))
			}
			if !p.User.Can(perm) {
				return refuse(c, errs.E(errs.Forbidden, "forbidden", "staff.error.forbidden"))
			}
			// A generated password (the first admin's) must be changed before anything
			// but the session's own routes (POST /password among them).
			if p.User.MustChangePassword && perm != staff.PermSelf {
				return refuse(c, errs.E(errs.Forbidden, "password_change_required", "staff.error.password_change_required"))
			}
			return next(c)
		}
	}
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

// clientIP is the address logins are throttled by: the peer's, unless it is a trusted
// proxy (Deps.TrustedProxies, Echo's IPExtractor), since X-Forwarded-For from anyone else
// is whatever an attacker wants it to be. Without an IPExtractor (an Echo not built by
// New) it is the peer's.
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
