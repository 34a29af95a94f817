package accounts

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

// Sessions is what signing in and out, and API tokens, need of the staff store
// (staff.Store).
type Sessions interface {
	PasswordHash(ctx context.Context, username string) (staff.User, []byte, error)
	CreateSession(ctx context.Context, s staff.Session) (staff.Session, error)
	Sessions(ctx context.Context, userID uint64, kind staff.Kind, now time.Time) ([]staff.Session, error)
	DeleteSession(ctx context.Context, userID, sessionID uint64) (bool, error)
	DeleteExpiredSessions(ctx context.Context, now time.Time) error
}

// Gate signs staff in and out and issues their API tokens. Logins and Addresses lock a
// username at an address, and an address, out after repeated failures; Usernames, when
// set, only delays a username's attempts from anywhere.
type Gate struct {
	Store     Sessions
	Audit     staff.Auditor
	Logins    staff.Throttle
	Addresses staff.Throttle
	Usernames staff.Throttle   // none when nil
	TTL       time.Duration    // a login session's lifetime
	Now       func() time.Time // time.Now when nil
	Log       *slog.Logger
}

// Attempt is one login: the credentials, the client's address, and the session the
// request came with, if any — whoever's it is — revoked on success, so a planted
// session id is never promoted.
type Attempt struct {
	Username, Password, IP string
	Current                *staff.Session
}

// Signed is a successful login: the account, the new session and its token (shown once).
type Signed struct {
	User    staff.User
	Session staff.Session
	Token   string
}

// Login checks a username and password and opens a new session. Attempts are counted
// before the password is checked, atomically (staff.Throttle Attempt), so concurrent
// guesses cannot outrun the count: per username from anywhere (a delay that grows, never
// a lockout), per address, and per username and address (lockouts) — errs.Throttled
// "slow_down" or "locked" with RetryAfter. An unknown or disabled username costs the
// same bcrypt time as a wrong password and gets the same errs.Unauthenticated
// "bad_credentials". Audited as staff.ActionLogin, ActionLoginFailed and
// ActionLoginLocked.
func (g *Gate) Login(ctx context.Context, in Attempt) (Signed, error) {
	username := staff.NormalizeUsername(in.Username)
	if username == "" || in.Password == "" {
		return Signed{}, errs.E(errs.Invalid, "bad_request", "staff.error.login_incomplete")
	}
	ip := in.IP
	nameKey, addrKey, userKey := staff.UsernameKey(username), staff.AddressKey(ip), staff.LoginKey(username, ip)

	// The username's delay first: an attempt it refuses is counted nowhere, so guesses
	// from elsewhere never add to the real user's own lockout.
	if g.Usernames != nil {
		wait, _, err := g.Usernames.Attempt(ctx, nameKey)
		if err != nil {
			return Signed{}, err
		}
		if wait > 0 {
			secs := seconds(wait)
			return Signed{}, throttled("slow_down", "staff.error.slow_down", secs, "seconds", secs)
		}
	}
	wait, addrLock, err := g.Addresses.Attempt(ctx, addrKey)
	if err != nil {
		return Signed{}, err
	}
	if wait > 0 {
		return Signed{}, locked(wait)
	}
	wait, userLock, err := g.Logins.Attempt(ctx, userKey)
	if err != nil {
		return Signed{}, err
	}
	if wait > 0 {
		return Signed{}, locked(wait)
	}

	user, hash, err := g.Store.PasswordHash(ctx, username)
	reason := ""
	switch {
	case errors.Is(err, staff.ErrUserNotFound):
		reason, hash = "bad_credentials", nil
	case err != nil:
		return Signed{}, err
	case user.Disabled:
		reason, hash = "disabled", nil
	}
	if !staff.ComparePassword(hash, in.Password) {
		if reason == "" {
			reason = "bad_credentials"
		}
		g.audit(ctx, username, staff.ActionLoginFailed, "", map[string]string{"ip": ip, "reason": reason})
		if lock := max(addrLock, userLock); lock > 0 {
			g.audit(ctx, username, staff.ActionLoginLocked, "", map[string]any{"ip": ip, "minutes": int(lock.Minutes())})
		}
		return Signed{}, errs.E(errs.Unauthenticated, "bad_credentials", "staff.error.bad_credentials")
	}
	g.succeeded(ctx, nameKey, addrKey, userKey)

	if in.Current != nil && in.Current.Kind == staff.KindSession {
		if _, err := g.Store.DeleteSession(ctx, in.Current.UserID, in.Current.ID); err != nil {
			return Signed{}, err
		}
	}
	now := g.now()
	if err := g.Store.DeleteExpiredSessions(ctx, now); err != nil {
		g.log().Warn("delete expired sessions", "err", err)
	}
	token, tokenHash := staff.NewToken(staff.KindSession)
	sess, err := g.Store.CreateSession(ctx, staff.Session{
		UserID: user.ID, Kind: staff.KindSession, TokenHash: tokenHash, CreatedAt: now, ExpiresAt: now.Add(g.TTL),
	})
	if err != nil {
		return Signed{}, err
	}
	g.audit(ctx, user.Username, staff.ActionLogin, "", map[string]string{"ip": ip})
	return Signed{User: user, Session: sess, Token: token}, nil
}

