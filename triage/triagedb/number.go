package triagedb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-sql-driver/mysql"
	"gorm.io/gorm"

	"github.com/wxintake/intake/triage"
)

// counterRow is a row of ticket_counters: the last sequence handed out for one number
// stem, the prefix and date of a day's numbers ("RS20261122").
type counterRow struct {
	Stem string `gorm:"primaryKey;size:32"`
	Seq  int64  `gorm:"not null"`
}

// TableName is the table of per-day counters.
func (counterRow) TableName() string { return "ticket_counters" }

// Numbering. The day's counter row is incremented inside the transaction that inserts the
// ticket, near its end (insertTx). The increment takes the row's write lock and keeps it
// until the commit, so
// concurrent creations of one day — in any process — queue on that row and each reads the
// value it wrote. If the transaction rolls back (a duplicate case key, any error), the
// increment rolls back with it, so the day's numbers stay gapless.
//
// On MySQL/MariaDB the increment is an UPDATE of an existing row by its primary key, which
// locks that record only. Inserting the day's row in the same transaction (an upsert)
// would take gap locks, and two first tickets of a new day inserting next to another
// day's row deadlock (seen in TestCreateConcurrentAcrossMidnight); so the row is made,
// with seq 0, by an autocommitted statement before the transaction, once per day and
// process. LAST_INSERT_ID(expr) makes the new value the UPDATE's insert id, returned in
// the OK packet, so no second query is needed.
//
// SQLite has one writer at a time (BEGIN IMMEDIATE): an upsert with RETURNING does it all.
const (
	ensureCounterMySQL = "INSERT INTO ticket_counters (stem, seq) VALUES (?, 0) ON DUPLICATE KEY UPDATE seq = seq"
	nextSeqMySQL       = "UPDATE ticket_counters SET seq = LAST_INSERT_ID(seq + 1) WHERE stem = ?"
	nextSeqSQLite      = "INSERT INTO ticket_counters (stem, seq) VALUES (?, 1) " +
		"ON CONFLICT (stem) DO UPDATE SET seq = seq + 1 RETURNING seq"
)

// errNoCounter reports a day's counter row missing although it was made.
var errNoCounter = errors.New("the day's counter row is missing")

// stem returns the prefix and the date of at in the Store's location: "RS20261122".
func (s *Store) stem(at time.Time) string {
	return s.prefix + at.In(s.loc).Format("20060102")
}

// ensureCounter makes sure the counter row of stem exists, outside any transaction. On
// SQLite there is nothing to do.
func (s *Store) ensureCounter(ctx context.Context, stem string) error {
	if !s.mysql {
		return nil
	}
	if _, ok := s.stems.Load(stem); ok {
		return nil
	}
	var err error
	for range 5 { // concurrent inserts of one new key may deadlock; the statement is idempotent
		if err = s.root.WithContext(ctx).Exec(ensureCounterMySQL, stem).Error; !isDeadlock(err) {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("counter of %s: %w", stem, err)
	}
	s.stems.Store(stem, true)
	return nil
}

// nextNumber hands out the next ticket number of at's day. tx must be a transaction that
// also inserts the ticket, and ensureCounter must have run for the day.
func (s *Store) nextNumber(tx *gorm.DB, at time.Time) (string, error) {
	stem := s.stem(at)
	var seq int64
	if s.mysql {
		res, err := tx.Statement.ConnPool.ExecContext(tx.Statement.Context, nextSeqMySQL, stem)
		if err != nil {
			return "", fmt.Errorf("next number of %s: %w", stem, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			s.stems.Delete(stem)
			return "", fmt.Errorf("next number of %s: %w", stem, errNoCounter)
		}
		if seq, err = res.LastInsertId(); err != nil {
			return "", fmt.Errorf("next number of %s: %w", stem, err)
		}
	} else if err := tx.Raw(nextSeqSQLite, stem).Scan(&seq).Error; err != nil {
		return "", fmt.Errorf("next number of %s: %w", stem, err)
	}
	if seq < 1 {
		return "", fmt.Errorf("next number of %s: counter returned %d", stem, seq)
	}
	return triage.FormatNumber(s.prefix, at.In(s.loc), int(seq)), nil
}

// isDeadlock reports whether err is MySQL's deadlock error (1213), after which InnoDB has
// rolled the transaction back and it may be run again.
func isDeadlock(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && me.Number == 1213
}
