package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

// LiveFeed delivers every new transcript line of any ticket, from any instance, until
// ctx ends (botredis.Store.Subscribe).
type LiveFeed func(ctx context.Context) <-chan bot.LiveEvent

// heartbeatEvery is how often an idle event stream sends a comment, so proxies and
// browsers keep the connection open.
const heartbeatEvery = 15 * time.Second

// maxWait is the longest stream the wait parameter asks for.
const maxWait = time.Hour

// ticketEvents streams a ticket's new transcript lines as server-sent events:
// GET /api/v1/tickets/{number}/events[?wait=SECONDS]. Each event is "message" with the
// JSON of one line ({"at","role","text"}); comments keep the connection alive. It ends
// when the client goes away, or after wait seconds when given (for clients that poll
// rather than hold a stream open).
func (a *api) ticketEvents(c echo.Context) error {
	if a.Live == nil {
		return a.fail(c, staff.ErrChatUnavailable)
	}
	ctx := c.Request().Context()
	if s := c.QueryParam("wait"); s != "" {
		secs, err := strconv.Atoi(s)
		if err != nil || secs < 1 || time.Duration(secs)*time.Second > maxWait {
			return a.fail(c, errs.InvalidField("wait", "console.invalid.wait", "max", int(maxWait.Seconds())))
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(secs)*time.Second)
		defer cancel()
	}
	number := c.Param("number")
	if _, err := a.Tickets.Get(ctx, number); err != nil {
		return a.fail(c, err)
	}
	feedCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	events := a.Live(feedCtx)

	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, ": connected\n\n"); err != nil {
		return nil
	}
	w.Flush()

	beat := time.NewTicker(heartbeatEvery)
	defer beat.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-beat.C:
			if _, err := fmt.Fprint(w, ": heartbeat\n\n"); err != nil {
				return nil
			}
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			if ev.Ticket != number {
				continue
			}
			for _, l := range ev.Lines {
				b, _ := json.Marshal(messageJSON{At: l.At, Role: string(l.Role), Text: l.Text, Media: l.Media})
				if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
					return nil
				}
			}
		}
		w.Flush()
	}
}
