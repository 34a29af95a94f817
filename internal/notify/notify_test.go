package notify_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

var number = regexp.MustCompile(`RS\d{8}-\d{4,}`)

// openTicket has a customer escalate to a person, which opens a ticket at once.
func openTicket(t *testing.T, s *apptest.Service, openID string) string {
	t.Helper()
	c := s.Client(wxpush.Safe)
	if _, err := c.Say(context.Background(), openID, "冰箱漏水"); err != nil {
		t.Fatal(err)
	}
	r, err := c.Say(context.Background(), openID, "转人工")
	if err != nil {
		t.Fatal(err)
	}
	n := number.FindString(r.Text)
	if n == "" {
		t.Fatalf("no ticket: %s", r.Text)
	}
	return n
}

func dispatch(t *testing.T, s *apptest.Service, at time.Time) (sent, failed int) {
	t.Helper()
	d := &triagedb.Dispatcher{Outbox: s.Notifier.Outbox, Send: s.Notifier.Send}
	sent, failed, err := d.RunOnce(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	return sent, failed
}

// Every status change reaches the customer; within the window as a customer-service
// message, then (with a template configured) as a template message; the completion
// schedules the follow-up survey, answered in the chat and stored once.
func TestStatusChangesReachTheCustomer(t *testing.T) {
	opts := apptest.Options{Config: func(c *config.Config) { c.Notify.TemplateID = "TPL-STATUS" }}
	apptest.Each(t, opts, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		const who = "o_notify_customer"
		n := openTicket(t, s, who)
		s.Notifier.Now = time.Now

		for _, to := range []triage.Status{triage.StatusAccepted, triage.StatusDiagnosing} {
			if _, err := s.Notifier.ChangeStatus(ctx, n, to, "agent1", ""); err != nil {
				t.Fatal(err)
			}
		}
		if sent, failed := dispatch(t, s, time.Now()); sent != 2 || failed != 0 {
			t.Fatalf("sent %d failed %d, want 2 and 0", sent, failed)
		}
		if list, _ := s.Notifier.Outbox.ListForTicket(ctx, n, 0); len(list) != 2 || list[0].Channel != triagedb.ChannelChat || list[0].Reason != "" {
			t.Errorf("recorded %+v, want two chat messages", list)
		}
		msgs := s.API.Sent()
		if len(msgs) != 2 || msgs[0].ToUser != who || !strings.Contains(msgs[0].Text, n) || !strings.Contains(msgs[1].Text, triage.StatusDiagnosing.Label()) {
			t.Fatalf("customer-service messages %+v", msgs)
		}
		// The chat message links to the customer's page too.
		link := regexp.MustCompile(`http://\S+/h5/t/\S+`).FindString(msgs[1].Text)
		if link == "" {
			t.Fatalf("no page link in %q", msgs[1].Text)
		}
		openPage(t, s, link, n)

		// Three days later the window is closed: the template message carries it.
		later := time.Now().Add(72 * time.Hour)
		s.Notifier.Now = func() time.Time { return later }
		if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusRepairing, "agent1", "已更换压缩机"); err != nil {
			t.Fatal(err)
		}
		if sent, _ := dispatch(t, s, later); sent != 1 {
			t.Fatalf("template not sent")
		}
		msgs = s.API.Sent()
		if last := msgs[len(msgs)-1]; !strings.HasSuffix(last.Path, "/template/send") || !strings.Contains(last.Raw, "TPL-STATUS") || !strings.Contains(last.Raw, n) {
			t.Fatalf("last message %+v, want the template", last)
		}

		// Completion: the survey waits FollowUpAfter, then, the customer having written
		// lately (the window is open), asks in the chat. Outside the window it is a
		// template linking to the page: TestTemplateOutsideTheWindowObeysTheRules.
		if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusCompleted, "agent1", ""); err != nil {
			t.Fatal(err)
		}
		if sent, _ := dispatch(t, s, later); sent != 1 { // the status only
			t.Fatalf("sent %d at completion, want the status only", sent)
		}
		survey := later.Add(s.Cfg.Notify.FollowUpAfter + time.Minute)
		s.Notifier.Now = time.Now
		if sent, _ := dispatch(t, s, survey); sent != 1 {
			t.Fatalf("survey not sent")
		}
		r, err := s.Client(wxpush.Safe).Say(ctx, who, "5")
		if err != nil || !strings.Contains(r.Text, "5 分") {
			t.Fatalf("rating reply %+v %v", r, err)
		}
		s.Client(wxpush.Safe).Say(ctx, who, "师傅很专业")
		tk, err := s.Tickets.Get(ctx, n)
		if err != nil || tk.Rating != 5 || tk.Comment != "师傅很专业" {
			t.Fatalf("rating %d comment %q err %v", tk.Rating, tk.Comment, err)
		}
	})
}

// A failing WeChat API never loses a notification: it is retried with backoff.
func TestFailedSendsAreRetried(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	n := openTicket(t, s, "o_retry_customer")
	s.API.FailNext(wxfake.Failure{Status: 502}, wxfake.Failure{Errcode: 45047})
	if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusAccepted, "agent1", ""); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if sent, failed := dispatch(t, s, now); sent != 0 || failed != 1 {
		t.Fatalf("first attempt: sent %d failed %d", sent, failed)
	}
	if sent, failed := dispatch(t, s, now); sent+failed != 0 {
		t.Fatal("retried before its backoff")
	}
	// After the backoff: WeChat says the quota is used up and there is no template, so it
	// is kept for later again; then it goes through.
	if _, failed := dispatch(t, s, now.Add(time.Hour)); failed != 1 {
		t.Fatal("second attempt did not fail")
	}
	if sent, _ := dispatch(t, s, now.Add(3*time.Hour)); sent != 1 {
		t.Fatal("third attempt not sent")
	}
}
