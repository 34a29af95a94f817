package handlers

import (
	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/staff"
)

// registerAdmin adds the administration pages: the accounts (console_users.go) and the canned
// replies (console_canned.go). The pages list what there is; their script (static/admin.js)
// makes every change through the JSON API, which validates and audits it.
func (c *Pages) registerAdmin(g *echo.Group) {
	g.GET("/users", c.users, require(staff.PermManageUsers))
	g.GET("/canned", c.cannedReplies, require(staff.PermManageCanned))
}
