package handlers_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/wxintake/intake/bot/botredis"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
)

var modes = []wxpush.Mode{wxpush.Plain, wxpush.Compatible, wxpush.Safe}

func TestVerifyURL(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		ok, err := c.Verify(context.Background())
		if err != nil || !ok {
			t.Fatalf("URL check failed: ok=%v err=%v", ok, err)
		}
		c.Token = "wrongtoken"
		if ok, _ := c.Verify(context.Background()); ok {
			t.Fatal("URL check passed with the wrong token")
		}
	})
}

// The service in compatible mode takes what WeChat sends in each of its modes.
func TestRoundTripInEveryMode(t *testing.T) {
	apptest.Each(t, withMode(config.ModeCompatible), func(t *testing.T, s *apptest.Service) {
		for _, mode := range modes {
			t.Run(string(mode), func(t *testing.T) {
				c := s.Client(mode)
				openID := "o_roundtrip_" + string(mode)
				r := say(t, c, openID, "你好")
				if r.MsgType != "text" || !strings.HasPrefix(r.Text, catalog.T("bot.welcome")) {
					t.Fatalf("first reply = %+v", r)
				}
				r = say(t, c, openID, "空调不制冷")
				if r.Text == "" || strings.HasPrefix(r.Text, catalog.T("bot.welcome")) {
					t.Fatalf("second reply = %+v", r)
				}
				conv := load(t, s, openID)
				if conv.Turns != 2 {
					t.Fatalf("conversation has %d turns, want 2", conv.Turns)
				}
			})
		}
	})
}

func TestEveryMessageKindReachesTheBot(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	msgs := []*wxpush.Message{
		{Type: "voice", Recognition: "冰箱不制冷", MediaID: "v1"},
		{Type: "image", MediaID: "m1", PicURL: "http://127.0.0.1/p.jpg"},
		{Type: "location", Lat: 39.9, Lng: 116.4, Label: "北京市朝阳区建国路1号"},
		{Type: "event", Event: "CLICK", EventKey: "REPORT"},
	}
	for i, m := range msgs {
		r, err := c.Send(context.Background(), "o_kinds", m)
		if err != nil || r.Status != http.StatusOK || r.Text == "" {
			t.Fatalf("%s: reply %+v, err %v", m.Type, r, err)
		}
		if got := load(t, s, "o_kinds").Turns; got != i+1 {
			t.Fatalf("%s: %d turns, want %d", m.Type, got, i+1)
		}
	}
}

func TestUnknownMessageTypeGetsAPoliteReply(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	r, err := s.Client(wxpush.Safe).Send(context.Background(), "o_video", &wxpush.Message{Type: "video", MediaID: "x"})
	if err != nil || !strings.HasPrefix(r.Text, catalog.T("bot.unsupported")) {
		t.Fatalf("reply %+v, err %v", r, err)
	}
}

func TestForgedAndReplayedRequestsAreRefused(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()

	bad := s.Client(wxpush.Plain)
	bad.Token = "forged"
	if r, _ := bad.Say(ctx, "o_forged", "hi"); r.Status != http.StatusUnauthorized {
		t.Errorf("bad signature: status %d, want 401", r.Status)
	}

	// A valid signature but a msg_signature over a different ciphertext.
	c := s.Client(wxpush.Safe)
	p, err := c.Prepare("o_forged", c.XML("o_forged", &wxpush.Message{Type: "text", Content: "hi"}))
	if err != nil {
		t.Fatal(err)
	}
	p.URL = strings.Replace(p.URL, "msg_signature=", "msg_signature=0", 1)
	if r, _ := c.Post(ctx, p); r.Status != http.StatusUnauthorized {
		t.Errorf("bad msg_signature: status %d, want 401", r.Status)
	}

	for _, skew := range []time.Duration{-6 * time.Minute, 6 * time.Minute} {
		old := s.Client(wxpush.Safe)
		old.Now = func() time.Time { return time.Now().Add(skew) }
		if r, _ := old.Say(ctx, "o_replay", "hi"); r.Status != http.StatusUnauthorized {
			t.Errorf("timestamp %v off: status %d, want 401", skew, r.Status)
		}
	}
	if got := testutil.ToFloat64(s.Metrics.SignatureFailures.WithLabelValues("msg_signature")); got != 1 {
		t.Errorf("msg_signature failures = %v, want 1", got)
	}
	if _, ok, _ := sessions(s).Load(ctx, "o_replay"); ok {
		t.Error("a refused request reached the bot")
	}
}

func TestMalformedBodiesAreAcknowledged(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, withMode(config.ModeCompatible))
	ctx := context.Background()
	for _, mode := range modes {
		c := s.Client(mode)
		for name, body := range map[string]string{
			"garbage":           "this is not xml",
			"control character": "<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o_ctl]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[a\x02b]]></Content><MsgId>7</MsgId></xml>",
		} {
			p, err := c.Prepare("o_bad", []byte(body))
			if err != nil {
				t.Fatal(err)
			}
			r, err := c.Post(ctx, p)
			if err != nil || r.Status != http.StatusOK || !r.Success {
				t.Errorf("%s %s: reply %+v, err %v; want 200 success", mode, name, r, err)
			}
		}
	}
	if got := testutil.ToFloat64(s.Metrics.Requests.WithLabelValues("malformed")); got != 6 {
		t.Errorf("malformed counted %v times, want 6", got)
	}
}

func TestOversizedBodyIs413(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Plain)
	p, _ := c.Prepare("o_big", c.XML("o_big", &wxpush.Message{Type: "text", Content: strings.Repeat("大", 30000)}))
	if r, _ := c.Post(context.Background(), p); r.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", r.Status)
	}
}

// WeChat retries a message it got no answer for; the retries can overlap the first
// attempt. Three concurrent copies must make one transition and get one answer.
func TestConcurrentRetriesMakeOneTransition(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		say(t, c, "o_retry", "你好") // the conversation exists before the retried message
		p, err := c.Prepare("o_retry", c.XML("o_retry", &wxpush.Message{Type: "text", Content: "空调不制冷"}))
		if err != nil {
			t.Fatal(err)
		}
		replies := make([]wxpush.Reply, 3)
		var wg sync.WaitGroup
		for i := range replies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := c.Post(context.Background(), p)
				if err != nil {
					t.Error(err)
				}
				replies[i] = r
			}()
		}
		wg.Wait()
		if got := load(t, s, "o_retry").Turns; got != 2 {
			t.Fatalf("turns = %d after 3 copies of one message, want 2", got)
		}
		for i, r := range replies {
			if r.Status != http.StatusOK || r.Text != replies[0].Text || r.Text == "" {
				t.Errorf("copy %d answered %+v, first answered %q", i, r, replies[0].Text)
			}
		}
		// A late retry, after the turn finished, gets the same answer again.
		if r, _ := c.Post(context.Background(), p); r.Text != replies[0].Text {
			t.Errorf("late retry answered %q, want %q", r.Text, replies[0].Text)
		}
		if got := testutil.ToFloat64(s.Metrics.DedupeHits); got != 3 {
			t.Errorf("dedupe hits = %v, want 3", got)
		}
	})
}

func TestTwoMessagesAtOnceAreBothApplied(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		const n = 5
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := c.Say(context.Background(), "o_burst", strings.Repeat("在吗", i+1))
				if err != nil || r.Status != http.StatusOK || r.Text == "" {
					t.Errorf("message %d: %+v %v", i, r, err)
				}
			}()
		}
		wg.Wait()
		if got := load(t, s, "o_burst").Turns; got != n {
			t.Fatalf("turns = %d, want %d: a concurrent message was lost", got, n)
		}
	})
}

// A turn that cannot finish within the budget answers "success" at once and delivers its
// reply later as a customer-service message; a retry then gets "success", not a repeat.
func TestLateReplyIsPushed(t *testing.T) {
	short := apptest.Options{Config: func(c *config.Config) { c.WeChat.TurnBudget = 300 * time.Millisecond }}
	apptest.Each(t, short, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		ctx := context.Background()
		// Another turn holds the customer's lock for longer than the budget.
		lockKey := s.Cfg.Redis.KeyPrefix + "s:{o_late}:lock"
		if err := s.Redis.Set(ctx, lockKey, "someone-else", time.Second).Err(); err != nil {
			t.Fatal(err)
		}
		p, _ := c.Prepare("o_late", c.XML("o_late", &wxpush.Message{Type: "text", Content: "你好"}))
		t0 := time.Now()
		r, err := c.Post(ctx, p)
		if err != nil || !r.Success {
			t.Fatalf("reply %+v err %v; want success after the budget", r, err)
		}
		if d := time.Since(t0); d > 800*time.Millisecond {
			t.Fatalf("answered after %v: over WeChat's deadline", d)
		}
		sent := s.API.WaitSent(1, 5*time.Second)
		if len(sent) != 1 || sent[0].ToUser != "o_late" || !strings.HasPrefix(sent[0].Text, catalog.T("bot.welcome")) {
			t.Fatalf("pushed %+v, want the welcome to o_late", sent)
		}
		if r, _ := c.Post(ctx, p); !r.Success {
			t.Fatalf("retry after a pushed reply answered %+v, want success", r)
		}
		time.Sleep(200 * time.Millisecond)
		if n := len(s.API.Sent()); n != 1 {
			t.Fatalf("%d messages pushed, want 1", n)
		}
	})
}

