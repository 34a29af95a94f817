package triagedb

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Dashboard is the staff dashboard's figures, all read from the tickets and their status
// history.
type Dashboard struct {
	NewToday    int // tickets created since the start of today
	OpenNow     int // tickets open now
	BreachedNow int // open tickets whose first-response deadline has passed
	// ComplaintsOpen are the open tickets flagged as complaint risks (Ticket.Complaint).
	ComplaintsOpen int

	// Over the period:
	Tickets    int          // tickets created
	Complaints int          // of them, complaint risks
	Faults     []FaultCount // by category, model and rule, most frequent first, at most topFaults
	// SLA compliance: WithDue tickets had a first-response deadline that is decided — met
	// by a status change, or passed at now; MetDue of them had their first status change
	// at or before it.
	WithDue, MetDue int
	// MedianFirstResponse is the median time from creation to the first status change, over
	// the Responded tickets that had one.
	Responded           int
	MedianFirstResponse time.Duration
	// Satisfaction: Rated tickets carry a rating; AverageRating is their mean.
	Rated         int
	AverageRating float64
}

// CountBreached returns how many open tickets had their first-response deadline pass
// before now: the dashboard's BreachedNow, and the intake_tickets_breached gauge. Tickets
// without a deadline (noDeadline) never count. It reads the queue index (is_open first,
// due_at among its columns) without touching the rows.
func (s *Store) CountBreached(ctx context.Context, now time.Time) (int, error) {
	var n int64
	if err := s.conn(ctx).Model(&ticketRow{}).Where("is_open = ? AND due_at < ?", true, dbTime(now)).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count breached tickets: %w", err)
	}
	return int(n), nil
}

// FaultCount is how many tickets of the period share a category, model and rule.
// CategoryName is the category's name as one of them recorded it.
type FaultCount struct {
	Category, Model, RuleID string
	CategoryName            string
	Count                   int
}

// topFaults is how many fault groups the dashboard lists.
const topFaults = 10

// Dashboard computes the dashboard: the counts of today (since dayStart) and now, and the
// period's figures over tickets created in [from, to).
func (s *Store) Dashboard(ctx context.Context, dayStart, from, to, now time.Time) (d Dashboard, err error) {
	db := s.conn(ctx)
	var n int64
	if err := db.Model(&ticketRow{}).Where("created_at >= ?", dbTime(dayStart)).Count(&n).Error; err != nil {
		return d, fmt.Errorf("count new tickets: %w", err)
	}
	d.NewToday = int(n)
	if err := db.Model(&ticketRow{}).Where("is_open = ?", true).Count(&n).Error; err != nil {
		return d, fmt.Errorf("count open tickets: %w", err)
	}
	d.OpenNow = int(n)
	if err := db.Model(&ticketRow{}).Where("complaint = ? AND is_open = ?", true, true).Count(&n).Error; err != nil {
		return d, fmt.Errorf("count open complaints: %w", err)
	}
	d.ComplaintsOpen = int(n)
	if d.BreachedNow, err = s.CountBreached(ctx, now); err != nil {
		return d, err
	}

	var rows []ticketRow
	if err := db.Select("id", "category", "rule_id", "record", "due_at", "rating", "complaint", "created_at").
		Where("created_at >= ? AND created_at < ?", dbTime(from), dbTime(to)).Find(&rows).Error; err != nil {
		return d, fmt.Errorf("read period tickets: %w", err)
	}
	d.Tickets = len(rows)
	if len(rows) == 0 {
		return d, nil
	}
	ids := make([]uint64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	// The first change of each ticket: its oldest history row after the creation's.
	var changes []historyRow
	if err := db.Select("ticket_id", "at").Where("ticket_id IN ? AND from_status <> ?", ids, "").
		Order("at, id").Find(&changes).Error; err != nil {
		return d, fmt.Errorf("read ticket history: %w", err)
	}
	first := make(map[uint64]time.Time, len(changes))
	for _, ch := range changes {
		if _, ok := first[ch.TicketID]; !ok {
			first[ch.TicketID] = ch.At
		}
	}

	groups := map[FaultCount]int{}
	names := map[string]string{}
	var waits []time.Duration
	ratings := 0
	for _, r := range rows {
		var rec recordJSON
		if err := json.Unmarshal([]byte(r.Record), &rec); err != nil {
			return d, fmt.Errorf("decode record of ticket %d: %w", r.ID, err)
		}
		rc := rec.toDomain().Case
		groups[FaultCount{Category: r.Category, Model: rc.Model, RuleID: r.RuleID}]++
		if rc.CategoryName != "" {
			names[r.Category] = rc.CategoryName
		}
		at, changed := first[r.ID]
		if changed {
			waits = append(waits, at.Sub(r.CreatedAt))
		}
		if r.DueAt.Before(noDeadline) && (changed || r.DueAt.Before(now)) {
			d.WithDue++
			if changed && !at.After(r.DueAt) {
				d.MetDue++
			}
		}
		if r.Complaint {
			d.Complaints++
		}
		if r.Rating > 0 {
			d.Rated++
			ratings += int(r.Rating)
		}
	}
	for g, n := range groups {
		g.Count, g.CategoryName = n, names[g.Category]
		d.Faults = append(d.Faults, g)
	}
	slices.SortFunc(d.Faults, func(a, b FaultCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if a.Category != b.Category {
			return cmp.Compare(a.Category, b.Category)
		}
		if a.Model != b.Model {
			return cmp.Compare(a.Model, b.Model)
		}
		return cmp.Compare(a.RuleID, b.RuleID)
	})
	d.Faults = d.Faults[:min(len(d.Faults), topFaults)]
	if d.Responded = len(waits); d.Responded > 0 {
		slices.Sort(waits)
		mid := len(waits) / 2
		d.MedianFirstResponse = waits[mid]
		if len(waits)%2 == 0 {
			d.MedianFirstResponse = (waits[mid-1] + waits[mid]) / 2
		}
	}
	if d.Rated > 0 {
		d.AverageRating = float64(ratings) / float64(d.Rated)
	}
	return d, nil
}
