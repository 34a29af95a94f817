package handlers_test

import (
	"context"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
)

func withMode(mode string) apptest.Options {
	return apptest.Options{Config: func(c *config.Config) { c.WeChat.Mode = mode }}
}

// With an AES key and no mode set, the webhook is in safe mode: a plaintext message, whose
// body no signature covers, is refused, counted and logged without the customer; encrypted
// messages (safe and compatible) and the URL check still work.
func TestSafeModeRefusesPlaintext(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	const who = "o_downgrade_victim"
	r, err := s.Client(wxpush.Plain).Say(ctx, who, "我的手机号是13912345678")
	if err != nil || r.Status != http.StatusForbidden {
		t.Fatalf("plaintext in safe mode: %+v %v; want 403", r, err)
	}
	if got := testutil.ToFloat64(s.Metrics.Requests.WithLabelValues("plaintext_refused")); got != 1 {
		t.Errorf("plaintext_refused counted %v times, want 1", got)
	}
	if _, ok, _ := sessions(s).Load(ctx, who); ok {
		t.Error("a plaintext request reached the bot")
	}
	if log := s.Log.String(); strings.Contains(log, who) || strings.Contains(log, "13912345678") {
		t.Errorf("the refusal logged personal data:\n%s", log)
	}
	for _, mode := range []wxpush.Mode{wxpush.Safe, wxpush.Compatible} {
		say(t, s.Client(mode), "o_safe_"+string(mode), "你好")
	}
	if ok, err := s.Client(wxpush.Safe).Verify(ctx); !ok || err != nil {
		t.Errorf("URL check in safe mode: %v %v", ok, err)
	}
}

// In compatible and plain mode, a signed URL (timestamp and nonce) may carry one body
// only: posting another customer's message with a seen URL is refused, while WeChat's
// retry of the same message with the same URL still gets the deduplicated answer.
func TestReusedNonceWithAnotherBodyIsRefused(t *testing.T) {
	plainNoKey := apptest.Options{Config: func(c *config.Config) { c.WeChat.AESKey, c.WeChat.Mode = "", "" }}
	for name, o := range map[string]apptest.Options{"compatible": withMode(config.ModeCompatible), "plain": plainNoKey} {
		t.Run(name, func(t *testing.T) {
			s := apptest.Start(t, apptest.Embedded, o)
			ctx := context.Background()
			c := s.Client(wxpush.Plain)
			p, err := c.Prepare("o_nonce_owner", c.XML("o_nonce_owner", &wxpush.Message{Type: "text", Content: "你好"}))
			if err != nil {
				t.Fatal(err)
			}
			first, err := c.Post(ctx, p)
			if err != nil || first.Status != http.StatusOK || first.Text == "" {
				t.Fatalf("first post: %+v %v", first, err)
			}
			forged := wxpush.Prepared{URL: p.URL, Body: c.XML("o_nonce_victim", &wxpush.Message{Type: "text", Content: "转人工"})}
			if r, _ := c.Post(ctx, forged); r.Status != http.StatusUnauthorized {
				t.Errorf("another body with a seen URL: status %d, want 401", r.Status)
			}
			if _, ok, _ := sessions(s).Load(ctx, "o_nonce_victim"); ok {
				t.Error("the forged message reached the bot")
			}
			if got := testutil.ToFloat64(s.Metrics.Requests.WithLabelValues("replay")); got != 1 {
				t.Errorf("replay counted %v times, want 1", got)
			}
			retry, err := c.Post(ctx, p)
			if err != nil || retry.Status != http.StatusOK || retry.Text != first.Text {
				t.Errorf("WeChat's retry got %+v %v, want %q", retry, err, first.Text)
			}
			if got := testutil.ToFloat64(s.Metrics.DedupeHits); got != 1 {
				t.Errorf("dedupe hits = %v, want 1", got)
			}
			if got := load(t, s, "o_nonce_owner").Turns; got != 1 {
				t.Errorf("turns = %d, want 1", got)
			}
		})
	}
}

