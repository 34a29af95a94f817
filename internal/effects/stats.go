package effects

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/knowledge"
)

// RedisStats counts rule outcomes in one Redis hash shared by every instance: a field per
// rule and outcome, incremented atomically on the hot path at the cost of one command.
type RedisStats struct {
	rdb redis.UniversalClient
	key string
}

var _ RuleStats = (*RedisStats)(nil)

// NewRedisStats keeps the counters under prefix.
func NewRedisStats(rdb redis.UniversalClient, prefix string) *RedisStats {
	return &RedisStats{rdb: rdb, key: prefix + "kb:outcomes"}
}

// Record implements RuleStats.
func (s *RedisStats) Record(ctx context.Context, ruleID string, o knowledge.Outcome) error {
	return s.rdb.HIncrBy(ctx, s.key, ruleID+"|"+string(o), 1).Err()
}

// All returns every rule's counters.
func (s *RedisStats) All(ctx context.Context) (map[string]*knowledge.RuleStats, error) {
	m, err := s.rdb.HGetAll(ctx, s.key).Result()
	if err != nil {
		return nil, err
	}
	out := map[string]*knowledge.RuleStats{}
	for field, v := range m {
		rule, outcome, ok := strings.Cut(field, "|")
		n, err := strconv.Atoi(v)
		if !ok || err != nil {
			continue
		}
		st := out[rule]
		if st == nil {
			st = &knowledge.RuleStats{RuleID: rule}
			out[rule] = st
		}
		switch knowledge.Outcome(outcome) {
		case knowledge.OutcomeShown:
			st.Shown += n
		case knowledge.OutcomeSolved:
			st.Solved += n
		case knowledge.OutcomeEscalated:
			st.Escalated += n
		case knowledge.OutcomeAbandoned:
			st.Abandoned += n
		}
	}
	return out, nil
}

// BufferedStats collects outcomes in memory and adds them to RedisStats in one pipeline
// per flush, so recording an outcome costs a turn no Redis round trip. A crash loses at
// most one flush interval of counts; these are editors' statistics, not records.
type BufferedStats struct {
	*RedisStats
	mu      sync.Mutex
	pending map[string]int64 // "rule|outcome" → count
}

// NewBufferedStats buffers in front of s.
func NewBufferedStats(s *RedisStats) *BufferedStats {
	return &BufferedStats{RedisStats: s, pending: map[string]int64{}}
}

// Record implements RuleStats.
func (b *BufferedStats) Record(_ context.Context, ruleID string, o knowledge.Outcome) error {
	b.mu.Lock()
	b.pending[ruleID+"|"+string(o)]++
	b.mu.Unlock()
	return nil
}

// Flush writes the buffered counts.
func (b *BufferedStats) Flush(ctx context.Context) error {
	b.mu.Lock()
	pending := b.pending
	b.pending = map[string]int64{}
	b.mu.Unlock()
	if len(pending) == 0 {
		return nil
	}
	_, err := b.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for field, n := range pending {
			p.HIncrBy(ctx, b.key, field, n)
		}
		return nil
	})
	if err != nil { // keep them for the next flush
		b.mu.Lock()
		for field, n := range pending {
			b.pending[field] += n
		}
		b.mu.Unlock()
	}
	return err
}

// Run flushes every interval until ctx ends, then once more.
func (b *BufferedStats) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			_ = b.Flush(fctx)
			cancel()
			return
		case <-t.C:
			_ = b.Flush(ctx)
		}
	}
}

// All returns every rule's counters, buffered ones included.
func (b *BufferedStats) All(ctx context.Context) (map[string]*knowledge.RuleStats, error) {
	if err := b.Flush(ctx); err != nil {
		return nil, err
	}
	return b.RedisStats.All(ctx)
}
