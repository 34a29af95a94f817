package triagedb

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/wxintake/intake/triage"
)

// errExists rolls back a creation that lost the race for its case key.
var errExists = errors.New("ticket exists")

// systemActor is the author of the history entry a creation writes.
const systemActor = "system"

// Create stores t as a new ticket unless one with its case key exists; see triage.Store.
// The number comes from t.CreatedAt's date in the Store's location, which must be set.
// The ticket returned is as stored: times in UTC to the microsecond.
func (s *Store) Create(ctx context.Context, t triage.Ticket) (triage.Ticket, bool, error) {
	switch {
	case t.CaseKey == "":
		return triage.Ticket{}, false, errors.New("triagedb: create: the case key is empty")
	case t.CreatedAt.IsZero():
		return triage.Ticket{}, false, errors.New("triagedb: create: CreatedAt is not set")
	case t.Status == "":
		t.Status = triage.StatusNew
	case !t.Status.Valid():
		return triage.Ticket{}, false, fmt.Errorf("triagedb: create: unknown status %q", t.Status)
	}
	t.UpdatedAt = t.CreatedAt

	row, err := toDBTicket(t)
	if err != nil {
		return triage.Ticket{}, false, wrap("create", err)
	}
	err = s.insert(ctx, &row)
	switch {
	case errors.Is(err, errExists):
		old, err := s.byCaseKey(ctx, t.CaseKey)
		if errNotFound(err) { // the conflict was on the number: the counter is behind
			return triage.Ticket{}, false, fmt.Errorf("triagedb: create: number %s is taken", row.Number)
		}
		return old, false, wrap("create", err)
	case err != nil:
		return triage.Ticket{}, false, wrap("create", err)
	}
	created, err := toDomainTicket(row)
	return created, true, wrap("create", err)
}

// insert numbers and inserts a new ticket with its first history entry, or returns
// errExists when its case key has a ticket already.
func (s *Store) insert(ctx context.Context, row *ticketRow) error {
	err := s.ensureCounter(ctx, s.stem(row.CreatedAt))
	if err == nil {
		err = s.insertTx(ctx, row)
	}
	if errors.Is(err, errNoCounter) && s.db == s.root { // deleted under us: make it again, once
		if err = s.ensureCounter(ctx, s.stem(row.CreatedAt)); err == nil {
			err = s.insertTx(ctx, row)
		}
	}
	return err
}

// insertTx is the transaction of insert.
func (s *Store) insertTx(ctx context.Context, row *ticketRow) error {
	return s.transaction(ctx, func(tx *gorm.DB) error {
		row.ID = 0 // set by a try that deadlocked
		var err error
		if row.Number, err = s.nextNumber(tx, row.CreatedAt); err != nil {
			return err
		}
		// Holding the day's counter, look the case key up: a creation of the same case
		// key on the same day has committed by now. (The snapshot of this plain read is
		// taken here, after the lock.) A retried escalation ends here and rolls back,
		// returning the number. There is no look-up before the transaction: retries are
		// rare, and it would cost every creation a round trip. A locking read would take
		// a gap lock and make concurrent creations deadlock on their inserts.
		var dup int64
		if err := tx.Model(&ticketRow{}).Where("case_key = ?", row.CaseKey).Count(&dup).Error; err != nil {
			return err
		}
		if dup > 0 {
			return errExists
		}
		// A race across two days (a retry after midnight) holds different counters and
		// ends here, on the unique index; the rollback returns the number.
		if err := tx.Create(row).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return errExists
		} else if err != nil {
			return err
		}
		if err := tx.Create(&historyRow{TicketID: row.ID, ToStatus: row.Status, At: row.CreatedAt, Actor: systemActor}).Error; err != nil {
			return err
		}
		return s.bump(tx, map[countKey]int{{row.Status, row.PriorityRank}: 1})
	})
}

// byCaseKey returns the ticket created for a case key, or gorm.ErrRecordNotFound.
func (s *Store) byCaseKey(ctx context.Context, caseKey string) (triage.Ticket, error) {
	var row ticketRow
	if err := s.conn(ctx).Where("case_key = ?", caseKey).Take(&row).Error; err != nil {
		return triage.Ticket{}, err
	}
	return toDomainTicket(row)
}

// Get returns the ticket with the given number, or triage.ErrNotFound.
func (s *Store) Get(ctx context.Context, number string) (triage.Ticket, error) {
	var row ticketRow
	err := s.conn(ctx).Where("number = ?", number).Take(&row).Error
	if errNotFound(err) {
		return triage.Ticket{}, wrap("get", notFound(number))
	}
	if err != nil {
		return triage.Ticket{}, wrap("get", err)
	}
	t, err := toDomainTicket(row)
	return t, wrap("get", err)
}

// updatable are the columns Update writes: all but the identity and the status.
var updatable = []string{
	"open_id", "priority", "priority_rank", "due_at", "diagnosis_due_at", "category", "rule_id",
	"assignee", "group_name", "visit_start", "visit_end", "visit_slot", "record", "result",
	"steps_tried", "attachments", "rating", "comment", "created_at", "updated_at",
}

// Update changes the ticket's other fields with fn under the row's lock; see triage.Store.
// fn sets UpdatedAt itself when the change should show as one. fn may run again, on a
// freshly loaded ticket, if MySQL chose the transaction as a deadlock victim; it should
// only change the ticket.
func (s *Store) Update(ctx context.Context, number string, fn func(*triage.Ticket) error) (triage.Ticket, error) {
	var out triage.Ticket
	err := s.transaction(ctx, func(tx *gorm.DB) error {
		var row ticketRow
		err := forUpdate(tx, s.mysql).Where("number = ?", number).Take(&row).Error
		if errNotFound(err) {
			return notFound(number)
		}
		if err != nil {
			return err
		}
		before, err := toDomainTicket(row)
		if err != nil {
			return err
		}
		t := before
		if err := fn(&t); err != nil {
			return err
		}
		if t.Number != before.Number || t.CaseKey != before.CaseKey || t.Status != before.Status {
			return fmt.Errorf("%w: Update may not change the number, case key or status of %s", triage.ErrConflict, number)
		}
		next, err := toDBTicket(t)
		if err != nil {
			return err
		}
		if err := tx.Model(&ticketRow{}).Where("id = ?", row.ID).Select(updatable).Updates(&next).Error; err != nil {
			return err
		}
		if out, err = toDomainTicket(next); err != nil {
			return err
		}
		return s.bump(tx, move(countKey{row.Status, row.PriorityRank}, countKey{row.Status, next.PriorityRank}))
	})
	if err != nil {
		return triage.Ticket{}, wrap("update "+number, err)
	}
	return out, nil
}
