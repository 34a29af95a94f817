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
	"github.com/wxintake/intake/internal/notify"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

// Staff take a chat over: the bot goes quiet, the agent's replies reach the customer as
// customer-service messages, everything lands in the transcript, and handing back makes
// the bot answer again.
func TestTakeoverReplyHandback(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		c := s.Client(wxpush.Safe)
		const who = "o_livechat_customer"
		c.Say(ctx, who, "冰箱漏水")
		r, _ := c.Say(ctx, who, "转人工")
		number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
		if number == "" {
			t.Fatalf("no ticket: %s", r.Text)
		}
		chat := &livechat.Chat{Bot: s.Bot, Tickets: s.Tickets, WeChat: s.WeChat, Now: time.Now}
		agent := staff.User{Username: "wangfang", DisplayName: "王芳", Role: staff.RoleAgent}
		other := staff.User{Username: "lilei", Role: staff.RoleAgent}

		if _, err := chat.Reply(ctx, number, agent, "您好"); err == nil {
			t.Fatal("a reply before taking over was accepted")
		}
		if _, err := chat.Takeover(ctx, number, agent); err != nil {
			t.Fatal(err)
		}
		// Taking a new ticket over accepts it and makes it the agent's: the first response.
		tk, err := s.Tickets.Get(ctx, number)
		if err != nil || tk.Status != triage.StatusAccepted || tk.Assignee != agent.Username {
			t.Fatalf("after the takeover: status %s, assignee %q, %v", tk.Status, tk.Assignee, err)
		}
		if h, err := s.Tickets.History(ctx, number); err != nil || len(h) != 2 || h[1].By != agent.Username {
			t.Fatalf("history after the takeover: %+v %v", h, err)
		}
		var apiErr *errs.Error
		if _, err := chat.Takeover(ctx, number, other); !errors.As(err, &apiErr) || apiErr.Kind != errs.Conflict {
			t.Fatalf("a second agent took over: %v", err)
		}
		// The customer writes: the bot says nothing.
		r, err = c.Say(ctx, who, "师傅什么时候能来？")
		if err != nil || !r.Success {
			t.Fatalf("the bot answered during a takeover: %+v %v", r, err)
		}
		res, err := chat.Reply(ctx, number, agent, "明天上午9点到11点之间上门，可以吗？")
		if err != nil || !res.Delivered {
			t.Fatalf("reply %+v %v", res, err)
		}
		sent := s.API.WaitSent(2, 5*time.Second)
		if len(sent) < 2 || !strings.Contains(sent[0].Text, "王芳") || sent[len(sent)-1].Text != "明天上午9点到11点之间上门，可以吗？" {
			t.Fatalf("pushed %+v", sent)
		}
		if _, err := chat.Handback(ctx, number, agent); err != nil {
			t.Fatal(err)
		}
		r, _ = c.Say(ctx, who, "空调漏水")
		if r.Success || r.Text == "" {
			t.Fatalf("the bot stayed quiet after the hand-back: %+v", r)
		}
		lines, err := s.Tickets.Transcript(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		var roles []string
		for _, l := range lines {
			roles = append(roles, string(l.Role))
		}
		joined := strings.Join(roles, ",")
		for _, want := range []triage.Role{triage.RoleCustomer, triage.RoleBot, triage.RoleStaff, triage.RoleSystem} {
			if !strings.Contains(joined, string(want)) {
				t.Errorf("transcript has no %s line: %s", want, joined)
			}
		}
	})
}

// A takeover idle past its deadline returns the ticket to the queue and tells the
// customer; the bot answers again.
func TestIdleTakeoverReturnsToTheQueue(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	c := s.Client(wxpush.Safe)
	const who = "o_idle_customer"
	c.Say(ctx, who, "冰箱漏水")
	r, _ := c.Say(ctx, who, "转人工")
	number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	now := time.Now()
	chat := &livechat.Chat{Bot: s.Bot, Tickets: s.Tickets, WeChat: s.WeChat, Now: func() time.Time { return now },
		Idle: 30 * time.Minute, Active: livechat.NewRedisDeadlines(s.Redis, "t:idle:")}
	agent := staff.User{Username: "wangfang", Role: staff.RoleAgent}
	if _, err := s.Tickets.Update(ctx, number, func(tk *triage.Ticket) error { tk.Assignee = "wangfang"; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := chat.Takeover(ctx, number, agent); err != nil {
		t.Fatal(err)
	}
	if n, err := chat.Sweep(ctx); n != 0 || err != nil {
		t.Fatalf("swept %d (%v) before the deadline", n, err)
	}
	now = now.Add(31 * time.Minute)
	if n, err := chat.Sweep(ctx); n != 1 || err != nil {
		t.Fatalf("swept %d (%v) after the deadline, want 1", n, err)
	}
	tk, _ := s.Tickets.Get(ctx, number)
	if tk.Assignee != "" {
		t.Fatalf("ticket still assigned to %q", tk.Assignee)
	}
	sent := s.API.Sent()
	if len(sent) == 0 || !strings.Contains(sent[len(sent)-1].Text, "队列") {
		t.Fatalf("customer not told: %+v", sent)
	}
	if r, _ := c.Say(ctx, who, "你好"); r.Success {
		t.Fatal("the bot stayed quiet after the idle takeover ended")
	}
}

// A takeover's notice WeChat refuses while the window is open goes to the outbox, whose
// dispatcher delivers it like any notification.
func TestRefusedNoticeIsRetriedThroughTheOutbox(t *testing.T) {
	apptest.Each(t, apptest.Options{NoLoops: true}, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		c := s.Client(wxpush.Safe)
		const who = "o_livechat_notice"
		c.Say(ctx, who, "冰箱漏水")
		r, _ := c.Say(ctx, who, "转人工")
		number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
		if number == "" {
			t.Fatalf("no ticket: %s", r.Text)
		}
		chat := &livechat.Chat{Bot: s.Bot, Tickets: s.Tickets, WeChat: s.WeChat, Now: time.Now, Notices: s.Notifier.Notice}
		s.API.FailNext(wxfake.Failure{Status: 502})
		if _, err := chat.Takeover(ctx, number, staff.User{Username: "wangfang", DisplayName: "王芳", Role: staff.RoleAgent}); err != nil {
			t.Fatal(err)
		}
		if sent := s.API.Sent(); len(sent) != 0 {
			t.Fatalf("sent despite the failure: %+v", sent)
		}
		due, err := triagedb.NewOutbox(s.DB).Claim(ctx, time.Now(), 10)
		if err != nil || len(due) != 1 || due[0].Kind != notify.KindNotice || due[0].TicketNumber != number {
			t.Fatalf("outbox: %+v %v, want the notice", due, err)
		}
		if err := s.Notifier.Send(ctx, due[0]); err != nil {
			t.Fatal(err)
		}
		if sent := s.API.WaitSent(1, 5*time.Second); len(sent) != 1 || !strings.Contains(sent[0].Text, "王芳") {
			t.Fatalf("delivered %+v, want the joined notice", sent)
		}
	})
}
