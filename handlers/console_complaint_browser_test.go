package handlers_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// In Chromium: a customer who threatens 12315 gets a ticket the queue flags 投诉; the
// queue's complaint filter shows it alone, its page shows the flag and why, and the
// dashboard counts it among the open complaints.
func TestBrowserComplaintFlagAndFilter(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) {
		c.Routing.ComplaintGroup = "投诉处理组"
	}})
	addStaff(t, s, "zhouxin", "周欣", staff.RoleAgent, "correct horse 42")
	ctx := context.Background()
	plain := escalate(t, s, "o_browser_plain")
	r, err := s.Client(wxpush.Safe).Say(ctx, "o_browser_complaint", "冰箱漏水三天了没人管，我要打12315投诉你们")
	if err != nil {
		t.Fatal(err)
	}
	complaint := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if complaint == "" {
		t.Fatalf("no ticket for the complaint: %s", r.Text)
	}

	br := newBrowser(t, ctx, chromium, 900, func() bool { return false })
	br.diagnose = `document.body.innerText.slice(0, 600)`
	br.do("log in",
		chromedp.Navigate(s.URL()+"/console/login"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "zhouxin"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.queue`)),
	)
	row := func(number string) string { return `document.querySelector('tr[data-number="` + number + `"]')` }
	br.poll("both tickets in the queue, only the complaint flagged",
		row(plain)+` && `+row(complaint)+` && `+row(complaint)+`.querySelector('.complaint-flag')?.textContent === '投诉' && !`+row(plain)+`.querySelector('.complaint-flag')`)
	br.screenshot("console-queue-complaint.png")

	br.do("filter complaints",
		chromedp.Click(css(`input[name=complaint]`)),
		chromedp.Click(css(`form.filters button[type=submit]`)),
		chromedp.WaitNotPresent(css(`tr[data-number="`+plain+`"]`)),
		chromedp.WaitVisible(css(`tr[data-number="`+complaint+`"]`)),
	)
	br.poll("the filter shows the complaint alone",
		`location.search.includes('complaint=1') && document.querySelectorAll('table.queue tbody tr').length === 1 && !!`+row(complaint)+
			` && document.querySelector('input[name=complaint]').checked`)

	br.do("open the complaint", chromedp.Click(css(`tr[data-number="`+complaint+`"] a`)), chromedp.WaitVisible(css(`#complaint-flag`)))
	if reason := br.text(`#complaint-reason`); !strings.Contains(reason, "12315") {
		t.Errorf("complaint reason on the ticket page: %q", reason)
	}
	if page := br.text(`.ticket .facts`); !strings.Contains(page, "投诉处理组") {
		t.Errorf("the ticket page does not say it went to the complaint group:\n%s", page)
	}
	br.screenshot("console-ticket-complaint.png")

	br.do("open the dashboard", chromedp.Navigate(s.URL()+"/console/dashboard"), chromedp.WaitVisible(css(`#complaints-open`)))
	if n := br.text(`#complaints-open`); n != "1" {
		t.Errorf("open complaints on the dashboard: %q, want 1", n)
	}
	if n := br.text(`#complaints`); !strings.Contains(n, "1") {
		t.Errorf("the period's complaints: %q", n)
	}
}
