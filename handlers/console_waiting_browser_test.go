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

// In Chromium: a customer asks for a person before reporting anything, so no ticket
// exists; the queue page lists the waiting chat with what the customer told meanwhile, the
// agent's 接入 files the case and opens its page taken over, the agent's reply reaches the
// customer, and the chat can be handed back.
func TestBrowserWaitingChatTakeover(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	addStaff(t, s, "wangfang", "王芳", staff.RoleAgent, "correct horse 42")
	ctx := context.Background()
	const openID = "o_browser_waiting"
	customer := s.Client(wxpush.Safe)
	r, err := customer.Say(ctx, openID, "转人工")
	if err != nil || strings.Contains(r.Text, "RS") {
		t.Fatalf("转人工 first: %q %v", r.Text, err)
	}
	if _, err := customer.Say(ctx, openID, "海尔冰箱不制冷了"); err != nil {
		t.Fatal(err)
	}

	br := newBrowser(t, ctx, chromium, 900, func() bool { return false })
	br.diagnose = `document.body.innerText.slice(0, 800)`
	row := `tr.waiting-chat[data-openid="` + openID + `"]`
	br.do("log in",
		chromedp.Navigate(s.URL()+"/console/login"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "wangfang"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(row)),
	)
	if got := br.text(row); !strings.Contains(got, "冰箱") || !strings.Contains(got, "不制冷") || !strings.Contains(got, "海尔") {
		t.Errorf("waiting row: %q", got)
	}
	if got := br.text(`section.waiting h2`); !strings.Contains(got, "1") {
		t.Errorf("waiting title: %q", got)
	}
	br.screenshot("console-queue-waiting.png")

	br.do("take over", chromedp.Click(css(row+` button.take-waiting`)), chromedp.WaitVisible(css(`#transcript`)))
	path, err := chromedp.Run(br.ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil || !strings.Contains(path, "/console/tickets/RS") {
		t.Fatalf("after 接入: %q %v", path, err)
	}
	number := path[strings.LastIndex(path, "/")+1:]
	tk, err := s.Tickets.Get(ctx, number)
	if err != nil || tk.Assignee != "wangfang" || tk.Record.Case.Brand != "海尔" {
		t.Fatalf("the ticket filed on 接入: %+v %v", tk, err)
	}
	// The transcript has what the customer said while waiting.
	br.poll("transcript", `document.getElementById('transcript').textContent.includes('海尔冰箱不制冷了')`)

	const answer = "您好，我是客服王芳，冰箱不制冷多久了？"
	sentBefore := len(s.API.Sent())
	br.do("reply",
		chromedp.WaitVisible(css(`#live`)),
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
	// The customer's next message goes to the agent: the bot says nothing.
	if r, err := customer.Say(ctx, openID, "两天了"); err != nil || !r.Success {
		t.Fatalf("the bot answered during the takeover: %q %v", r.Text, err)
	}
	br.do("hand back", chromedp.Click(css(`#handback`)))
	br.poll("hand back", `document.getElementById('flash').textContent === '操作成功。'`)

	br.do("back to the queue", chromedp.Navigate(s.URL()+"/console/"), chromedp.WaitVisible(css(`form.filters`)))
	br.poll("no waiting chat left", `!document.querySelector('`+row+`')`)
}
