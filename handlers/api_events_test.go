package handlers_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/apptest"
)

// The event stream carries the ticket's new lines, from the shared live feed, and no
// other ticket's; markup stays inside the JSON string.
func TestTicketEventsStreamTheTicketsLines(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		mine, other := newTicket(t, s, "o_events_1"), newTicket(t, s, "o_events_2")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", c.URL+"/api/v1/tickets/"+mine+"/events?wait=5", nil)
		req.Header.Set("Authorization", "Bearer "+token(t, s, "agent1"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
			t.Fatalf("status %d, content type %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
		lines := bufio.NewReader(res.Body)
		if first, _ := lines.ReadString('\n'); !strings.HasPrefix(first, ":") {
			t.Fatalf("stream starts with %q", first)
		}
		// The subscription may become active only after the stream opened (go-redis does
		// not wait for it): publish until the line arrives.
		at := time.Now().UTC().Truncate(time.Second)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for {
				for _, ev := range []bot.LiveEvent{
					{Ticket: other, OpenID: "o_events_2", Lines: []bot.Line{{At: at, Role: bot.RoleCustomer, Text: "别的工单"}}},
					{Ticket: mine, OpenID: "o_events_1", Lines: []bot.Line{{At: at, Role: bot.RoleCustomer, Text: "<b>还在漏水</b>"}}},
				} {
					_ = s.Sessions.PublishLive(ctx, ev)
				}
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		}()
		for {
			l, err := lines.ReadString('\n')
			if err != nil {
				t.Fatalf("stream ended without the line: %v", err)
			}
			data, ok := strings.CutPrefix(strings.TrimSpace(l), "data: ")
			if !ok {
				continue
			}
			var m struct {
				At         time.Time
				Role, Text string
			}
			if err := json.Unmarshal([]byte(data), &m); err != nil {
				t.Fatal(err)
			}
			if m.Text != "<b>还在漏水</b>" || m.Role != "customer" || !m.At.Equal(at) {
				t.Fatalf("event %s", data)
			}
			return
		}
	})
}

func TestTicketEventsRefusals(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	n := newTicket(t, s, "o_events_3")
	agent := token(t, s, "agent1")
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/api/v1/tickets/" + n + "/events?wait=0", 400},
		{"/api/v1/tickets/" + n + "/events?wait=x", 400},
		{"/api/v1/tickets/RS20000101-0001/events?wait=1", 404},
	} {
		r := do(t, plain, c.URL, request{Method: "GET", Path: tc.path, Bearer: agent})
		if r.Status != tc.status {
			t.Errorf("%s: %d %s; want %d", tc.path, r.Status, r.Body, tc.status)
		}
	}
}
