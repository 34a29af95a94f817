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

	// A retried escalation usually finds its ticket here, without touching the counter.
	if old, err := s.byCaseKey(ctx, t.CaseKey); err == nil {
		return old, false, nil
	} else if !errNotFound(err) {
		return triage.Ticket{}, false, wrap("create", err)
	}

	row, err := toDBTicket(t)
	if err != nil {
		return triage.Ticket{}, false, wrap("create", err)
	}
	err = s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if row.Number, err = s.nextNumber(tx, t.CreatedAt); err != nil {
			return err
		}
		// Holding the day's counter, look again: a creation of the same case key that
		// raced the look-up above has committed by now. (The snapshot of this plain read
		// is taken here, after the lock.) A locking read would take a gap lock and make
		// concurrent creations deadlock on their inserts.
		var dup int64
		if err := tx.Model(&ticketRow{}).Where("case_key = ?", row.CaseKey).Count(&dup).Error; err != nil {
			return err
		}
		if dup > 0 {
			return errExists
		}
		// A race across two days (a retry after midnight) holds different counters and
		// ends here, on the unique index; the rollback returns the number.
		if err := tx.Create(&row).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return errExists
		} else if err != nil {
			return err
		}
		return tx.Create(&historyRow{TicketID: row.ID, ToStatus: row.Status, At: row.CreatedAt, Actor: systemActor}).Error
	})
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

// ListOpen returns a page of the open tickets matching f in queue order — priority rank,
// first-response deadline, then creation order (the row id, which follows the numbers
// since a number is drawn in the transaction that inserts its row) — and how many match.
// A zero p.Limit means DefaultPageSize; at most MaxPageSize are returned.
func (s *Store) ListOpen(ctx context.Context, f triage.Filter, p triage.Page) ([]triage.Ticket, int, error) {
	limit, offset := pageBounds(p)
	var rows []ticketRow
	if err := queueQuery(s.conn(ctx), f).Limit(limit).Offset(offset).Find(&rows).Error; err != nil {
		return nil, 0, wrap("list open", err)
	}
	var total int64
	if err := openFilter(s.conn(ctx).Model(&ticketRow{}), f).Count(&total).Error; err != nil {
		return nil, 0, wrap("list open", err)
	}
	tickets, err := toDomainTickets(rows)
	return tickets, int(total), wrap("list open", err)
}

// queueQuery selects the open tickets matching f in queue order.
func queueQuery(db *gorm.DB, f triage.Filter) *gorm.DB {
	return openFilter(db.Model(&ticketRow{}), f).Order("priority_rank, due_at, id")
}

// openFilter restricts db to the open tickets matching f. Each filter is an equality on
// the first column of its index, so the queue order still comes from the index.
func openFilter(db *gorm.DB, f triage.Filter) *gorm.DB {
	db = db.Where("is_open = ?", true)
	if len(f.Statuses) > 0 {
		db = db.Where("status IN ?", f.Statuses)
	}
	if f.Priority != "" {
		db = db.Where("priority_rank = ?", f.Priority.Rank())
	}
	if f.Group != "" {
		db = db.Where("group_name = ?", f.Group)
	}
	if f.Assignee != "" {
		db = db.Where("assignee = ?", f.Assignee)
	}
	if f.Unassigned {
		db = db.Where("assignee = ?", "")
	}
	if f.Category != "" {
		db = db.Where("category = ?", f.Category)
	}
	return db
}

// ListByOpenID returns a customer's tickets, newest first, at most limit of them (the
// default page size when limit is not positive, never more than MaxPageSize).
func (s *Store) ListByOpenID(ctx context.Context, openID string, limit int) ([]triage.Ticket, error) {
	var rows []ticketRow
	err := s.conn(ctx).Where("open_id = ?", openID).Order("created_at DESC, id DESC").
		Limit(clampLimit(limit)).Find(&rows).Error
	if err != nil {
		return nil, wrap("list by openid", err)
	}
	tickets, err := toDomainTickets(rows)
	return tickets, wrap("list by openid", err)
}

// updatable are the columns Update writes: all but the identity and the status.
var updatable = []string{
	"open_id", "priority", "priority_rank", "due_at", "diagnosis_due_at", "category", "rule_id",
	"assignee", "group_name", "visit_start", "visit_end", "visit_slot", "record", "result",
	"steps_tried", "attachments", "rating", "comment", "created_at", "updated_at",
}

// Update changes the ticket's other fields with fn under the row's lock; see triage.Store.
// fn sets UpdatedAt itself when the change should show as one.
func (s *Store) Update(ctx context.Context, number string, fn func(*triage.Ticket) error) (triage.Ticket, error) {
	var out triage.Ticket
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
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
		out, err = toDomainTicket(next)
		return err
	})
	if err != nil {
		return triage.Ticket{}, wrap("update "+number, err)
	}
	return out, nil
}
