package database

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"
)

// Dialect names returned by Dialect.
const (
	MySQL  = "mysql"  // MySQL or MariaDB through gorm.io/driver/mysql
	SQLite = "sqlite" // SQLite through github.com/glebarez/sqlite
)

// Config says which database to open and how to size its connection pool.
// Zero pool values mean the defaults of the chosen dialect.
type Config struct {
	// DSN is a go-sql-driver/mysql data source name, for example
	// "intake:secret@tcp(127.0.0.1:3306)/intake". When set, MySQL/MariaDB is used.
	DSN string
	// SQLitePath is the SQLite database file used when DSN is empty.
	SQLitePath string
	// MaxOpenConns caps open connections (MySQL default 25, SQLite default 4).
	MaxOpenConns int
	// MaxIdleConns caps idle connections kept in the pool (MySQL default 10,
	// SQLite default 4, never more than MaxOpenConns).
	MaxIdleConns int
	// ConnMaxLifetime recycles connections older than this (MySQL default 3m, SQLite unlimited).
	ConnMaxLifetime time.Duration
	// Now is the clock GORM stamps created and updated rows with (in UTC); time.Now when nil.
	Now func() time.Time
}

// Open connects to the database described by cfg, checks that it answers and
// applies the pool settings. Slow queries and errors are logged to log.
func Open(cfg Config, log *slog.Logger) (*gorm.DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	gcfg := &gorm.Config{
		Logger:         newGormLogger(log, SlowQuery),
		TranslateError: true,
		// A single statement is atomic on its own: GORM's default BEGIN … COMMIT
		// around each Create/Update/Delete would cost two more round trips. Stores
		// that write several statements open their own transactions.
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return now().UTC() },
	}

	var (
		db   *gorm.DB
		pool poolSettings
		err  error
	)
	switch {
	case cfg.DSN != "":
		db, pool, err = openMySQL(cfg.DSN, gcfg, log)
	case cfg.SQLitePath != "":
		db, pool, err = openSQLite(cfg.SQLitePath, gcfg)
	default:
		return nil, errors.New("database: neither DSN nor SQLitePath is set")
	}
	if err != nil {
		return nil, err
	}

	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	pool = pool.override(cfg)
	sqlDB.SetMaxOpenConns(pool.maxOpen)
	sqlDB.SetMaxIdleConns(pool.maxIdle)
	sqlDB.SetConnMaxLifetime(pool.maxLifetime)
	return db, nil
}

// Ping checks that the database answers within ctx.
func Ping(ctx context.Context, db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		return fmt.Errorf("database: ping: %w", err)
	}
	return nil
}

// Close closes the connection pool behind db.
func Close(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	return sqlDB.Close()
}

// Dialect returns MySQL or SQLite, the dialect db was opened with.
func Dialect(db *gorm.DB) string {
	switch name := db.Dialector.Name(); name {
	case "mysql":
		return MySQL
	case "sqlite", "sqlite3":
		return SQLite
	default:
		return name
	}
}

// poolSettings are the connection pool limits applied after opening.
type poolSettings struct {
	maxOpen     int
	maxIdle     int
	maxLifetime time.Duration
}

// override replaces the dialect defaults with the non-zero values of cfg.
func (p poolSettings) override(cfg Config) poolSettings {
	if cfg.MaxOpenConns > 0 {
		p.maxOpen = cfg.MaxOpenConns
	}
	if cfg.MaxIdleConns > 0 {
		p.maxIdle = cfg.MaxIdleConns
	}
	if cfg.ConnMaxLifetime > 0 {
		p.maxLifetime = cfg.ConnMaxLifetime
	}
	p.maxIdle = min(p.maxIdle, p.maxOpen)
	return p
}
