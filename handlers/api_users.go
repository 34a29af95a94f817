package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/service/accounts"
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

// createUser opens an account: POST /api/v1/users (admin; accounts.Service.CreateUser).
func (a *api) createUser(c echo.Context) error {
	var req createUserRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	u, err := a.accounts.CreateUser(c.Request().Context(), who(c).User.Username, accounts.NewUser{
		Username: req.Username, DisplayName: req.DisplayName, Role: req.Role, Password: req.Password,
	})
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusCreated, toUserJSON(u))
}

type updateUserRequest struct {
	DisplayName *string     `json:"display_name"`
	Role        *staff.Role `json:"role"`
	Disabled    *bool       `json:"disabled"`
	Password    *string     `json:"password"`
}

// updateUser changes an account: PATCH /api/v1/users/{username} (admin;
// accounts.Service.UpdateUser). Fields left out stay.
func (a *api) updateUser(c echo.Context) error {
	var req updateUserRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	u, err := a.accounts.UpdateUser(c.Request().Context(), who(c).User, c.Param("username"), accounts.UserChange{
		DisplayName: req.DisplayName, Role: req.Role, Disabled: req.Disabled, Password: req.Password,
	})
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusOK, toUserJSON(u))
}
