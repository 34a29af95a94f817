package livechat_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/livechat"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// TestTakeoverOwnership (issue 14): a chat taken over is its agent's. Another agent can
// neither take it nor hand it back; an admin can do both, and is told whose it was so the
// agent hears of it. A hand-back with nobody holding the chat changes nothing and tells
// the customer nothing.
func TestTakeoverOwnership(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		c := s.Client(wxpush.Safe)
		const who = "o_livechat_owner"
		c.Say(ctx, who, "冰箱漏水")
		r, _ := c.Say(ctx, who, "转人工")
		number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
		if number == "" {
			t.Fatalf("no ticket: %s", r.Text)
		}
		chat := &livechat.Chat{Bot: s.Bot, Tickets: s.Tickets, WeChat: s.WeChat, Now: time.Now}
		agent := staff.User{Username: "wangfang", DisplayName: "王芳", Role: staff.RoleAgent}
		other := staff.User{Username: "lilei", DisplayName: "李雷", Role: staff.RoleAgent}
		admin := staff.User{Username: "zhaozg", DisplayName: "赵主管", Role: staff.RoleAdmin}
		sent := func() int { return len(s.API.Sent()) }
		holder := func() string {
			conv, err := s.Bot.Conversation(ctx, who)
			if err != nil || !conv.Paused {
				return ""
			}
			return conv.Agent
		}
		apiError := func(err error) *errs.Error {
			var e *errs.Error
			if !errors.As(err, &e) {
				return &errs.Error{}
			}
			return e
		}

		// Nobody holds the chat: a hand-back is a no-op and the customer hears nothing.
		before := sent()
		if h, err := chat.Handback(ctx, number, agent); err != nil || !h.Noop {
			t.Fatalf("hand-back with no takeover: %+v %v, want a no-op", h, err)
		}
		if sent() != before {
			t.Fatalf("a hand-back with no takeover messaged the customer: %+v", s.API.Sent()[before:])
		}

		if h, err := chat.Takeover(ctx, number, agent); err != nil || h.From != "" || h.Noop {
			t.Fatalf("takeover: %+v %v", h, err)
		}
		s.API.WaitSent(before+1, 5*time.Second)
		before = sent()
		if _, err := chat.Takeover(ctx, number, other); apiError(err).Kind != errs.Conflict || !strings.Contains(apiError(err).Message(), "wangfang") && !strings.Contains(apiError(err).Message(), "王芳") {
			t.Fatalf("another agent took the chat over: %v", err)
		}
		if _, err := chat.Handback(ctx, number, other); apiError(err).Kind != errs.Forbidden || apiError(err).Code != "not_yours" || apiError(err).Message() == "" {
			t.Fatalf("another agent handed the chat back: %v", err)
		}
		if holder() != agent.Username || sent() != before {
			t.Fatalf("after the refusals the chat is %q's, %d messages sent", holder(), sent()-before)
		}

		// An admin takes it from the agent, who can no longer reply and is told by whom.
		h, err := chat.Takeover(ctx, number, admin)
		if err != nil || h.From != agent.Username {
			t.Fatalf("admin takeover: %+v %v, want it taken from %s", h, err, agent.Username)
		}
		if holder() != admin.Username {
			t.Fatalf("the chat is %q's after the admin's takeover", holder())
		}
		if _, err := chat.Reply(ctx, number, agent, "还在吗？"); apiError(err).Kind != errs.Conflict || !strings.Contains(apiError(err).Message(), admin.Username) {
			t.Fatalf("the previous agent's reply: %v, want 409 naming the admin", err)
		}
		if _, err := chat.Handback(ctx, number, agent); apiError(err).Kind != errs.Forbidden {
			t.Fatalf("the previous agent handed the admin's chat back: %v", err)
		}

		// The admin can hand back an agent's chat too.
		if _, err := chat.Handback(ctx, number, admin); err != nil {
			t.Fatal(err)
		}
		if _, err := chat.Takeover(ctx, number, other); err != nil {
			t.Fatal(err)
		}
		if h, err := chat.Handback(ctx, number, admin); err != nil || h.From != other.Username || h.Noop {
			t.Fatalf("admin hand-back of another's chat: %+v %v", h, err)
		}
		if holder() != "" {
			t.Fatalf("still held by %q", holder())
		}
		s.API.WaitSent(sent(), 5*time.Second)
		before = sent()
		if h, err := chat.Handback(ctx, number, admin); err != nil || !h.Noop {
			t.Fatalf("second hand-back: %+v %v, want a no-op", h, err)
		}
		time.Sleep(100 * time.Millisecond)
		if sent() != before {
			t.Fatalf("a second hand-back messaged the customer: %+v", s.API.Sent()[before:])
		}
	})
}
