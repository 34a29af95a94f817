package triagedb

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/wxintake/intake/triage"
)

// noDeadline stands for a missing first-response deadline in the due_at column, so that
// tickets without one sort after every ticket with one.
var noDeadline = time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)

// ticketRow is a row of the tickets table. The queue and filter fields are columns with
// indexes; the intake record and the triage result are JSON documents (see record.go).
//
// The queue index (is_open, priority_rank, due_at, id) serves the staff queue: open
// tickets, urgent first, earliest deadline first, oldest first. The filter indexes put
// their column in front of the same order, so a filtered queue is still read in order.
type ticketRow struct {
	ID      uint64 `gorm:"primaryKey;autoIncrement;index:idx_tickets_queue,priority:4"`
	Number  string `gorm:"size:32;not null;uniqueIndex:uq_tickets_number"`
	CaseKey string `gorm:"size:128;not null;uniqueIndex:uq_tickets_case_key"`
	OpenID  string `gorm:"column:open_id;size:64;not null;index:idx_tickets_openid,priority:1"`
	Status  string `gorm:"size:16;not null;index:idx_tickets_status,priority:1"`
	// IsOpen is Status.Open(), kept as a column so the queue is one index range.
	IsOpen bool `gorm:"not null;index:idx_tickets_queue,priority:1;index:idx_tickets_assignee,priority:2;index:idx_tickets_group,priority:2;index:idx_tickets_category,priority:2;index:idx_tickets_complaint,priority:2"`

	Priority     string `gorm:"size:16;not null"`
	PriorityRank int8   `gorm:"not null;index:idx_tickets_queue,priority:2;index:idx_tickets_assignee,priority:3;index:idx_tickets_group,priority:3;index:idx_tickets_category,priority:3;index:idx_tickets_status,priority:2;index:idx_tickets_complaint,priority:3"`
	// DueAt is Result.SLA.FirstResponseBy, or noDeadline.
	DueAt time.Time `gorm:"precision:6;not null;index:idx_tickets_queue,priority:3;index:idx_tickets_assignee,priority:4;index:idx_tickets_group,priority:4;index:idx_tickets_category,priority:4;index:idx_tickets_status,priority:3;index:idx_tickets_complaint,priority:4"`
	// DiagnosisDueAt is Result.SLA.DiagnosisBy; NULL when none.
	DiagnosisDueAt *time.Time `gorm:"precision:6"`

	Category  string `gorm:"size:64;not null;index:idx_tickets_category,priority:1"`
	RuleID    string `gorm:"size:128;not null"`
	Assignee  string `gorm:"size:64;not null;index:idx_tickets_assignee,priority:1"`
	GroupName string `gorm:"size:64;not null;index:idx_tickets_group,priority:1"`
	// Complaint is Ticket.Complaint: the complaint filter's column, in front of the queue
	// order. Added by migration 0010_ticket_complaint.
	Complaint bool `gorm:"not null;default:false;index:idx_tickets_complaint,priority:1"`

	VisitStart *time.Time `gorm:"precision:6"`
	VisitEnd   *time.Time `gorm:"precision:6"`
	VisitSlot  string     `gorm:"size:32;not null"`

	// The documents are LONGTEXT, not JSON: MariaDB reports a JSON column as longtext,
	// and the row struct would never match the migrated schema (TestRowsMatchSchema).
	// The store writes them with encoding/json, so they are always valid.
	Record      string `gorm:"type:longtext;not null"` // recordJSON
	Result      string `gorm:"type:longtext;not null"` // resultJSON
	StepsTried  string `gorm:"type:longtext;not null"` // ["step-id", …]
	Attachments string `gorm:"type:longtext;not null"` // ["media-id", …]

	Rating  int8   `gorm:"not null"`
	Comment string `gorm:"type:text;not null"`

	CreatedAt time.Time `gorm:"precision:6;not null;index:idx_tickets_openid,priority:2;autoCreateTime:false"`
	UpdatedAt time.Time `gorm:"precision:6;not null;autoUpdateTime:false"`
}

// TableName is the table of tickets.
func (ticketRow) TableName() string { return "tickets" }

