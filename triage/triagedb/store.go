package triagedb

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/triage"
)

var _ triage.Store = (*Store)(nil)

// Page sizes of ListOpen and ListByOpenID.
const (
	DefaultPageSize = 20  // used when a Page or limit is zero
	MaxPageSize     = 200 // larger pages are cut to this
)

// Config says how a Store numbers tickets.
type Config struct {
	// Prefix starts every ticket number; "RS" when empty. It must be ASCII letters.
	Prefix string
	// Location is the service's time zone: a ticket's number carries its CreatedAt date
	// read there. UTC when nil.
	Location *time.Location
}

// Store keeps tickets, their history and transcripts in MySQL/MariaDB or SQLite. It
// implements triage.Store and is safe for concurrent use, also by several processes
// sharing one database.
type Store struct {
	db     *gorm.DB
	root   *gorm.DB // db outside any caller's transaction
	mysql  bool
	prefix string
	loc    *time.Location
	stems  *sync.Map // number stems whose counter row is known to exist (MySQL)
	ids    *idCache  // ticket numbers → row ids, for AppendTranscript
}

// New returns a Store on db, whose tables package migrations has created.
func New(db *gorm.DB, cfg Config) *Store {
	if cfg.Prefix == "" {
		cfg.Prefix = "RS"
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	return &Store{db: db, root: db, mysql: database.Dialect(db) == database.MySQL,
		prefix: cfg.Prefix, loc: cfg.Location, stems: new(sync.Map), ids: new(idCache)}
}

// WithTx returns a copy of the Store working inside the caller's transaction tx, so that
// a ticket change and an Enqueue on tx commit or roll back together. The Store's own
// transactions become savepoints of tx.
func (s *Store) WithTx(tx *gorm.DB) *Store {
	c := *s
	c.db = tx
	return &c
}

// conn returns the Store's handle bound to ctx.
func (s *Store) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// transaction runs fn in a transaction (a savepoint inside a caller's, see WithTx). The
// statements are written not to deadlock, but InnoDB may still pick a victim in a pattern
// no test foresaw; a transaction of its own is then run again, up to three times in all.
// fn must therefore be safe to repeat. Inside a caller's transaction the deadlock is
// returned, since InnoDB rolled back the whole of it.
func (s *Store) transaction(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return retryDeadlock(s.mysql && s.db == s.root, func() error { return s.conn(ctx).Transaction(fn) })
}

// retryDeadlock runs fn, and again up to twice more while it fails with a MySQL deadlock
// and retry is set.
func retryDeadlock(retry bool, fn func() error) error {
	err := fn()
	for i := 0; retry && i < 2 && isDeadlock(err); i++ {
		err = fn()
	}
	return err
}

// forUpdate locks the selected rows until the transaction ends. SQLite needs no lock:
// its transactions start with BEGIN IMMEDIATE and so run one at a time.
func forUpdate(tx *gorm.DB, mysql bool) *gorm.DB {
	if mysql {
		return tx.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
	}
	return tx
}

// ticketID returns the row id of the ticket numbered number, or triage.ErrNotFound.
func ticketID(tx *gorm.DB, number string) (uint64, error) {
	var ids []uint64
	if err := tx.Model(&ticketRow{}).Where("number = ?", number).Limit(1).Pluck("id", &ids).Error; err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, notFound(number)
	}
	return ids[0], nil
}

// notFound is triage.ErrNotFound naming the number.
func notFound(number string) error {
	return fmt.Errorf("%w: %s", triage.ErrNotFound, number)
}

// wrap prefixes err with the operation, keeping it matchable with errors.Is.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("triagedb: %s: %w", op, err)
}

// dbTime is t as both databases store it: UTC, to the microsecond.
func dbTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// dbTimePtr is dbTime for a nullable column: nil for the zero time.
func dbTimePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	v := dbTime(t)
	return &v
}

// fromTimePtr reads a nullable time column; the zero time for NULL.
func fromTimePtr(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// pageBounds returns the limit and offset of p within the allowed sizes.
func pageBounds(p triage.Page) (limit, offset int) {
	return clampLimit(p.Limit), max(p.Offset, 0)
}

// clampLimit returns limit, or the default page size when it is not positive, capped at
// MaxPageSize.
func clampLimit(limit int) int {
	if limit <= 0 {
		return DefaultPageSize
	}
	return min(limit, MaxPageSize)
}

// errNotFound reports whether err is gorm's missing record.
func errNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }
