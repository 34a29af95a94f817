package wxapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxapi"
	"github.com/wxintake/intake/internal/wxfake"
)

// The SDK's errors quote the URL it called, access token included ("http get error :
// uri=…?access_token=…"). Those errors are logged and stored (the outbox's last_error,
// shown to staff), so the token must not survive in their text.
func TestErrorsCarryNoAccessToken(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	api := wxfake.New(t)
	wxapi.Setup(api.URL, 300*time.Millisecond)
	c := newClient(rdb, prefix, api.URL, metrics.New())
	cases := []struct {
		name string
		fail func()
		send func() error
	}{
		{"custom_send HTTP 500", func() { api.FailNext(wxfake.Failure{Status: 500}) },
			func() error { return c.SendText(context.Background(), "o1", "hi") }},
		{"custom_send timeout", func() { api.SetDelay(time.Second) },
			func() error { return c.SendText(context.Background(), "o1", "hi") }},
		{"template HTTP 502", func() { api.SetDelay(0); api.FailNext(wxfake.Failure{Status: 502}) },
			func() error {
				return c.SendTemplate(context.Background(), "o1", "TMPL", "", map[string]string{"k": "v"})
			}},
	}
	for _, tc := range cases {
		tc.fail()
		err := tc.send()
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "FAKETOKEN") || !strings.Contains(msg, "wechat ") {
			t.Errorf("%s: error text %q", tc.name, msg)
		}
	}
	api.SetDelay(0)
}
