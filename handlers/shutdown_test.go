package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
)

// Shutdown lets a turn still running in the background finish and deliver its reply.
func TestShutdownFinishesInFlightTurns(t *testing.T) {
	short := apptest.Options{Config: func(c *config.Config) { c.WeChat.TurnBudget = 200 * time.Millisecond }}
	s := apptest.Start(t, apptest.Embedded, short)
	ctx := context.Background()
	// Another turn holds the customer's lock, so this one outlives its budget.
	if err := s.Redis.Set(ctx, s.Cfg.Redis.KeyPrefix+"s:{o_shutdown}:lock", "other", 1500*time.Millisecond).Err(); err != nil {
		t.Fatal(err)
	}
	r, err := s.Client(wxpush.Safe).Say(ctx, "o_shutdown", "你好")
	if err != nil || !r.Success {
		t.Fatalf("reply %+v err %v; want success after the budget", r, err)
	}
	if n := len(s.API.Sent()); n != 0 {
		t.Fatalf("%d messages pushed before the lock was free", n)
	}
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := s.Bot.Close(sctx); err != nil {
		t.Fatal(err)
	}
	if n := len(s.API.Sent()); n != 1 {
		t.Fatalf("after shutdown %d messages were pushed, want the turn's reply", n)
	}
}
