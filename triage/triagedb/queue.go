package triagedb

import (
	"context"

	"gorm.io/gorm"

	"github.com/wxintake/intake/triage"
)

// ListOpen returns a page of the open tickets matching f in queue order — priority rank,
// first-response deadline, then creation order (the row id, which follows the numbers
// since a number is drawn in the transaction that inserts its row) — and how many match.
// A zero p.Limit means DefaultPageSize; at most MaxPageSize are returned.
func (s *Store) ListOpen(ctx context.Context, f triage.Filter, p triage.Page) ([]triage.Ticket, int, error) {
	limit, offset := pageBounds(p)
	var rows []ticketRow
	err := queueQuery(s.conn(ctx), f).Limit(limit).Offset(offset).Find(&rows).Error
	if err != nil {
		return nil, 0, wrap("list open", err)
	}
	var total int64
	if countable(f) {
		total, err = countOpen(s.conn(ctx), f)
	} else {
		err = openFilter(s.conn(ctx).Model(&ticketRow{}), f).Count(&total).Error
	}
	if err != nil {
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
	if f.Complaint {
		db = db.Where("complaint = ?", true)
	}
	return db
}

// ListRepaired returns a customer's completed or closed tickets of one category, newest
// first, at most limit of them. It reads the customer's index (open_id) and keeps the rows
// of the category and statuses, so a customer with many open or other tickets costs no
// decoding of them.
func (s *Store) ListRepaired(ctx context.Context, openID, category string, limit int) ([]triage.Ticket, error) {
	var rows []ticketRow
	err := s.conn(ctx).Where("open_id = ? AND category = ? AND status IN ?", openID, category,
		[]string{string(triage.StatusCompleted), string(triage.StatusClosed)}).
		Order("created_at DESC, id DESC").Limit(clampLimit(limit)).Find(&rows).Error
	if err != nil {
		return nil, wrap("list repaired", err)
	}
	tickets, err := toDomainTickets(rows)
	return tickets, wrap("list repaired", err)
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
