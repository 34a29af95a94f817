package triagedb

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/triage"
)

// countRow is a row of ticket_counts: how many tickets have one status and priority rank.
// Every change of a ticket's status or priority adjusts it in the same transaction, so the
// total of the unfiltered queue (and of a queue filtered by status or priority) is a sum
// over at most sixteen rows instead of a count over every open ticket, which at a large
// backlog costs more than the page itself.
type countRow struct {
	Status       string `gorm:"primaryKey;size:16"`
	PriorityRank int8   `gorm:"primaryKey;autoIncrement:false"`
	N            int64  `gorm:"not null"`
}

// TableName is the table of ticket counts.
func (countRow) TableName() string { return "ticket_counts" }

// countKey names one row of ticket_counts.
type countKey struct {
	status string
	rank   int8
}

// bump adds the deltas to their counts. Recount made a row for every status and rank, so
// each is an UPDATE of an existing row by its key, which on MySQL locks that record only
// (an upsert would take gap locks and could deadlock, see number.go). Rows are locked in
// key order, so transactions bumping the same rows never deadlock. Changes of existing
// tickets call it last, after the ticket's row lock; a creation calls it first and then
// takes only the day's counter (insertTx), so no transaction waits for a ticket's lock
// while holding a count row.
func (s *Store) bump(tx *gorm.DB, deltas map[countKey]int) error {
	keys := make([]countKey, 0, len(deltas))
	for k, d := range deltas {
		if d != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b countKey) int {
		return cmp.Or(cmp.Compare(a.status, b.status), cmp.Compare(a.rank, b.rank))
	})
	for _, k := range keys {
		res := tx.Model(&countRow{}).Where("status = ? AND priority_rank = ?", k.status, k.rank).
			Update("n", gorm.Expr("n + ?", deltas[k]))
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("ticket_counts has no row for %s/%d: run Recount", k.status, k.rank)
		}
	}
	return nil
}

// move returns the deltas of a ticket moving from one count to another; none when they
// are the same.
func move(from, to countKey) map[countKey]int {
	d := map[countKey]int{}
	d[from]--
	d[to]++
	return d
}

// countable reports whether ticket_counts can answer the total of f: it filters by
// status and priority only.
func countable(f triage.Filter) bool {
	return f.Group == "" && f.Assignee == "" && !f.Unassigned && f.Category == "" && !f.Complaint
}

// countOpen returns how many open tickets match f, which must be countable.
func countOpen(db *gorm.DB, f triage.Filter) (int64, error) {
	var statuses []triage.Status
	for _, st := range triage.Statuses() {
		if st.Open() && (len(f.Statuses) == 0 || slices.Contains(f.Statuses, st)) {
			statuses = append(statuses, st)
		}
	}
	if len(statuses) == 0 {
		return 0, nil
	}
	q := db.Model(&countRow{}).Where("status IN ?", statuses)
	if f.Priority != "" {
		q = q.Where("priority_rank = ?", f.Priority.Rank())
	}
	var total int64
	err := q.Select("COALESCE(SUM(n), 0)").Scan(&total).Error
	return total, err
}

// Recount rebuilds ticket_counts from the tickets table, with a row for every status and
// priority rank (migration 0002 created those rows at zero); run it after changing
// tickets other than through the Store. It is safe while the Store is in use: it locks
// the count rows before counting, so a concurrent change is either counted (committed
// before) or bumps the recounted row (after).
func Recount(ctx context.Context, db *gorm.DB) error {
	mysql := database.Dialect(db) == database.MySQL
	err := retryDeadlock(mysql, func() error {
		return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var all []countRow
			for _, st := range triage.Statuses() {
				for rank := range int8(4) { // Priority.Rank: 0 urgent … 3 unknown
					all = append(all, countRow{Status: string(st), PriorityRank: rank})
				}
			}
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&all).Error; err != nil {
				return err
			}
			var kept []countRow
			if err := forUpdate(tx, mysql).Find(&kept).Error; err != nil {
				return err
			}
			var counted []countRow
			err := tx.Model(&ticketRow{}).Select("status, priority_rank, COUNT(*) AS n").
				Group("status, priority_rank").Scan(&counted).Error
			if err != nil {
				return err
			}
			n := map[countKey]int64{}
			for _, c := range kept {
				n[countKey{c.Status, c.PriorityRank}] = 0
			}
			for _, c := range counted {
				n[countKey{c.Status, c.PriorityRank}] = c.N
			}
			for k, v := range n {
				row := countRow{Status: k.status, PriorityRank: k.rank, N: v}
				if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
					return err
				}
			}
			return nil
		})
	})
	return wrap("recount", err)
}
