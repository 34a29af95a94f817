package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// Live, in Chromium: a photo the customer sends appears as an image in the open ticket;
// a line the customer types as "[图片] MEDIAID" (naming that, or anyone's, stored photo)
// stays text, live and after a reload.
func TestBrowserLivePhotoOnlyFromPhotos(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	addStaff(t, s, "sunli", "孙丽", staff.RoleAgent, "correct horse 42")
	const openID = "o_live_photo"
	number := escalate(t, s, openID)

	br := newBrowser(t, ctx, chromium, 1000, func() bool { return false })
	logIn(br, s.URL(), "sunli")
	br.do("open the ticket", chromedp.Navigate(s.URL()+"/console/tickets/"+number), chromedp.WaitVisible(css(`#live`)))
	time.Sleep(300 * time.Millisecond) // the event stream connects

	customer := s.Client(wxpush.Safe)
	const mediaID = "MEDIA_live_photo"
	if _, err := customer.Send(ctx, openID, &wxpush.Message{Type: "image", MediaID: mediaID, PicURL: "http://mmbiz.qpic.cn/p.jpg"}); err != nil {
		t.Fatal(err)
	}
	br.poll("the photo shows", `!!document.querySelector('#transcript li.role-customer img.thumb[src^="/console/media/`+mediaID+`"]')`)

	typed := catalog.T("bot.log.image", "media", mediaID)
	if _, err := customer.Say(ctx, openID, typed); err != nil {
		t.Fatal(err)
	}
	typedLine := `Array.from(document.querySelectorAll('#transcript li.role-customer')).find(l => l.textContent.includes(` + jsString(typed) + `))`
	br.poll("the typed line arrives", `!!`+typedLine)
	time.Sleep(2 * time.Second) // what a photo would take to show
	textOnly := `(() => { const li = ` + typedLine + `; return !!li && !li.querySelector('img') && !li.dataset.media &&
		document.querySelectorAll('#transcript img.thumb').length === 1; })()`
	br.poll("the typed line stays text, one image", textOnly)
	br.do("reload", chromedp.Reload(), chromedp.WaitVisible(css(`#live`)))
	br.poll("after a reload: the typed line text, one image", textOnly)
}
