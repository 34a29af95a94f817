package handlers

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/canned"
)

// CannedLister lists the canned replies (canned.Store).
type CannedLister interface {
	List(ctx context.Context) ([]canned.Reply, error)
}

type cannedData struct {
	Replies           []canned.Reply
	MaxTitle, MaxText int
}

// cannedReplies lists the canned replies, each editable, with a form to add one: GET
// /console/canned (admins). Without a store it answers 503.
func (c *Pages) cannedReplies(ec echo.Context) error {
	if c.Canned == nil {
		return ec.String(http.StatusServiceUnavailable, catalog.T("console.canned.error.unavailable"))
	}
	list, err := c.Canned.List(ec.Request().Context())
	if err != nil {
		return err
	}
	d := cannedData{Replies: list, MaxTitle: canned.MaxTitle, MaxText: canned.MaxText}
	return c.render(ec, http.StatusOK, "canned.html", catalog.T("console.canned.title"), d)
}
