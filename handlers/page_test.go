package handlers_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/triage"
)

// get fetches link without following redirects and returns the status, the Location and
// the body.
func pageRequest(t *testing.T, method, link string, form url.Values) (int, string, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, link, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

// The customer's page: only a signed link opens it, it shows the ticket with personal data
// masked, rebooks among the offered windows, and takes one rating after completion.
func TestCustomerPage(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		ctx := context.Background()
		number := newTicket(t, s, "o_page")
		if _, err := s.Notifier.ChangeStatus(ctx, number, triage.StatusAccepted, "agent1", "已安排工程师，请保持电话畅通"); err != nil {
			t.Fatal(err)
		}
		link := s.PageURL(number)
		if !strings.HasPrefix(link, s.URL()+"/h5/t/"+number+".") {
			t.Fatalf("link %s", link)
		}

		// Forged and foreign links.
		other := newTicket(t, s, "o_page_other")
		forged := strings.Replace(link, number, other, 1)
		for _, bad := range []string{forged, s.URL() + "/h5/t/" + number, s.URL() + "/h5/t/x.y.z"} {
			status, _, body := pageRequest(t, "GET", bad, nil)
			if status != http.StatusNotFound || !strings.Contains(body, catalog.T("h5.link_invalid")) || strings.Contains(body, "张") {
				t.Errorf("%s: %d", bad, status)
			}
		}

		expired := s.URL() + "/h5/t/" + s.Pages.Sign(number, time.Now().Add(-31*24*time.Hour))
		if status, _, body := pageRequest(t, "GET", expired, nil); status != http.StatusNotFound || !strings.Contains(body, catalog.T("h5.link_expired")) {
			t.Errorf("expired link: %d", status)
		}

		status, _, body := pageRequest(t, "GET", link, nil)
		if status != http.StatusOK {
			t.Fatalf("page: %d %s", status, body)
		}
		for _, want := range []string{number, triage.StatusAccepted.Label(), catalog.T("effects.next.accepted"),
			"已安排工程师，请保持电话畅通", "138****8000", "张*", "上海市浦东新****", catalog.T("h5.visit.none")} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		for _, leak := range []string{"13800138000", "世纪大道", "张伟"} {
			if strings.Contains(body, leak) {
				t.Errorf("page shows %q", leak)
			}
		}
		if strings.Contains(body, `action="/h5/t/`+strings.TrimPrefix(link, s.URL()+"/h5/t/")+`/rate"`) {
			t.Error("rating offered before completion")
		}

		// Rebook: a window not on offer is refused; an offered one is booked.
		starts := regexp.MustCompile(`name="start" value="(\d+)"`).FindAllStringSubmatch(body, -1)
		if len(starts) < 2 {
			t.Fatalf("windows offered: %d", len(starts))
		}
		status, loc, _ := pageRequest(t, "POST", link+"/visit", url.Values{"start": {"12345"}})
		if status != http.StatusSeeOther || !strings.HasSuffix(loc, "?error=window") {
			t.Errorf("unknown window: %d %s", status, loc)
		}
		status, loc, _ = pageRequest(t, "POST", link+"/visit", url.Values{"start": {starts[1][1]}})
		if status != http.StatusSeeOther || !strings.HasSuffix(loc, "?done=visit") {
			t.Fatalf("rebook: %d %s", status, loc)
		}
		tk, _ := s.Tickets.Get(ctx, number)
		if tk.VisitWindow.IsZero() || tk.VisitWindow.Start.Unix() == 0 {
			t.Fatal("visit not booked")
		}
		_, _, body = pageRequest(t, "GET", s.URL()+loc, nil)
		if !strings.Contains(body, catalog.T("h5.visit.done", "window", local(tk.VisitWindow, s).Label())) {
			t.Errorf("no confirmation of the booking")
		}

		// Rating: refused while open; after completion once, like the chat survey.
		if status, loc, _ = pageRequest(t, "POST", link+"/rate", url.Values{"score": {"4"}}); !strings.HasSuffix(loc, "?error=closed") {
			t.Errorf("rating an open ticket: %d %s", status, loc)
		}
		for _, to := range []triage.Status{triage.StatusDiagnosing, triage.StatusRepairing, triage.StatusCompleted} {
			if _, err := s.Notifier.ChangeStatus(ctx, number, to, "agent1", ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, loc, _ = pageRequest(t, "POST", link+"/rate", url.Values{"score": {"9"}}); !strings.HasSuffix(loc, "?error=score") {
			t.Errorf("score 9: %s", loc)
		}
		if _, loc, _ = pageRequest(t, "POST", link+"/rate", url.Values{"score": {"4"}, "comment": {"师傅准时，很专业"}}); !strings.HasSuffix(loc, "?done=rated") {
			t.Fatalf("rate: %s", loc)
		}
		if _, loc, _ = pageRequest(t, "POST", link+"/rate", url.Values{"score": {"1"}}); !strings.HasSuffix(loc, "?error=rated") {
			t.Errorf("second rating: %s", loc)
		}
		tk, _ = s.Tickets.Get(ctx, number)
		if tk.Rating != 4 || tk.Comment != "师傅准时，很专业" {
			t.Errorf("rating %d %q", tk.Rating, tk.Comment)
		}
		// Staff read both in the transcript.
		lines, _ := s.Tickets.Transcript(ctx, number)
		var logged []string
		for _, l := range lines {
			if l.Role == triage.RoleSystem {
				logged = append(logged, l.Text)
			}
		}
		if len(logged) != 2 || !strings.Contains(logged[0], "改约") || logged[1] != catalog.T("h5.log.rated", "score", 4, "comment", "师傅准时，很专业") {
			t.Errorf("transcript %q", logged)
		}
		if _, _, body = pageRequest(t, "GET", link, nil); !strings.Contains(body, catalog.T("h5.rate.given", "score", 4)) ||
			strings.Contains(body, catalog.T("effects.next.completed")) {
			t.Error("the page does not show the rating, or still asks for one")
		}
		if status, loc, _ = pageRequest(t, "POST", link+"/visit", url.Values{"start": {starts[0][1]}}); !strings.HasSuffix(loc, "?error=closed") {
			t.Errorf("rebooking a completed ticket: %d %s", status, loc)
		}
	})
}

// local is w in the business time zone, where its label is written.
func local(w triage.Window, s *apptest.Service) triage.Window {
	w.Start, w.End = w.Start.In(s.Calendar.Location()), w.End.In(s.Calendar.Location())
	return w
}
