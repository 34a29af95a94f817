// Package database opens the service's relational store through gorm.
//
// Production runs on MySQL or MariaDB: Config.DSN is a go-sql-driver/mysql
// DSN, and Open makes sure it parses times (parseTime=true), talks utf8mb4 and
// reads and writes times in UTC (loc=UTC). With no DSN, Open falls back to a
// pure-Go SQLite file at Config.SQLitePath, for a single-machine install and
// for fast tests; no cgo is needed.
//
// Both dialects are opened with the same gorm settings, so store code can be
// written once and tested on both:
//
//   - driver errors are translated (gorm TranslateError), so a unique-key
//     violation is errors.Is(err, gorm.ErrDuplicatedKey) on either database;
//   - gorm stamps CreatedAt/UpdatedAt in UTC;
//   - the gorm logger stays silent except for errors and queries slower than
//     SlowQuery, which go to the service's slog logger with placeholders in
//     place of parameter values and quoted values masked in driver error
//     messages, so no customer data reaches the log.
//
// Dialect tells store code which SQL dialect it is talking to, for the rare
// statement that must differ (an upsert, a row lock).
//
// The tables are created and changed by the versioned SQL steps of package
// migrations, never by gorm's AutoMigrate.
package database
