package handlers

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPI is the OpenAPI 3 description of the staff API, written by hand next to the
// handlers. TestOpenAPICoversEveryRoute keeps it and the route table in step: every
// /api/v1 route is documented with the permission it requires, and nothing else is.
//
//go:embed openapi.json
var openAPI []byte

// openAPIDocument serves the description: GET /api/v1/openapi.json, public.
func openAPIDocument(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPI)
}
