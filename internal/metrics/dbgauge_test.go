package metrics

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestDBGaugeCaches checks the gauge reads its source at most once per TTL, keeps its last
// value when a read fails without failing the scrape, and logs a run of failures once.
func TestDBGaugeCaches(t *testing.T) {
	m := New()
	g := m.TicketsBreached
	if n, err := testutil.GatherAndCount(m.Registry, "intake_tickets_breached"); err != nil || n != 0 {
		t.Fatalf("without a source: %d series, %v; want none", n, err)
	}

	now := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	g.Now = func() time.Time { return now }
	calls, value := 0, 3
	var fail error
	var logged bytes.Buffer
	g.Source(func(ctx context.Context) (int, error) {
		calls++
		if _, ok := ctx.Deadline(); !ok {
			t.Error("the read has no deadline")
		}
		return value, fail
	}, slog.New(slog.NewTextHandler(&logged, nil)))

	scrape := func(want string) {
		t.Helper()
		err := testutil.GatherAndCompare(m.Registry, strings.NewReader(`
# HELP intake_tickets_breached Open tickets whose first-response deadline has passed (database-wide: the same on every instance).
# TYPE intake_tickets_breached gauge
`+want), "intake_tickets_breached")
		if err != nil {
			t.Error(err)
		}
	}
	scrape("intake_tickets_breached 3\n")
	value = 5
	now = now.Add(29 * time.Second)
	scrape("intake_tickets_breached 3\n") // cached
	if calls != 1 {
		t.Fatalf("%d reads within the TTL; want 1", calls)
	}
	now = now.Add(time.Second)
	scrape("intake_tickets_breached 5\n")

	fail = errors.New("database down")
	for range 3 {
		now = now.Add(31 * time.Second)
		scrape("intake_tickets_breached 5\n") // the last value, and the scrape succeeds
	}
	if calls != 5 {
		t.Errorf("%d reads; want 5 (one per TTL)", calls)
	}
	if n := strings.Count(logged.String(), "cannot read gauge"); n != 1 {
		t.Errorf("logged the failure %d times; want once:\n%s", n, logged.String())
	}

	fail, value = nil, 0
	now = now.Add(31 * time.Second)
	scrape("intake_tickets_breached 0\n")
	if !strings.Contains(logged.String(), "gauge read again") {
		t.Errorf("recovery not logged:\n%s", logged.String())
	}
	fail = errors.New("database down again")
	now = now.Add(31 * time.Second)
	scrape("intake_tickets_breached 0\n")
	if n := strings.Count(logged.String(), "cannot read gauge"); n != 2 {
		t.Errorf("logged failures %d times; want twice (once per run):\n%s", n, logged.String())
	}
}

// TestDBGaugeNoValueYet checks a gauge whose reads have all failed exports nothing rather
// than a zero that would hide breaches.
func TestDBGaugeNoValueYet(t *testing.T) {
	m := New()
	m.TicketsBreached.Source(func(context.Context) (int, error) { return 0, errors.New("down") },
		slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil)))
	if n, err := testutil.GatherAndCount(m.Registry, "intake_tickets_breached"); err != nil || n != 0 {
		t.Fatalf("%d series, %v; want none and no error", n, err)
	}
}