// toDBTicket converts a ticket to its row. Times become UTC to the microsecond, as both
// databases keep them.
func toDBTicket(t triage.Ticket) (ticketRow, error) {
	record, err := json.Marshal(toRecordJSON(t.Record))
	if err != nil {
		return ticketRow{}, fmt.Errorf("encode record: %w", err)
	}
	result, err := json.Marshal(toResultJSON(t.Result))
	if err != nil {
		return ticketRow{}, fmt.Errorf("encode result: %w", err)
	}
	steps, err := json.Marshal(nonNil(t.StepsTried))
	if err != nil {
		return ticketRow{}, fmt.Errorf("encode steps: %w", err)
	}
	media, err := json.Marshal(nonNil(t.Attachments))
	if err != nil {
		return ticketRow{}, fmt.Errorf("encode attachments: %w", err)
	}
	due := noDeadline
	if by := t.Result.SLA.FirstResponseBy; !by.IsZero() {
		due = dbTime(by)
	}
	return ticketRow{
		Number:         t.Number,
		CaseKey:        t.CaseKey,
		OpenID:         t.OpenID,
		Status:         string(t.Status),
		IsOpen:         t.Status.Open(),
		Priority:       string(t.Priority),
		PriorityRank:   int8(t.Priority.Rank()),
		DueAt:          due,
		DiagnosisDueAt: dbTimePtr(t.Result.SLA.DiagnosisBy),
		Category:       t.Category,
		RuleID:         t.RuleID,
		Assignee:       t.Assignee,
		GroupName:      t.Group,
		Complaint:      t.Complaint,
		VisitStart:     dbTimePtr(t.VisitWindow.Start),
		VisitEnd:       dbTimePtr(t.VisitWindow.End),
		VisitSlot:      t.VisitWindow.Slot,
		Record:         string(record),
		Result:         string(result),
		StepsTried:     string(steps),
		Attachments:    string(media),
		Rating:         int8(t.Rating),
		Comment:        t.Comment,
		CreatedAt:      dbTime(t.CreatedAt),
		UpdatedAt:      dbTime(t.UpdatedAt),
	}, nil
}

// toDomainTicket converts a row back to the ticket it stores.
func toDomainTicket(r ticketRow) (triage.Ticket, error) {
	var (
		record recordJSON
		result resultJSON
		steps  []string
		media  []string
	)
	for _, doc := range []struct {
		name, text string
		into       any
	}{
		{"record", r.Record, &record},
		{"result", r.Result, &result},
		{"steps", r.StepsTried, &steps},
		{"attachments", r.Attachments, &media},
	} {
		if err := json.Unmarshal([]byte(doc.text), doc.into); err != nil {
			return triage.Ticket{}, fmt.Errorf("ticket %s: decode %s: %w", r.Number, doc.name, err)
		}
	}
	return triage.Ticket{
		Number:      r.Number,
		CaseKey:     r.CaseKey,
		OpenID:      r.OpenID,
		Status:      triage.Status(r.Status),
		Priority:    triage.Priority(r.Priority),
		Category:    r.Category,
		Record:      record.toDomain(),
		RuleID:      r.RuleID,
		StepsTried:  emptyToNil(steps),
		Attachments: emptyToNil(media),
		Result:      result.toDomain(),
		Assignee:    r.Assignee,
		Group:       r.GroupName,
		Complaint:   r.Complaint,
		VisitWindow: triage.Window{Start: fromTimePtr(r.VisitStart), End: fromTimePtr(r.VisitEnd), Slot: r.VisitSlot},
		CreatedAt:   r.CreatedAt.UTC(),
		UpdatedAt:   r.UpdatedAt.UTC(),
		Rating:      int(r.Rating),
		Comment:     r.Comment,
	}, nil
}

// toDomainTickets converts rows in order.
func toDomainTickets(rows []ticketRow) ([]triage.Ticket, error) {
	out := make([]triage.Ticket, 0, len(rows))
	for _, r := range rows {
		t, err := toDomainTicket(r)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// nonNil stores a missing list as [], not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// emptyToNil reads an empty list back as nil, as tickets are built.
func emptyToNil(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
