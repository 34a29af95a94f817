package livechat_test

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// A reply WeChat refuses is recorded once, kept as undelivered with the reason, and sent
// again on retry — each failure kind with its own reason — without a second transcript
// line; once delivered it can no longer be retried.
func TestUndeliveredReplyRetried(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		c := s.Client(wxpush.Safe)
		const who = "o_retry_customer"
		c.Say(ctx, who, "冰箱漏水")
		r, _ := c.Say(ctx, who, "转人工")
		number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
		if number == "" {
			t.Fatalf("no ticket: %s", r.Text)
		}
		agent := staff.User{Username: "wangfang", DisplayName: "王芳", Role: staff.RoleAgent}
		if _, err := s.Chat.Takeover(ctx, number, agent); err != nil {
			t.Fatal(err)
		}
		s.API.WaitSent(1, 5*time.Second) // the takeover notice

		const text = "请问冰箱是哪里漏水？"
		s.API.FailNext(wxfake.Failure{Status: http.StatusBadGateway})
		res, err := s.Chat.Reply(ctx, number, agent, text)
		if err != nil || res.Delivered || res.ID == "" || res.Note != catalog.T("console.ticket2.reason.server") {
			t.Fatalf("failed reply: %+v %v", res, err)
		}
		pending, err := s.Chat.Undelivered(ctx, number)
		if err != nil || len(pending) != 1 || pending[0].ID != res.ID || pending[0].Text != text || pending[0].By != agent.Username {
			t.Fatalf("undelivered %+v %v", pending, err)
		}
		lines := staffLines(t, s, number, text)
		if len(lines) != 1 || !lines[0].At.Equal(pending[0].At) {
			t.Fatalf("transcript lines %+v; undelivered at %v", lines, pending[0].At)
		}

		for _, tc := range []struct {
			name string
			fail wxfake.Failure
			note string
		}{
			{"window expired", wxfake.Failure{Errcode: 45015}, "console.ticket2.reason.window"},
			{"quota used", wxfake.Failure{Errcode: 45047}, "console.ticket2.reason.quota"},
			{"server error", wxfake.Failure{Status: http.StatusServiceUnavailable}, "console.ticket2.reason.server"},
		} {
			s.API.FailNext(tc.fail)
			got, err := s.Chat.Retry(ctx, number, agent, res.ID)
			if err != nil || got.Delivered || got.ID != res.ID || got.Note != catalog.T(tc.note) {
				t.Errorf("%s: retry %+v %v", tc.name, got, err)
			}
		}

		other := staff.User{Username: "lilei", Role: staff.RoleAgent}
		var apiErr *errs.Error
		if _, err := s.Chat.Retry(ctx, number, other, res.ID); !errors.As(err, &apiErr) || apiErr.Kind != errs.Conflict {
			t.Errorf("retry by an agent without the chat: %v", err)
		}

		before := len(s.API.Sent())
		got, err := s.Chat.Retry(ctx, number, agent, res.ID)
		if err != nil || !got.Delivered {
			t.Fatalf("retry: %+v %v", got, err)
		}
		if sent := s.API.WaitSent(before+1, 5*time.Second); len(sent) <= before || sent[len(sent)-1].Text != text {
			t.Fatalf("the retried reply did not reach WeChat: %+v", sent)
		}
		if pending, _ := s.Chat.Undelivered(ctx, number); len(pending) != 0 {
			t.Errorf("still undelivered after delivery: %+v", pending)
		}
		if lines := staffLines(t, s, number, text); len(lines) != 1 {
			t.Errorf("%d transcript lines after the retry; want 1", len(lines))
		}
		if _, err := s.Chat.Retry(ctx, number, agent, res.ID); !errors.As(err, &apiErr) || apiErr.Kind != errs.NotFound {
			t.Errorf("second retry of a delivered reply: %v", err)
		}
	})
}

// staffLines returns the ticket's staff lines saying text.
func staffLines(t *testing.T, s *apptest.Service, number, text string) []triage.TranscriptEntry {
	t.Helper()
	all, err := s.Tickets.Transcript(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	var out []triage.TranscriptEntry
	for _, e := range all {
		if e.Role == triage.RoleStaff && e.Text == text {
			out = append(out, e)
		}
	}
	return out
}
