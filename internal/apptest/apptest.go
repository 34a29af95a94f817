// Package apptest starts whole services for tests: on real MariaDB and Redis (from
// internal/testenv) or embedded (SQLite and an in-process Redis), listening on loopback
// port 0, with a fake WeChat API for outbound calls.
package apptest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
)

// Test credentials, the ones WeChat's documentation and wxsim use.
const (
	Token  = "testtoken"
	AESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	AppID  = "wx0000000000000000"
)

// Backend selects the stores a test service runs on.
type Backend string

// Backends.
const (
	Real     Backend = "mariadb+redis"
	Embedded Backend = "sqlite+miniredis"
	// Cluster is MariaDB and the Redis Cluster of INTAKE_TEST_REDIS_CLUSTER_ADDRS: redis.addr
	// lists every node, so go-redis's UniversalClient runs in Cluster mode as in production.
	Cluster Backend = "mariadb+redis-cluster"
)

// Service is a running test service.
type Service struct {
	*app.App
	API *wxfake.Server
	Log *SafeBuffer // everything the service logged (JSON lines)

	stopOnce sync.Once
	stop     func()
}

// Options tune Start; zero values take test defaults.
type Options struct {
	Config func(*config.Config) // last changes to the configuration
	// NoLoops starts the service without its background loops (notification dispatch,
	// spool drain, statistics flush…), for tests that count what one request does.
	NoLoops bool
	// Share makes the service another instance of the same deployment as Share: the same
	// database, Redis and key prefix (in embedded mode, Share's SQLite file and in-process
	// Redis). Share must outlive it, as a service started earlier in the test does.
	Share *Service
}

// Start runs a service on backend until the test ends.
func Start(t testing.TB, backend Backend, o Options) *Service {
	t.Helper()
	api := wxfake.New(t)
	get := func(k string) string { return "" }
	cfg, err := config.Load("", get)
	if err != nil {
		t.Fatal(err)
	}
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.WeChat.Token, cfg.WeChat.AESKey, cfg.WeChat.AppID, cfg.WeChat.AppSecret = Token, AESKey, AppID, "testsecret"
	cfg.WeChat.APIBase = api.URL
	cfg.DataDir = t.TempDir()
	cfg.Log.Level = "info"
	if sh := o.Share; sh != nil {
		cfg.MySQL.DSN, cfg.DataDir = sh.Cfg.MySQL.DSN, sh.Cfg.DataDir
		cfg.Redis.Addr, cfg.Redis.KeyPrefix = sh.Cfg.Redis.Addr, sh.Cfg.Redis.KeyPrefix
		if cfg.Redis.Addr == "" {
			// Share's in-process Redis, with the password it was started with.
			opts := sh.Redis.(*redis.Client).Options()
			cfg.Redis.Addr, cfg.Redis.Password = opts.Addr, opts.Password
		}
	} else if backend == Real {
		cfg.MySQL.DSN = testenv.MySQLDSN(t)
		cfg.Redis.Addr = testenv.RequireService(t, testenv.EnvRedisAddr)
		cfg.Redis.KeyPrefix = "t:" + randomPrefix() + ":"
	} else if backend == Cluster {
		addrs := testenv.RedisClusterAddrs(t)
		cfg.MySQL.DSN = testenv.MySQLDSN(t)
		cfg.Redis.Addr = strings.Join(addrs, ",")
		cfg.Redis.KeyPrefix = "t:" + randomPrefix() + ":"
	}
	if o.Config != nil {
		o.Config(cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	buf := &SafeBuffer{}
	log := slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	a, err := app.New(context.Background(), cfg, log)
	if err != nil {
		t.Fatalf("start service on %s: %v", backend, err)
	}
	a.NoLoops = o.NoLoops
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	s := &Service{App: a, API: api, Log: buf}
	s.stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if backend != Embedded && o.Share == nil {
			_ = testenv.DeletePrefix(ctx, a.Redis, cfg.Redis.KeyPrefix)
		}
		if err := a.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if t.Failed() && os.Getenv("APPTEST_LOG") != "" {
			t.Logf("service log:\n%s", buf.String())
		}
	}
	t.Cleanup(s.Stop)
	return s
}

// Stop shuts the service down now, as at the end of the test (which then does nothing
// more): for tests that start another service on the same data directory afterwards.
func (s *Service) Stop() { s.stopOnce.Do(s.stop) }

// Client returns a WeChat-side client for the service's webhook in mode.
func (s *Service) Client(mode wxpush.Mode) *wxpush.Client {
	return &wxpush.Client{
		URL: s.URL() + s.Cfg.WeChat.Path, Token: Token, AESKey: AESKey, AppID: AppID, Mode: mode,
		HTTP: &http.Client{Timeout: 10 * time.Second},
	}
}

// Each runs fn as a subtest on each backend.
func Each(t *testing.T, o Options, fn func(t *testing.T, s *Service)) {
	for _, b := range []Backend{Real, Embedded} {
		t.Run(string(b), func(t *testing.T) { fn(t, Start(t, b, o)) })
	}
}

// SafeBuffer is a bytes.Buffer safe for concurrent writers.
type SafeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SafeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SafeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func randomPrefix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
