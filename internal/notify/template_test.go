package notify_test

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/notify"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

var wechatTime = regexp.MustCompile(`^(\d{4}年)?\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}$`)

// checkTemplate fails unless msg is a template message that WeChat shows in full under
// its 2023 rules: nothing in first or remark, every value within 20 characters and of
// its field's kind, no emoji.
func checkTemplate(t *testing.T, msg wxfake.Sent, number string) *wxfake.Template {
	t.Helper()
	tpl := msg.Template
	if tpl == nil || !strings.HasSuffix(msg.Path, "/template/send") {
		t.Fatalf("not a template message: %+v", msg)
	}
	if _, ok := tpl.Data["first"]; ok {
		t.Errorf("first filled: %v", tpl.Data)
	}
	if _, ok := tpl.Data["remark"]; ok {
		t.Errorf("remark filled: %v", tpl.Data)
	}
	for k, v := range tpl.Data {
		if n := utf8.RuneCountInString(v); n == 0 || n > 20 {
			t.Errorf("%s = %q: %d characters", k, v, n)
		}
		for _, r := range v {
			if r >= 0x1F000 || (r >= 0x2600 && r <= 0x27BF) || r == 0xFE0F || r == '\n' {
				t.Errorf("%s = %q carries %U", k, v, r)
			}
		}
	}
	if tpl.Data["character_string1"] != number {
		t.Errorf("character_string1 = %q, want %s", tpl.Data["character_string1"], number)
	}
	phrase := tpl.Data["phrase3"]
	if utf8.RuneCountInString(phrase) > 5 || strings.IndexFunc(phrase, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
		t.Errorf("phrase3 = %q is not a phrase of at most 5 汉字", phrase)
	}
	if !wechatTime.MatchString(tpl.Data["time4"]) {
		t.Errorf("time4 = %q is not in WeChat's time format", tpl.Data["time4"])
	}
	return tpl
}

// When WeChat refuses the customer-service message with 45015 (48 hours have passed),
// the status change goes out as a template that obeys the 2023 rules; the default
// mapping fits a typical 维修进度 template.
func TestTemplateOutsideTheWindowObeysTheRules(t *testing.T) {
	opts := apptest.Options{Config: func(c *config.Config) { c.Notify.TemplateID = "TPL-STATUS" }}
	apptest.Each(t, opts, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		n := openTicket(t, s, "o_tpl_rules")
		s.Notifier.Now = time.Now
		// Our count still thinks the window is open; WeChat says it is not.
		s.API.CloseWindow(true)
		note := "工程师已到场检查😀，发现压缩机损坏，需要更换配件后再次上门，预计三天内完成\n请保持电话畅通"
		if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusAccepted, "agent1", note); err != nil {
			t.Fatal(err)
		}
		if sent, failed := dispatch(t, s, time.Now()); sent != 1 || failed != 0 {
			t.Fatalf("sent %d failed %d", sent, failed)
		}
		msgs := s.API.Sent()
		tpl := checkTemplate(t, msgs[len(msgs)-1], n)
		if tpl.TemplateID != "TPL-STATUS" || tpl.Data["phrase3"] != triage.StatusAccepted.Label() {
			t.Errorf("template %+v", tpl)
		}
		if text := tpl.Data["thing2"]; !strings.HasPrefix(text, "工程师已到场检查") || !strings.HasSuffix(text, "…") {
			t.Errorf("thing2 = %q, want the note cut with …", text)
		}
		// Staff see how it went: by template, because WeChat refused the chat message.
		if list, err := s.Notifier.Outbox.ListForTicket(ctx, n, 1); err != nil || len(list) != 1 ||
			list[0].Channel != triagedb.ChannelTemplate || list[0].Reason != triagedb.ReasonRefused {
			t.Errorf("recorded %+v %v", list, err)
		}
		// The link opens the customer's page, with the whole note.
		page := openPage(t, s, tpl.URL, n)
		if !strings.Contains(page, triage.StatusAccepted.Label()) || !strings.Contains(page, "预计三天内完成") {
			t.Errorf("the page lacks the status or the note")
		}

		// The survey, days after completion, is a template too: no chat question that
		// could never be answered.
		if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusDiagnosing, "agent1", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusRepairing, "agent1", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Notifier.ChangeStatus(ctx, n, triage.StatusCompleted, "agent1", ""); err != nil {
			t.Fatal(err)
		}
		before := len(s.API.Sent())
		if sent, _ := dispatch(t, s, time.Now()); sent != 3 {
			t.Fatalf("sent %d of 3 status changes", sent)
		}
		// Each template names the status it announces, not the ticket's latest.
		for i, want := range []triage.Status{triage.StatusDiagnosing, triage.StatusRepairing, triage.StatusCompleted} {
			if tpl := checkTemplate(t, s.API.Sent()[before+i], n); tpl.Data["phrase3"] != want.Label() {
				t.Errorf("template %d: phrase3 = %q, want %s", i, tpl.Data["phrase3"], want.Label())
			}
		}
		survey := time.Now().Add(s.Cfg.Notify.FollowUpAfter + time.Minute)
		s.Notifier.Now = func() time.Time { return survey }
		before = len(s.API.Sent())
		if sent, failed := dispatch(t, s, survey); sent != 1 || failed != 0 {
			t.Fatalf("survey: sent %d failed %d", sent, failed)
		}
		msgs = s.API.Sent()
		if len(msgs) != before+1 {
			t.Fatalf("survey sent %d messages", len(msgs)-before)
		}
		tpl = checkTemplate(t, msgs[len(msgs)-1], n)
		if !strings.Contains(tpl.Data["thing2"], "评价") {
			t.Errorf("survey template %v", tpl.Data)
		}
		if list, _ := s.Notifier.Outbox.ListForTicket(ctx, n, 1); len(list) != 1 || list[0].Kind != notify.KindFollowUp ||
			list[0].Channel != triagedb.ChannelTemplate || list[0].Reason != triagedb.ReasonWindow {
			t.Errorf("survey recorded %+v", list)
		}
		if page := openPage(t, s, tpl.URL, n); !strings.Contains(page, `name="score"`) || !strings.Contains(page, catalog.T("h5.rate.ask")) {
			t.Errorf("the survey's page offers no rating")
		}
	})
}

// openPage fetches the customer page a template links to and returns it.
func openPage(t *testing.T, s *apptest.Service, link, number string) string {
	t.Helper()
	if !strings.HasPrefix(link, s.URL()+"/h5/t/") {
		t.Fatalf("template link %q is not the customer page", link)
	}
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), number) {
		t.Fatalf("page %s: %d", link, resp.StatusCode)
	}
	return string(b)
}
