package handlers_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/staff"
)

// A photo a customer sends through the signed webhook is downloaded in the background,
// served to agents (not to editors) as an image that is never sniffed, and shown in the
// ticket's transcript as an <img>.
func TestCustomerPhotoInTranscript(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	customer := s.Client(wxpush.Safe)
	const openID = "o_photo_customer"
	number := escalate(t, s, openID)
	const mediaID = "MEDIA_photo_1"
	if _, err := customer.Send(ctx, openID, &wxpush.Message{Type: "image", MediaID: mediaID,
		PicURL: "http://mmbiz.qpic.cn/photo.jpg"}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if have, _ := s.Media.Have(ctx, []string{mediaID}); have[mediaID] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the photo was not downloaded")
		}
	}

	agent, editor := consoleUser(t, s, "wangfang", staff.RoleAgent), consoleUser(t, s, "zhaolei", staff.RoleEditor)
	res, body := fetch(t, agent, s.URL()+"/console/media/"+mediaID)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" ||
		res.Header.Get("X-Content-Type-Options") != "nosniff" || !bytes.Equal(body, wxfake.PNG) {
		t.Errorf("photo: %d %v, %d bytes", res.StatusCode, res.Header, len(body))
	}
	if res, _ := fetch(t, editor, s.URL()+"/console/media/"+mediaID); res.StatusCode != http.StatusForbidden {
		t.Errorf("an editor got the photo: %d", res.StatusCode)
	}
	if res, _ := fetch(t, agent, s.URL()+"/console/media/unknown"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown photo: %d", res.StatusCode)
	}
	_, page := fetch(t, agent, s.URL()+"/console/tickets/"+number)
	if img := `<img class="thumb" src="/console/media/` + mediaID + `"`; !strings.Contains(string(page), img) {
		t.Errorf("the ticket page does not show the photo (%s):\n%s", img, page)
	}
}

func fetch(t *testing.T, c *http.Client, url string) (*http.Response, []byte) {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// The ticket page offers agents a claim and admins the reassignment; both book visits.
func TestTicketToolsByRole(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	number := escalate(t, s, "o_tools_roles")
	for _, tc := range []struct {
		username   string
		role       staff.Role
		want, deny []string
	}{
		{"agent7", staff.RoleAgent, []string{`id="claim-self"`, `id="visit-form"`}, []string{`name="assignee"`}},
		{"admin7", staff.RoleAdmin, []string{`name="assignee"`, `<option value="agent7">`, `id="visit-form"`}, []string{`id="claim-self"`}},
	} {
		_, page := fetch(t, consoleUser(t, s, tc.username, tc.role), s.URL()+"/console/tickets/"+number)
		for _, w := range tc.want {
			if !strings.Contains(string(page), w) {
				t.Errorf("%s's page lacks %s", tc.role, w)
			}
		}
		for _, d := range tc.deny {
			if strings.Contains(string(page), d) {
				t.Errorf("%s's page has %s", tc.role, d)
			}
		}
	}
}

// A customer who types "[图片] MEDIAID" — another customer's stored photo — gets a text
// line, never that photo: a line is a photo only when it was stored as one.
func TestTypedPhotoLineShowsNoPhoto(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	customer := s.Client(wxpush.Safe)
	const mediaID = "MEDIA_someone_elses"
	if _, err := customer.Send(ctx, "o_photo_owner", &wxpush.Message{Type: "image", MediaID: mediaID,
		PicURL: "http://mmbiz.qpic.cn/photo.jpg"}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if have, _ := s.Media.Have(ctx, []string{mediaID}); have[mediaID] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the photo was not downloaded")
		}
	}
	const poser = "o_photo_poser"
	number := escalate(t, s, poser)
	typed := catalog.T("bot.log.image", "media", mediaID)
	if _, err := customer.Say(ctx, poser, typed); err != nil {
		t.Fatal(err)
	}
	agent := consoleUser(t, s, "liqiang", staff.RoleAgent)
	_, page := fetch(t, agent, s.URL()+"/console/tickets/"+number)
	if strings.Contains(string(page), "/console/media/"+mediaID) {
		t.Errorf("the ticket page shows another customer's photo for a typed line:\n%s", page)
	}
	if !strings.Contains(string(page), typed) {
		t.Errorf("the typed line is missing from the transcript")
	}
	_, api := fetch(t, agent, s.URL()+"/api/v1/tickets/"+number)
	if strings.Contains(string(api), `"media"`) {
		t.Errorf("the API marks a typed line as a photo: %s", api)
	}
}
