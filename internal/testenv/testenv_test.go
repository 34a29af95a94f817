package testenv_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/testenv"
)

type note struct {
	ID        uint   `gorm:"primaryKey"`
	Key       string `gorm:"size:64;uniqueIndex"`
	Body      string `gorm:"size:255"`
	CreatedAt time.Time
}

func TestEachDBRoundTrip(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		wantDialect := map[string]string{"mariadb": database.MySQL, "sqlite": database.SQLite}[t.Name()[strings.LastIndex(t.Name(), "/")+1:]]
		if got := database.Dialect(db); got != wantDialect {
			t.Fatalf("Dialect = %q, want %q", got, wantDialect)
		}
		if err := db.AutoMigrate(&note{}); err != nil {
			t.Fatalf("AutoMigrate: %v", err)
		}
		in := note{Key: "k1", Body: "洗衣机不脱水 🧺"}
		if err := db.Create(&in).Error; err != nil {
			t.Fatalf("Create: %v", err)
		}
		var out note
		if err := db.First(&out, "`key` = ?", "k1").Error; err != nil {
			t.Fatalf("First: %v", err)
		}
		if out.Body != in.Body {
			t.Errorf("Body = %q, want %q", out.Body, in.Body)
		}
		if out.CreatedAt.IsZero() || out.CreatedAt.Location() != time.UTC {
			t.Errorf("CreatedAt = %v (%v), want a UTC time", out.CreatedAt, out.CreatedAt.Location())
		}
		err := db.Create(&note{Key: "k1"}).Error
		if !errors.Is(err, gorm.ErrDuplicatedKey) {
			t.Errorf("second Create with the same key: err = %v, want gorm.ErrDuplicatedKey", err)
		}
	})
}

func TestMySQLDropsDatabaseAtCleanup(t *testing.T) {
	var name string
	t.Run("use", func(t *testing.T) {
		db := testenv.MySQL(t)
		if err := db.Raw("SELECT DATABASE()").Scan(&name).Error; err != nil {
			t.Fatalf("SELECT DATABASE(): %v", err)
		}
		if !strings.HasPrefix(name, "t_") {
			t.Fatalf("database name %q, want a t_ prefix", name)
		}
	})
	if name == "" {
		t.Skip("subtest did not get a database")
	}
	other := testenv.MySQL(t)
	var n int64
	if err := other.Raw("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", name).Scan(&n).Error; err != nil {
		t.Fatalf("look up schema: %v", err)
	}
	if n != 0 {
		t.Errorf("database %s still exists after its test ended", name)
	}
}

func TestEachRedisSetGet(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		ctx := context.Background()
		if !strings.HasPrefix(prefix, "t:") || !strings.HasSuffix(prefix, ":") {
			t.Fatalf("prefix %q, want t:<hex>:", prefix)
		}
		if err := rdb.Set(ctx, prefix+"greeting", "您好", time.Minute).Err(); err != nil {
			t.Fatalf("SET: %v", err)
		}
		got, err := rdb.Get(ctx, prefix+"greeting").Result()
		if err != nil || got != "您好" {
			t.Fatalf("GET = %q, %v; want 您好", got, err)
		}
	})
}

func TestRedisCleanupDeletesOnlyItsPrefix(t *testing.T) {
	const keys = 1234 // more than one SCAN/UNLINK batch
	ctx := context.Background()
	var prefix string
	t.Run("write", func(t *testing.T) {
		var rdb redis.UniversalClient
		rdb, prefix = testenv.Redis(t)
		pipe := rdb.Pipeline()
		for i := range keys {
			pipe.Set(ctx, fmt.Sprintf("%skey:%d", prefix, i), i, time.Hour)
		}
		if _, err := pipe.Exec(ctx); err != nil {
			t.Fatalf("pipeline SET: %v", err)
		}
	})
	if prefix == "" {
		t.Skip("subtest did not get a Redis client")
	}
	rdb, mine := testenv.Redis(t)
	outside := mine + "survivor"
	if err := rdb.Set(ctx, outside, "x", time.Hour).Err(); err != nil {
		t.Fatalf("SET: %v", err)
	}
	left, _, err := rdb.Scan(ctx, 0, prefix+"*", 100000).Result()
	if err != nil {
		t.Fatalf("SCAN: %v", err)
	}
	if len(left) != 0 {
		t.Errorf("%d keys under %s left after cleanup, want 0", len(left), prefix)
	}
	if n, err := rdb.Exists(ctx, outside).Result(); err != nil || n != 1 {
		t.Errorf("key outside the cleaned prefix: Exists = %d, %v; want 1", n, err)
	}
}

func TestMiniRedisClock(t *testing.T) {
	rdb, prefix, mr := testenv.MiniRedis(t)
	ctx := context.Background()
	if err := rdb.Set(ctx, prefix+"lock", "1", time.Minute).Err(); err != nil {
		t.Fatalf("SET: %v", err)
	}
	mr.FastForward(2 * time.Minute)
	if n, _ := rdb.Exists(ctx, prefix+"lock").Result(); n != 0 {
		t.Errorf("key still exists after its TTL passed")
	}
}

// stopTB records how a test was stopped instead of stopping the real one.
type stopTB struct {
	testing.TB
	how string
}

func (s *stopTB) Fatalf(format string, args ...any) {
	s.how = "fatal: " + fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (s *stopTB) Skipf(format string, args ...any) {
	s.how = "skip: " + fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestRequireService(t *testing.T) {
	const env = "INTAKE_TEST_REQUIRE_SERVICE_PROBE"
	tests := []struct {
		name, value, ci string
		want            string // value returned, or the start of how the test stopped
	}{
		{name: "set", value: "127.0.0.1:1", ci: "true", want: "127.0.0.1:1"},
		{name: "unset outside CI skips", ci: "", want: "skip: " + env + " is not set; run ./scripts/test.sh"},
		{name: "unset with CI=false skips", ci: "false", want: "skip: "},
		{name: "unset in CI fails", ci: "true", want: "fatal: " + env + " is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(env, tt.value)
			t.Setenv("CI", tt.ci)
			tb := &stopTB{TB: t}
			var got string
			done := make(chan struct{})
			go func() {
				defer close(done)
				got = testenv.RequireService(tb, env)
			}()
			<-done
			if tb.how != "" {
				got = tb.how
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}
