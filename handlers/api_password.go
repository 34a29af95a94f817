package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

type passwordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// changePassword sets the caller's own password (accounts.Service.ChangeOwnPassword): POST /api/v1/password with the current
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
	if err := a.accounts.ChangeOwnPassword(c.Request().Context(), who(c).User, req.CurrentPassword, req.NewPassword); err != nil {
		return a.fail(c, err)
	}
	a.clearSessionCookie(c)
	return c.NoContent(http.StatusNoContent)
}
