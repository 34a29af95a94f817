package handlers_test

import (
	"context"
	"net/http"
	"regexp"
	"testing"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
)

// Through the whole service's API: a reply WeChat refuses comes back undelivered with
// its reason and an id, the ticket's transcript marks its line, and retry_of sends it
// again without a second line.
func TestReplyRetryOf(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	addAccounts(t, s)
	ctx := context.Background()
	customer := s.Client(wxpush.Safe)
	customer.Say(ctx, "o_retry_api", "冰箱漏水")
	r, _ := customer.Say(ctx, "o_retry_api", "转人工")
	number := regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if number == "" {
		t.Fatalf("no ticket: %s", r.Text)
	}
	agent := token(t, s, "agent1")
	call := func(method, sub, body string) reply {
		return do(t, plain, s.URL(), request{Method: method, Path: "/api/v1/tickets/" + number + sub, Body: body, Bearer: agent})
	}
	if r := call("POST", "/takeover", ""); r.Status != http.StatusNoContent {
		t.Fatalf("takeover: %d %s", r.Status, r.Body)
	}

	const text = "请拍一张漏水位置的照片"
	s.API.FailNext(wxfake.Failure{Errcode: 45047})
	var res struct {
		Delivered bool
		Note, ID  string
	}
	decodeInto(t, call("POST", "/reply", `{"text":"`+text+`"}`), &res)
	if res.Delivered || res.ID == "" || res.Note != catalog.T("console.ticket2.reason.quota") {
		t.Fatalf("reply %+v", res)
	}
	lines := func() (n int, id string) {
		var d struct {
			Transcript []struct {
				Role, Text  string
				Undelivered *struct{ ID string }
			}
		}
		decodeInto(t, call("GET", "", ""), &d)
		for _, l := range d.Transcript {
			if l.Role == "staff" && l.Text == text {
				n++
				if l.Undelivered != nil {
					id = l.Undelivered.ID
				}
			}
		}
		return n, id
	}
	if n, id := lines(); n != 1 || id != res.ID {
		t.Fatalf("%d lines, undelivered %q; want 1, %q", n, id, res.ID)
	}
	decodeInto(t, call("POST", "/reply", `{"retry_of":"`+res.ID+`"}`), &res)
	if !res.Delivered {
		t.Fatalf("retry %+v", res)
	}
	if n, id := lines(); n != 1 || id != "" {
		t.Fatalf("after the retry: %d lines, undelivered %q; want 1, none", n, id)
	}
	if r := call("POST", "/reply", `{"retry_of":"`+res.ID+`"}`); r.Status != http.StatusNotFound {
		t.Errorf("retry of a delivered reply: %d %s", r.Status, r.Body)
	}
}