// succeeded forgets the username's attempts, here and from anywhere, and uncounts this
// one from its address, which colleagues may share.
func (g *Gate) succeeded(ctx context.Context, nameKey, addrKey, userKey string) {
	if err := g.Logins.Reset(ctx, userKey); err != nil {
		g.log().Warn("reset login throttle", "err", err)
	}
	if err := g.Addresses.Forgive(ctx, addrKey); err != nil {
		g.log().Warn("forgive login attempt", "err", err)
	}
	if g.Usernames != nil {
		if err := g.Usernames.Reset(ctx, nameKey); err != nil {
			g.log().Warn("reset login backoff", "err", err)
		}
	}
}

// seconds is wait in whole seconds, rounded up.
func seconds(wait time.Duration) int { return int((wait + time.Second - 1) / time.Second) }

func locked(wait time.Duration) error {
	secs := seconds(wait)
	return throttled("locked", "staff.error.locked", secs, "minutes", (secs+59)/60)
}

func throttled(code, key string, secs int, kv ...any) error {
	e := errs.E(errs.Throttled, code, key, kv...)
	e.RetryAfter = time.Duration(secs) * time.Second
	return e
}

// Logout revokes the session or token s of user. Audited as staff.ActionLogout with the
// session's kind.
func (g *Gate) Logout(ctx context.Context, user staff.User, s staff.Session) error {
	if _, err := g.Store.DeleteSession(ctx, user.ID, s.ID); err != nil {
		return err
	}
	g.audit(ctx, user.Username, staff.ActionLogout, "", map[string]string{"kind": string(s.Kind)})
	return nil
}

// CreateToken makes a personal API token for user, valid days days (0: the default),
// and returns it with its secret, shown once. It needs a login session (current): a token
// cannot mint further tokens, so a leaked one cannot entrench itself (errs.Forbidden
// "login_required"). Audited as staff.ActionTokenCreate.
func (g *Gate) CreateToken(ctx context.Context, user staff.User, current staff.Session, name string, days int) (staff.Session, string, error) {
	if current.Kind != staff.KindSession {
		return staff.Session{}, "", errs.E(errs.Forbidden, "login_required", "staff.error.login_required")
	}
	if err := staff.CheckTokenName(name); err != nil {
		return staff.Session{}, "", err
	}
	switch {
	case days == 0:
		days = staff.DefaultAPITokenDays
	case days < 0 || days > staff.MaxAPITokenDays:
		return staff.Session{}, "", errs.InvalidField("expires_days", "staff.invalid.token_days", "max", staff.MaxAPITokenDays)
	}
	now := g.now()
	token, hash := staff.NewToken(staff.KindAPI)
	s, err := g.Store.CreateSession(ctx, staff.Session{UserID: user.ID, Kind: staff.KindAPI, Name: name,
		TokenHash: hash, CreatedAt: now, ExpiresAt: now.AddDate(0, 0, days)})
	if err != nil {
		return staff.Session{}, "", err
	}
	g.audit(ctx, user.Username, staff.ActionTokenCreate, strconv.FormatUint(s.ID, 10),
		map[string]any{"name": s.Name, "expires_at": s.ExpiresAt})
	return s, token, nil
}

// RevokeToken deletes API token id of user; errs.NotFound "token_not_found" unless it is
// one of theirs. Audited as staff.ActionTokenRevoke.
func (g *Gate) RevokeToken(ctx context.Context, user staff.User, id uint64) error {
	tokens, err := g.Store.Sessions(ctx, user.ID, staff.KindAPI, g.now())
	if err != nil {
		return err
	}
	found := false
	for _, t := range tokens {
		found = found || t.ID == id
	}
	if !found {
		return ErrTokenNotFound
	}
	if _, err := g.Store.DeleteSession(ctx, user.ID, id); err != nil {
		return err
	}
	g.audit(ctx, user.Username, staff.ActionTokenRevoke, strconv.FormatUint(id, 10), nil)
	return nil
}

// ErrTokenNotFound answers a token id that is not one of the caller's.
var ErrTokenNotFound = errs.Sentinel(errs.NotFound, "token_not_found", "staff.error.token_not_found", "accounts: no such token")

func (g *Gate) now() time.Time {
	if g.Now == nil {
		return time.Now()
	}
	return g.Now()
}

func (g *Gate) log() *slog.Logger {
	if g.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return g.Log
}

func (g *Gate) audit(ctx context.Context, actor, action, target string, detail any) {
	if g.Audit == nil {
		return
	}
	if err := g.Audit.Record(ctx, actor, action, target, detail); err != nil {
		g.log().Error("audit record failed", "action", action, "target", target, "err", err)
	}
}
