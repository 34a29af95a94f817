package triagedb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
	if s.db == s.root {
		// Committed: the transcript that follows (AppendTranscript) needs no look-up. Inside
		// a caller's transaction the row may still be rolled back, so nothing is kept.
		s.ids.put(row.Number, row.ID)
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

// insertTx is the transaction of insert. Its statements are ordered so that the rows
// every creation shares are held for as short a time as possible: the ticket goes in
// first under a provisional number (unique and never seen outside the transaction), then
// its first history entry; then the count row is bumped and the day's counter taken, and
// the ticket gets its number — so a creation holds the count row for three statements and
// the counter for two, commit included, whatever else the transaction did. Count rows
// are taken before the counter, in key order, like every transaction that bumps them.
//
// A retried escalation of a committed case fails on the case key's unique index and
// rolls back before taking a number; one racing an uncommitted creation of the same case
// waits on that index entry and fails the same way once the other commits. Either way no
// number is consumed, so the day's numbers stay gapless. No look-up before the insert:
// retries are rare, and it would cost every creation a round trip.
func (s *Store) insertTx(ctx context.Context, row *ticketRow) error {
	provisional, err := provisionalNumber()
	if err != nil {
		return err
	}
	return s.transaction(ctx, func(tx *gorm.DB) error {
		row.ID = 0 // set by a try that deadlocked
		row.Number = provisional
		if err := tx.Create(row).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return errExists
		} else if err != nil {
			return err
		}
		if err := tx.Create(&historyRow{TicketID: row.ID, ToStatus: row.Status, At: row.CreatedAt, Actor: systemActor}).Error; err != nil {
			return err
		}
		if err := s.bump(tx, map[countKey]int{{row.Status, row.PriorityRank}: 1}); err != nil {
			return err
		}
		number, err := s.nextNumber(tx, row.CreatedAt)
		if err != nil {
			return err
		}
		if err := tx.Model(&ticketRow{}).Where("id = ?", row.ID).Update("number", number).Error; err != nil {
			return err
		}
		row.Number = number
		return nil
	})
}

// provisionalNumber is a ticket's number until its transaction takes the real one: "~"
// and 20 random hex digits, which no real number looks like.
func provisionalNumber() (string, error) {
	var b [10]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("provisional number: %w", err)
	}
	return "~" + hex.EncodeToString(b[:]), nil
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
	"steps_tried", "attachments", "rating", "comment", "created_at", "updated_at", "complaint",
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

// SetVisit books a visit window on the customer's ticket in a single UPDATE; see
// triage.Store. Booking the window the ticket already has is not an error.
func (s *Store) SetVisit(ctx context.Context, number, openID string, w triage.Window) error {
	res := s.conn(ctx).Model(&ticketRow{}).Where("number = ? AND open_id = ?", number, openID).
		Updates(map[string]any{"visit_start": dbTimePtr(w.Start), "visit_end": dbTimePtr(w.End), "visit_slot": w.Slot})
	if res.Error != nil {
		return wrap("set visit "+number, res.Error)
	}
	if res.RowsAffected > 0 {
		return nil
	}
	// MySQL counts changed rows: the same window again changes none.
	var n int64
	if err := s.conn(ctx).Model(&ticketRow{}).Where("number = ? AND open_id = ?", number, openID).Count(&n).Error; err != nil {
		return wrap("set visit "+number, err)
	}
	if n == 0 {
		return wrap("set visit", notFound(number))
	}
	return nil
}
