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

// The FAQ entry the editor writes in the browser: a question no shipped entry answers.
const (
	alwaysOnID     = "faq-heater-always-on"
	alwaysOnAnswer = "电热水器可以一直通电保温，也可以用前一小时再开；天天用的开着更方便，出远门好几天请关掉（测试 MG2）。"
)

var alwaysOnSamples = []string{
	"电热水器要一直开着吗",
	"热水器一直插着电费电吗",
	"热水器用完要不要关",
	"电热水器24小时开着好还是用时再开",
	"出差几天热水器要关吗",
	"reshuiqi yizhi kaizhe",
	"热水器晚上要不要关掉呀😊",
	"热水器不用的时候需要拔插头吗",
	"热水器一直开着省电还是现烧省电",
}

// An editor's session on the FAQ pages in headless Chromium: log in, open the FAQ entries
// from the rules page, write a new entry (first with too few samples, refused with the
// problem shown), try a customer's question on the draft (it goes to the entry, with its
// answer), publish the draft on the rules page — and a customer asking the account gets
// the entry's answer.
func TestBrowserFAQ(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	ctx := context.Background()

	addStaff(t, s, "lina", "李娜", staff.RoleEditor, "correct horse 42")
	br := newBrowser(t, ctx, chromium, 1000, func() bool { t.Errorf("unexpected JavaScript dialog"); return false })
	br.diagnose = `location.href + ' ' + ['flash', 'faq-problems', 'publish-problems', 'faq-preview-result'].map(id => (document.getElementById(id) || {}).textContent).join(' | ')`
	browser, do, text, poll, screenshot := br.ctx, br.do, br.text, br.poll, br.screenshot

	do("log in and open the FAQ entries",
		chromedp.Navigate(s.URL()+"/console/"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "lina"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.rules`)),
		chromedp.Click(css(`#faq-link`)),
		chromedp.WaitVisible(css(`tr[data-faq="faq-ac-outdoor-drip"]`)),
	)
	if row := text(`tr[data-faq="faq-ac-outdoor-drip"]`); !strings.Contains(row, "空调") || !strings.Contains(row, "已发布") {
		t.Errorf("a shipped entry's row reads %q", row)
	}

	// Three samples are too few: the API's problem is shown beside the form.
	do("write a new entry",
		chromedp.Click(css(`#new-faq`)),
		chromedp.WaitVisible(css(`#faq-form`)),
		chromedp.SetValue(css(`#faq-form input[name=id]`), alwaysOnID),
		chromedp.SetValue(css(`#faq-form input[name=title]`), "电热水器要不要一直开着（测试）"),
		chromedp.Click(css(`#faq-form input[name=categories][value=water_heater]`)),
		chromedp.SetValue(css(`#faq-form textarea[name=keywords]`), "一直开着\n要不要关"),
		chromedp.SetValue(css(`#faq-form textarea[name=answer]`), alwaysOnAnswer),
		chromedp.SetValue(css(`#faq-form textarea[name=samples]`), strings.Join(alwaysOnSamples[:3], "\n")),
		chromedp.Click(css(`#faq-save`)),
	)
	poll("problems shown", `document.querySelectorAll('#faq-problems li.problem').length > 0`)
	if p := text(`#faq-problems`); !strings.Contains(p, "samples") && !strings.Contains(p, "样例") && !strings.Contains(p, "例句") {
		t.Errorf("the problem does not name the samples: %q", p)
	}
	screenshot("console-faq-problems.png")

	do("save the entry",
		chromedp.SetValue(css(`#faq-form textarea[name=samples]`), strings.Join(alwaysOnSamples, "\n")),
		chromedp.Click(css(`#faq-save`)),
		chromedp.WaitVisible(css(`#faq-form[data-id="`+alwaysOnID+`"]`)),
	)
	poll("saved", `document.getElementById('flash').textContent.includes('已保存')`)

	// 试一试: a customer's question in other words goes to the new entry, with its answer.
	do("preview",
		chromedp.SendKeys(css(`#faq-preview-text`), "电热水器需要一直开着吗？"),
		chromedp.Click(css(`#faq-preview-form button[type=submit]`)),
	)
	poll("preview shown", `!document.getElementById('faq-preview-result').hidden`)
	goes, err := chromedp.Run(browser, chromedp.Evaluate[string](`(d => d.goesTo + ' ' + d.faq)(document.getElementById('faq-preview-result').dataset)`))
	if err != nil || goes != "faq "+alwaysOnID {
		t.Fatalf("the preview goes to %q (%v): %s", goes, err, text(`#faq-preview-result`))
	}
	if m := text(`#faq-preview-messages`); !strings.Contains(m, "MG2") {
		t.Errorf("the preview lacks the answer: %q", m)
	}
	screenshot("console-faq-entry.png")

	do("the list", chromedp.Navigate(s.URL()+"/console/rules/faq"), chromedp.WaitVisible(css(`tr[data-faq="`+alwaysOnID+`"]`)))
	if row := text(`tr[data-faq="` + alwaysOnID + `"]`); !strings.Contains(row, "热水器") || !strings.Contains(row, "9") ||
		!strings.Contains(row, "未发布") {
		t.Errorf("the new entry's row reads %q", row)
	}
	screenshot("console-faq.png")

	// Publish on the rules page, as for rules: the self-test covers the entry's samples.
	do("self-test",
		chromedp.Navigate(s.URL()+"/console/rules"),
		chromedp.WaitVisible(css(`#selftest`)),
		chromedp.Click(css(`#selftest`)),
	)
	poll("self-test passed", `document.getElementById('flash').textContent.includes('自检通过')`)
	do("publish",
		chromedp.SendKeys(css(`#publish input[name=message]`), "新增热水器一直开着的常见问题"),
		chromedp.Click(css(`#publish button[type=submit]`)),
	)
	poll("published", `document.getElementById('flash').textContent.includes('已发布')`)
	for end := time.Now().Add(5 * time.Second); s.Knowledge().Set().FAQEntry(alwaysOnID) == nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the published entry is not served")
		}
	}

	// A customer asks the account in words of their own.
	customer := s.Client(wxpush.Safe)
	sentBefore := len(s.API.Sent())
	r, err := customer.Say(ctx, "o_always_on_customer", "家里电热水器用完要不要关？")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Contains(r.Text, "MG2")
	for end := time.Now().Add(3 * time.Second); !got && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		for _, m := range s.API.Sent()[sentBefore:] {
			got = got || strings.Contains(m.Text, "MG2")
		}
	}
	if !got {
		t.Errorf("the customer did not get the entry's answer: reply %q, sent %+v", r.Text, s.API.Sent()[sentBefore:])
	}
}
