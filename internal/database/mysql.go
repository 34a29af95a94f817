package database

import (
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	gormmysql "gorm.io/driver/mysql"
	"gorm.io/gorm"
)

// mysqlPool is the default pool for MySQL/MariaDB. Connections are recycled
// well before the server's wait_timeout and any proxy idle limit.
var mysqlPool = poolSettings{maxOpen: 25, maxIdle: 10, maxLifetime: 3 * time.Minute}

// openMySQL opens MySQL/MariaDB at dsn after normalising it. The driver's own
// messages (such as a dropped idle connection) go to log as warnings.
func openMySQL(dsn string, gcfg *gorm.Config, log *slog.Logger) (*gorm.DB, poolSettings, error) {
	cfg, err := normalizeMySQL(dsn)
	if err != nil {
		return nil, poolSettings{}, err
	}
	cfg.Logger = driverLogger{log}
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, poolSettings{}, fmt.Errorf("database: mysql DSN: %w", err)
	}
	sqlDB := sql.OpenDB(connector)
	db, err := gorm.Open(gormmysql.New(gormmysql.Config{Conn: sqlDB, DSNConfig: cfg}), gcfg)
	if err != nil {
		_ = sqlDB.Close()
		return nil, poolSettings{}, fmt.Errorf("database: open mysql: %w", err)
	}
	return db, mysqlPool, nil
}

// NormalizeMySQLDSN returns dsn with the settings the stores rely on, each
// added only when dsn does not say otherwise:
//   - parseTime=true, so DATETIME columns scan into time.Time (always forced);
//   - charset=utf8mb4, unless a charset or collation is given;
//   - loc=UTC (the driver's default), and then the session time_zone '+00:00',
//     so NOW() and TIMESTAMP columns agree with the UTC times the driver sends;
//   - interpolateParams=true: the driver quotes a statement's arguments into it
//     itself, so a statement costs one round trip instead of three (prepare,
//     execute, close). Only with a utf8 charset, where quoting is safe; a DSN
//     that names another charset or a collation keeps server-side statements.
//
// Everything else in dsn is kept.
func NormalizeMySQLDSN(dsn string) (string, error) {
	cfg, err := normalizeMySQL(dsn)
	if err != nil {
		return "", err
	}
	return cfg.FormatDSN(), nil
}

func normalizeMySQL(dsn string) (*mysql.Config, error) {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("database: parse mysql DSN: %w", err)
	}
	cfg.ParseTime = true
	if cfg.Loc == nil {
		cfg.Loc = time.UTC
	}
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	if _, ok := cfg.Params["charset"]; !ok && cfg.Collation == "" {
		cfg.Params["charset"] = "utf8mb4"
	}
	if cs := cfg.Params["charset"]; !strings.Contains(dsn, "interpolateParams=") && cfg.Collation == "" && strings.HasPrefix(cs, "utf8") {
		cfg.InterpolateParams = true
	}
	if _, ok := cfg.Params["time_zone"]; !ok && cfg.Loc == time.UTC {
		cfg.Params["time_zone"] = "'+00:00'"
	}
	return cfg, nil
}

// driverLogger adapts slog to the go-sql-driver/mysql Logger interface.
type driverLogger struct{ log *slog.Logger }

// Print logs one driver message as a warning.
func (l driverLogger) Print(v ...any) {
	l.log.Warn("mysql driver: " + fmt.Sprint(v...))
}
