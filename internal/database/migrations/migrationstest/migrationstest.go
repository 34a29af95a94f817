// Package migrationstest helps tests check the versioned schema of package migrations:
// that a store's row structs match the migrated tables (CheckRows), and what a database's
// schema is, for comparing two databases (Schema). It is imported by tests only.
package migrationstest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/database/migrations"
)

// Migrate applies every migration to db, failing the test on error.
func Migrate(tb testing.TB, db *gorm.DB) {
	tb.Helper()
	if err := migrations.Up(context.Background(), db); err != nil {
		tb.Fatal(err)
	}
}

// RunStep runs the statements of step id again on db, without recording it: a test that
// removed what the step adds (a column, an index) checks how the step treats the rows
// stored before it.
func RunStep(tb testing.TB, db *gorm.DB, id string) {
	tb.Helper()
	steps, err := migrations.Steps(database.Dialect(db))
	if err != nil {
		tb.Fatal(err)
	}
	i := slices.IndexFunc(steps, func(s migrations.Step) bool { return s.ID == id })
	if i < 0 {
		tb.Fatalf("no migration %q", id)
	}
	for _, stmt := range steps[i].Statements {
		if err := db.Exec(stmt).Error; err != nil {
			tb.Fatalf("migration %s: %v\n%s", id, err, stmt)
		}
	}
}

// CheckRows fails the test unless the row structs rows match db's migrated tables: gorm's
// AutoMigrate on them must find every table, column and index as it would create them,
// and so issue nothing but reads. This is where a field added to a row struct without a
// migration file is caught. The product never runs AutoMigrate.
func CheckRows(tb testing.TB, db *gorm.DB, rows ...any) {
	tb.Helper()
	rec := &recorder{Interface: db.Logger}
	if err := db.Session(&gorm.Session{Logger: rec}).AutoMigrate(rows...); err != nil {
		tb.Fatalf("AutoMigrate on the migrated schema: %v", err)
	}
	for _, sql := range rec.statements() {
		if !readOnly(sql) {
			tb.Errorf("the row structs differ from the migrated schema: AutoMigrate would run %s\n"+
				"(add a migration file to internal/database/migrations/mysql and sqlite)", sql)
		}
	}
}

// recorder is a gorm logger that keeps every statement.
type recorder struct {
	logger.Interface
	mu  sync.Mutex
	sql []string
}

func (r *recorder) LogMode(logger.LogLevel) logger.Interface { return r }

func (r *recorder) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	sql, _ := fc()
	r.mu.Lock()
	r.sql = append(r.sql, sql)
	r.mu.Unlock()
}

func (r *recorder) statements() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.sql)
}

// readOnly reports whether a statement only inspects the schema.
func readOnly(sql string) bool {
	words := strings.Fields(sql)
	if len(words) == 0 {
		return true
	}
	switch strings.ToUpper(words[0]) {
	case "SELECT", "SHOW", "PRAGMA":
		return true
	}
	return false
}

// Schema describes db's tables, one line per table, column, index column and foreign key,
// sorted, so that two databases with the same schema give the same lines whatever the
// order their columns were added in. schema_migrations' rows are not part of it.
func Schema(tb testing.TB, db *gorm.DB) []string {
	tb.Helper()
	var lines []string
	var err error
	if database.Dialect(db) == database.MySQL {
		lines, err = mysqlSchema(db)
	} else {
		lines, err = sqliteSchema(db)
	}
	if err != nil {
		tb.Fatalf("read the schema: %v", err)
	}
	slices.Sort(lines)
	return lines
}

func mysqlSchema(db *gorm.DB) ([]string, error) {
	queries := []string{
		`SELECT CONCAT_WS(' | ', 'table', table_name, engine, table_collation) FROM information_schema.tables
			WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`,
		`SELECT CONCAT_WS(' | ', 'column', table_name, column_name, column_type, is_nullable,
				IFNULL(column_default, '<none>'), IFNULL(collation_name, '-'), extra)
			FROM information_schema.columns WHERE table_schema = DATABASE()`,
		`SELECT CONCAT_WS(' | ', 'index', table_name, index_name, non_unique, seq_in_index, column_name)
			FROM information_schema.statistics WHERE table_schema = DATABASE()`,
		`SELECT CONCAT_WS(' | ', 'foreign key', k.table_name, k.constraint_name, k.column_name,
				k.referenced_table_name, k.referenced_column_name, r.delete_rule, r.update_rule)
			FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r
				ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
			WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL`,
	}
	var lines []string
	for _, q := range queries {
		var got []string
		if err := db.Raw(q).Scan(&got).Error; err != nil {
			return nil, err
		}
		lines = append(lines, got...)
	}
	return lines, nil
}

func sqliteSchema(db *gorm.DB) ([]string, error) {
	var tables []string
	if err := db.Raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`).
		Scan(&tables).Error; err != nil {
		return nil, err
	}
	var lines []string
	for _, table := range tables {
		lines = append(lines, "table | "+table)
		var cols []struct {
			Name      string
			Type      string
			NotNull   int `gorm:"column:notnull"`
			DfltValue *string
			PK        int `gorm:"column:pk"`
		}
		if err := db.Raw("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", table).Scan(&cols).Error; err != nil {
			return nil, err
		}
		for _, c := range cols {
			dflt := "<none>"
			if c.DfltValue != nil {
				dflt = *c.DfltValue
			}
			lines = append(lines, fmt.Sprintf("column | %s | %s | %s | notnull=%d | %s | pk=%d", table, c.Name, c.Type, c.NotNull, dflt, c.PK))
		}
		var idx []struct {
			Name   string
			Unique int `gorm:"column:unique"`
			Origin string
		}
		if err := db.Raw("SELECT name, \"unique\", origin FROM pragma_index_list(?)", table).Scan(&idx).Error; err != nil {
			return nil, err
		}
		for _, ix := range idx {
			var cols []string
			if err := db.Raw("SELECT name FROM pragma_index_info(?) ORDER BY seqno", ix.Name).Scan(&cols).Error; err != nil {
				return nil, err
			}
			name := ix.Name
			if ix.Origin == "pk" || strings.HasPrefix(name, "sqlite_autoindex_") {
				name = "<" + ix.Origin + ">"
			}
			lines = append(lines, fmt.Sprintf("index | %s | %s | unique=%d | %s", table, name, ix.Unique, strings.Join(cols, ",")))
		}
		var fks []string
		if err := db.Raw("SELECT \"table\" || '.' || \"to\" || ' from ' || \"from\" || ' on delete ' || on_delete FROM pragma_foreign_key_list(?)", table).
			Scan(&fks).Error; err != nil {
			return nil, err
		}
		for _, fk := range fks {
			lines = append(lines, "foreign key | "+table+" | "+fk)
		}
	}
	return lines, nil
}
