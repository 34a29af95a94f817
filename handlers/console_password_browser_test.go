package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

// In Chromium (issue 13): the generated first admin logs in with the printed password, is
// sent to the password page whatever it opens, sets its own password there, and logs in
// with it to a working console.
func TestBrowserFirstAdminChangesPassword(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	const generated, chosen = "GENERATEDPASSWORD2345ABCDE", "my own long passphrase 7"
	hash, err := staff.HashPassword(generated)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, err := s.Staff.CreateUser(ctx, staff.User{Username: "admin", Role: staff.RoleAdmin, MustChangePassword: true,
		CreatedAt: now, UpdatedAt: now}, hash); err != nil {
		t.Fatal(err)
	}
	br := newBrowser(t, ctx, chromium, 900, func() bool { return false })
	br.diagnose = `location.href + " " + document.body.innerText`
	logInWith := func(password string) {
		br.do("log in",
			chromedp.Navigate(s.URL()+"/console/login"),
			chromedp.WaitVisible(css(`#login`)),
			chromedp.SendKeys(css(`input[name=username]`), "admin"),
			chromedp.SendKeys(css(`input[name=password]`), password),
			chromedp.Click(css(`#login button[type=submit]`)),
		)
	}
	logInWith(generated)
	br.do("sent to the password page", chromedp.WaitVisible(css(`#must-change`)))
	br.do("the dashboard also sends there", chromedp.Navigate(s.URL()+"/console/dashboard"), chromedp.WaitVisible(css(`#password-form`)))
	br.do("mismatched confirmation",
		chromedp.SendKeys(css(`input[name=current_password]`), generated),
		chromedp.SendKeys(css(`input[name=new_password]`), chosen),
		chromedp.SendKeys(css(`input[name=confirm]`), chosen+"x"),
		chromedp.Click(css(`#password-form button[type=submit]`)),
		chromedp.WaitVisible(css(`#password-error`)),
	)
	br.do("set the new password",
		chromedp.SetValue(css(`input[name=confirm]`), chosen),
		chromedp.Click(css(`#password-form button[type=submit]`)),
		chromedp.WaitVisible(css(`#password-changed`)),
	)
	logInWith(chosen)
	br.do("the console works", chromedp.WaitVisible(css(`a[href="/console/dashboard"]`)),
		chromedp.Navigate(s.URL()+"/console/dashboard"), chromedp.WaitVisible(css(`#open-now`)))
	if u, err := s.Staff.User(ctx, "admin"); err != nil || u.MustChangePassword {
		t.Errorf("after the change: %+v %v", u, err)
	}
}
