package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

type passwordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// changePassword sets the caller's own password: POST /api/v1/password with the current
// one and the new one, which must meet the password policy and differ. It is how an
// account marked MustChangePassword (the generated first admin) becomes usable: until
// then every other route but the session's own refuses it (requirePerm). Like every
// password change it ends all the account's sessions and tokens, so the caller logs in
// again with the new password.
func (a *api) changePassword(c echo.Context) error {
	var req passwordRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	me := who(c).User
	_, hash, err := a.Staff.PasswordHash(ctx, me.Username)
	if err != nil {
		return a.fail(c, err)
	}
	if !staff.ComparePassword(hash, req.CurrentPassword) {
		return a.fail(c, errs.InvalidField("current_password", "staff.invalid.password_wrong"))
	}
	if err := staff.CheckPassword(req.NewPassword); err != nil {
		var fe *staff.FieldError
		if errors.As(err, &fe) {
			return a.fail(c, errs.InvalidField("new_password", fe.Key, fe.KV...))
		}
		return a.fail(c, err)
	}
	if req.NewPassword == req.CurrentPassword {
		return a.fail(c, errs.InvalidField("new_password", "staff.invalid.password_same"))
	}
	newHash, err := staff.HashPassword(req.NewPassword)
	if err != nil {
		return a.fail(c, err)
	}
	if err := a.Staff.SetPassword(ctx, me.Username, newHash, a.Now()); err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me.Username, staff.ActionUserUpdate, me.Username, map[string]string{"password": "changed"})
	a.clearSessionCookie(c)
	return c.NoContent(http.StatusNoContent)
}
