package testenv

import (
	"context"
	"strings"
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

	return rdb, testPrefix(t, rdb)
}

// RedisCluster returns a Cluster client on the nodes named by
// INTAKE_TEST_REDIS_CLUSTER_ADDRS and a key prefix unique to this test, as
// Redis does for a single server; keys under the prefix are deleted on every
// master when the test ends. It fails unless the cluster reports
// cluster_state:ok. See RequireService for what happens without a cluster.
func RedisCluster(t testing.TB) (*redis.ClusterClient, string) {
	t.Helper()
	addrs := RedisClusterAddrs(t)
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: addrs})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	info, err := rdb.ClusterInfo(ctx).Result()
	if err != nil || !strings.Contains(info, "cluster_state:ok") {
		_ = rdb.Close()
		t.Fatalf("testenv: Redis Cluster at %s=%s: state %q, %v", EnvRedisClusterAddrs, strings.Join(addrs, ","), info, err)
	}
	return rdb, testPrefix(t, rdb)
}

// testPrefix returns a key prefix unique to this test; its keys are deleted (on every
// master of a cluster) and rdb closed when the test ends.
func testPrefix(t testing.TB, rdb redis.UniversalClient) string {
	prefix := "t:" + randomHex(8) + ":"
	t.Cleanup(func() {
		defer rdb.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := DeletePrefix(ctx, rdb, prefix); err != nil {
			t.Errorf("testenv: delete Redis keys %s*: %v", prefix, err)
		}
	})
	return prefix
}

// RedisClusterAddrs returns the addresses of INTAKE_TEST_REDIS_CLUSTER_ADDRS
// (at least two, so that go-redis's UniversalClient makes a Cluster client of
// them, as the service does with redis.addr). See RequireService for what
// happens without them.
func RedisClusterAddrs(t testing.TB) []string {
	t.Helper()
	v := RequireService(t, EnvRedisClusterAddrs)
	var addrs []string
	for _, a := range strings.Split(v, ",") {
		if a = strings.TrimSpace(a); a != "" {
			addrs = append(addrs, a)
		}
	}
	if len(addrs) < 2 {
		t.Fatalf("testenv: %s=%q names fewer than two nodes: go-redis would not use Cluster mode", EnvRedisClusterAddrs, v)
	}
	return addrs
}

// DeletePrefix deletes every key starting with prefix, walking the key space
// with SCAN so a large database is never blocked. prefix must not contain
// glob characters (*?[\). On a Cluster client it walks every master, and
// deletes keys one by one (pipelined), since one UNLINK must not span slots.
func DeletePrefix(ctx context.Context, rdb redis.UniversalClient, prefix string) error {
	if cc, ok := rdb.(*redis.ClusterClient); ok {
		return cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
			return deletePrefixOnNode(ctx, node, prefix, true)
		})
	}
	return deletePrefixOnNode(ctx, rdb, prefix, false)
}

// deletePrefixOnNode is DeletePrefix on one server. A Cluster node's keys
// (cluster true) are unlinked one command each, in one pipeline per batch.
func deletePrefixOnNode(ctx context.Context, rdb redis.Cmdable, prefix string, cluster bool) error {
	iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
	batch := make([]string, 0, 500)
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == cap(batch) {
			if err := unlink(ctx, rdb, batch, cluster); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := iter.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return unlink(ctx, rdb, batch, cluster)
	}
	return nil
}

// unlink deletes keys: with one UNLINK on a plain server, with one UNLINK per key
// (pipelined) on a Cluster node, where the keys of one command must share a slot.
func unlink(ctx context.Context, rdb redis.Cmdable, keys []string, cluster bool) error {
	if !cluster {
		return rdb.Unlink(ctx, keys...).Err()
	}
	_, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range keys {
			p.Unlink(ctx, k)
		}
		return nil
	})
	return err
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
