package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/staff"
)

// LastLogins returns when each account last logged in, by username
// (staffdb.Store.LastLogins); accounts that never did are missing.
type LastLogins func(ctx context.Context) (map[string]time.Time, error)

// userRow is one account on the users page.
type userRow struct {
	staff.User
	LastLogin time.Time // zero: never, or not known
	Self      bool      // the viewer's own account: no role change, no disabling
}

type usersData struct {
	Users []userRow
	Roles []staff.Role
}

// users lists the accounts, with forms to add one, change a role, disable or enable and
// reset a password: GET /console/users (admins).
func (c *Pages) users(ec echo.Context) error {
	ctx := ec.Request().Context()
	v := viewerOf(ec)
	users, err := c.Staff.Users(ctx)
	if err != nil {
		return err
	}
	var last map[string]time.Time
	if c.LastLogins != nil {
		if last, err = c.LastLogins(ctx); err != nil {
			c.Log.Warn("read last logins", "err", err)
		}
	}
	d := usersData{Roles: staff.Roles()}
	for _, u := range users {
		d.Users = append(d.Users, userRow{User: u, LastLogin: last[u.Username], Self: u.Username == v.User.Username})
	}
	return c.render(ec, http.StatusOK, "users.html", catalog.T("console.users.title"), d)
}
