package triagedb

import (
	"fmt"
	"time"

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

// Numbering: the day's counter row is incremented by one upsert inside the transaction
// that inserts the ticket. The upsert takes the row's write lock and keeps it until the
// commit, so concurrent creations of one day — in any process — queue on that row and each
// reads the value it wrote. If the transaction rolls back (a duplicate case key, any
// error), the increment rolls back with it, so the day's numbers stay gapless. The first
// ticket of a day inserts the row in the same statement; a SELECT … FOR UPDATE of a missing
// row would only take a gap lock, and two first tickets would deadlock inserting it.
const (
	// MySQL/MariaDB: LAST_INSERT_ID(expr) makes the new value this statement's insert id,
	// returned in the OK packet, so no second query is needed.
	nextSeqMySQL = "INSERT INTO ticket_counters (stem, seq) VALUES (?, LAST_INSERT_ID(1)) " +
		"ON DUPLICATE KEY UPDATE seq = LAST_INSERT_ID(seq + 1)"
	// SQLite (3.35+): the write transaction is already exclusive (BEGIN IMMEDIATE).
	nextSeqSQLite = "INSERT INTO ticket_counters (stem, seq) VALUES (?, 1) " +
		"ON CONFLICT (stem) DO UPDATE SET seq = seq + 1 RETURNING seq"
)

// stem returns the prefix and the date of at in the Store's location: "RS20261122".
func (s *Store) stem(at time.Time) string {
	return s.prefix + at.In(s.loc).Format("20060102")
}

// nextNumber hands out the next ticket number of at's day. tx must be a transaction
// that also inserts the ticket.
func (s *Store) nextNumber(tx *gorm.DB, at time.Time) (string, error) {
	stem := s.stem(at)
	var seq int64
	if s.mysql {
		res, err := tx.Statement.ConnPool.ExecContext(tx.Statement.Context, nextSeqMySQL, stem)
		if err != nil {
			return "", fmt.Errorf("next number of %s: %w", stem, err)
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
