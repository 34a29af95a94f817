package wxapi_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxapi"
	"github.com/wxintake/intake/internal/wxfake"
)

func newClient(rdb redis.UniversalClient, prefix, base string, m *metrics.Metrics) *wxapi.Client {
	tokens := wxapi.NewTokenSource(rdb, prefix, "wx0000000000000000", "secret", true)
	return wxapi.NewClient(wxapi.Config{AppID: "wx0000000000000000", AppSecret: "secret", Token: "t", APIBase: base},
		tokens, wxapi.NewCache(rdb, prefix+"sdk:"), m)
}

// Several instances share one token: only one of them fetches it.
func TestInstancesShareOneToken(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		api := wxfake.New(t)
		wxapi.Setup(api.URL, 2*time.Second)
		var wg sync.WaitGroup
		for i := range 3 {
			c := newClient(rdb, prefix, api.URL, metrics.New()) // three "instances"
			for j := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := c.SendText(context.Background(), "o_token", "hi"); err != nil {
						t.Errorf("instance %d send %d: %v", i, j, err)
					}
				}()
			}
		}
		wg.Wait()
		if n := api.TokenCalls(); n != 1 {
			t.Fatalf("token fetched %d times by 3 instances, want 1", n)
		}
		if sent := api.Sent(); len(sent) != 12 || sent[0].Token != "FAKETOKEN" {
			t.Fatalf("sent %d messages (%+v)", len(sent), sent)
		}
	})
}

func TestRefusedTokenIsRefreshedAndRetried(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	api := wxfake.New(t)
	wxapi.Setup(api.URL, 2*time.Second)
	m := metrics.New()
	c := newClient(rdb, prefix, api.URL, m)
	api.FailNext(wxfake.Failure{Errcode: wxapi.CodeTokenExpired})
	if err := c.SendText(context.Background(), "o1", "hi"); err != nil {
		t.Fatalf("send after an expired token: %v", err)
	}
	if n := api.TokenCalls(); n != 2 {
		t.Fatalf("token fetched %d times, want 2 (initial + refresh)", n)
	}
	if got := testutil.ToFloat64(m.OutboundErrors.WithLabelValues("custom_send", "42001")); got != 1 {
		t.Fatalf("errors counted %v, want 1", got)
	}
}

func TestSendErrorsCarryWeChatsErrcode(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	api := wxfake.New(t)
	wxapi.Setup(api.URL, 500*time.Millisecond)
	c := newClient(rdb, prefix, api.URL, metrics.New())
	for _, tc := range []struct {
		fail wxfake.Failure
		code int
	}{
		{wxfake.Failure{Errcode: wxapi.CodeOutsideWindow}, 45015},
		{wxfake.Failure{Errcode: wxapi.CodeQuotaExhausted}, 45047},
		{wxfake.Failure{Status: 502}, 0},
	} {
		api.FailNext(tc.fail)
		err := c.SendText(context.Background(), "o1", "hi")
		var apiErr *wxapi.APIError
		if !errors.As(err, &apiErr) || apiErr.Code != tc.code {
			t.Errorf("%+v: error %v, want errcode %d", tc.fail, err, tc.code)
		}
	}
	// A slow API is cut off by the client's timeout instead of hanging a turn.
	api.SetDelay(2 * time.Second)
	t0 := time.Now()
	if err := c.SendText(context.Background(), "o1", "hi"); err == nil {
		t.Error("a send slower than the timeout succeeded")
	}
	if d := time.Since(t0); d > 1500*time.Millisecond {
		t.Errorf("slow send took %v; the timeout is 500ms", d)
	}
}

func TestCacheReturnsStrings(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	c := wxapi.NewCache(rdb, prefix)
	if err := c.Set("k", "v", time.Minute); err != nil {
		t.Fatal(err)
	}
	if v, ok := c.Get("k").(string); !ok || v != "v" || !c.IsExist("k") {
		t.Fatalf("Get = %#v", c.Get("k"))
	}
	if err := c.Delete("k"); err != nil || c.Get("k") != nil || c.IsExist("k") {
		t.Fatal("Delete did not delete")
	}
}

// A template message carries its link and fields, and no colour; with the window closed
// (45015) customer-service messages are refused while templates go through.
func TestTemplateCarriesLinkAndFields(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	api := wxfake.New(t)
	wxapi.Setup(api.URL, 2*time.Second)
	c := newClient(rdb, prefix, api.URL, metrics.New())
	api.CloseWindow(true)
	var apiErr *wxapi.APIError
	if err := c.SendText(context.Background(), "o1", "hi"); !errors.As(err, &apiErr) || apiErr.Code != wxapi.CodeOutsideWindow {
		t.Fatalf("chat message with the window closed: %v", err)
	}
	data := map[string]string{"character_string1": "RS20261205-0001", "phrase3": "维修中"}
	if err := c.SendTemplate(context.Background(), "o1", "TPL", "https://example.com/h5/t/x", data); err != nil {
		t.Fatal(err)
	}
	sent := api.Sent()
	if len(sent) != 1 || sent[0].Template == nil {
		t.Fatalf("sent %+v", sent)
	}
	tpl := sent[0].Template
	if tpl.TemplateID != "TPL" || tpl.URL != "https://example.com/h5/t/x" || len(tpl.Data) != 2 || tpl.Data["phrase3"] != "维修中" {
		t.Errorf("template %+v", tpl)
	}
	if strings.Contains(sent[0].Raw, "color") {
		t.Errorf("colour sent: %s", sent[0].Raw)
	}
}
