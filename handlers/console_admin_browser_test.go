package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

// An admin's browser session, then an agent's, in headless Chromium against a whole
// service: the admin opens an account for a new agent on the users page (a too-short
// password is refused in Chinese first) and adds a canned reply; the new agent logs in,
// opens a customer's ticket, takes the chat over, picks the canned reply — it lands in the
// reply box — edits it and sends it to WeChat.
func TestBrowserAdminUsersAndCannedReplies(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	ctx := context.Background()

	addStaff(t, s, "boss", "赵主管", staff.RoleAdmin, "admin horse 42")
	const openID = "o_canned_customer"
	number := escalate(t, s, openID)

	br := newBrowser(t, ctx, chromium, 900, func() bool { return true })
	br.diagnose = `document.getElementById('flash') ? document.getElementById('flash').textContent : document.title`
	do, text, poll, screenshot := br.do, br.text, br.poll, br.screenshot
	logIn := func(username, password string) {
		t.Helper()
		do("log in as "+username,
			chromedp.Navigate(s.URL()+"/console/"),
			chromedp.WaitVisible(css(`#login`)),
			chromedp.SendKeys(css(`input[name=username]`), username),
			chromedp.SendKeys(css(`input[name=password]`), password),
			chromedp.Click(css(`#login button[type=submit]`)),
			chromedp.WaitVisible(css(`table.queue`)),
		)
	}

	logIn("boss", "admin horse 42")
	do("users page", chromedp.Click(css(`a[href="/console/users"]`)), chromedp.WaitVisible(css(`#user-form`)))
	do("a too-short password",
		chromedp.SendKeys(css(`#user-form input[name=username]`), "lihua"),
		chromedp.SendKeys(css(`#user-form input[name=display_name]`), "李华"),
		chromedp.SetValue(css(`#user-form select[name=role]`), "agent"),
		chromedp.SendKeys(css(`#user-form input[name=password]`), "short"),
		chromedp.Click(css(`#user-form button[type=submit]`)),
	)
	poll("refusal shown", `document.querySelector('#flash.bad') && !document.getElementById('flash').hidden`)
	if msg := text(`#flash`); !strings.Contains(msg, "密码至少需要") {
		t.Errorf("short password: flash %q", msg)
	}
	if _, err := chromedp.Run(br.ctx, chromedp.Evaluate[string](`document.querySelector('#user-form input[name=password]').value = ''`)); err != nil {
		t.Fatal(err)
	}
	do("create the agent",
		chromedp.SendKeys(css(`#user-form input[name=password]`), "agent horse 42"),
		chromedp.Click(css(`#user-form button[type=submit]`)),
	)
	afterReload(br, "account created", `!!document.querySelector('tr[data-username="lihua"]') && document.getElementById('flash').textContent.includes('lihua')`)
	if row := text(`tr[data-username="lihua"]`); !strings.Contains(row, "李华") || !strings.Contains(row, "从未登录") {
		t.Errorf("new account row: %q", row)
	}
	if u, err := s.Staff.User(ctx, "lihua"); err != nil || u.Role != staff.RoleAgent {
		t.Fatalf("stored account: %+v, %v", u, err)
	}
	screenshot("console-users.png")

	// Change the role there and back, disable and enable, reset the password: each
	// reloads the page, which says what was done.
	lihua := `tr[data-username="lihua"]`
	steps := []struct {
		name    string
		actions []chromedp.Action[chromedp.Void]
		flash   string
		check   func(u staff.User) bool
	}{
		{"make an editor", []chromedp.Action[chromedp.Void]{chromedp.SetValue(css(lihua+` select[name=role]`), "editor"),
			chromedp.Click(css(lihua + ` button.save-role`))}, "已将 lihua 的角色改为 内容编辑。",
			func(u staff.User) bool { return u.Role == staff.RoleEditor }},
		{"make an agent again", []chromedp.Action[chromedp.Void]{chromedp.SetValue(css(lihua+` select[name=role]`), "agent"),
			chromedp.Click(css(lihua + ` button.save-role`))}, "已将 lihua 的角色改为 客服坐席。",
			func(u staff.User) bool { return u.Role == staff.RoleAgent }},
		{"disable", []chromedp.Action[chromedp.Void]{chromedp.Click(css(lihua + ` button.disable`))},
			"已停用 lihua，其所有登录会话已失效。", func(u staff.User) bool { return u.Disabled }},
		{"enable", []chromedp.Action[chromedp.Void]{chromedp.Click(css(lihua + ` button.enable`))},
			"已启用 lihua。", func(u staff.User) bool { return !u.Disabled }},
		{"reset the password", []chromedp.Action[chromedp.Void]{chromedp.SendKeys(css(lihua+` input[name=password]`), "agent horse 43"),
			chromedp.Click(css(lihua + ` button.reset`))}, "已重置 lihua 的密码，其所有登录会话已失效。", nil},
	}
	for _, st := range steps {
		do(st.name, st.actions...)
		afterReload(br, st.name, `document.getElementById('flash').textContent === `+jsString(st.flash))
		if u, err := s.Staff.User(ctx, "lihua"); err != nil || (st.check != nil && !st.check(u)) {
			t.Errorf("%s: stored %+v, %v", st.name, u, err)
		}
	}

	const cannedText = "您好，师傅将在两小时内与您电话联系，请保持手机畅通。"
	do("canned page", chromedp.Click(css(`a[href="/console/canned"]`)), chromedp.WaitVisible(css(`#canned-form`)))
	do("add a canned reply",
		chromedp.SendKeys(css(`#canned-form input[name=title]`), "预约上门"),
		chromedp.SendKeys(css(`#canned-form textarea[name=text]`), cannedText),
		chromedp.Click(css(`#canned-form button[type=submit]`)),
	)
	afterReload(br, "canned reply added", `document.querySelectorAll('#canned li[data-id]').length === 1 && document.getElementById('flash').textContent === '已添加。'`)
	screenshot("console-canned.png")

	do("log out", chromedp.Click(css(`header form button[type=submit]`)), chromedp.WaitVisible(css(`#login`)))
	logIn("lihua", "agent horse 43")
	if got := text(`nav`); strings.Contains(got, "用户管理") || strings.Contains(got, "常用回复") {
		t.Errorf("the agent's navigation offers administration: %q", got)
	}
	do("open the ticket and take over",
		chromedp.Navigate(s.URL()+"/console/tickets/"+number),
		chromedp.WaitVisible(css(`#transcript`)),
		chromedp.Click(css(`#takeover`)),
		chromedp.WaitVisible(css(`#flash`)),
	)
	poll("picker filled", `document.getElementById('canned-picker').dataset.loaded === '1'`)
	do("type a greeting", chromedp.SendKeys(css(`#reply-text`), "李华："))
	if _, err := chromedp.Run(br.ctx, chromedp.Evaluate[bool](`(() => { const p = document.getElementById('canned-picker');
		p.value = p.options[1].value; p.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)); err != nil {
		t.Fatalf("pick the canned reply: %v", err)
	}
	if got := chromedpValue(t, br, `#reply-text`); got != "李华："+cannedText {
		t.Fatalf("reply box after picking: %q", got)
	}
	screenshot("console-canned-picker.png")
	sentBefore := len(s.API.Sent())
	do("edit and send",
		chromedp.SendKeys(css(`#reply-text`), "谢谢！"),
		chromedp.Click(css(`#reply button[type=submit]`)),
	)
	want := "李华：" + cannedText + "谢谢！"
	got := false
	for _, m := range s.API.WaitSent(sentBefore+1, 10*time.Second)[sentBefore:] {
		got = got || m.Text == want
	}
	if !got {
		t.Fatalf("the edited canned reply did not reach WeChat: %+v", s.API.Sent())
	}
}

// chromedpValue returns the value of the form field sel selects.
func chromedpValue(t *testing.T, b *chrome, sel string) string {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}

// afterReload waits up to 15 s for the JavaScript expression to be true on a page that
// reloads meanwhile (br.poll gives up when the page it watches goes away).
func afterReload(b *chrome, step, expr string) {
	b.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
	}
	info, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](b.diagnose))
	b.t.Fatalf("%s: not true after 15 s: %s (page: %s)", step, expr, info)
}
