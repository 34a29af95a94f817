package handlers_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// A browser session of an agent, in headless Chromium against a whole service: log in,
// find the customer's ticket in the queue, open it, take the chat over, reply (the reply
// reaches WeChat), see the customer's next messages appear live — markup in them shown as
// text, never run — and hand the chat back.
func TestBrowserAgentSession(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	ctx := context.Background()

	addStaff(t, s, "wangfang", "王芳", staff.RoleAgent, "correct horse 42")
	customer := s.Client(wxpush.Safe)
	const openID = "o_browser_customer"
	number := escalate(t, s, openID)

	var dialogs atomic.Int32
	br := newBrowser(t, ctx, chromium, 900, func() bool { dialogs.Add(1); return false })
	browser, do, text, poll, screenshot := br.ctx, br.do, br.text, br.poll, br.screenshot

	do("wrong password",
		chromedp.Navigate(s.URL()+"/console/"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "wangfang"),
		chromedp.SendKeys(css(`input[name=password]`), "wrong"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`#login-error`)),
	)
	if msg := text(`#login-error`); msg == "" || strings.HasPrefix(msg, "[") {
		t.Errorf("login error %q", msg)
	}
	if _, err := chromedp.Run(browser, chromedp.Evaluate[string](`document.querySelector('input[name=password]').value = ''`)); err != nil {
		t.Fatal(err)
	}
	do("log in",
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.queue`)),
	)
	row := `tr[data-number="` + number + `"]`
	if got := text(row); !strings.Contains(got, "冰箱") {
		t.Errorf("queue row: %q", got)
	}
	do("claim", chromedp.Click(css(row+` button.claim`)))
	// The page reloads after the claim: check again until the reloaded page says so.
	claimed := false
	for deadline := time.Now().Add(10 * time.Second); !claimed && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		claimed, _ = chromedp.Run(browser, chromedp.Evaluate[bool](`!!document.querySelector('`+row+`') && document.querySelector('`+row+`').textContent.includes('wangfang')`))
	}
	if !claimed {
		t.Fatal("the claimed ticket does not show its assignee")
	}
	screenshot("console-queue.png")

	do("open and take over",
		chromedp.Click(css(`a[href="/console/tickets/`+number+`"]`)),
		chromedp.WaitVisible(css(`#transcript`)),
		chromedp.WaitVisible(css(`#live`)), // the event stream is connected
		chromedp.Click(css(`#takeover`)),
		chromedp.WaitVisible(css(`#flash`)),
	)
	if flash := text(`#flash`); flash != "操作成功。" {
		t.Fatalf("takeover: %s", flash)
	}

	const answer = "您好，我是客服王芳，请问冰箱是哪里漏水？"
	sentBefore := len(s.API.Sent())
	do("reply",
		chromedp.SendKeys(css(`#reply-text`), answer),
		chromedp.Click(css(`#reply button[type=submit]`)),
	)
	got := false
	for _, m := range s.API.WaitSent(sentBefore+1, 10*time.Second)[sentBefore:] {
		got = got || m.Text == answer
	}
	if !got {
		t.Fatalf("the reply did not reach WeChat: %+v", s.API.Sent())
	}

	// The customer answers while the page is open: the lines appear live, as text.
	const script, img = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"
	for _, m := range []string{"冷藏室下面有水", script, img} {
		if _, err := customer.Say(ctx, openID, m); err != nil {
			t.Fatal(err)
		}
	}
	poll("live lines", `(() => { const t = Array.from(document.querySelectorAll('#transcript .text')).map(e => e.textContent);
		return t.includes(`+jsString(img)+`) && t.some(x => x.includes(`+jsString(answer)+`)); })()`)
	live := text(`#transcript`)
	for _, want := range []string{answer, "冷藏室下面有水", script, img} {
		if !strings.Contains(live, want) {
			t.Errorf("live transcript lacks %q:\n%s", want, live)
		}
	}

	// Rendered by the server too, after a reload.
	do("reload", chromedp.Reload(), chromedp.WaitVisible(css(`#transcript`)))
	if html := text(`#transcript`); !strings.Contains(html, script) || !strings.Contains(html, img) {
		t.Errorf("reloaded transcript does not show the markup as text:\n%s", html)
	}
	injected, err := chromedp.Run(browser, chromedp.Evaluate[int](`document.querySelectorAll('#transcript img, #transcript script').length`))
	if err != nil || injected != 0 {
		t.Errorf("%d elements injected into the transcript (%v)", injected, err)
	}
	screenshot("console-ticket.png")

	do("hand back", chromedp.Click(css(`#handback`)))
	poll("hand back", `document.getElementById('flash').textContent === '操作成功。'`)
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d JavaScript dialogs opened", n)
	}
	r, _ := customer.Say(ctx, openID, "空调漏水")
	if r.Success || r.Text == "" {
		t.Errorf("the bot stayed quiet after the hand-back: %+v", r)
	}

	do("dashboard", chromedp.Click(css(`a[href="/console/dashboard"]`)), chromedp.WaitVisible(css(`#open-now`)))
	if open := text(`#open-now`); open != "1" {
		t.Errorf("dashboard open tickets = %q; want 1", open)
	}
	screenshot("console-dashboard.png")
}

// artifactsDir is the repository's artifacts/ directory, created if missing.
func artifactsDir(t *testing.T) string {
	dir := filepath.Join("..", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func save(t *testing.T, dir, name string, b []byte) {
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
