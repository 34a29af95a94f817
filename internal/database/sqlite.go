package database

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// sqlitePool is the default pool for SQLite.
//
// Several connections are allowed so that reads proceed while a write is in
// progress (WAL mode). Writes stay safe because every transaction starts with
// BEGIN IMMEDIATE (_txlock=immediate): it takes the single write lock up
// front, waiting up to busy_timeout, instead of failing with SQLITE_BUSY when
// a read transaction tries to upgrade. A single connection would also be safe
// but turns any query issued outside a transaction while that transaction is
// open into a silent hang; here it is a read that works or a write that fails
// after busy_timeout with "database is locked".
var sqlitePool = poolSettings{maxOpen: 4, maxIdle: 4}

// sqlitePragmas run on every new SQLite connection.
var sqlitePragmas = []string{
	"journal_mode(WAL)",
	"busy_timeout(5000)",
	"foreign_keys(1)",
	"synchronous(NORMAL)",
}

// openSQLite opens (creating if needed) the SQLite database file at path.
func openSQLite(path string, gcfg *gorm.Config) (*gorm.DB, poolSettings, error) {
	dsn, err := sqliteDSN(path)
	if err != nil {
		return nil, poolSettings{}, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, poolSettings{}, fmt.Errorf("database: %w", err)
	}
	drv, err := sqliteDriver()
	if err != nil {
		return nil, poolSettings{}, err
	}
	sqlDB := sql.OpenDB(utcConnector{dsn: dsn, drv: drv})
	db, err := gorm.Open(sqlite.Dialector{DSN: dsn, Conn: sqlDB}, gcfg)
	if err != nil {
		_ = sqlDB.Close()
		return nil, poolSettings{}, fmt.Errorf("database: open sqlite %s: %w", path, err)
	}
	return db, sqlitePool, nil
}

// sqliteDSN is path plus the connection parameters of the glebarez driver.
func sqliteDSN(path string) (string, error) {
	if strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return "", fmt.Errorf("database: SQLitePath %q must be a plain file path", path)
	}
	q := url.Values{}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return path + "?" + q.Encode(), nil
}

// sqliteDriver returns the pure-Go driver registered by github.com/glebarez/sqlite.
func sqliteDriver() (driver.Driver, error) {
	db, err := sql.Open(sqlite.DriverName, "") // only looks the driver up, connects nothing
	if err != nil {
		return nil, fmt.Errorf("database: sqlite driver: %w", err)
	}
	defer db.Close()
	return db.Driver(), nil
}

// utcConnector opens SQLite connections that store every time.Time in UTC.
//
// The driver writes a time as text with the offset of its location, so
// without this a time.Unix value on a server in Asia/Shanghai would be stored
// as "…+08:00": it reads back in a different zone than on MySQL (loc=UTC) and
// sorts wrongly against UTC values in text comparisons.
type utcConnector struct {
	dsn string
	drv driver.Driver
}

// Connect opens one connection.
func (c utcConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	full, ok := conn.(sqliteConn)
	if !ok {
		_ = conn.Close()
		return nil, fmt.Errorf("database: sqlite connection %T lacks context methods", conn)
	}
	return utcConn{full}, nil
}

// Driver returns the underlying SQLite driver.
func (c utcConnector) Driver() driver.Driver { return c.drv }

// sqliteConn is what the glebarez connection implements; utcConn keeps all of it.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
}

// utcConn converts time arguments to UTC before the driver formats them.
type utcConn struct{ sqliteConn }

// CheckNamedValue turns a time.Time argument into UTC and leaves every other
// argument to the default conversion.
func (utcConn) CheckNamedValue(nv *driver.NamedValue) error {
	if t, ok := nv.Value.(time.Time); ok {
		nv.Value = t.UTC()
		return nil
	}
	return driver.ErrSkip
}
