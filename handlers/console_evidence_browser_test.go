package handlers_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/photoread"
	"github.com/wxintake/intake/internal/photoread/phototest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// In Chromium: a JD order screenshot the customer sends is read, confirmed with 1, and the
// ticket filed afterwards shows the purchase date and channel with the photo beside them
// as evidence (issue 17).
func TestBrowserPhotoEvidenceBesideField(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	if _, err := photoread.FindTesseract(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v: CI must run the tests through ./scripts/test.sh", err)
		}
		t.Skip(err)
	}
	f, err := phototest.Font()
	if err != nil {
		t.Fatal(err)
	}
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	addStaff(t, s, "zhoujie", "周杰", staff.RoleAgent, "correct horse 42")
	const openID = "o_photo_evidence"
	customer := s.Client(wxpush.Safe)
	if _, err := customer.Say(ctx, openID, "美的空调不制冷"); err != nil {
		t.Fatal(err)
	}
	const mediaID = "MEDIA_jd_order"
	s.API.SetMedia(mediaID, wxfake.Media{ContentType: "image/jpeg",
		Body: phototest.Phone(phototest.JDOrder(f, "美的新一级能效 KFR-35GW/N8MXA3", "2025-06-18 20:14:33"), 0, 80)})
	if _, err := customer.Send(ctx, openID, &wxpush.Message{Type: "image", MediaID: mediaID, PicURL: "http://mmbiz.qpic.cn/p.jpg"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !pushedContains(s.API, openID, "2025-06-18（京东）") {
		if time.Now().After(deadline) {
			t.Fatalf("the order was not offered: %+v", s.API.Sent())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r, err := customer.Say(ctx, openID, "1"); err != nil || !strings.Contains(r.Text, "已按照片记下") {
		t.Fatalf("%q %v", r.Text, err)
	}
	r, err := customer.Say(ctx, openID, "转人工")
	if err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if number == "" {
		t.Fatalf("no ticket opened: %s", r.Text)
	}

	br := newBrowser(t, ctx, chromium, 1000, func() bool { return false })
	logIn(br, s.URL(), "zhoujie")
	br.do("open the ticket", chromedp.Navigate(s.URL()+"/console/tickets/"+number), chromedp.WaitVisible(css(`#purchase`)))
	br.poll("the purchase date with the order photo beside it, loaded",
		`(() => { const dd = document.querySelector('#purchase'); const img = dd && dd.querySelector('.evidence img.evidence-thumb');
			return !!img && img.complete && img.naturalWidth > 0 && img.getAttribute('src') === '/console/media/`+mediaID+`' &&
				dd.textContent.includes('2025-06-18') && dd.textContent.includes('京东') && dd.textContent.includes('订单截图') &&
				!dd.textContent.includes('待核实'); })()`)
	br.poll("the photo sits beside the field, on its line",
		`(() => { const dd = document.querySelector('#purchase'); const img = dd.querySelector('img.evidence-thumb');
			const a = dd.getBoundingClientRect(), b = img.getBoundingClientRect();
			return b.top >= a.top - 1 && b.bottom <= a.bottom + 1 && b.left > a.left; })()`)
	br.screenshot("ticket-photo-evidence.png")
}

func pushedContains(api *wxfake.Server, openID, want string) bool {
	for _, m := range api.Sent() {
		if m.ToUser == openID && strings.Contains(m.Text, want) {
			return true
		}
	}
	return false
}
