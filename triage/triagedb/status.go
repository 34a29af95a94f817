package triagedb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/triage"
)

// historyRow is a row of ticket_history: one status change of a ticket. A creation writes
// the first one, from "" to the initial status.
type historyRow struct {
	ID         uint64     `gorm:"primaryKey;autoIncrement"`
	TicketID   uint64     `gorm:"not null;index:idx_ticket_history_ticket"`
	Ticket     *ticketRow `gorm:"foreignKey:TicketID;constraint:OnDelete:CASCADE"`
	FromStatus string     `gorm:"size:16;not null"`
	ToStatus   string     `gorm:"size:16;not null"`
	At         time.Time  `gorm:"precision:6;not null"`
	Actor      string     `gorm:"size:64;not null"` // StatusChange.By
	Note       string     `gorm:"type:text;not null"`
}

// TableName is the table of status changes.
func (historyRow) TableName() string { return "ticket_history" }

func toDBHistory(ticketID uint64, ch triage.StatusChange) historyRow {
	return historyRow{TicketID: ticketID, FromStatus: string(ch.From), ToStatus: string(ch.To),
		At: dbTime(ch.At), Actor: ch.By, Note: ch.Note}
}

func toDomainHistory(r historyRow) triage.StatusChange {
	return triage.StatusChange{From: triage.Status(r.FromStatus), To: triage.Status(r.ToStatus),
		At: r.At.UTC(), By: r.Actor, Note: r.Note}
}

// UpdateStatus moves the ticket from ch.From to ch.To and appends ch to its history in
// one transaction; see triage.Store. The move is a compare-and-set under the ticket's row
// lock: of two staff members moving the same ticket one wins and the other, once the lock
// is its, finds the ticket no longer in ch.From and gets triage.ErrConflict.
func (s *Store) UpdateStatus(ctx context.Context, number string, ch triage.StatusChange) (triage.Ticket, error) {
	if err := triage.Transition(ch.From, ch.To); err != nil {
		return triage.Ticket{}, err
	}
	if ch.At.IsZero() {
		return triage.Ticket{}, errors.New("triagedb: update status: the change has no time")
	}
	var out triage.Ticket
	err := s.transaction(ctx, func(tx *gorm.DB) error {
		// Lock the ticket's row first, by its unique number (a record lock, no gap), then
		// compare and write by primary key. Every mover of one ticket queues on that one
		// lock and takes nothing before it, so concurrent moves cannot deadlock; a WHERE on
		// status could be served through the status index, whose next-key locks did.
		var row ticketRow
		err := forUpdate(tx, s.mysql).Where("number = ?", number).Take(&row).Error
		if errNotFound(err) {
			return notFound(number)
		}
		if err != nil {
			return err
		}
		if row.Status != string(ch.From) {
			return fmt.Errorf("%w: ticket %s is %s, not %s", triage.ErrConflict, number, row.Status, ch.From)
		}
		row.Status, row.IsOpen, row.UpdatedAt = string(ch.To), ch.To.Open(), dbTime(ch.At)
		err = tx.Model(&ticketRow{}).Where("id = ?", row.ID).
			Updates(map[string]any{"status": row.Status, "is_open": row.IsOpen, "updated_at": row.UpdatedAt}).Error
		if err != nil {
			return err
		}
		if err := tx.Create(ptr(toDBHistory(row.ID, ch))).Error; err != nil {
			return err
		}
		if out, err = toDomainTicket(row); err != nil {
			return err
		}
		return s.bump(tx, move(countKey{string(ch.From), row.PriorityRank}, countKey{string(ch.To), row.PriorityRank}))
	})
	if err != nil {
		return triage.Ticket{}, wrap("update status", err)
	}
	return out, nil
}

// History returns the ticket's status changes, oldest first, or triage.ErrNotFound.
func (s *Store) History(ctx context.Context, number string) ([]triage.StatusChange, error) {
	var rows []historyRow
	err := s.conn(ctx).Joins("JOIN tickets ON tickets.id = ticket_history.ticket_id").
		Where("tickets.number = ?", number).Order("ticket_history.id").Find(&rows).Error
	if err != nil {
		return nil, wrap("history", err)
	}
	if len(rows) == 0 { // every ticket has its creation entry
		return nil, wrap("history", notFound(number))
	}
	out := make([]triage.StatusChange, len(rows))
	for i, r := range rows {
		out[i] = toDomainHistory(r)
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }
