package handlers_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

// In Chromium: while the business calendar lacks a year's holiday adjustments (from 1
// December for the next year; the service runs on the real clock, so the year is asked of
// its calendar), an admin's dashboard says so and names the year; an agent's does not.
func TestBrowserDashboardCalendarWarning(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	year := s.Calendar.MissingAdjustments(time.Now())
	if year == 0 {
		t.Skip("the built-in calendar has every year's adjustments it needs today")
	}
	addStaff(t, s, "wanglei", "王磊", staff.RoleAdmin, "correct horse 42")
	addStaff(t, s, "zhouxin", "周欣", staff.RoleAgent, "correct horse 42")
	ctx := context.Background()

	// The queue is empty, so logging in waits for the navigation, not the queue's table.
	logInTo := func(br *chrome, username string) {
		br.do("log in as "+username,
			chromedp.Navigate(s.URL()+"/console/login"),
			chromedp.WaitVisible(css(`#login`)),
			chromedp.SendKeys(css(`input[name=username]`), username),
			chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
			chromedp.Click(css(`#login button[type=submit]`)),
			chromedp.WaitVisible(css(`a[href="/console/dashboard"]`)),
		)
	}
	br := newBrowser(t, ctx, chromium, 900, func() bool { return false })
	logInTo(br, "wanglei")
	br.do("open the dashboard", chromedp.Navigate(s.URL()+"/console/dashboard"), chromedp.WaitVisible(css(`#calendar-warning`)))
	warning := br.text(`#calendar-warning`)
	if !strings.Contains(warning, strconv.Itoa(year)+" 年的放假调休安排") || !strings.Contains(warning, "business.adjustments_file") {
		t.Errorf("admin's warning: %q", warning)
	}
	br.screenshot("console-dashboard-calendar-warning.png")

	agent := newBrowser(t, ctx, chromium, 900, func() bool { return false })
	logInTo(agent, "zhouxin")
	agent.do("open the dashboard", chromedp.Navigate(s.URL()+"/console/dashboard"), chromedp.WaitVisible(css(`#open-now`)))
	if n, err := chromedp.Run(agent.ctx, chromedp.Evaluate[int](`document.querySelectorAll('#calendar-warning').length`)); err != nil || n != 0 {
		t.Errorf("agent sees the calendar warning (%d, %v)", n, err)
	}
}
