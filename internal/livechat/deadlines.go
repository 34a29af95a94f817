package livechat

import (
	"context"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisDeadlines keeps takeover deadlines in a Redis sorted set scored by Unix time.
type RedisDeadlines struct {
	rdb redis.UniversalClient
	key string
}

var _ Deadlines = (*RedisDeadlines)(nil)

// NewRedisDeadlines keeps the set under prefix.
func NewRedisDeadlines(rdb redis.UniversalClient, prefix string) *RedisDeadlines {
	return &RedisDeadlines{rdb: rdb, key: prefix + "takeovers"}
}

// NewRedisQueue keeps a sorted set of the same kind under key: the chats waiting for a
// person, scored by when the bot takes them back (Queue).
func NewRedisQueue(rdb redis.UniversalClient, key string) *RedisDeadlines {
	return &RedisDeadlines{rdb: rdb, key: key}
}

// Set implements Deadlines.
func (d *RedisDeadlines) Set(ctx context.Context, member string, at time.Time) error {
	return d.rdb.ZAdd(ctx, d.key, redis.Z{Score: float64(at.Unix()), Member: member}).Err()
}

// Remove implements Deadlines.
func (d *RedisDeadlines) Remove(ctx context.Context, member string) error {
	return d.rdb.ZRem(ctx, d.key, member).Err()
}

// Due implements Deadlines.
func (d *RedisDeadlines) Due(ctx context.Context, now time.Time) ([]string, error) {
	return d.rdb.ZRangeByScore(ctx, d.key, &redis.ZRangeBy{Min: "-inf", Max: strconv.FormatInt(now.Unix(), 10)}).Result()
}
