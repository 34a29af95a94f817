package database_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/testenv"
)

// openEach runs fn on MariaDB and SQLite, opened with a logger writing to log.
func openEach(t *testing.T, fn func(t *testing.T, db *gorm.DB, log *bytes.Buffer)) {
	configs := map[string]func(t *testing.T) database.Config{
		"mariadb": func(t *testing.T) database.Config { return database.Config{DSN: testenv.MySQLDSN(t)} },
		"sqlite": func(t *testing.T) database.Config {
			return database.Config{SQLitePath: filepath.Join(t.TempDir(), "sub", "intake.db")}
		},
	}
	for _, name := range []string{"mariadb", "sqlite"} {
		t.Run(name, func(t *testing.T) {
			var log bytes.Buffer
			db, err := database.Open(configs[name](t), slog.New(slog.NewTextHandler(&syncWriter{w: &log}, nil)))
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			t.Cleanup(func() { _ = database.Close(db) })
			fn(t, db, &log)
		})
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func TestOpenRequiresATarget(t *testing.T) {
	if _, err := database.Open(database.Config{}, nil); err == nil {
		t.Error("Open with an empty Config succeeded")
	}
}

func TestPingAndDialect(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := database.Ping(ctx, db); err != nil {
			t.Fatalf("Ping: %v", err)
		}
		want := database.SQLite
		if strings.HasSuffix(t.Name(), "/mariadb") {
			want = database.MySQL
		}
		if got := database.Dialect(db); got != want {
			t.Errorf("Dialect = %q, want %q", got, want)
		}
		if err := database.Close(db); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if err := database.Ping(ctx, db); err == nil {
			t.Error("Ping after Close succeeded")
		}
	})
}

