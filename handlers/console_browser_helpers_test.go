package handlers_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// browser is a tab of Debian's headless Chromium driven by a test, with the launch flags
// this machine's closed network needs.
type chrome struct {
	t   *testing.T
	ctx context.Context
	// diagnose, when set, is a JavaScript expression whose value a failed poll reports.
	diagnose string
}

// newBrowser starts Chromium for the test, a window height tall. Each JavaScript dialog
// is accepted when dialog returns true, dismissed otherwise.
func newBrowser(t *testing.T, ctx context.Context, chromium string, height int, dialog func() bool) *chrome {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, height),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	)
	tab, cancelTab := chromedp.NewContext(alloc)
	tab, cancelTimeout := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	if err := chromedp.Listen(tab, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			go chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: dialog()})
		}
	}); err != nil {
		t.Fatal(err)
	}
	return &chrome{t: t, ctx: tab}
}

// do runs the actions of one step of the scenario, failing the test with the step's name.
func (b *chrome) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// text returns the text of the element sel selects.
func (b *chrome) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// poll waits up to 15 s for the JavaScript expression to be true.
func (b *chrome) poll(step, expr string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		var info string
		if b.diagnose != "" {
			info, _ = chromedp.Run(b.ctx, chromedp.Evaluate[string](b.diagnose))
		}
		b.t.Fatalf("%s: %v (page: %s)", step, err, info)
	}
}

// screenshot saves the whole page as artifacts/name.
func (b *chrome) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	save(b.t, artifactsDir(b.t), name, png)
}

func css(s string) chromedp.CSS { return chromedp.CSS(s) }

// addStaff creates a staff account with password on s.
func addStaff(t *testing.T, s *apptest.Service, username, display string, role staff.Role, password string) {
	t.Helper()
	hash, err := staff.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, err := s.Staff.CreateUser(context.Background(), staff.User{Username: username, DisplayName: display,
		Role: role, CreatedAt: now, UpdatedAt: now}, hash); err != nil {
		t.Fatal(err)
	}
}

// escalate has customer openID report a leaking fridge and ask for a person on s, and
// returns the ticket number the bot answers with.
func escalate(t *testing.T, s *apptest.Service, openID string) string {
	t.Helper()
	ctx := context.Background()
	customer := s.Client(wxpush.Safe)
	if _, err := customer.Say(ctx, openID, "冰箱漏水"); err != nil {
		t.Fatal(err)
	}
	r, err := customer.Say(ctx, openID, "转人工")
	if err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if number == "" {
		t.Fatalf("no ticket opened: %s", r.Text)
	}
	return number
}
