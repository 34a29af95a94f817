package testenv

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"testing"
)

// Environment variables naming the test services.
const (
	EnvMySQLDSN  = "INTAKE_TEST_MYSQL_DSN"
	EnvRedisAddr = "INTAKE_TEST_REDIS_ADDR"
	// EnvRedisClusterAddrs names the nodes of a Redis Cluster, comma-separated
	// host:port (scripts/test.sh starts three masters).
	EnvRedisClusterAddrs = "INTAKE_TEST_REDIS_CLUSTER_ADDRS"
)

// RequireService returns the value of the environment variable env, which
// locates a backing service. If it is unset the test stops: with t.Fatal when
// CI=true, since CI must exercise every backend, and with t.Skip otherwise,
// telling how to run the test with the services started.
func RequireService(t testing.TB, env string) string {
	t.Helper()
	if v := os.Getenv(env); v != "" {
		return v
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not set: CI must run the tests through ./scripts/test.sh", env)
	}
	t.Skipf("%s is not set; run ./scripts/test.sh to start MariaDB and Redis and run every test", env)
	return ""
}

// Logger returns a logger writing to the test's output, which go test shows
// for failed tests and with -v. Records logged after the test has finished
// (by a goroutine the test leaked) go to standard error instead of panicking.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(&testWriter{t: t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// testWriter forwards to t.Output while the test runs.
type testWriter struct{ t testing.TB }

func (w *testWriter) Write(p []byte) (n int, err error) {
	defer func() {
		if recover() != nil {
			n, err = os.Stderr.Write(p)
		}
	}()
	return w.t.Output().Write(p)
}

// randomHex returns n random bytes as lower-case hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}