func TestPoolSettings(t *testing.T) {
	tests := []struct {
		name string
		cfg  database.Config
		want int
	}{
		{name: "sqlite default", cfg: database.Config{}, want: 4},
		{name: "sqlite override", cfg: database.Config{MaxOpenConns: 1}, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.SQLitePath = filepath.Join(t.TempDir(), "pool.db")
			db, err := database.Open(tt.cfg, nil)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer database.Close(db)
			sqlDB, _ := db.DB()
			if got := sqlDB.Stats().MaxOpenConnections; got != tt.want {
				t.Errorf("MaxOpenConnections = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestSQLitePragmas(t *testing.T) {
	db := testenv.SQLite(t)
	sqlDB, _ := db.DB()
	ctx := context.Background()
	// Hold two connections at once so both are checked, not one reused.
	for i := range 2 {
		conn, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatalf("Conn: %v", err)
		}
		defer conn.Close()
		for pragma, want := range map[string]string{"journal_mode": "wal", "busy_timeout": "5000", "foreign_keys": "1"} {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatalf("PRAGMA %s: %v", pragma, err)
			}
			if got != want {
				t.Errorf("connection %d: PRAGMA %s = %q, want %q", i, pragma, got, want)
			}
		}
	}
}

func TestMySQLSession(t *testing.T) {
	db := testenv.MySQL(t)
	var got struct{ Charset, Zone, Mode string }
	if err := db.Raw("SELECT @@character_set_connection AS charset, @@session.time_zone AS zone, @@sql_mode AS mode").Scan(&got).Error; err != nil {
		t.Fatalf("read session: %v", err)
	}
	if got.Charset != "utf8mb4" || got.Zone != "+00:00" {
		t.Errorf("session charset %q zone %q, want utf8mb4 and +00:00", got.Charset, got.Zone)
	}
	if !strings.Contains(got.Mode, "STRICT_TRANS_TABLES") {
		t.Errorf("sql_mode %q is not strict", got.Mode)
	}
}

type customer struct {
	ID       uint   `gorm:"primaryKey"`
	Phone    string `gorm:"size:20;uniqueIndex"`
	Reported time.Time
}

type visit struct {
	ID         uint `gorm:"primaryKey"`
	CustomerID uint
	Customer   customer
}

func TestStoreBehaviourOnBothDialects(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	reported := time.Date(2025, 6, 10, 9, 30, 0, 0, shanghai)
	openEach(t, func(t *testing.T, db *gorm.DB, log *bytes.Buffer) {
		if err := db.AutoMigrate(&customer{}, &visit{}); err != nil {
			t.Fatalf("AutoMigrate: %v", err)
		}
		c := customer{Phone: "13800138000", Reported: reported}
		if err := db.Create(&c).Error; err != nil {
			t.Fatalf("Create: %v", err)
		}

		t.Run("times come back in UTC", func(t *testing.T) {
			var got customer
			if err := db.First(&got, c.ID).Error; err != nil {
				t.Fatalf("First: %v", err)
			}
			if !got.Reported.Equal(reported) || got.Reported.Location() != time.UTC {
				t.Errorf("Reported = %v, want %v in UTC", got.Reported, reported.UTC())
			}
		})
		t.Run("unique violation is ErrDuplicatedKey and logged without the value", func(t *testing.T) {
			err := db.Create(&customer{Phone: "13800138000"}).Error
			if !errors.Is(err, gorm.ErrDuplicatedKey) {
				t.Fatalf("err = %v, want gorm.ErrDuplicatedKey", err)
			}
			if !strings.Contains(log.String(), "sql failed") {
				t.Errorf("the failure was not logged: %q", log.String())
			}
			if strings.Contains(log.String(), "13800138000") {
				t.Errorf("log contains a customer's phone number: %q", log.String())
			}
		})
		t.Run("foreign keys are enforced", func(t *testing.T) {
			err := db.Create(&visit{CustomerID: 999}).Error
			if !errors.Is(err, gorm.ErrForeignKeyViolated) {
				t.Errorf("err = %v, want gorm.ErrForeignKeyViolated", err)
			}
		})
		t.Run("missing record is not logged", func(t *testing.T) {
			log.Reset()
			err := db.First(&customer{}, 12345).Error
			if !errors.Is(err, gorm.ErrRecordNotFound) {
				t.Fatalf("err = %v, want gorm.ErrRecordNotFound", err)
			}
			if log.Len() != 0 {
				t.Errorf("logged %q for a missing record", log.String())
			}
		})
	})
}

type counter struct {
	ID    uint `gorm:"primaryKey"`
	Value int
}

// TestConcurrentReadModifyWrite checks that transactions which read and then
// write do not lose updates or fail with "database is locked".
func TestConcurrentReadModifyWrite(t *testing.T) {
	const workers, rounds = 6, 15
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		if err := db.AutoMigrate(&counter{}); err != nil {
			t.Fatalf("AutoMigrate: %v", err)
		}
		if err := db.Create(&counter{ID: 1}).Error; err != nil {
			t.Fatalf("Create: %v", err)
		}
		lock := "" // SQLite transactions already hold the write lock (BEGIN IMMEDIATE)
		if database.Dialect(db) == database.MySQL {
			lock = " FOR UPDATE"
		}
		var wg sync.WaitGroup
		errs := make(chan error, workers*rounds)
		for range workers {
			wg.Go(func() {
				for range rounds {
					errs <- db.Transaction(func(tx *gorm.DB) error {
						var c counter
						if err := tx.Raw("SELECT id, value FROM counters WHERE id = 1" + lock).Scan(&c).Error; err != nil {
							return err
						}
						return tx.Model(&counter{}).Where("id = 1").Update("value", c.Value+1).Error
					})
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("transaction: %v", err)
			}
		}
		var c counter
		if err := db.First(&c, 1).Error; err != nil {
			t.Fatalf("First: %v", err)
		}
		if c.Value != workers*rounds {
			t.Errorf("counter = %d, want %d", c.Value, workers*rounds)
		}
	})
}

func ExampleNormalizeMySQLDSN() {
	dsn, _ := database.NormalizeMySQLDSN("intake:secret@tcp(127.0.0.1:3306)/intake")
	fmt.Println(dsn)
	// Output: intake:secret@tcp(127.0.0.1:3306)/intake?interpolateParams=true&parseTime=true&charset=utf8mb4&time_zone=%27%2B00%3A00%27
}

// TestNormalizeMySQLDSNKeepsChoices checks that a setting the DSN gives is kept, not
// replaced by the default.
func TestNormalizeMySQLDSNKeepsChoices(t *testing.T) {
	for _, tc := range []struct{ dsn, has, hasNot string }{
		{"u:p@tcp(h:1)/d?interpolateParams=false", "", "interpolateParams=true"},
		{"u:p@tcp(h:1)/d", "interpolateParams=true", ""},
		{"u:p@tcp(h:1)/d?charset=latin1", "charset=latin1", "interpolateParams=true"},
	} {
		got, err := database.NormalizeMySQLDSN(tc.dsn)
		if err != nil {
			t.Fatalf("%s: %v", tc.dsn, err)
		}
		if tc.has != "" && !strings.Contains(got, tc.has) {
			t.Errorf("%s → %s, want %s in it", tc.dsn, got, tc.has)
		}
		if tc.hasNot != "" && strings.Contains(got, tc.hasNot) {
			t.Errorf("%s → %s, want no %s in it", tc.dsn, got, tc.hasNot)
		}
	}
}
