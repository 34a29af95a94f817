package handlers

import "github.com/labstack/echo/v4"

// Visible is the pages' "visible" template function, for the tests.
var Visible = visible

// RegisterPages adds the console's routes alone to e, for the pages' own tests.
func RegisterPages(e *echo.Echo, p *Pages) { pageRoutes(e, p) }
