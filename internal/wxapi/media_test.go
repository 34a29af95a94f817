package wxapi_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxapi"
	"github.com/wxintake/intake/internal/wxfake"
)

// Media downloads through the configured API base; WeChat's JSON errors carry their
// errcode, and a file over the limit is refused.
func TestMedia(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	api := wxfake.New(t)
	wxapi.Setup(api.URL, 2*time.Second)
	c := newClient(rdb, prefix, api.URL, metrics.New())
	api.SetMedia("gone", wxfake.Media{})
	api.SetMedia("big", wxfake.Media{ContentType: "image/jpeg", Body: make([]byte, 2048)})
	ctx := context.Background()

	ctype, b, err := c.Media(ctx, "m1", 1<<20)
	if err != nil || ctype != "image/png" || !bytes.Equal(b, wxfake.PNG) {
		t.Fatalf("media: %q, %d bytes, %v", ctype, len(b), err)
	}
	var apiErr *wxapi.APIError
	if _, _, err := c.Media(ctx, "gone", 1<<20); !errors.As(err, &apiErr) || apiErr.Code != 40007 {
		t.Errorf("unknown media: %v; want errcode 40007", err)
	}
	if _, _, err := c.Media(ctx, "big", 1024); !errors.Is(err, wxapi.ErrMediaTooLarge) {
		t.Errorf("a file over the limit: %v", err)
	}
	if n := api.MediaCalls(); n != 3 {
		t.Errorf("%d media calls; want 3", n)
	}
}
