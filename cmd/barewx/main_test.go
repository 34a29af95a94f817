package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
)

func TestBareEchoesInSafeMode(t *testing.T) {
	if testToken != apptest.Token || testAESKey != apptest.AESKey || testAppID != apptest.AppID {
		t.Fatal("barewx's default credentials drifted from internal/apptest")
	}
	srv := httptest.NewServer(newServer(testToken, testAESKey, testAppID))
	defer srv.Close()
	c := &wxpush.Client{URL: srv.URL + "/wechat", Token: testToken, AESKey: testAESKey, AppID: testAppID,
		Mode: wxpush.Safe, HTTP: &http.Client{Timeout: 5 * time.Second}}
	ctx := context.Background()

	cases := []string{"你好", "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", "13812345678"}
	for _, text := range cases {
		r, err := c.Say(ctx, "o_bare", text)
		if err != nil || r.Status != http.StatusOK || r.Text != text {
			t.Errorf("Say(%q) = %d %q, %v; want the same text back", text, r.Status, r.Text, err)
		}
	}
	if ok, err := c.Verify(ctx); !ok || err != nil {
		t.Errorf("URL check: %v %v", ok, err)
	}

	forged := *c
	forged.Token = "othertoken"
	if r, _ := forged.Say(ctx, "o_bare", "hi"); r.Status != http.StatusBadRequest {
		t.Errorf("forged signature answered %d, want 400", r.Status)
	}
}
