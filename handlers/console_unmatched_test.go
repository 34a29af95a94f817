package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// postForm posts a page form with the session's CSRF token (csrf false: without it).
func postForm(t *testing.T, c *http.Client, base, path string, form url.Values, csrf bool) (int, string) {
	t.Helper()
	if csrf {
		u, _ := url.Parse(base)
		for _, ck := range c.Jar.Cookies(u) {
			if ck.Name == handlers.SessionCookie {
				form.Set("csrf", staff.CSRFToken(ck.Value))
			}
		}
	}
	res, err := c.PostForm(base+path, form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

func TestUnmatchedMessagesPage(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	editor := consoleUser(t, s, "editor1", staff.RoleEditor)
	agent := consoleUser(t, s, "agent1", staff.RoleAgent)
	admin := consoleUser(t, s, "admin1", staff.RoleAdmin)

	// A customer's description no rule matches is kept, redacted, with no OpenID.
	if _, err := s.Client(wxpush.Safe).Say(ctx, "o_unmatched_1", "美的空调KFR-35GW去年6月京东买的，空调外壳上的装饰贴纸卷边了，我叫张三"); err != nil {
		t.Fatal(err)
	}
	open, err := s.KB.OpenUnmatched(ctx, 10)
	if err != nil || len(open) != 1 {
		t.Fatalf("open = %+v, %v", open, err)
	}
	u := open[0]
	if !strings.Contains(u.Text, "贴纸") || strings.Contains(u.Text, "张三") || u.Category != "air_conditioner" {
		t.Errorf("stored %+v", u)
	}
	if err := s.KB.NoteUnmatched(ctx, knowledge.Unmatched{Text: "洗衣机转起来咣咣响 电话13912345678", Category: "washing_machine"}); err != nil {
		t.Fatal(err)
	}

	code, body := get(t, editor, s.URL()+"/console/rules/unmatched")
	if code != http.StatusOK || !strings.Contains(body, "未匹配的消息") || !strings.Contains(body, "贴纸") ||
		strings.Contains(body, "13912345678") || !strings.Contains(body, "[电话]") {
		t.Fatalf("page: %d\n%.3000s", code, body)
	}
	if code, _ := get(t, agent, s.URL()+"/console/rules/unmatched"); code != http.StatusForbidden {
		t.Errorf("agent: %d, want 403", code)
	}

	id := strings.TrimSpace(strings.Split(strings.Split(body, `data-unmatched="`)[1], `"`)[0])
	form := url.Values{"rule": {"ac-no-cooling"}}
	if code, _ := postForm(t, editor, s.URL(), "/console/rules/unmatched/"+id+"/sample", form, false); code != http.StatusForbidden {
		t.Errorf("without csrf: %d, want 403", code)
	}
	if code, _ := postForm(t, agent, s.URL(), "/console/rules/unmatched/"+id+"/sample", form, true); code != http.StatusForbidden {
		t.Errorf("agent: %d, want 403", code)
	}
	if code, _ := postForm(t, editor, s.URL(), "/console/rules/unmatched/999999/dismiss", url.Values{}, true); code != http.StatusNotFound {
		t.Errorf("unknown message: %d, want 404", code)
	}
	if code, _ := postForm(t, editor, s.URL(), "/console/rules/unmatched/"+id+"/sample", url.Values{"rule": {"no-such-rule"}}, true); code != http.StatusUnprocessableEntity {
		t.Errorf("unknown rule: %d, want 422", code)
	}

	// The first message becomes a sample of a rule in the draft; the page compares.
	draft, err := s.KB.Draft(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rule := draft.Rules[0].ID
	for _, r := range draft.Rules {
		if !r.Safety && strings.HasPrefix(r.ID, "ac-") {
			rule = r.ID
			break
		}
	}
	var target knowledge.Unmatched
	for _, m := range mustOpen(t, s) {
		if strings.Contains(m.Text, "贴纸") {
			target = m
		}
	}
	code, loc := postForm(t, editor, s.URL(), "/console/rules/unmatched/"+itoa(target.ID)+"/sample", url.Values{"rule": {rule}}, true)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/console/rules/unmatched?added=") {
		t.Fatalf("sample: %d %q", code, loc)
	}
	if draft, err = s.KB.Draft(ctx); err != nil {
		t.Fatal(err)
	}
	if r := draft.Rule(rule); r == nil || r.Samples[len(r.Samples)-1] != target.Text {
		t.Fatalf("draft rule %s has no new sample", rule)
	}
	for i := 0; i < 120; i++ { // the self-tests run after the answer
		if code, body = get(t, editor, s.URL()+loc); !strings.Contains(body, `id="unmatched-pending"`) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if code != http.StatusOK || !strings.Contains(body, `id="heldout-row"`) || !strings.Contains(body, "留出准确率") {
		t.Errorf("result: %d\n%.3000s", code, body)
	}
	if strings.Contains(body, `data-unmatched="`+itoa(target.ID)+`"`) {
		t.Errorf("the message added is still listed")
	}

	// Dismissing the other one empties the list.
	other := mustOpen(t, s)[0]
	if code, loc := postForm(t, editor, s.URL(), "/console/rules/unmatched/"+itoa(other.ID)+"/dismiss", url.Values{}, true); code != http.StatusSeeOther || !strings.Contains(loc, "dismissed=") {
		t.Errorf("dismiss: %d %q", code, loc)
	}
	if len(mustOpen(t, s)) != 0 {
		t.Errorf("still open after dismiss")
	}

	// Rules page filter, rule page figures, dashboard weeks.
	if code, body := get(t, editor, s.URL()+"/console/rules?attention=1"); code != http.StatusOK || !strings.Contains(body, `name="attention" value="1" checked`) {
		t.Errorf("attention filter: %d", code)
	}
	if code, body := get(t, editor, s.URL()+"/console/rules/"+rule); code != http.StatusOK || !strings.Contains(body, `id="rule-figures"`) || !strings.Contains(body, `id="rule-nearby"`) {
		t.Errorf("rule page: %d\n%.2000s", code, body)
	}
	if code, body := get(t, admin, s.URL()+"/console/dashboard"); code != http.StatusOK || !strings.Contains(body, `id="unmatched-weeks"`) || strings.Count(body, "data-week=") != 8 {
		t.Errorf("dashboard: %d", code)
	}
	if code, body := get(t, editor, s.URL()+"/console/rules/new?sample="+url.QueryEscape("热水器有怪味")); code != http.StatusOK || !strings.Contains(body, "热水器有怪味") {
		t.Errorf("new rule from a message: %d", code)
	}
}

func mustOpen(t *testing.T, s *apptest.Service) []knowledge.Unmatched {
	t.Helper()
	open, err := s.KB.OpenUnmatched(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	return open
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
