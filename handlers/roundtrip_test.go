package handlers_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxpush"
)

// countingHook counts round trips to Redis: each command or pipeline is one.
type countingHook struct{ n atomic.Int64 }

func (h *countingHook) DialHook(next redis.DialHook) redis.DialHook { return next }
func (h *countingHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmd)
	}
}
func (h *countingHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmds)
	}
}

// A turn costs two Redis round trips: one to claim the message, lock the customer and
// load the conversation; one to save it, record the reply and unlock — even on turns
// that show self-service checks (their statistics are buffered).
func TestATurnCostsTwoRedisRoundTrips(t *testing.T) {
	apptest.Each(t, apptest.Options{NoLoops: true}, func(t *testing.T, s *apptest.Service) {
		c := s.Client(wxpush.Safe)
		say(t, c, "o_rt", "你好") // loads the scripts into Redis
		hook := &countingHook{}
		s.Redis.AddHook(hook)
		for _, msg := range []string{"空调不制冷", "2", "2"} {
			before := hook.n.Load()
			say(t, c, "o_rt", msg)
			if n := hook.n.Load() - before; n != 2 {
				t.Errorf("%q took %d Redis round trips, want 2", msg, n)
			}
		}
	})
}
