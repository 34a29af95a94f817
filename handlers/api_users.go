package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
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
		return a.fail(c, errs.E(errs.Conflict, "self_lockout", "staff.error.self_lockout"))
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
