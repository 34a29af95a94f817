package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/staff"
)

// Customers who ask for a person before reporting anything wait with no ticket (issue 13
// §1). The queue page lists them above the tickets; an agent's 接入 files the case with what
// the customer told and takes the chat over, and the ticket's page then works as for any
// takeover (reply, notes, hand back).

// WaitingChat is a customer waiting for a person with no ticket (livechat.Queue.Waiting).
type WaitingChat struct {
	OpenID string
	Since  time.Time
	Case   bot.Case
}

// Waiting is what the queue page needs of the chats waiting with no ticket.
type Waiting interface {
	// Waiting lists them, longest waiting first.
	Waiting(ctx context.Context) ([]WaitingChat, error)
	// Takeover files the case of openID's chat and takes it over as by; it returns the
	// ticket's number.
	Takeover(ctx context.Context, openID string, by staff.User) (string, error)
}

// waitingRow is one waiting chat on the queue page.
type waitingRow struct {
	OpenID, Who, Category, Symptom, Brand, Phone string
	Since                                        time.Time
	Minutes                                      int
}

// waitingRows lists the waiting chats for the queue page; nil when there is no queue or
// the viewer cannot take chats over.
func (c *Pages) waitingRows(ec echo.Context) []waitingRow {
	v := viewerOf(ec)
	if c.Waiting == nil || !v.User.Can(staff.PermChat) {
		return nil
	}
	chats, err := c.Waiting.Waiting(ec.Request().Context())
	if err != nil {
		c.Log.Warn("console: listing the chats waiting for a person failed", "err", err)
		return nil
	}
	now := c.Now()
	rows := make([]waitingRow, 0, len(chats))
	for _, w := range chats {
		cat := w.Case.Product
		if c.Published != nil && w.Case.Category != "" && cat == "" {
			if kb := c.Published(); kb != nil {
				cat = kb.Lexicon().CategoryName(w.Case.Category)
			}
		}
		rows = append(rows, waitingRow{OpenID: w.OpenID, Who: bot.MaskOpenID(w.OpenID), Category: cat,
			Symptom: w.Case.Symptom, Brand: w.Case.Brand, Phone: w.Case.Phone.Number, Since: w.Since,
			Minutes: int(now.Sub(w.Since) / time.Minute)})
	}
	return rows
}

// takeWaiting takes a waiting chat over: POST /console/waiting/takeover with the form's
// openid and CSRF token, then on to the new ticket's page.
func (c *Pages) takeWaiting(ec echo.Context) error {
	v := viewerOf(ec)
	ck, _ := ec.Cookie(SessionCookie)
	if ck == nil || !staff.CheckCSRF(ck.Value, ec.FormValue(CSRFField)) {
		return ec.String(http.StatusForbidden, catalog.T("staff.error.csrf"))
	}
	if c.Waiting == nil {
		return ec.String(http.StatusServiceUnavailable, catalog.T("console.waiting.gone"))
	}
	ctx := ec.Request().Context()
	number, err := c.Waiting.Takeover(ctx, ec.FormValue("openid"), v.User)
	if err != nil {
		c.Log.Info("console: taking a waiting chat over failed", "err", err)
		return ec.String(http.StatusConflict, catalog.T("console.waiting.gone"))
	}
	if c.Audit != nil {
		if err := c.Audit.Record(ctx, v.User.Username, staff.ActionTakeover, number, map[string]string{"from": "waiting"}); err != nil {
			c.Log.Error("audit record failed", "action", staff.ActionTakeover, "err", err)
		}
	}
	return ec.Redirect(http.StatusSeeOther, "/console/tickets/"+number)
}
