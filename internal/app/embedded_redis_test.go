package app_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/bot/botredis"
	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxpush"
)

// The in-process Redis listens on loopback only and refuses clients without the password
// generated at start; the service itself, which has it, works.
func TestEmbeddedRedisRequiresPassword(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	ctx := context.Background()
	opts := s.Redis.(*redis.Client).Options()
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil || host != "127.0.0.1" {
		t.Fatalf("embedded Redis at %q, want 127.0.0.1:port", opts.Addr)
	}

	raw := redis.NewClient(&redis.Options{Addr: opts.Addr})
	defer raw.Close()
	if err := raw.Ping(ctx).Err(); err == nil || !strings.Contains(err.Error(), "NOAUTH") {
		t.Errorf("PING without a password: err %v, want NOAUTH", err)
	}
	if err := raw.Set(ctx, "intruder", "x", 0).Err(); err == nil || !strings.Contains(err.Error(), "NOAUTH") {
		t.Errorf("SET without a password: err %v, want NOAUTH", err)
	}
	if len(opts.Password) < 32 {
		t.Fatalf("embedded Redis password %d characters long, want a generated one of at least 32", len(opts.Password))
	}
	wrong := redis.NewClient(&redis.Options{Addr: opts.Addr, Password: "guess"})
	defer wrong.Close()
	if err := wrong.Ping(ctx).Err(); err == nil {
		t.Fatal("PING with a wrong password succeeded")
	}

	// The service has the password: a conversation goes through.
	r, err := s.Client(wxpush.Safe).Say(ctx, "o_auth", "你好")
	if err != nil || r.Status != http.StatusOK || r.Text == "" {
		t.Fatalf("webhook reply %+v, err %v", r, err)
	}
	if err := s.Redis.Ping(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Redis.Exists(ctx, "intruder").Result(); n != 0 {
		t.Fatal("a client without the password wrote a key")
	}

	// Another start generates another password.
	other := apptest.Start(t, apptest.Embedded, apptest.Options{})
	if other.Redis.(*redis.Client).Options().Password == opts.Password {
		t.Fatal("two starts generated the same password")
	}
}

// withDataDir starts services on dir.
func withDataDir(dir string, more ...func(*config.Config)) apptest.Options {
	return apptest.Options{Config: func(c *config.Config) {
		c.DataDir = dir
		for _, f := range more {
			f(c)
		}
	}}
}

// fixture is a key of each type the service stores, most with an expiry.
type fixture struct{ key, typ string }

func writeFixtures(t *testing.T, rdb redis.UniversalClient, prefix string) []fixture {
	t.Helper()
	ctx := context.Background()
	binary := string([]byte{0, 0xff, '\n', 0xc3, 0x28, '"'})
	p := prefix + "persist:"
	pipe := rdb.TxPipeline()
	pipe.Set(ctx, p+"string", "值"+binary, time.Hour)
	pipe.Set(ctx, p+"forever", "no expiry", 0)
	pipe.HSet(ctx, p+"hash", "at", "1700000000", "bin"+binary, binary)
	pipe.Expire(ctx, p+"hash", 2*time.Hour)
	pipe.RPush(ctx, p+"list", "a", binary, "c")
	pipe.Expire(ctx, p+"list", 3*time.Hour)
	pipe.ZAdd(ctx, p+"zset", redis.Z{Score: 1.5, Member: "x"}, redis.Z{Score: -2, Member: binary})
	pipe.Expire(ctx, p+"zset", 4*time.Hour)
	pipe.SAdd(ctx, p+"set", "m1", binary)
	pipe.Expire(ctx, p+"set", 5*time.Hour)
	if _, err := pipe.Exec(ctx); err != nil {
		t.Fatal(err)
	}
	return []fixture{{p + "string", "string"}, {p + "forever", "string"}, {p + "hash", "hash"},
		{p + "list", "list"}, {p + "zset", "zset"}, {p + "set", "set"}}
}

// dumpKey reads a key's type, value and expiry, for comparison across a restart.
type dumped struct {
	Type  string
	Value any
	TTL   time.Duration
}

func dumpKey(t *testing.T, rdb redis.UniversalClient, f fixture) dumped {
	t.Helper()
	ctx := context.Background()
	typ, err := rdb.Type(ctx, f.key).Result()
	if err != nil {
		t.Fatal(err)
	}
	ttl, err := rdb.PTTL(ctx, f.key).Result()
	if err != nil {
		t.Fatal(err)
	}
	var v any
	switch typ {
	case "string":
		v, err = rdb.Get(ctx, f.key).Result()
	case "hash":
		v, err = rdb.HGetAll(ctx, f.key).Result()
	case "list":
		v, err = rdb.LRange(ctx, f.key, 0, -1).Result()
	case "zset":
		v, err = rdb.ZRangeWithScores(ctx, f.key, 0, -1).Result()
	case "set":
		var m []string
		m, err = rdb.SMembers(ctx, f.key).Result()
		set := map[string]bool{}
		for _, x := range m {
			set[x] = true
		}
		v = set
	}
	if err != nil {
		t.Fatal(err)
	}
	return dumped{Type: typ, Value: v, TTL: ttl}
}

func sameValue(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// Keys of every type the service uses come back after a restart on the same data
// directory, with their expiry still set and no longer than before.
func TestEmbeddedRedisSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	a := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	fixtures := writeFixtures(t, a.Redis, a.Cfg.Redis.KeyPrefix)
	before := map[string]dumped{}
	for _, f := range fixtures {
		before[f.key] = dumpKey(t, a.Redis, f)
	}
	a.Stop()

	fi, err := os.Stat(filepath.Join(dir, app.SnapshotFile))
	if err != nil {
		t.Fatalf("no snapshot after shutdown: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("snapshot mode %v, want 0600", fi.Mode().Perm())
	}

	b := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	for _, f := range fixtures {
		was, got := before[f.key], dumpKey(t, b.Redis, f)
		if got.Type != f.typ || !sameValue(got.Value, was.Value) {
			t.Errorf("%s after restart: %s %v, want %s %v", f.key, got.Type, got.Value, f.typ, was.Value)
		}
		switch {
		case was.TTL == -1 && got.TTL != -1:
			t.Errorf("%s: TTL %v after restart, want none", f.key, got.TTL)
		case was.TTL > 0 && (got.TTL <= 0 || got.TTL > was.TTL):
			t.Errorf("%s: TTL %v after restart, want set and at most %v", f.key, got.TTL, was.TTL)
		case was.TTL > 0 && got.TTL < was.TTL-time.Minute:
			t.Errorf("%s: TTL %v after restart, was %v: more than the downtime lost", f.key, got.TTL, was.TTL)
		}
	}
	// The restored service keeps expiring keys in real time.
	if err := b.Redis.Set(context.Background(), "short", "x", 300*time.Millisecond).Err(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if n, _ := b.Redis.Exists(context.Background(), "short").Result(); n != 0 {
		t.Error("a key outlived its expiry after the restore")
	}
}

// A message WeChat retries across a restart is answered from the record of its first
// delivery: processed once, and the conversation carries on.
func TestMessageRetriedAcrossRestartIsProcessedOnce(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	a := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	c := a.Client(wxpush.Safe)
	if r, err := c.Say(ctx, "o_restart", "你好"); err != nil || r.Status != http.StatusOK {
		t.Fatalf("first message: %+v %v", r, err)
	}
	p, err := c.Prepare("o_restart", c.XML("o_restart", &wxpush.Message{Type: "text", Content: "空调不制冷"}))
	if err != nil {
		t.Fatal(err)
	}
	first, err := c.Post(ctx, p)
	if err != nil || first.Status != http.StatusOK || first.Text == "" {
		t.Fatalf("second message: %+v %v", first, err)
	}
	if got := turns(t, a); got != 2 {
		t.Fatalf("%d turns before the restart, want 2", got)
	}
	a.Stop()

	b := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	// WeChat retries the very same request, now reaching b.
	p.URL = strings.Replace(p.URL, a.URL(), b.URL(), 1)
	retry, err := b.Client(wxpush.Safe).Post(ctx, p)
	if err != nil || retry.Status != http.StatusOK {
		t.Fatalf("retry after the restart: %+v %v", retry, err)
	}
	if got := testutil.ToFloat64(b.Metrics.DedupeHits); got != 1 {
		t.Errorf("dedupe hits = %v after the restart, want 1: the retried message was processed again", got)
	}
	if retry.Text != first.Text {
		t.Errorf("retry answered %q, first delivery %q", retry.Text, first.Text)
	}
	if got := turns(t, b); got != 2 {
		t.Errorf("%d turns after the restart and the retry, want the 2 from before", got)
	}
}

func turns(t *testing.T, s *apptest.Service) int {
	t.Helper()
	conv, ok, err := botredis.New(s.Redis, s.Cfg.Redis.KeyPrefix+"s:", botredis.Options{}).Load(context.Background(), "o_restart")
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		return 0
	}
	return conv.Turns
}

// The snapshot is also written while the service runs, so a crash loses at most one
// interval: a copy of the data directory taken while the service still runs restores.
func TestEmbeddedRedisPeriodicSnapshot(t *testing.T) {
	dir := t.TempDir()
	fast := func(c *config.Config) { c.Redis.SnapshotInterval = 100 * time.Millisecond }
	a := apptest.Start(t, apptest.Embedded, withDataDir(dir, fast))
	fixtures := writeFixtures(t, a.Redis, a.Cfg.Redis.KeyPrefix)
	path := filepath.Join(dir, app.SnapshotFile)
	var snap []byte
	for deadline := time.Now().Add(5 * time.Second); ; {
		snap, _ = os.ReadFile(path)
		if len(snap) > 0 && strings.Contains(string(snap), "\"type\":\"zset\"") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no periodic snapshot with the keys within 5s: %.200q", snap)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// "Crash": start another service on a copy of the directory, a is never stopped first.
	crashed := t.TempDir()
	if err := os.WriteFile(filepath.Join(crashed, app.SnapshotFile), snap, 0o600); err != nil {
		t.Fatal(err)
	}
	b := apptest.Start(t, apptest.Embedded, withDataDir(crashed))
	for _, f := range fixtures {
		if got := dumpKey(t, b.Redis, f); got.Type != f.typ {
			t.Errorf("%s after a crash: type %q, want %q", f.key, got.Type, f.typ)
		}
	}
}

// Time passes while the service is down: a key whose expiry fell in the downtime is not
// restored, and the others lose the downtime from their expiry.
func TestRestoreCountsTheDowntime(t *testing.T) {
	dir := t.TempDir()
	a := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	fixtures := writeFixtures(t, a.Redis, a.Cfg.Redis.KeyPrefix)
	a.Stop()

	// Pretend the snapshot was written 90 minutes ago.
	path := filepath.Join(dir, app.SnapshotFile)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	doc["saved_at"] = time.Now().Add(-90 * time.Minute).Format(time.RFC3339Nano)
	b, _ = json.Marshal(doc)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}

	s := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	for _, f := range fixtures {
		got := dumpKey(t, s.Redis, f)
		switch f.key[strings.LastIndex(f.key, ":")+1:] {
		case "string": // 1h: expired during the downtime
			if got.Type != "none" {
				t.Errorf("%s: restored as %s with TTL %v, want expired", f.key, got.Type, got.TTL)
			}
		case "forever":
			if got.Type != "string" || got.TTL != -1 {
				t.Errorf("%s: %s with TTL %v, want a string without expiry", f.key, got.Type, got.TTL)
			}
		case "hash": // 2h - 90m = 30m left
			if got.Type != "hash" || got.TTL > 30*time.Minute || got.TTL < 29*time.Minute {
				t.Errorf("%s: %s with TTL %v, want about 30m left", f.key, got.Type, got.TTL)
			}
		}
	}
}

// A snapshot that cannot be read is set aside, not fatal and not overwritten: the service
// starts empty and says so.
func TestUnreadableSnapshotIsSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, app.SnapshotFile)
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := apptest.Start(t, apptest.Embedded, withDataDir(dir))
	if err := s.Redis.Ping(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	aside, _ := filepath.Glob(path + ".unreadable-*")
	if len(aside) != 1 {
		t.Fatalf("set-aside copies: %v, want 1", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != "{not json" {
		t.Errorf("set-aside copy holds %q", b)
	}
	if !strings.Contains(s.Log.String(), "snapshot") {
		t.Error("nothing logged about the unreadable snapshot")
	}
}
