package handlers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// In Chromium: invisible characters a customer typed — a right-to-left override, a
// zero-width space — show as markers (⟨U+202E⟩) in the transcript, in a line the server
// rendered and in a live line the script added, and after a reload; the script's
// intake.visible makes of every text what the pages' visible makes of it.
func TestBrowserInvisibleCharactersShow(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	addStaff(t, s, "zhouxin", "周欣", staff.RoleAgent, "correct horse 42")
	const openID = "o_invisible"
	number := escalate(t, s, openID)
	customer := s.Client(wxpush.Safe)
	const before, beforeShown = "正常\u202e了吗", "正常⟨U+202E⟩了吗"
	if _, err := customer.Say(ctx, openID, before); err != nil {
		t.Fatal(err)
	}

	br := newBrowser(t, ctx, chromium, 1000, func() bool { return false })
	br.diagnose = `Array.from(document.querySelectorAll('#transcript .text')).map(e => JSON.stringify(e.textContent)).join(' | ')`
	logIn(br, s.URL(), "zhouxin")
	br.do("open the ticket", chromedp.Navigate(s.URL()+"/console/tickets/"+number), chromedp.WaitVisible(css(`#live`)))
	time.Sleep(300 * time.Millisecond) // the event stream connects

	const live, liveShown = "冷藏室\u200b不制冷\u202e", "冷藏室⟨U+200B⟩不制冷⟨U+202E⟩"
	if _, err := customer.Say(ctx, openID, live); err != nil {
		t.Fatal(err)
	}
	lines := `Array.from(document.querySelectorAll('#transcript li.role-customer .text')).map(e => e.textContent)`
	shown := `(() => { const t = ` + lines + `; return t.includes(` + jsString(beforeShown) + `) && t.includes(` + jsString(liveShown) + `) &&
		!t.some(x => /[\u200b\u202e]/.test(x)); })()`
	br.poll("the live line shows its markers", shown)
	br.do("reload", chromedp.Reload(), chromedp.WaitVisible(css(`#live`)))
	br.poll("after a reload: the markers from the server", shown)
	if page := br.text(`#transcript`); strings.ContainsAny(page, "\u200b\u202e") {
		t.Errorf("the transcript shows raw invisible characters:\n%+q", page)
	}

	// The script's intake.visible agrees with the template function.
	ins := make([]string, len(visibleCases))
	for i, tc := range visibleCases {
		ins[i] = tc.in
	}
	js, err := json.Marshal(ins)
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	if outs, err = chromedp.Run(br.ctx, chromedp.Evaluate[[]string](string(js)+`.map(intake.visible)`)); err != nil {
		t.Fatal(err)
	}
	if len(outs) != len(ins) {
		t.Fatalf("intake.visible gave %d texts for %d", len(outs), len(ins))
	}
	for i, in := range ins {
		if want := handlers.Visible(in); outs[i] != want {
			t.Errorf("intake.visible(%+q) = %+q; the pages show %+q", in, outs[i], want)
		}
	}
}
