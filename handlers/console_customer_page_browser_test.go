package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// In Chromium at a phone's viewport, as in WeChat's browser: 48 hours after the customer
// last wrote, WeChat refuses customer-service messages (45015) and a status change goes
// out as a template message; its link opens the customer's page, which shows the ticket
// and fits the screen, rebooks the visit, and after completion takes the rating once.
func TestBrowserCustomerPageFromTemplate(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) { c.Notify.TemplateID = "TPL-STATUS" }})
	ctx := context.Background()
	const openID = "o_page_browser"
	number := escalate(t, s, openID)
	s.API.CloseWindow(true)
	before := len(s.API.Sent())
	if _, err := s.Notifier.ChangeStatus(ctx, number, triage.StatusAccepted, "agent1", "已安排工程师上门检查"); err != nil {
		t.Fatal(err)
	}
	var link string
	for _, m := range s.API.WaitSent(before+1, 15*time.Second)[before:] { // the dispatcher runs every 2 s
		if m.Template != nil {
			link = m.Template.URL
		}
	}
	if link == "" {
		t.Fatal("no template message with a link")
	}

	br := newBrowser(t, ctx, chromium, 844, func() bool { return true })
	br.diagnose = `document.body ? document.body.innerText.slice(0, 400) : ''`
	br.do("a phone's viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile))
	br.do("open the template's link", chromedp.Navigate(link), chromedp.WaitVisible(css(`#ticket`)))
	if got := br.text(`#number`); got != number {
		t.Errorf("number %q, want %s", got, number)
	}
	if got := br.text(`#status`); got != triage.StatusAccepted.Label() {
		t.Errorf("status %q", got)
	}
	br.poll("the engineer's note shows", `document.querySelector('#note').textContent.includes('已安排工程师上门检查')`)
	br.poll("the page fits the phone's width", `document.documentElement.scrollWidth <= window.innerWidth`)
	br.screenshot("customer-page-open.png")

	// Rebook: pick the second window offered.
	br.do("choose a window", chromedp.Click(css(`#rebook label.choice:nth-of-type(2) input`)), chromedp.Click(css(`#rebook button`)),
		chromedp.WaitVisible(css(`#notice`)))
	br.poll("the booking is confirmed", `!!document.querySelector('#notice') && document.querySelector('#notice').textContent.includes(`+
		jsString(strings.Split(catalog.T("h5.visit.done", "window", "|"), "|")[0])+`)`)
	tk, err := s.Tickets.Get(ctx, number)
	if err != nil || tk.VisitWindow.IsZero() {
		t.Fatalf("no visit booked: %v", err)
	}
	if got := br.text(`#visit-window`); got == catalog.T("h5.visit.none") {
		t.Errorf("the page still shows no visit")
	}

	// Completed: the page asks for the rating; 5 with a comment, once.
	for _, to := range []triage.Status{triage.StatusDiagnosing, triage.StatusRepairing, triage.StatusCompleted} {
		if _, err := s.Notifier.ChangeStatus(ctx, number, to, "agent1", ""); err != nil {
			t.Fatal(err)
		}
	}
	br.do("reload", chromedp.Navigate(link), chromedp.WaitVisible(css(`#rating`)))
	br.do("rate 5 with a comment",
		chromedp.Click(css(`#rating input[name=score][value="5"]`)),
		chromedp.SendKeys(css(`#rating textarea`), "师傅很准时"),
		chromedp.Click(css(`#rating button`)),
		chromedp.WaitVisible(css(`#rated`)))
	br.poll("thanked", `!!document.querySelector('#rated') && document.querySelector('#notice').textContent.includes(`+jsString(catalog.T("h5.rate.done"))+`)`)
	br.poll("no second rating form", `!document.querySelector('#rating')`)
	br.screenshot("customer-page-rated.png")
	tk, err = s.Tickets.Get(ctx, number)
	if err != nil || tk.Rating != 5 || tk.Comment != "师傅很准时" {
		t.Fatalf("rating %d %q %v", tk.Rating, tk.Comment, err)
	}
}
