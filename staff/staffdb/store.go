package staffdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/staff"
)

var (
	_ staff.Store    = (*Store)(nil)
	_ staff.Notes    = (*Store)(nil)
	_ staff.AuditLog = (*Store)(nil)
)

// Page sizes of Audit.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Store keeps accounts, sessions, notes and the audit log. It is safe for concurrent use,
// also by several processes sharing one database.
type Store struct {
	db    *gorm.DB
	mysql bool
	now   func() time.Time // the audit log's clock
}

// New returns a Store on db, whose tables package migrations has created.
func New(db *gorm.DB) *Store {
	return &Store{db: db, mysql: database.Dialect(db) == database.MySQL, now: time.Now}
}

// WithClock returns a copy of the Store whose audit entries are stamped by now.
func (s *Store) WithClock(now func() time.Time) *Store {
	c := *s
	c.now = now
	return &c
}

// conn returns the Store's handle bound to ctx.
func (s *Store) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// forUpdate locks the selected rows until the transaction ends. SQLite needs no lock:
// its transactions run one at a time.
func (s *Store) forUpdate(tx *gorm.DB) *gorm.DB {
	if s.mysql {
		return tx.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
	}
	return tx
}

// wrap prefixes err with the operation, keeping it matchable with errors.Is.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("staffdb: %s: %w", op, err)
}

// errNotFound reports whether err is gorm's missing record.
func errNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }

// dbTime is t as both databases store it: UTC, to the microsecond.
func dbTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// clampLimit returns limit, or the default page size when it is not positive, capped at
// MaxPageSize.
func clampLimit(limit int) int {
	if limit <= 0 {
		return DefaultPageSize
	}
	return min(limit, MaxPageSize)
}

// truncate cuts s to at most n characters, for columns that hold what strangers typed
// (a failed login's username).
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
