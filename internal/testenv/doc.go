// Package testenv gives tests real backing services: a fresh MariaDB
// database, a SQLite file, a Redis key space, each cleaned up with the test.
//
// The real servers are found through environment variables that
// scripts/test.sh sets after starting throw-away MariaDB and Redis servers:
//
//	INTAKE_TEST_MYSQL_DSN   DSN of a MariaDB server, no database name, with
//	                        CREATE/DROP DATABASE rights: root:@tcp(127.0.0.1:PORT)/
//	INTAKE_TEST_REDIS_ADDR  host:port of a Redis server
//	INTAKE_TEST_REDIS_CLUSTER_ADDRS
//	                        host:port,host:port,… of the masters of a Redis
//	                        Cluster with every slot assigned (RedisCluster)
//
// When a variable is missing the test is skipped with a hint to run
// ./scripts/test.sh, except under CI=true, where a skipped database test
// would hide a gap: there it fails (see RequireService).
//
// Each MySQL call creates its own database (t_<random hex>) and drops it in
// t.Cleanup; each Redis call hands out a unique key prefix (t:<hex>:) and
// deletes every key under it afterwards, so tests can run in parallel against
// one server. EachDB and EachRedis run a test body once per backend, so store
// code is proven on MariaDB and on its SQLite and miniredis stand-ins alike.
package testenv
