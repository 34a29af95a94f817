package testenv

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
)

// MySQL returns a connection to a new, empty MariaDB database that is dropped
// when the test ends. See RequireService for what happens without a server.
func MySQL(t testing.TB) *gorm.DB {
	t.Helper()
	db, err := database.Open(database.Config{DSN: MySQLDSN(t)}, Logger(t))
	if err != nil {
		t.Fatalf("testenv: open test database: %v", err)
	}
	t.Cleanup(func() { _ = database.Close(db) }) // runs before the drop registered by MySQLDSN
	return db
}

// MySQLDSN creates a new, empty MariaDB database, drops it when the test ends,
// and returns its DSN, for tests that start the whole service on it.
func MySQLDSN(t testing.TB) string {
	t.Helper()
	return MySQLDSNCharset(t, "utf8mb4", "utf8mb4_unicode_ci")
}

// MySQLDSNCharset is MySQLDSN for a database whose default character set and
// collation are charset and collation: "latin1", "latin1_swedish_ci" stands for a
// server (older MySQL/MariaDB, many cloud instances) whose default is latin1, since
// every table created without a character set of its own takes the database's.
func MySQLDSNCharset(t testing.TB, charset, collation string) string {
	t.Helper()
	serverDSN := RequireService(t, EnvMySQLDSN)
	admin, err := adminDB(serverDSN)
	if err != nil {
		t.Fatalf("testenv: connect to MariaDB at %s: %v", EnvMySQLDSN, err)
	}

	name := "t_" + randomHex(8)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := admin.WithContext(ctx).Exec("CREATE DATABASE `" + name + "` CHARACTER SET " + charset + " COLLATE " + collation).Error; err != nil {
		t.Fatalf("testenv: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := admin.WithContext(ctx).Exec("DROP DATABASE IF EXISTS `" + name + "`").Error; err != nil {
			t.Errorf("testenv: drop database %s: %v", name, err)
		}
	})

	cfg, err := mysql.ParseDSN(serverDSN)
	if err != nil {
		t.Fatalf("testenv: parse %s: %v", EnvMySQLDSN, err)
	}
	cfg.DBName = name
	return cfg.FormatDSN()
}

// admin is the process-wide connection used to create and drop databases.
var admin struct {
	once sync.Once
	db   *gorm.DB
	err  error
}

func adminDB(serverDSN string) (*gorm.DB, error) {
	admin.once.Do(func() {
		admin.db, admin.err = database.Open(database.Config{DSN: serverDSN, MaxOpenConns: 2}, nil)
	})
	return admin.db, admin.err
}

// SQLite returns a connection to a new SQLite database file in t.TempDir.
func SQLite(t testing.TB) *gorm.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "intake.db")
	db, err := database.Open(database.Config{SQLitePath: path}, Logger(t))
	if err != nil {
		t.Fatalf("testenv: open sqlite: %v", err)
	}
	t.Cleanup(func() { _ = database.Close(db) }) // before TempDir removes the file
	return db
}

// EachDB runs fn in subtest "mariadb" on a fresh MariaDB database and in
// subtest "sqlite" on a fresh SQLite file.
func EachDB(t *testing.T, fn func(t *testing.T, db *gorm.DB)) {
	t.Helper()
	t.Run("mariadb", func(t *testing.T) { fn(t, MySQL(t)) })
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
}
