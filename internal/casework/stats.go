package casework

import (
	"context"
	"strconv"
	"strings"

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
