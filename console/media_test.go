package console_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxclient"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/staff"
)

// A photo a customer sends through the signed webhook is downloaded in the background,
// served to agents (not to editors) as an image that is never sniffed, and shown in the
// ticket's transcript as an <img>.
func TestCustomerPhotoInTranscript(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	customer := s.Client(wxclient.Safe)
	const openID = "o_photo_customer"
	customer.Say(ctx, openID, "冰箱漏水")
	r, err := customer.Say(ctx, openID, "转人工")
	number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if err != nil || number == "" {
		t.Fatalf("no ticket: %q %v", r.Text, err)
	}
	const mediaID = "MEDIA_photo_1"
	if _, err := customer.Send(ctx, openID, &wxclient.Message{Type: "image", MediaID: mediaID,
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

	agent, editor := signIn(t, s, "wangfang", staff.RoleAgent), signIn(t, s, "zhaolei", staff.RoleEditor)
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

// signIn creates a staff account with role and returns a client signed in as it.
func signIn(t *testing.T, s *apptest.Service, username string, role staff.Role) *http.Client {
	t.Helper()
	const pw = "correct horse 42"
	hash, err := staff.HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, err := s.Staff.CreateUser(context.Background(), staff.User{Username: username, Role: role, CreatedAt: now, UpdatedAt: now}, hash); err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	res, err := c.Post(s.URL()+"/api/v1/login", "application/json",
		strings.NewReader(`{"username":"`+username+`","password":"`+pw+`"}`))
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("login: %v %v", res, err)
	}
	res.Body.Close()
	return c
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
	ctx := context.Background()
	customer := s.Client(wxclient.Safe)
	customer.Say(ctx, "o_tools_roles", "冰箱漏水")
	r, _ := customer.Say(ctx, "o_tools_roles", "转人工")
	number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if number == "" {
		t.Fatalf("no ticket: %q", r.Text)
	}
	for _, tc := range []struct {
		username   string
		role       staff.Role
		want, deny []string
	}{
		{"agent7", staff.RoleAgent, []string{`id="claim-self"`, `id="visit-form"`}, []string{`name="assignee"`}},
		{"admin7", staff.RoleAdmin, []string{`name="assignee"`, `<option value="agent7">`, `id="visit-form"`}, []string{`id="claim-self"`}},
	} {
		_, page := fetch(t, signIn(t, s, tc.username, tc.role), s.URL()+"/console/tickets/"+number)
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
