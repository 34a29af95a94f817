package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// An editor in headless Chromium turns a message no rule matched into a sample of the
// rule the page proposes, sees the self-test's held-out figures before and after, and
// publishes; the same message from a customer then matches that rule.
func TestBrowserUnmatchedBecomesSample(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	ctx := context.Background()
	const message = "美的空调KFR-35GW去年6月京东买的，空调外壳上的装饰贴纸卷边了"

	if _, err := s.Client(wxpush.Safe).Say(ctx, "o_unmatched_first", message); err != nil {
		t.Fatal(err)
	}
	open, err := s.KB.OpenUnmatched(ctx, 10)
	if err != nil || len(open) != 1 {
		t.Fatalf("kept: %+v %v", open, err)
	}
	kept := open[0]

	addStaff(t, s, "lina", "李娜", staff.RoleEditor, "correct horse 42")
	br := newBrowser(t, ctx, chromium, 1000, func() bool { return true })
	br.diagnose = `location.href + ' ' + (document.getElementById('flash') || {}).textContent`
	browser, do, text, poll := br.ctx, br.do, br.text, br.poll

	do("log in",
		chromedp.Navigate(s.URL()+"/console/"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "lina"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.rules`)),
	)
	do("open the unmatched messages",
		chromedp.Click(css(`#unmatched-link`)),
		chromedp.WaitVisible(css(`tr[data-unmatched] .unmatched-sample`)),
	)
	if got := text(`tr[data-unmatched] .unmatched-text`); got != kept.Text {
		t.Errorf("the page shows %q, kept %q", got, kept.Text)
	}
	rule, err := chromedp.Run(browser, chromedp.Evaluate[string](`document.querySelector('tr[data-unmatched] select[name=rule]').value`))
	if err != nil || rule == "" {
		t.Fatalf("no rule proposed (%v)", err)
	}
	if kept.RuleID != "" && rule != kept.RuleID {
		t.Errorf("proposed %q, the nearest was %q", rule, kept.RuleID)
	}
	do("add as a sample", chromedp.Click(css(`tr[data-unmatched] .unmatched-sample button`)))
	// The page reloads itself while the self-tests run.
	for end := time.Now().Add(90 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		ok, err := chromedp.Run(browser, chromedp.Evaluate[bool](`!!document.getElementById('heldout-row')`))
		if err == nil && ok {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("no figures after adding the sample (%v)", err)
		}
	}
	if fig := text(`#heldout-row`); !strings.Contains(fig, "%") {
		t.Errorf("held-out row: %q", fig)
	}
	if g := text(`#unmatched-gate`); !strings.Contains(g, "通过") {
		t.Errorf("gate: %q", g)
	}

	do("publish",
		chromedp.Click(css(`#unmatched-to-publish`)),
		chromedp.WaitVisible(css(`#publish input[name=message]`)),
		chromedp.SendKeys(css(`#publish input[name=message]`), "未匹配消息加为样例"),
		chromedp.Click(css(`#publish button[type=submit]`)),
	)
	poll("published", `document.getElementById('flash').textContent.includes('已发布')`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := s.Knowledge().Set().Rule(rule)
		if r != nil && len(r.Samples) > 0 && r.Samples[len(r.Samples)-1] == kept.Text {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the published revision lacks the sample")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// The same message now matches the rule confidently: nothing new is kept.
	if _, err := s.Client(wxpush.Safe).Say(ctx, "o_unmatched_second", message); err != nil {
		t.Fatal(err)
	}
	c, err := s.Bot.Conversation(ctx, "o_unmatched_second")
	if err != nil {
		t.Fatal(err)
	}
	if c.Case.RuleID != rule {
		t.Errorf("the message matched %q, want %q", c.Case.RuleID, rule)
	}
	open, err = s.KB.OpenUnmatched(ctx, 10)
	if err != nil || len(open) != 0 {
		t.Errorf("still kept as unmatched: %+v %v", open, err)
	}
}