// OpenIDs become parts of Redis keys: anything but 1–64 of [A-Za-z0-9_-] is refused before
// it reaches the bot, and the log does not repeat it.
func TestInvalidOpenIDsAreRefused(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	bad := []string{"", strings.Repeat("o", 65), "o_evil}:lock", "o evil", "o_顾客", "o_x\n"}
	for _, id := range bad {
		r, err := c.Say(context.Background(), id, "你好")
		if err != nil || r.Status != http.StatusBadRequest {
			t.Errorf("OpenID %q: %+v %v; want 400", id, r, err)
		}
	}
	if got := testutil.ToFloat64(s.Metrics.Requests.WithLabelValues("bad_openid")); got != float64(len(bad)) {
		t.Errorf("bad_openid counted %v times, want %d", got, len(bad))
	}
	if log := s.Log.String(); strings.Contains(log, "o_evil") || strings.Contains(log, "o_顾客") {
		t.Errorf("the log repeats a refused OpenID:\n%s", log)
	}
	if keys, _ := s.Redis.Keys(context.Background(), "*evil*").Result(); len(keys) > 0 {
		t.Errorf("Redis keys from a refused OpenID: %v", keys)
	}
	say(t, c, "oAbC-_"+strings.Repeat("z", 58), "你好") // 64 characters: fine
}

// A CreateTime in the future (year 3000) is taken as the time the message arrived: it does
// not make the next turn look 975 years late ("欢迎回来") nor move the conversation's clock.
func TestFutureCreateTimeIsClampedToArrival(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	const who = "o_time_traveller"
	say(t, c, who, "空调不制冷")
	year3000 := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	r, err := c.Send(context.Background(), who, &wxpush.Message{Type: "text", Content: "好的", CreateTime: year3000})
	if err != nil || r.Status != http.StatusOK {
		t.Fatalf("reply %+v %v", r, err)
	}
	welcomeBack, _, _ := strings.Cut(catalog.T("bot.resume.ask", "what", ""), "（")
	if strings.Contains(r.Text, welcomeBack) {
		t.Errorf("a future CreateTime triggered the resume prompt: %q", r.Text)
	}
	conv, _, err := sessions(s).Load(context.Background(), who)
	if err != nil {
		t.Fatal(err)
	}
	if conv.UpdatedAt.After(time.Now().Add(time.Minute)) {
		t.Errorf("conversation clock moved to %v", conv.UpdatedAt)
	}
	if r := say(t, c, who, "还是不制冷"); strings.Contains(r.Text, welcomeBack) {
		t.Errorf("the turn after the future one got the resume prompt: %q", r.Text)
	}
}

// Impossible coordinates (NaN, infinities, out of range) do not fail the turn: the customer
// is asked to type the address.
func TestImpossibleLocationGetsAHelpfulReply(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := s.Client(wxpush.Safe)
	for i, m := range []*wxpush.Message{
		{Lat: math.NaN(), Lng: 116.4},
		{Lat: 39.9, Lng: math.Inf(1)},
		{Lat: math.Inf(-1), Lng: math.NaN()},
		{Lat: 391.9, Lng: 116.4},
	} {
		m.Type, m.Label = "location", "北京市朝阳区建国路1号"
		r, err := c.Send(context.Background(), "o_nan_location", m)
		if err != nil || r.Status != http.StatusOK || !strings.HasPrefix(r.Text, catalog.T("bot.location.unnamed")) {
			t.Errorf("location %d: reply %+v %v; want %q", i, r, err, catalog.T("bot.location.unnamed"))
		}
	}
	if got := testutil.ToFloat64(s.Metrics.Requests.WithLabelValues("error")); got != 0 {
		t.Errorf("%v turns failed", got)
	}
}

// With http.ops_token set, /metrics and /readyz answer only with the bearer token;
// /healthz stays open. Without it (the default) they are open.
func TestOpsTokenGuardsMetricsAndReadiness(t *testing.T) {
	const token = "ops-token-0123456789"
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(c *config.Config) { c.HTTP.OpsToken = token }})
	get := func(path, auth string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, s.URL()+path, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		readAll(t, resp)
		return resp.StatusCode
	}
	for _, path := range []string{"/metrics", "/readyz"} {
		for _, auth := range []string{"", "Bearer wrong-token-0123456789", "Bearer " + token + "x", token} {
			if code := get(path, auth); code != http.StatusUnauthorized {
				t.Errorf("%s with %q: %d, want 401", path, auth, code)
			}
		}
		if code := get(path, "Bearer "+token); code != http.StatusOK {
			t.Errorf("%s with the token: %d, want 200", path, code)
		}
	}
	if code := get("/healthz", ""); code != http.StatusOK {
		t.Errorf("/healthz: %d, want 200", code)
	}
}
