package handlers_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// The ticket page lists how each notification went — by chat, by template and why,
// failed and why — and the dashboard counts them with the share of surveys answered.
func TestDeliveriesShow(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	db := f.db
	now := time.Now()
	enqueue := func(kind string) triagedb.Notification {
		n, err := triagedb.Enqueue(ctx, db, triagedb.Notification{TicketNumber: f.number, OpenID: "o1", Kind: kind, CreatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	chat, tpl, survey, failed := enqueue("status_changed"), enqueue("status_changed"), enqueue("followup"), enqueue("visit_booked")
	f.outbox.MaxAttempts = 1
	if _, err := f.outbox.Claim(ctx, now, 10); err != nil {
		t.Fatal(err)
	}
	for n, ch := range map[int64][2]string{chat.ID: {triagedb.ChannelChat, ""}, tpl.ID: {triagedb.ChannelTemplate, triagedb.ReasonRefused},
		survey.ID: {triagedb.ChannelTemplate, triagedb.ReasonWindow}} {
		if err := f.outbox.SetChannel(ctx, n, ch[0], ch[1]); err != nil {
			t.Fatal(err)
		}
		if err := f.outbox.MarkSent(ctx, n, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.outbox.MarkFailed(ctx, failed.ID, errors.New("notify: outside the customer-service window and no template configured"), now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.tickets.Update(ctx, f.number, func(tk *triage.Ticket) error { tk.Rating = 4; return nil }); err != nil {
		t.Fatal(err)
	}

	body := f.do(http.MethodGet, "/console/tickets/"+f.number, f.tokens[staff.RoleAgent], nil).Body.String()
	for _, want := range []string{
		catalog.T("console.delivery.chat"),
		catalog.T("console.delivery.template", "reason", catalog.T("console.delivery.reason.refused")),
		catalog.T("console.delivery.template", "reason", catalog.T("console.delivery.reason.window")),
		catalog.T("console.delivery.failed", "error", catalog.T("console.delivery.error.no_template")),
		catalog.T("console.delivery.kind.followup"),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("ticket page lacks %q", want)
		}
	}
	body = f.do(http.MethodGet, "/console/dashboard?days=1", f.tokens[staff.RoleAdmin], nil).Body.String()
	for _, want := range []string{
		`id="deliveries">` + catalog.T("console.dashboard.deliveries_value", "chat", 1, "template", 2, "failed", 1) + `<`,
		`id="survey-rate">` + catalog.T("console.dashboard.survey_rate_value", "rate", "100.0%", "answered", 1, "surveys", 1) + `<`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %s", want)
		}
	}
}