func TestLogsCarryNoMessageBodies(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	say(t, s.Client(wxpush.Safe), "o_private_customer", "我的手机号是13912345678")
	bad := s.Client(wxpush.Plain)
	bad.Token = "forged"
	_, _ = bad.Say(context.Background(), "o_private_customer", "我的手机号是13912345678")
	log := s.Log.String()
	for _, secret := range []string{"13912345678", "o_private_customer", "手机号"} {
		if strings.Contains(log, secret) {
			t.Errorf("service log contains %q:\n%s", secret, log)
		}
	}
}

func TestOperationsEndpoints(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		for path, want := range map[string]string{
			"/healthz": `"ok"`, "/readyz": `"redis":"ok"`, "/metrics": "intake_webhook_requests_total",
		} {
			say(t, s.Client(wxpush.Safe), "o_ops", "hi")
			resp, err := http.Get(s.URL() + path)
			if err != nil {
				t.Fatal(err)
			}
			body := readAll(t, resp)
			if resp.StatusCode != http.StatusOK || !strings.Contains(body, want) {
				t.Errorf("%s: %d %s", path, resp.StatusCode, body)
			}
		}
	})
}

func TestReadyzReportsAMissingDependency(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	_ = s.Redis.Close()
	resp, err := http.Get(s.URL() + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	if body := readAll(t, resp); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, `"redis":"unavailable"`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
}

func say(t *testing.T, c *wxpush.Client, openID, text string) wxpush.Reply {
	t.Helper()
	r, err := c.Say(context.Background(), openID, text)
	if err != nil {
		t.Fatalf("say %q: %v", text, err)
	}
	if r.Status != http.StatusOK {
		t.Fatalf("say %q: HTTP %d %s", text, r.Status, r.Body)
	}
	return r
}

func sessions(s *apptest.Service) *botredis.Store {
	return botredis.New(s.Redis, s.Cfg.Redis.KeyPrefix+"s:", botredis.Options{})
}

type conv struct{ Turns int }

func load(t *testing.T, s *apptest.Service, openID string) conv {
	t.Helper()
	c, _, err := sessions(s).Load(context.Background(), openID)
	if err != nil {
		t.Fatal(err)
	}
	return conv{Turns: c.Turns}
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A turn whose instance died mid-turn leaves a pending claim; WeChat's retry waits for it,
// and when the claim expires takes the message over and answers it within the budget.
func TestRetryTakesOverADeadTurn(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		ctx := context.Background()
		const who, id = "o_dead_turn", 7_000_000_001
		// What the dead instance left: the message claimed, the lock held, 1 s to live.
		keys := s.Cfg.Redis.KeyPrefix + "s:{" + who + "}:"
		if err := s.Redis.Set(ctx, keys+"m:7000000001", "", time.Second).Err(); err != nil {
			t.Fatal(err)
		}
		if err := s.Redis.Set(ctx, keys+"lock", "dead-instance", time.Second).Err(); err != nil {
			t.Fatal(err)
		}
		p, _ := c.Prepare(who, c.XML(who, &wxpush.Message{Type: "text", MsgID: id, Content: "你好"}))
		r, err := c.Post(ctx, p)
		if err != nil || r.Success || !strings.HasPrefix(r.Text, catalog.T("bot.welcome")) {
			t.Fatalf("WeChat's retry got %+v %v, want the welcome", r, err)
		}
		if got := load(t, s, who).Turns; got != 1 {
			t.Fatalf("turns = %d, want 1", got)
		}
	})
}

// When the dead turn's claim outlives the budget, the retry answers "success" (WeChat
// stops retrying then), keeps watching the claim, and pushes the reply once it took the
// message over: the message is still answered.
func TestRetryTakesOverADeadTurnAfterTheBudget(t *testing.T) {
	short := apptest.Options{Config: func(c *config.Config) {
		c.WeChat.TurnBudget, c.Session.LockTTL = 300*time.Millisecond, time.Second
	}}
	apptest.Each(t, short, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		ctx := context.Background()
		const who, id = "o_dead_turn_late", 7_000_000_002
		keys := s.Cfg.Redis.KeyPrefix + "s:{" + who + "}:"
		for k, v := range map[string]string{"m:7000000002": "", "lock": "dead-instance"} {
			if err := s.Redis.Set(ctx, keys+k, v, 1200*time.Millisecond).Err(); err != nil {
				t.Fatal(err)
			}
		}
		p, _ := c.Prepare(who, c.XML(who, &wxpush.Message{Type: "text", MsgID: id, Content: "你好"}))
		r, err := c.Post(ctx, p)
		if err != nil || !r.Success {
			t.Fatalf("WeChat's retry got %+v %v, want success after the budget", r, err)
		}
		sent := s.API.WaitSent(1, 5*time.Second)
		if len(sent) != 1 || sent[0].ToUser != who || !strings.HasPrefix(sent[0].Text, catalog.T("bot.welcome")) {
			t.Fatalf("pushed %+v, want the welcome", sent)
		}
	})
}
