package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// An admin's tools on the ticket page, in Chromium: a reply WeChat refuses shows as
// 未送达 with its reason and is sent again with 重试 (live, and after a reload) without a
// second transcript line; the ticket is reassigned to another agent and group; a visit is
// booked among the offered windows and the customer is told.
func TestBrowserTicketTools(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) {
		c.Routing.Groups = []config.Group{{Name: "华东家电组"}, {Name: "全国综合组"}}
	}})
	ctx := context.Background()
	addStaff(t, s, "zhangmin", "张敏", staff.RoleAdmin, "correct horse 42")
	addStaff(t, s, "lilei", "李雷", staff.RoleAgent, "correct horse 42")
	const openID = "o_tools_customer"
	number := escalate(t, s, openID)

	br := newBrowser(t, ctx, chromium, 1400, func() bool { return false })
	br.diagnose = `document.getElementById('flash') ? document.getElementById('flash').textContent : ''`
	logIn(br, s.URL(), "zhangmin")
	br.do("open and take over",
		chromedp.Navigate(s.URL()+"/console/tickets/"+number),
		chromedp.WaitVisible(css(`#live`)),
		chromedp.Click(css(`#takeover`)),
	)
	br.poll("taken over", `document.getElementById('flash').textContent === '操作成功。'`)

	// Live: the reply fails, is marked, and is retried.
	const first = "请问冰箱是哪里漏水？"
	s.API.FailNext(wxfake.Failure{Status: http.StatusBadGateway})
	br.do("reply", chromedp.SendKeys(css(`#reply-text`), first), chromedp.Click(css(`#reply button[type=submit]`)))
	marked := `(() => { const li = Array.from(document.querySelectorAll('#transcript li.undelivered')).find(l => l.textContent.includes(` + jsString(first) + `));
		return !!li && li.querySelector('.undelivered-note').textContent.includes('未送达') && !!li.querySelector('button.retry'); })()`
	br.poll("undelivered reply marked", marked)
	if note := br.text(`#transcript li.undelivered .reason`); note != catalog.T("console.ticket2.reason.server") {
		t.Errorf("reason %q", note)
	}
	br.screenshot("console-undelivered.png")
	before := len(s.API.Sent())
	br.do("retry", chromedp.Click(css(`#transcript li.undelivered button.retry`)))
	br.poll("retried", `document.querySelectorAll('#transcript li.undelivered').length === 0`)
	waitSent(t, s.API, before, first)

	// After a reload: the mark comes from the server.
	const second = "工程师明天上午可以上门吗？"
	s.API.FailNext(wxfake.Failure{Errcode: 45047})
	br.do("reply again", chromedp.SendKeys(css(`#reply-text`), second), chromedp.Click(css(`#reply button[type=submit]`)))
	br.poll("second reply marked", `document.querySelectorAll('#transcript li.undelivered').length === 1`)
	br.do("reload", chromedp.Reload(), chromedp.WaitVisible(css(`#transcript li.undelivered button.retry`)))
	if note := br.text(`#transcript li.undelivered .reason`); note != catalog.T("console.ticket2.reason.quota") {
		t.Errorf("reason after reload %q", note)
	}
	before = len(s.API.Sent())
	br.do("retry after reload", chromedp.Click(css(`#transcript li.undelivered button.retry`)))
	br.poll("retried after reload", `document.querySelectorAll('#transcript li.undelivered').length === 0`)
	waitSent(t, s.API, before, second)
	for _, text := range []string{first, second} {
		if n := countStaffLines(t, s, number, text); n != 1 {
			t.Errorf("%d transcript lines of %q; want 1", n, text)
		}
	}

	// Reassign to another agent and group. The page reloads after it; the mark set here is
	// gone once the new page is there, so the booking below never lands on the old one.
	if _, err := chromedp.Run(br.ctx, chromedp.Evaluate[string](`document.body.dataset.before = "reassign"`)); err != nil {
		t.Fatal(err)
	}
	br.do("reassign",
		chromedp.SetValue(css(`#assign-form select[name=assignee]`), "lilei"),
		chromedp.SetValue(css(`#assign-form select[name=group]`), "全国综合组"),
		chromedp.Click(css(`#assign-form button[type=submit]`)),
	)
	pollTicket(t, s, number, "reassigned", func(tk triage.Ticket) bool { return tk.Assignee == "lilei" && tk.Group == "全国综合组" })

	// Book the second window offered.
	eventually(br, "reloaded after reassigning", `!document.body.dataset.before && !!document.getElementById('visit-form')`)
	label, err := chromedp.Run(br.ctx, chromedp.Evaluate[string](`document.querySelectorAll('#visit-form option')[1].textContent`))
	if err != nil {
		t.Fatal(err)
	}
	value, _ := chromedp.Run(br.ctx, chromedp.Evaluate[string](`document.querySelectorAll('#visit-form option')[1].value`))
	br.do("book a visit", chromedp.SetValue(css(`#visit-form select`), value), chromedp.Click(css(`#visit-form button[type=submit]`)))
	pollTicket(t, s, number, "visit booked", func(tk triage.Ticket) bool { return !tk.VisitWindow.IsZero() })
	eventually(br, "booked window shown", `(() => { const e = document.getElementById('visit-booked'); return !!e && e.textContent.includes(`+jsString(label)+`); })()`)
	waitSent(t, s.API, 0, label)
	br.screenshot("console-ticket-tools.png")
}

// logIn signs the browser in at base as username.
func logIn(br *chrome, base, username string) {
	br.do("log in as "+username,
		chromedp.Navigate(base+"/console/login"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), username),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.queue`)),
	)
}

// waitSent waits for a message containing text among what api received after the first
// after messages.
func waitSent(t *testing.T, api *wxfake.Server, after int, text string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		sent := api.WaitSent(after+1, time.Second)
		for _, m := range sent[min(after, len(sent)):] {
			if strings.Contains(m.Text, text) {
				return
			}
		}
		after = 0 // look through everything on the next round
	}
	t.Fatalf("WeChat never received %q: %+v", text, api.Sent())
}

func countStaffLines(t *testing.T, s *apptest.Service, number, text string) int {
	t.Helper()
	all, err := s.Tickets.Transcript(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range all {
		if e.Role == triage.RoleStaff && e.Text == text {
			n++
		}
	}
	return n
}

// pollTicket waits up to 10 s for the stored ticket to satisfy ok.
func pollTicket(t *testing.T, s *apptest.Service, number, what string, ok func(triage.Ticket) bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		tk, err := s.Tickets.Get(context.Background(), number)
		if err == nil && ok(tk) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: ticket %+v %v", what, tk, err)
		}
	}
}

// eventually waits up to 10 s for the JavaScript expression to be true, across page
// loads (a poll fails when the page navigates).
func eventually(br *chrome, step, expr string) {
	br.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(br.ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
	}
	br.t.Fatalf("%s: not so after 10 s", step)
}
