package app_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/triage"
)

// TestTicketsBreachedGauge checks /metrics reports intake_tickets_breached from the
// database: the open tickets past their first-response deadline, and not a closed one or
// one whose deadline is still to come; and a second instance of the same deployment reports
// the same database-wide number.
func TestTicketsBreachedGauge(t *testing.T) {
	apptest.Each(t, apptest.Options{NoLoops: true}, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		now := time.Now()
		for i, c := range []struct {
			due    time.Time
			status triage.Status
		}{
			{now.Add(-time.Hour), triage.StatusNew},        // breached
			{now.Add(-time.Minute), triage.StatusAccepted}, // breached: still open
			{now.Add(time.Hour), triage.StatusNew},         // deadline to come
			{now.Add(-time.Hour), triage.StatusClosed},     // closed
		} {
			tk := triage.Ticket{CaseKey: fmt.Sprintf("o-sla/%d", i), OpenID: "o-sla", Status: c.status,
				Priority: triage.PriorityNormal, CreatedAt: now.Add(-2 * time.Hour)}
			tk.Result.SLA.FirstResponseBy = c.due
			if _, created, err := s.Tickets.Create(ctx, tk); err != nil || !created {
				t.Fatalf("create ticket %d: created %v, %v", i, created, err)
			}
		}
		if got := breached(t, s); got != "2" {
			t.Errorf("intake_tickets_breached = %q; want 2", got)
		}
		other := apptest.Start(t, apptest.Embedded, apptest.Options{NoLoops: true, Share: s})
		if got := breached(t, other); got != "2" {
			t.Errorf("another instance: intake_tickets_breached = %q; want 2", got)
		}
	})
}

var breachedLine = regexp.MustCompile(`(?m)^intake_tickets_breached (\S+)$`)

// breached scrapes s's /metrics and returns the value of intake_tickets_breached.
func breached(t *testing.T, s *apptest.Service) string {
	t.Helper()
	resp, err := http.Get(s.URL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d, %v", resp.StatusCode, err)
	}
	m := breachedLine.FindSubmatch(b)
	if m == nil {
		t.Fatalf("/metrics has no intake_tickets_breached:\n%s", b)
	}
	return string(m[1])
}
