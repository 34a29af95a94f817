package console

import (
	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/staff"
)

// registerAdmin adds the administration pages: the accounts (users.go) and the canned
// replies (canned.go). The pages list what there is; their script (static/admin.js)
// makes every change through the JSON API, which validates and audits it.
func (c *Console) registerAdmin(g *echo.Group) {
	g.GET("/users", c.users, require(staff.PermManageUsers))
	g.GET("/canned", c.cannedReplies, require(staff.PermManageCanned))
}
