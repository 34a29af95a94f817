package handlers_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// In Chromium, with notifications allowed (the Notification API recorded by a stub): an
// agent on the console is notified of a customer who starts waiting for a person and of a
// complaint, each once, and not of the tickets there before the console was opened nor of
// a new ticket nobody waits for that is not urgent.
func TestBrowserNotifications(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	addStaff(t, s, "zhouxin", "周欣", staff.RoleAgent, "correct horse 42")
	ctx := context.Background()
	before := escalate(t, s, "o_notify_before")

	br := newBrowser(t, ctx, chromium, 900, func() bool { return false })
	br.diagnose = `JSON.stringify(window.__notes) + ' ' + localStorage.getItem('intake.notified')`
	if _, err := chromedp.Call(br.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
			window.__notes = [];
			window.Notification = function (title, o) { window.__notes.push({ title: title, body: o.body }); };
			window.Notification.permission = "granted";
			window.Notification.requestPermission = async function () { return "granted"; };`}); err != nil {
		t.Fatalf("stub the Notification API: %v", err)
	}
	br.do("log in",
		chromedp.Navigate(s.URL()+"/console/login"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "zhouxin"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.queue`)),
	)
	br.poll("the tickets already there are learned, not notified",
		`(localStorage.getItem('intake.notified') || '').includes('`+before+`') && window.__notes.length === 0 && document.getElementById('notify-enable').hidden`)

	waiting := escalate(t, s, "o_notify_waiting")
	r, err := s.Client(wxpush.Safe).Say(ctx, "o_notify_complaint", "冰箱漏水，再不处理我就找媒体曝光")
	if err != nil {
		t.Fatal(err)
	}
	complaint := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	quiet, _, err := s.Tickets.Create(ctx, triage.Ticket{CaseKey: "notify-quiet", OpenID: "o_notify_quiet",
		Priority: triage.PriorityNormal, Category: "refrigerator", CreatedAt: time.Now()})
	if err != nil || complaint == "" {
		t.Fatalf("complaint %q (%s), quiet ticket: %v", complaint, r.Text, err)
	}
	if _, err := chromedp.Run(br.ctx, chromedp.Poll[bool](
		`window.__notes.length >= 2 && window.__notes.some(n => n.body.startsWith('`+waiting+`') && n.title.includes('客户等待人工')) &&
		 window.__notes.some(n => n.body.startsWith('`+complaint+`') && n.title.includes('投诉') && n.title.includes('紧急工单'))`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		notes, _ := chromedp.Run(br.ctx, chromedp.Evaluate[string](br.diagnose))
		t.Fatalf("notifications: %v: %s", err, notes)
	}
	time.Sleep(11 * time.Second) // one more poll: nothing repeated, nothing for the quiet ticket
	notes, err := chromedp.Run(br.ctx, chromedp.Evaluate[int](`window.__notes.length`))
	if err != nil || notes != 2 {
		all, _ := chromedp.Run(br.ctx, chromedp.Evaluate[string](br.diagnose))
		t.Errorf("%d notifications (%v), want 2; quiet ticket %s: %s", notes, err, quiet.Number, all)
	}
}
