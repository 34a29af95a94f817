// Package clustertest proves the service on a Redis Cluster, as the README promises for a
// redis.addr listing several nodes: its tests start instances whose go-redis
// UniversalClient runs in Cluster mode against the three masters scripts/test.sh starts
// (INTAKE_TEST_REDIS_CLUSTER_ADDRS), and run the real things through them — conversation
// turns through the signed and encrypted webhook, exactly-once handling of WeChat's
// retries, a staff takeover, the live transcript and the knowledge announcement over
// pub/sub, and the login throttle.
//
// Every multi-key Redis operation of the service (the turn's Lua scripts, the login
// throttle's script and its reset) keeps its keys in one slot through a hash tag: the
// customer's OpenID ({openid}) or the throttled key ({key}). A key outside the tag would
// fail here with CROSSSLOT.
//
// Without INTAKE_TEST_REDIS_CLUSTER_ADDRS the tests skip, except under CI=true, where
// they fail (testenv.RequireService). internal/loadgen's TestScaleOutRedisCluster runs
// whole conversations on three instances against the cluster.
package clustertest
