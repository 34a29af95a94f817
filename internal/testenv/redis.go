package testenv

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// Redis returns a client on the Redis server named by INTAKE_TEST_REDIS_ADDR
// and a key prefix unique to this test ("t:<hex>:"). Every key under the
// prefix is deleted when the test ends; keys the test writes must start with
// it. See RequireService for what happens without a server.
func Redis(t testing.TB) (redis.UniversalClient, string) {
	t.Helper()
	addr := RequireService(t, EnvRedisAddr)
	rdb := redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{addr}})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close()
		t.Fatalf("testenv: ping Redis at %s=%s: %v", EnvRedisAddr, addr, err)
	}

	prefix := "t:" + randomHex(8) + ":"
	t.Cleanup(func() {
		defer rdb.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := DeletePrefix(ctx, rdb, prefix); err != nil {
			t.Errorf("testenv: delete Redis keys %s*: %v", prefix, err)
		}
	})
	return rdb, prefix
}

// DeletePrefix deletes every key starting with prefix, walking the key space
// with SCAN so a large database is never blocked. prefix must not contain
// glob characters (*?[\).
func DeletePrefix(ctx context.Context, rdb redis.UniversalClient, prefix string) error {
	iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
	batch := make([]string, 0, 500)
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == cap(batch) {
			if err := rdb.Unlink(ctx, batch...).Err(); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := iter.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return rdb.Unlink(ctx, batch...).Err()
	}
	return nil
}

// MiniRedis returns a client on an in-process miniredis server, a key prefix
// as Redis does, and the server itself, for tests that move its clock
// (FastForward) or inspect it. Server and client stop with the test.
func MiniRedis(t testing.TB) (redis.UniversalClient, string, *miniredis.Miniredis) {
	t.Helper()
	mr := miniredis.RunT(t)
	rdb := redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{mr.Addr()}})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb, "t:" + randomHex(8) + ":", mr
}

// EachRedis runs fn in subtest "redis" on the real server and in subtest
// "miniredis" on an in-process one.
func EachRedis(t *testing.T, fn func(t *testing.T, rdb redis.UniversalClient, prefix string)) {
	t.Helper()
	t.Run("redis", func(t *testing.T) {
		rdb, prefix := Redis(t)
		fn(t, rdb, prefix)
	})
	t.Run("miniredis", func(t *testing.T) {
		rdb, prefix, _ := MiniRedis(t)
		fn(t, rdb, prefix)
	})
}
