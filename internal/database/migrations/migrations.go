// Package migrations holds the service's database schema as versioned SQL files, one
// set per dialect (mysql/ for MySQL and MariaDB, sqlite/), and applies the ones a
// database lacks.
//
// Each file is one step, named by its ID ("0002_tickets.sql"). Steps run in ID order,
// once each, and are recorded in the table schema_migrations (id, applied_at), which
// every earlier release kept the same way: a database that recorded a step never runs it
// again, and one that lacks a step gets it whatever it recorded after it (0012 shipped
// before 0011). A shipped step never changes; a new column, table or index is a new
// file in both directories.
//
// A file is plain SQL: statements end with ";" at the end of a line, lines starting
// with "--" are comments. The SQL is what gorm's AutoMigrate created for the row structs
// when the step shipped, so databases created before and after this package have the
// same schema; the stores' tests check that their row structs still match the migrated
// schema (migrationstest.CheckRows).
//
// Up is safe to run from several instances at once. On SQLite each step runs in a
// transaction begun with BEGIN IMMEDIATE (the write lock), which first checks that the
// step is still missing and commits the step with its record. On MySQL/MariaDB, whose
// DDL statements commit on their own, the whole run holds a named lock (GET_LOCK) on
// its connection, so a second instance waits and then finds nothing left to do. A step
// that fails half-way on MySQL leaves what its DDL did: the error names the step and the
// statement, to be repaired by hand before the next start.
package migrations

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
)

//go:embed mysql/*.sql sqlite/*.sql
var files embed.FS

// lockWait bounds how long Up waits on MySQL for another instance's migration.
const lockWait = 5 * time.Minute

// lockName is the MySQL named lock of the migrations of the current database. Named locks
// are server-wide and at most 64 characters, hence the hash of the database's name.
const lockName = "CONCAT('intake_migrate_', MD5(DATABASE()))"

// Step is one migration: its ID and its statements.
type Step struct {
	ID         string
	Statements []string
}

// Steps returns the steps of dialect (database.MySQL or database.SQLite), in order.
func Steps(dialect string) ([]Step, error) {
	dir := dialect
	names, err := fs.Glob(files, dir+"/*.sql")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("migrations: no steps for dialect %q", dialect)
	}
	slices.Sort(names)
	steps := make([]Step, 0, len(names))
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		steps = append(steps, Step{ID: strings.TrimSuffix(path.Base(name), ".sql"), Statements: split(string(b))})
	}
	return steps, nil
}

// split cuts a file into its statements: each ends with ";" at the end of a line;
// blank lines and "--" comment lines are dropped.
func split(text string) []string {
	var (
		out []string
		cur strings.Builder
	)
	for line := range strings.Lines(text) {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s) // a last statement without ";"
	}
	return out
}

// Up applies every step db has not recorded.
func Up(ctx context.Context, db *gorm.DB) error { return UpTo(ctx, db, "") }

// UpTo applies the steps db has not recorded up to and including the step last (every
// step when last is ""), as a release that shipped with last created its database. Tests
// use it to build an older database and migrate it forward.
func UpTo(ctx context.Context, db *gorm.DB, last string) error {
	dialect := database.Dialect(db)
	steps, err := Steps(dialect)
	if err != nil {
		return err
	}
	if last != "" {
		i := slices.IndexFunc(steps, func(s Step) bool { return s.ID == last })
		if i < 0 {
			return fmt.Errorf("migrations: no step %q", last)
		}
		steps = steps[:i+1]
	}
	db = db.WithContext(ctx)
	if dialect != database.MySQL {
		return apply(db, steps)
	}
	// One connection holds the lock and runs every statement.
	return db.Connection(func(conn *gorm.DB) error {
		var got *int
		if err := conn.Raw("SELECT GET_LOCK("+lockName+", ?)", int(lockWait.Seconds())).Scan(&got).Error; err != nil {
			return fmt.Errorf("migrations: lock: %w", err)
		}
		if got == nil || *got != 1 {
			return fmt.Errorf("migrations: another instance held the migration lock for %v", lockWait)
		}
		// Released even when ctx is done, so the pooled connection does not keep it.
		defer conn.WithContext(context.WithoutCancel(ctx)).Exec("SELECT RELEASE_LOCK(" + lockName + ")")
		return apply(conn, steps)
	})
}

// apply runs the steps not yet recorded. The first step creates schema_migrations if
// needed, so it runs before anything is read.
func apply(db *gorm.DB, steps []Step) error {
	if len(steps) == 0 {
		return nil
	}
	for _, stmt := range steps[0].Statements {
		if err := db.Exec(stmt).Error; err != nil {
			return fmt.Errorf("migrate %s: %w", steps[0].ID, err)
		}
	}
	done, err := Applied(db)
	if err != nil {
		return err
	}
	for _, s := range steps {
		if slices.Contains(done, s.ID) {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			var n int64
			if err := tx.Table("schema_migrations").Where("id = ?", s.ID).Count(&n).Error; err != nil || n > 0 {
				return err // another instance applied it meanwhile (SQLite)
			}
			for _, stmt := range s.Statements {
				if err := tx.Exec(stmt).Error; err != nil {
					return fmt.Errorf("%w\n%s", err, stmt)
				}
			}
			return tx.Exec("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)", s.ID, time.Now().UTC()).Error
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", s.ID, err)
		}
	}
	return nil
}

// Applied returns the IDs of the steps db has recorded, in order.
func Applied(db *gorm.DB) ([]string, error) {
	var ids []string
	if err := db.Table("schema_migrations").Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, fmt.Errorf("migrations: read schema_migrations: %w", err)
	}
	return ids, nil
}
