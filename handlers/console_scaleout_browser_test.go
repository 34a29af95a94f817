package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// Issue 6's done-when, on two running instances sharing MariaDB and Redis: a customer
// chats with instance B while the agent's browser is on instance A; the agent takes the
// chat over on A, the customer's next message through B appears live on A, the agent's
// reply reaches WeChat, the agent hands back, and the dashboard served by B counts the
// ticket.
func TestBrowserTwoInstances(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	a := apptest.Start(t, apptest.Real, apptest.Options{})
	b := apptest.Start(t, apptest.Real, apptest.Options{Share: a})
	ctx := context.Background()
	addStaff(t, a, "wangfang", "王芳", staff.RoleAgent, "correct horse 42")

	customer := b.Client(wxpush.Safe)
	const openID = "o_two_instances"
	number := escalate(t, b, openID)

	br := newBrowser(t, ctx, chromium, 1000, func() bool { return false })
	logIn(br, a.URL(), "wangfang")
	br.do("open on A and take over",
		chromedp.Navigate(a.URL()+"/console/tickets/"+number),
		chromedp.WaitVisible(css(`#live`)),
		chromedp.Click(css(`#takeover`)),
	)
	br.poll("taken over", `document.getElementById('flash').textContent === '操作成功。'`)

	// The customer writes to B: the bot stays quiet, and A's page shows the line live.
	const question = "师傅什么时候能来？"
	r, err := customer.Say(ctx, openID, question)
	if err != nil || !r.Success {
		t.Fatalf("the bot answered on B during the takeover: %+v %v", r, err)
	}
	br.poll("B's line live on A", `Array.from(document.querySelectorAll('#transcript .text')).some(e => e.textContent === `+jsString(question)+`)`)

	const answer = "明天上午9点到11点之间上门，可以吗？"
	br.do("reply on A", chromedp.SendKeys(css(`#reply-text`), answer), chromedp.Click(css(`#reply button[type=submit]`)))
	br.poll("reply sent", `document.getElementById('flash').textContent === '已发送。'`)
	// Both instances run in this process and the WeChat SDK's API base is process-wide:
	// the reply went to whichever fake API was configured last.
	if !sentAnywhere(answer, a.API, b.API) {
		t.Fatalf("the reply did not reach WeChat: A %+v, B %+v", a.API.Sent(), b.API.Sent())
	}
	br.screenshot("console-two-instances.png")

	br.do("hand back on A", chromedp.Click(css(`#handback`)))
	br.poll("handed back", `document.getElementById('flash').textContent === '操作成功。'`)
	r, err = customer.Say(ctx, openID, "空调漏水")
	if err != nil || r.Success || r.Text == "" {
		t.Errorf("the bot on B stayed quiet after the hand-back: %+v %v", r, err)
	}

	// The session is in the shared database: the same browser reads B's dashboard.
	br.do("dashboard on B", chromedp.Navigate(b.URL()+"/console/dashboard"), chromedp.WaitVisible(css(`#open-now`)))
	if open := br.text(`#open-now`); open != "1" {
		t.Errorf("B's dashboard counts %q open tickets; want 1", open)
	}
}

// sentAnywhere reports whether one of the fake APIs received text.
func sentAnywhere(text string, apis ...*wxfake.Server) bool {
	for _, api := range apis {
		for _, m := range api.Sent() {
			if strings.Contains(m.Text, text) {
				return true
			}
		}
	}
	return false
}
