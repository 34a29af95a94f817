package nonces_test

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/nonces"
)

func TestClaim(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	n := nonces.New(rdb, "t:nonce:")
	ctx := context.Background()
	claim := func(ts, nonce, body string) bool {
		t.Helper()
		ok, err := n.Claim(ctx, ts, nonce, []byte(body), 10*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim("100", "n1", "a") {
		t.Fatal("a fresh URL was refused")
	}
	if !claim("100", "n1", "a") {
		t.Error("the same URL with the same body (a retry) was refused")
	}
	if claim("100", "n1", "b") {
		t.Error("the same URL with another body was accepted")
	}
	if !claim("100", "n2", "b") || !claim("101", "n1", "b") {
		t.Error("another nonce or timestamp was refused")
	}
	mr.FastForward(11 * time.Minute)
	if !claim("100", "n1", "b") {
		t.Error("the URL was still remembered after its window")
	}
}
