package notify

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// KindVisit tells the customer the engineer's visit staff booked for them.
const KindVisit = "visit_booked"

type visitPayload struct {
	Window string `json:"window"` // as the customer reads it, fixed at booking
}

// BookVisit stores window w on ticket number, booked by staff member by, and enqueues the
// customer's notification in the same transaction (handlers.VisitBooker). Errors are the
// store's: triage.ErrNotFound, triage.ErrConflict.
func (n *Notifier) BookVisit(ctx context.Context, number string, w triage.Window, by string) (triage.Ticket, error) {
	var out triage.Ticket
	err := n.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		now := n.Now()
		var err error
		out, err = n.Store.WithTx(tx).Update(ctx, number, func(t *triage.Ticket) error {
			t.VisitWindow, t.UpdatedAt = w, now
			return nil
		})
		if err != nil {
			return err
		}
		payload, _ := json.Marshal(visitPayload{Window: w.Label()})
		_, err = triagedb.Enqueue(ctx, tx, triagedb.Notification{
			TicketNumber: number, OpenID: out.OpenID, Kind: KindVisit, Payload: payload, CreatedAt: now,
		})
		return err
	})
	return out, err
}

// visitText is the message of a KindVisit notification.
func visitText(t triage.Ticket, payload []byte) string {
	var p visitPayload
	_ = json.Unmarshal(payload, &p)
	return catalog.T("console.ticket2.visit_notice", "number", t.Number, "window", p.Window)
}

// visitShort is the booked visit in a few characters, for a template: "11月24日上午".
func visitShort(t triage.Ticket, loc *time.Location) string {
	if t.VisitWindow.IsZero() {
		return ""
	}
	at := t.VisitWindow.Start.In(loc)
	return catalog.T("notify.template.visit_day", "month", int(at.Month()), "day", at.Day(), "slot", t.VisitWindow.Slot)
}
