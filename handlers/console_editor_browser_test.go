package handlers_test

import (
	"context"
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

// smellRule is the new fault the editor adds in the browser; badSmellRule is a first
// attempt with too few samples, which the editor must see refused at its line.
const (
	smellStep = "请运行洗衣机的“桶自洁”程序，加专用清洁剂空转一次（测试 MX7）。"
	smellRule = `id: washer-smell-test
title: 洗衣机门封长紫斑（测试）
categories: [washing_machine]
triggers:
  keywords: [洗衣机门封长紫斑]
steps:
  - text: ` + smellStep + `
unresolved:
  fault_class: hardware
  priority: routine
  onsite: false
  price: {parts: [0, 0], labour: [0, 100]}
samples:
  - 洗衣机门封长紫斑
  - 我家洗衣机门封长紫斑了
  - 滚筒洗衣机门封长紫斑怎么办
`
)

// An editor's session in headless Chromium: log in, write a rule for a new fault, see a
// defect pointed at its line, fix it, preview a customer's sentence against the draft
// (the new rule first), publish — and a customer chatting with the account gets the new
// rule's step.
func TestBrowserEditorSession(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	ctx := context.Background()

	addStaff(t, s, "lina", "李娜", staff.RoleEditor, "correct horse 42")

	var confirms atomic.Int32 // confirmations the editor is expected to accept
	br := newBrowser(t, ctx, chromium, 1000, func() bool {
		accept := confirms.Add(-1) >= 0
		if !accept {
			t.Errorf("unexpected JavaScript dialog")
		}
		return accept
	})
	br.diagnose = `location.href + ' ' + ['flash', 'rule-problems', 'publish-problems', 'preview-text'].map(id => (document.getElementById(id) || {}).textContent + '/' + (document.getElementById(id) || {}).value).join(' | ')`
	browser, do, text, poll, screenshot := br.ctx, br.do, br.text, br.poll, br.screenshot

	do("log in",
		chromedp.Navigate(s.URL()+"/console/"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "lina"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.rules`)),
	)

	// A rule with two samples is refused; the problem names its line and field.
	bad := strings.Replace(smellRule, "  - 滚筒洗衣机门封长紫斑怎么办\n", "", 1)
	do("save a defective rule",
		chromedp.Click(css(`#new-rule`)),
		chromedp.WaitVisible(css(`#rule-yaml`)),
		chromedp.SetValue(css(`#rule-yaml`), bad),
		chromedp.Click(css(`#rule-save`)),
	)
	poll("problems shown", `document.querySelectorAll('#rule-problems li[data-line]').length > 0`)
	if p := text(`#rule-problems`); !strings.Contains(p, "samples") && !strings.Contains(p, "例句") {
		t.Errorf("the problem does not name the samples: %q", p)
	}
	screenshot("console-rule-problems.png")

	do("save the rule",
		chromedp.SetValue(css(`#rule-yaml`), smellRule),
		chromedp.Click(css(`#rule-save`)),
		chromedp.WaitVisible(css(`#rule-form[data-id="washer-smell-test"]`)),
	)

	// The form view changes the title and keeps what it does not show (the price).
	do("edit in the form",
		chromedp.Navigate(s.URL()+"/console/rules/washer-smell-test"), // no ?saved=1 in the address
		chromedp.Click(css(`#rule-fields-box summary`)),
		chromedp.WaitVisible(css(`#rule-fields input[name=title]`)),
		chromedp.SetValue(css(`#rule-fields input[name=title]`), "洗衣机门封长紫斑（表单）"),
		chromedp.Click(css(`#rule-fields button[type=submit]`)),
	)
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if loc, err := chromedp.Run(browser, chromedp.Location()); err == nil && strings.Contains(loc, "saved=1") {
			break
		} else if time.Now().After(end) {
			t.Fatalf("the form's save did not reload the rule: %q %v", loc, err)
		}
	}
	do("reload", chromedp.Navigate(s.URL()+"/console/rules/washer-smell-test"), chromedp.WaitVisible(css(`#preview-text`)))
	edited, err := chromedp.Run(browser, chromedp.Evaluate[string](`document.getElementById('rule-yaml').value`))
	if err != nil || !strings.Contains(edited, "title: 洗衣机门封长紫斑（表单）") || !strings.Contains(edited, "labour: [0, 100]") {
		t.Errorf("the YAML after the form's save (%v):\n%s", err, edited)
	}

	const sentence = "我家洗衣机门封长紫斑，怎么办"
	do("preview",
		chromedp.SendKeys(css(`#preview-text`), sentence),
		chromedp.Click(css(`#preview-form button[type=submit]`)),
	)
	poll("preview shown", `!document.getElementById('preview-result').hidden`)
	first, err := chromedp.Run(browser, chromedp.Evaluate[string](`document.querySelector('#preview-matches tr').dataset.rule`))
	if err != nil || first != "washer-smell-test" {
		t.Fatalf("preview ranks %q first (%v):\n%s", first, err, text(`#preview-matches`))
	}
	if w := text(`#preview-walkthrough`); !strings.Contains(w, "MX7") {
		t.Errorf("the preview's walkthrough lacks the step: %q", w)
	}
	screenshot("console-rule-editor.png")

	do("self-test",
		chromedp.Navigate(s.URL()+"/console/rules"),
		chromedp.WaitVisible(css(`tr[data-rule="washer-smell-test"]`)),
		chromedp.Click(css(`#selftest`)),
	)
	poll("self-test passed", `document.getElementById('flash').textContent.includes('自检通过')`)
	do("publish",
		chromedp.SendKeys(css(`#publish input[name=message]`), "新增洗衣机紫斑规则"),
		chromedp.Click(css(`#publish button[type=submit]`)),
	)
	poll("published", `document.getElementById('flash').textContent.includes('已发布')`)
	// Published: every instance swaps the new revision in (from Redis), then the list
	// compares the draft with it.
	deadline := time.Now().Add(5 * time.Second)
	for s.Knowledge().Set().Rule("washer-smell-test") == nil {
		if time.Now().After(deadline) {
			t.Fatal("the published rule is not served")
		}
		time.Sleep(10 * time.Millisecond)
	}
	do("reload the list", chromedp.Reload(), chromedp.WaitVisible(css(`tr[data-rule="washer-smell-test"]`)))
	if status := text(`tr[data-rule="washer-smell-test"]`); !strings.Contains(status, "已发布") {
		t.Errorf("after publishing the rule's row reads %q", status)
	}
	screenshot("console-rules.png")

	// The bot asks for the symptom when the first message names only the product (紫斑 is
	// no symptom cue of its extractor); the customer then says it again.
	customer := s.Client(wxpush.Safe)
	sentBefore := len(s.API.Sent())
	var replies []string
	got := false
	for _, msg := range []string{"洗衣机门封长紫斑", "就是洗衣机门封长紫斑"} {
		r, err := customer.Say(ctx, "o_smell_customer", msg)
		if err != nil {
			t.Fatal(err)
		}
		replies = append(replies, r.Text)
		if got = strings.Contains(r.Text, smellStep); got {
			break
		}
	}
	for end := time.Now().Add(3 * time.Second); !got && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		for _, m := range s.API.Sent()[sentBefore:] {
			got = got || strings.Contains(m.Text, smellStep)
		}
	}
	if !got {
		t.Errorf("the customer did not get the new rule's step: replies %q, sent %+v", replies, s.API.Sent()[sentBefore:])
	}

	// The history shows the new revision and its diff; rolling back to v1 (confirmed)
	// takes the rule out of service again.
	do("history",
		chromedp.Navigate(s.URL()+"/console/rules/history"),
		chromedp.WaitVisible(css(`tr[data-version="2"]`)),
	)
	if row := text(`tr[data-version="2"]`); !strings.Contains(row, "新增洗衣机紫斑规则") || !strings.Contains(row, "lina") {
		t.Errorf("history row of v2: %q", row)
	}
	do("diff",
		chromedp.Click(css(`tr[data-version="2"] a`)),
		chromedp.WaitVisible(css(`#diff`)),
	)
	if diff := text(`#diff`); !strings.Contains(diff, "+  - id: washer-smell-test") {
		t.Errorf("the diff of v2 lacks the new rule:\n%s", diff)
	}
	screenshot("console-rules-history.png")
	confirms.Add(1)
	do("roll back", chromedp.Click(css(`button.rollback[data-version="1"]`)))
	poll("rolled back", `document.getElementById('flash').textContent.includes('已回滚')`)
	for end := time.Now().Add(5 * time.Second); s.Knowledge().Set().Rule("washer-smell-test") != nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the rule is still served after the rollback")
		}
	}

	// Importing the export of v2 (pasted) puts the rule back into the draft.
	do("import",
		chromedp.Navigate(s.URL()+"/console/rules"),
		chromedp.WaitVisible(css(`#import`)),
	)
	if _, err := chromedp.Run(browser, chromedp.Evaluate[bool](`fetch('/api/v1/kb/export?version=2').then(r => r.text()).then(t => {
		document.querySelector('#import textarea[name=text]').value = t; return true; })`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	do("submit the import", chromedp.Click(css(`#import button[type=submit]`)))
	poll("imported", `document.getElementById('flash').textContent.includes('已导入')`)
	draft, err := s.KB.Draft(ctx)
	if err != nil || draft.Rule("washer-smell-test") == nil {
		t.Errorf("the import did not restore the rule to the draft (%v)", err)
	}
}
