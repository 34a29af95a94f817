package handlers

import (
	"context"
	"strings"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/triage/triagedb"
)

// Deliveries is what the console reads of the outbox (triagedb.Outbox).
type Deliveries interface {
	ListForTicket(ctx context.Context, number string, limit int) ([]triagedb.Notification, error)
	Deliveries(ctx context.Context, from, to time.Time) (triagedb.Deliveries, error)
}

// notice is one notification of a ticket as its page shows it: what it was about and how
// it went — by chat, by template and why, failed and why, or still waiting.
type notice struct {
	At     time.Time
	Kind   string
	Result string
	Class  string // chat, template, failed, pending: the row's CSS class
}

// notices lists the ticket's notifications, newest first.
func (c *Pages) notices(ctx context.Context, number string) ([]notice, error) {
	if c.Deliveries == nil {
		return nil, nil
	}
	list, err := c.Deliveries.ListForTicket(ctx, number, 50)
	if err != nil {
		return nil, err
	}
	out := make([]notice, len(list))
	for i, n := range list {
		out[i] = toNotice(n)
	}
	return out, nil
}

func toNotice(n triagedb.Notification) notice {
	kind := "console.delivery.kind." + n.Kind
	if !catalog.Has(kind) {
		kind = "console.delivery.kind.other"
	}
	v := notice{At: n.CreatedAt, Kind: catalog.T(kind), Class: string(n.Status)}
	switch {
	case n.Status == triagedb.OutboxFailed:
		v.Result = catalog.T("console.delivery.failed", "error", errorText(n.LastError))
	case n.Status == triagedb.OutboxPending:
		v.Result = catalog.T("console.delivery.pending", "n", n.Attempts)
		if n.LastError != "" {
			v.Result += catalog.T("console.delivery.last_error", "error", errorText(n.LastError))
		}
	case n.Channel == triagedb.ChannelChat:
		v.Result, v.Class = catalog.T("console.delivery.chat"), "chat"
	case n.Channel == triagedb.ChannelTemplate:
		reason := "console.delivery.reason." + n.Reason
		if !catalog.Has(reason) {
			reason = "console.delivery.reason.other"
		}
		v.Result, v.Class = catalog.T("console.delivery.template", "reason", catalog.T(reason)), "template"
	default: // a survey already answered, or sent before channels were recorded
		v.Result = catalog.T("console.delivery.sent")
	}
	return v
}

// errorText says in Chinese why a send failed, from the stored error: the causes staff can
// act on by name, anything else as it was recorded.
func errorText(stored string) string {
	for _, c := range []struct{ marker, key string }{
		{"no template configured", "console.delivery.error.no_template"},
		{"45015", "console.ticket2.reason.window"},
		{"45047", "console.ticket2.reason.quota"},
		{"43101", "console.delivery.error.refused_template"},
		{"47003", "console.delivery.error.template_data"},
		{"40037", "console.delivery.error.template_id"},
	} {
		if strings.Contains(stored, c.marker) {
			return catalog.T(c.key)
		}
	}
	return stored
}
