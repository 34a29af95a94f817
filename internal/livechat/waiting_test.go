package livechat_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/livechat"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// sentTo reports whether WeChat received a customer-service message for openID containing
// want.
func sentTo(s *apptest.Service, openID, want string) bool {
	for _, m := range s.API.Sent() {
		if m.ToUser == openID && strings.Contains(m.Text, want) {
			return true
		}
	}
	return false
}

// A customer who asks for a person before reporting anything waits in the queue with no
// ticket. The sweep, on an injected clock, does nothing before the wait is over and then
// hands the intake back to the bot, whose question is pushed to the customer.
func TestWaitingQueueSweep(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{NoLoops: true})
	ctx := context.Background()
	c := s.Client(wxpush.Safe)
	const who = "o_waiting_sweep"
	alerted := make(chan time.Time, 4)
	s.Waiting.Alert = func(until time.Time) { alerted <- until }
	r, err := c.Say(ctx, who, "转人工")
	if err != nil || !strings.Contains(r.Text, "人工客服") || strings.Contains(r.Text, "RS") {
		t.Fatalf("转人工 first: %q %v", r.Text, err)
	}
	select {
	case until := <-alerted:
		if d := time.Until(until); d < 9*time.Minute || d > 10*time.Minute {
			t.Errorf("staff alerted with the bot taking over in %v, want 10m", d)
		}
	case <-time.After(5 * time.Second):
		t.Error("staff were not alerted")
	}
	if tickets, _, err := s.Tickets.ListOpen(ctx, triage.Filter{}, triage.Page{Limit: 10}); err != nil || len(tickets) != 0 {
		t.Fatalf("a ticket was filed: %d %v", len(tickets), err)
	}
	if r, err := c.Say(ctx, who, "冰箱不制冷了"); err != nil || !strings.Contains(r.Text, "冰箱") {
		t.Fatalf("a fact while waiting: %q %v", r.Text, err)
	}

	now := time.Now()
	q := &livechat.Queue{Bot: s.Bot, Due: s.Waiting.Due, Now: func() time.Time { return now }}
	waiting, err := q.Waiting(ctx)
	if err != nil || len(waiting) != 1 || waiting[0].OpenID != who || waiting[0].Case.Category != "refrigerator" {
		t.Fatalf("waiting: %+v %v", waiting, err)
	}
	for _, tc := range []struct {
		after time.Duration
		want  int
	}{
		{0, 0},
		{9 * time.Minute, 0},
		{10*time.Minute + time.Second, 1},
		{11 * time.Minute, 0}, // resumed once: no longer queued
	} {
		now = waiting[0].Since.Add(tc.after)
		if n, err := q.Sweep(ctx); err != nil || n != tc.want {
			t.Fatalf("sweep after %v: %d %v, want %d", tc.after, n, err, tc.want)
		}
	}
	// in service hours "客服暂时都在忙", outside them when staff are back: the filing either way
	if !sentTo(s, who, "我先帮您把报修登记下来") {
		t.Fatalf("the customer was not told: %+v", s.API.Sent())
	}
	if waiting, err := q.Waiting(ctx); err != nil || len(waiting) != 0 {
		t.Fatalf("still waiting after the sweep: %+v %v", waiting, err)
	}
	conv, err := s.Bot.Conversation(ctx, who)
	if err != nil || conv.State != "collect" || conv.Case.Category != "refrigerator" {
		t.Fatalf("after the sweep: %s %+v %v", conv.State, conv.Case, err)
	}
}

// Staff take a waiting chat over: its case is filed with what the customer told, and the
// ticket's chat is theirs as any takeover is. A customer no longer waiting cannot be.
func TestTakeoverWaiting(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{NoLoops: true})
	ctx := context.Background()
	c := s.Client(wxpush.Safe)
	const who = "o_waiting_takeover"
	c.Say(ctx, who, "我要人工客服")
	c.Say(ctx, who, "海尔冰箱有异响")
	agent := staff.User{Username: "wangfang", DisplayName: "王芳", Role: staff.RoleAgent}
	number, _, err := s.Chat.TakeoverWaiting(ctx, s.Waiting, who, agent)
	if err != nil || number == "" {
		t.Fatalf("takeover: %q %v", number, err)
	}
	tk, err := s.Tickets.Get(ctx, number)
	if err != nil || tk.Assignee != agent.Username || tk.Record.Case.Brand != "海尔" {
		t.Fatalf("ticket: %+v %v", tk, err)
	}
	conv, _ := s.Bot.Conversation(ctx, who)
	if !conv.Paused || conv.Agent != agent.Username || conv.Ticket != number {
		t.Fatalf("conversation: %+v", conv)
	}
	if waiting, err := s.Waiting.Waiting(ctx); err != nil || len(waiting) != 0 {
		t.Fatalf("still queued: %+v %v", waiting, err)
	}
	if _, _, err := s.Chat.TakeoverWaiting(ctx, s.Waiting, "o_nobody", agent); !errors.Is(err, livechat.ErrNotWaiting) {
		t.Fatalf("a customer not waiting: %v", err)
	}
}
