package handlers

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/media"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// MediaStore keeps the photos customers sent (media.Store).
type MediaStore interface {
	Get(ctx context.Context, id string) (media.File, error)
	Have(ctx context.Context, ids []string) (map[string]bool, error)
}

// tools are the ticket view's controls beyond chat: reassignment and visit booking.
type tools struct {
	CanAssign bool         // may assign to anyone and move groups (PermAssignTickets)
	CanClaim  bool         // may claim: nobody holds the ticket (PermWriteTickets)
	Users     []staff.User // who may hold tickets
	Groups    []triage.Group
	Visit     string // the booked window, as the customer reads it
	Windows   []visitOption
}

// visitOption is one offered visit window.
type visitOption struct {
	Start int64 // Unix seconds: what POST /api/v1/tickets/{number}/visit takes
	Label string
}

// imageOf returns the media id of a customer's photo line: a line stored as a photo (its
// Media), never one whose text merely looks like "[图片] MEDIAID".
func imageOf(l line) (string, bool) {
	id := l.Media
	if l.Role != string(triage.RoleCustomer) || id == "" || len(id) > 128 || strings.ContainsAny(id, " /?#") {
		return "", false
	}
	return id, true
}

// decorate marks the transcript's undelivered replies and stored photos, and fills the
// tools the viewer may use.
func (c *Pages) decorate(ctx context.Context, v *viewer, d *ticketData) error {
	if c.Undelivered != nil {
		pending, err := c.Undelivered(ctx, d.T.Number)
		if err != nil {
			return err
		}
		for i, l := range d.Transcript {
			if u, ok := staff.MatchUndelivered(pending, l.Role, l.At, l.Text); ok {
				d.Transcript[i].Undelivered = &u
			}
		}
	}
	if c.Media != nil {
		var ids []string
		for _, l := range d.Transcript {
			if id, ok := imageOf(l); ok {
				ids = append(ids, id)
			}
		}
		have, err := c.Media.Have(ctx, ids)
		if err != nil {
			return err
		}
		for i, l := range d.Transcript {
			if id, ok := imageOf(l); ok && have[id] {
				d.Transcript[i].Image = id
			}
		}
	}

	t := &d.Tools
	t.CanAssign = v.User.Can(staff.PermAssignTickets)
	t.CanClaim = v.User.Can(staff.PermWriteTickets) && d.T.Assignee == "" && d.T.Status.Open()
	if t.CanAssign {
		users, err := c.Staff.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			if u.Can(staff.PermWriteTickets) {
				t.Users = append(t.Users, u)
			}
		}
		t.Groups = c.Groups
	}
	if w := d.T.VisitWindow; !w.IsZero() {
		w.Start, w.End = w.Start.In(c.Location), w.End.In(c.Location)
		t.Visit = w.Label()
	}
	if c.VisitWindows != nil && d.CanWrite && d.T.Status.Open() {
		for _, w := range c.VisitWindows(c.Now()) {
			t.Windows = append(t.Windows, visitOption{Start: w.Start.Unix(), Label: w.Label()})
		}
	}
	return nil
}

// media serves a customer's photo: GET /console/media/{id}, for staff who may read
// customers' details. Only the image types media.Allowed are served, as stored, with
// sniffing off (secureHeaders).
func (c *Pages) media(ec echo.Context) error {
	if c.Media == nil {
		return ec.NoContent(http.StatusNotFound)
	}
	f, err := c.Media.Get(ec.Request().Context(), ec.Param("id"))
	if errors.Is(err, media.ErrNotFound) {
		return ec.String(http.StatusNotFound, catalog.T("console.ticket2.image_missing"))
	} else if err != nil {
		return err
	}
	if !slices.Contains(media.Allowed, f.ContentType) {
		return ec.String(http.StatusNotFound, catalog.T("console.ticket2.image_missing"))
	}
	h := ec.Response().Header()
	h.Set("Cache-Control", "private, max-age=86400")
	h.Set("Content-Disposition", "inline")
	return ec.Blob(http.StatusOK, f.ContentType, f.Bytes)
}
