package loadgen

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
)

// TestRunAgainstTheService runs the full script against a whole service: every turn must
// be answered with text and every conversation must end in a ticket. When the shipped
// knowledge or the dialog changes the number of questions, this is the test that says so.
func TestRunAgainstTheService(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		const customers, conversations, warmup = 3, 2, 1
		rep, err := Run(ctx, Config{
			URLs:  []string{s.URL() + s.Cfg.WeChat.Path},
			Token: apptest.Token, AESKey: apptest.AESKey, AppID: apptest.AppID,
			Script: Full, Customers: customers, Conversations: conversations, Warmup: warmup,
		})
		if err != nil {
			t.Fatal(err)
		}
		total := customers * (conversations + warmup) // 9 conversations: every opener, some twice
		if rep.Failed() || rep.Errors != 0 || rep.EmptyReplies != 0 {
			t.Fatalf("errors %d %v, empty replies %d: %q", rep.Errors, rep.ErrorKinds, rep.EmptyReplies, rep.ErrorSamples)
		}
		if rep.Completed != customers*conversations || rep.Tickets != rep.Completed || rep.Warmup.Tickets != customers*warmup {
			t.Fatalf("%d tickets of %d measured conversations, %d of %d warm-up ones: %q",
				rep.Tickets, rep.Completed, rep.Warmup.Tickets, rep.Warmup.Completed, rep.ErrorSamples)
		}
		if rep.Requests == 0 || rep.Latency.Count != rep.Requests || rep.Throughput <= 0 || rep.Latency.P99 <= 0 {
			t.Errorf("implausible figures: %+v", rep.Result)
		}
		byStage := 0
		for _, st := range rep.Stages {
			byStage += st.Latency.Count
		}
		if len(rep.Stages) != len(Stages) || byStage != rep.Requests || rep.Stages[4].Latency.Count != rep.Completed {
			t.Errorf("stages %+v do not add up to %d requests with one confirmation per conversation", rep.Stages, rep.Requests)
		}

		// Every conversation's ticket, read back: different customers, phones and categories.
		categories, phones := map[string]bool{}, map[string]bool{}
		tickets := 0
		for c := range customers {
			for k := 1; k <= conversations+warmup; k++ {
				list, err := s.Tickets.ListByOpenID(ctx, fmt.Sprintf("o%s_%d_%d", rep.RunID, c, k), 5)
				if err != nil {
					t.Fatal(err)
				}
				for _, tk := range list {
					tickets++
					categories[tk.Category], phones[tk.Record.Phone] = true, true
				}
			}
		}
		if tickets != total || len(phones) != total || len(categories) != len(openers) {
			t.Errorf("%d tickets in the database with %d phones over %d categories, want %d, %d, %d",
				tickets, len(phones), len(categories), total, total, len(openers))
		}
	})
}

// TestRunCountsFailures runs against webhooks that answer badly, two at a time, and checks
// what is counted and that the requests are spread over both.
func TestRunCountsFailures(t *testing.T) {
	cases := []struct {
		name        string
		status      int
		body        string
		empty, errs bool
		kind        string
	}{
		{name: "success is an empty reply", status: 200, body: "success", empty: true},
		{name: "no body is an empty reply", status: 200, body: "", empty: true},
		{name: "a refusal is an error", status: 401, body: "invalid signature", errs: true, kind: "http_status"},
		{name: "an unencrypted reply is an error", status: 200, body: "<xml><Content>hi</Content></xml>", errs: true, kind: "bad_reply"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var calls [2]atomic.Int64
			var urls []string
			for i := range calls {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					calls[i].Add(1)
					w.WriteHeader(tc.status)
					_, _ = io.WriteString(w, tc.body)
				}))
				defer srv.Close()
				urls = append(urls, srv.URL)
			}
			rep, err := Run(context.Background(), Config{
				URLs: urls, Token: TestToken, AESKey: TestAESKey, AppID: TestAppID,
				Script: Echo, Customers: 2, Conversations: 2,
			})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Requests == 0 || !rep.Failed() || (rep.EmptyReplies == rep.Requests) != tc.empty ||
				(rep.Errors == rep.Requests) != tc.errs || (tc.errs && rep.ErrorKinds[tc.kind] != rep.Requests) {
				t.Errorf("requests %d: empty %d, errors %d %v", rep.Requests, rep.EmptyReplies, rep.Errors, rep.ErrorKinds)
			}
			if rep.Latency.Count != rep.Requests || len(rep.ErrorSamples) == 0 {
				t.Errorf("latencies %d for %d requests, samples %q", rep.Latency.Count, rep.Requests, rep.ErrorSamples)
			}
			if calls[0].Load() == 0 || calls[1].Load() == 0 || calls[0].Load()+calls[1].Load() != int64(rep.Requests) {
				t.Errorf("calls %d + %d for %d requests: not spread over both URLs", calls[0].Load(), calls[1].Load(), rep.Requests)
			}
		})
	}
}

func TestFakeAPI(t *testing.T) {
	f := &FakeAPI{}
	srv := httptest.NewServer(f)
	defer srv.Close()
	cases := []struct{ path, want string }{
		{"/cgi-bin/stable_token", `"access_token"`},
		{"/cgi-bin/token?grant_type=client_credential", `"access_token"`},
		{"/cgi-bin/message/custom/send?access_token=x", `"errcode":0`},
	}
	for _, tc := range cases {
		resp, err := http.Post(srv.URL+tc.path, "application/json", strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), tc.want) {
			t.Errorf("POST %s = %d %s, want %s", tc.path, resp.StatusCode, b, tc.want)
		}
	}
	if f.Calls.Load() != int64(len(cases)) {
		t.Errorf("Calls = %d", f.Calls.Load())
	}
}
