package loadgen

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/officialaccount"
	oaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/sirupsen/logrus"
)

// echoServer is cmd/barewx's handler on the SDK: it replies with reply(text).
func echoServer(t *testing.T, reply func(string) string) string {
	logrus.SetOutput(io.Discard)
	oa := officialaccount.NewOfficialAccount(&oaconfig.Config{AppID: TestAppID, Token: TestToken, EncodingAESKey: TestAESKey, Cache: cache.NewMemory()})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s := oa.GetServer(r, w)
		s.SetMessageHandler(func(m *message.MixMessage) *message.Reply {
			return &message.Reply{MsgType: message.MsgTypeText, MsgData: message.NewText(reply(m.Content))}
		})
		if err := s.Serve(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		_ = s.Send()
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestRunEcho(t *testing.T) {
	same := func(s string) string { return s }
	cases := []struct {
		name       string
		reply      func(string) string
		duration   time.Duration
		mismatches bool
	}{
		{name: "echoed, by conversations", reply: same},
		{name: "echoed, for a duration", reply: same, duration: 300 * time.Millisecond},
		{name: "a different text is an error", reply: func(s string) string { return s + "!" }, mismatches: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			url := echoServer(t, tc.reply)
			rep, err := Run(context.Background(), Config{
				URLs: []string{url}, Token: TestToken, AESKey: TestAESKey, AppID: TestAppID,
				Script: Echo, Customers: 4, Conversations: 2, Warmup: 1, Duration: tc.duration,
			})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Requests == 0 || rep.EmptyReplies != 0 || rep.Tickets != 0 {
				t.Fatalf("requests %d, empty %d, tickets %d", rep.Requests, rep.EmptyReplies, rep.Tickets)
			}
			if got := rep.ErrorKinds["echo_mismatch"]; (got == rep.Requests && rep.Errors == got) != tc.mismatches || (!tc.mismatches && rep.Errors != 0) {
				t.Fatalf("errors %d %v of %d requests: %q", rep.Errors, rep.ErrorKinds, rep.Requests, rep.ErrorSamples)
			}
			if tc.duration > 0 {
				// However fast the steady state is beside the warm-up, the run lasts its duration:
				// customers that run out prepare more.
				if rep.Seconds < tc.duration.Seconds() || rep.Seconds > tc.duration.Seconds()+1 {
					t.Errorf("a %v run took %.2fs (%d customers refilled)", tc.duration, rep.Seconds, rep.Exhausted)
				}
			} else if rep.Completed != 4*2 {
				t.Errorf("completed %d conversations, want 8", rep.Completed)
			}
		})
	}
}

// TestPhaseOutlastsItsPool: a timed phase whose pool is too small (a warm-up far slower than
// the steady state sizes it) lasts its duration all the same: customers that run out
// prepare more, and the report says so.
func TestPhaseOutlastsItsPool(t *testing.T) {
	url := echoServer(t, func(s string) string { return s })
	r := newRunner(Config{URLs: []string{url}, Token: TestToken, AESKey: TestAESKey, AppID: TestAppID,
		Script: Echo, Customers: 2, Timeout: 10 * time.Second, Seed: 1})
	const d = 1500 * time.Millisecond // one conversation takes far less, even on a loaded machine
	res, err := r.phase(context.Background(), 1, d)
	if err != nil {
		t.Fatal(err)
	}
	if res.Seconds < d.Seconds() || res.Exhausted != 2 || res.Conversations <= 2 || res.Errors != 0 || len(res.Warnings) == 0 {
		t.Fatalf("ran %.2fs, %d conversations, %d customers refilled, %d errors, warnings %q",
			res.Seconds, res.Conversations, res.Exhausted, res.Errors, res.Warnings)
	}
}

// TestRunThinkTime paces each customer: with a think time the phase lasts at least the
// pauses between its messages, and the latencies leave the pauses out.
func TestRunThinkTime(t *testing.T) {
	url := echoServer(t, func(s string) string { return s })
	const think = 40 * time.Millisecond
	cases := []struct {
		name  string
		think time.Duration
	}{{"no think time", 0}, {"40 ms think time", think}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Run(context.Background(), Config{
				URLs: []string{url}, Token: TestToken, AESKey: TestAESKey, AppID: TestAppID,
				Script: Echo, Customers: 2, Conversations: 1, Think: tc.think,
			})
			if err != nil {
				t.Fatal(err)
			}
			perCustomer := rep.Requests / 2
			paused := time.Duration(perCustomer) * think
			took := time.Duration(rep.Seconds * float64(time.Second))
			if rep.Errors != 0 || (tc.think > 0 && took < paused) {
				t.Errorf("%d requests per customer in %v with think time %v (errors %d)", perCustomer, took, tc.think, rep.Errors)
			}
			if tc.think > 0 && rep.Latency.Max >= paused {
				t.Errorf("max latency %v includes the pauses", rep.Latency.Max)
			}
		})
	}
	if _, err := Run(context.Background(), Config{URLs: []string{url}, Script: Echo, Customers: 1, Conversations: 1, Think: -time.Second}); err == nil {
		t.Error("a negative think time was accepted")
	}
}
