package handlers

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/staff"
)

// userJSON is an account as the API shows it; never the password hash.
type userJSON struct {
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Role        staff.Role `json:"role"`
	RoleLabel   string     `json:"role_label"`
	Disabled    bool       `json:"disabled"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

func toUserJSON(u staff.User) userJSON {
	return userJSON{Username: u.Username, DisplayName: u.Name(), Role: u.Role, RoleLabel: u.Role.Label(),
		Disabled: u.Disabled, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

// listUsers lists every account: GET /api/v1/users (admin).
func (a *api) listUsers(c echo.Context) error {
	users, err := a.Staff.Users(c.Request().Context())
	if err != nil {
		return a.fail(c, err)
	}
	out := make([]userJSON, len(users))
	for i, u := range users {
		out[i] = toUserJSON(u)
	}
	return c.JSON(http.StatusOK, map[string]any{"items": out})
}

type createUserRequest struct {
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Role        staff.Role `json:"role"`
	Password    string     `json:"password"`
}

// createUser opens an account: POST /api/v1/users (admin).
func (a *api) createUser(c echo.Context) error {
	var req createUserRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	now := a.Now()
	u := staff.User{Username: staff.NormalizeUsername(req.Username), DisplayName: req.DisplayName,
		Role: req.Role, CreatedAt: now, UpdatedAt: now}
	if err := u.Check(); err != nil {
		return a.fail(c, err)
	}
	hash, err := staff.HashPassword(req.Password)
	if err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	u, err = a.Staff.CreateUser(ctx, u, hash)
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, who(c).User.Username, staff.ActionUserCreate, u.Username, map[string]string{"role": string(u.Role)})
	return c.JSON(http.StatusCreated, toUserJSON(u))
}

type updateUserRequest struct {
	DisplayName *string     `json:"display_name"`
	Role        *staff.Role `json:"role"`
	Disabled    *bool       `json:"disabled"`
	Password    *string     `json:"password"`
}

// updateUser changes an account: PATCH /api/v1/users/{username} (admin). Fields left
// out stay. A new password ends every session of the account, and so does disabling it.
// Admins cannot demote or disable themselves, so the console never loses its last admin
// by a slip.
func (a *api) updateUser(c echo.Context) error {
	var req updateUserRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	me := who(c).User
	username := staff.NormalizeUsername(c.Param("username"))
	if username == me.Username && ((req.Role != nil && *req.Role != me.Role) || (req.Disabled != nil && *req.Disabled)) {
		return a.fail(c, refuse(http.StatusConflict, "self_lockout", "staff.error.self_lockout"))
	}
	var hash []byte
	if req.Password != nil {
		var err error
		if hash, err = staff.HashPassword(*req.Password); err != nil {
			return a.fail(c, err)
		}
	}
	now := a.Now()
	changed := map[string]any{}
	u, err := a.Staff.UpdateUser(ctx, username, func(u *staff.User) error {
		if req.DisplayName != nil && *req.DisplayName != u.DisplayName {
			changed["display_name"] = *req.DisplayName
			u.DisplayName = *req.DisplayName
		}
		if req.Role != nil && *req.Role != u.Role {
			changed["role"] = map[string]staff.Role{"from": u.Role, "to": *req.Role}
			u.Role = *req.Role
		}
		if req.Disabled != nil && *req.Disabled != u.Disabled {
			changed["disabled"] = *req.Disabled
			u.Disabled = *req.Disabled
		}
		u.UpdatedAt = now
		return nil
	})
	if err != nil {
		return a.fail(c, err)
	}
	if hash != nil {
		if err := a.Staff.SetPassword(ctx, username, hash, now); err != nil {
			return a.fail(c, err)
		}
		changed["password"] = "reset"
	}
	if len(changed) > 0 {
		a.audit(ctx, me.Username, staff.ActionUserUpdate, username, changed)
	}
	return c.JSON(http.StatusOK, toUserJSON(u))
}

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
		return a.fail(c, refuse(http.StatusForbidden, "login_required", "staff.error.login_required"))
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
		return a.fail(c, invalidField("expires_days", "staff.invalid.token_days", "max", staff.MaxAPITokenDays))
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
	notFound := refuse(http.StatusNotFound, "token_not_found", "staff.error.token_not_found")
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
				return a.fail(c, invalidField(name, "staff.error.bad_query", "field", name))
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
