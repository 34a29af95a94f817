package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// line is one transcript line as the page shows it.
type line struct {
	At   time.Time
	Role string // customer, bot, staff or system: the line's CSS class
	Text string
	// Media is the media id of a photo the customer sent, as stored with the line;
	// Undelivered is the staff reply WeChat did not take; Image the photo's media id once
	// it is downloaded (console_ticket_tools.go).
	Media       string
	Undelivered *staff.Undelivered
	Image       string
}

// window is the customer-service message window the reply box shows.
type window struct {
	Known     bool
	Remaining int
	Until     time.Time
	Low       bool // at most one message left
}

type ticketData struct {
	T          triage.Ticket
	Row        queueRow
	Reasons    []triage.Reason
	Transcript []line
	History    []triage.StatusChange
	Notes      []staff.Note
	Next       []triage.Status
	Window     window
	Notices    []notice // how the customer's notifications went (console_delivery.go)
	CanChat    bool
	CanWrite   bool
	Tools      tools // console_ticket_tools.go
}

// ticket shows one ticket with its conversation: GET /console/tickets/{number}.
func (c *Pages) ticket(ec echo.Context) error {
	ctx := ec.Request().Context()
	v := viewerOf(ec)
	number := ec.Param("number")
	t, err := c.Tickets.Get(ctx, number)
	if errors.Is(err, triage.ErrNotFound) {
		return ec.String(http.StatusNotFound, catalog.T("console.not_found"))
	} else if err != nil {
		return err
	}
	now := c.Now()
	d := ticketData{T: t, Row: toQueueRow(t, v.User.Username, now), Reasons: t.Result.Reasons,
		Next: t.Status.Next(), CanChat: v.User.Can(staff.PermChat), CanWrite: v.User.Can(staff.PermWriteTickets)}
	transcript, err := c.Tickets.Transcript(ctx, number)
	if err != nil {
		return err
	}
	for _, e := range transcript {
		d.Transcript = append(d.Transcript, line{At: e.At, Role: string(e.Role), Text: e.Text, Media: e.Media})
	}
	if err := c.decorate(ctx, v, &d); err != nil {
		return err
	}
	if d.History, err = c.Tickets.History(ctx, number); err != nil {
		return err
	}
	if c.Notes != nil {
		if d.Notes, err = c.Notes.Notes(ctx, number); err != nil {
			return err
		}
	}
	if d.Notices, err = c.notices(ctx, number); err != nil {
		return err
	}
	if c.Window != nil && t.OpenID != "" {
		w, err := c.Window(ctx, t.OpenID)
		if err != nil {
			c.Log.Warn("read message window", "ticket", number, "err", err)
		} else {
			d.Window = toWindow(w, now)
		}
	}
	return c.render(ec, http.StatusOK, "ticket.html", catalog.T("console.ticket.title", "number", t.Number), d)
}

func toWindow(w bot.Window, now time.Time) window {
	n, until := w.Remaining(now)
	return window{Known: true, Remaining: n, Until: until, Low: n <= 1}
}
