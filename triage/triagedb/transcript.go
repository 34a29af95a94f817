package triagedb

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/triage"
)

// transcriptRow is a row of ticket_transcript: one message of the conversation kept with
// a ticket. Rows read back in id order, the order they were appended.
type transcriptRow struct {
	ID       uint64     `gorm:"primaryKey;autoIncrement"`
	TicketID uint64     `gorm:"not null;index:idx_ticket_transcript_ticket"`
	Ticket   *ticketRow `gorm:"foreignKey:TicketID;constraint:OnDelete:CASCADE"`
	At       time.Time  `gorm:"precision:6;not null"`
	Role     string     `gorm:"size:16;not null"`
	Text     string     `gorm:"type:text;not null"`
}

// TableName is the table of transcript messages.
func (transcriptRow) TableName() string { return "ticket_transcript" }

func toDBTranscript(ticketID uint64, e triage.TranscriptEntry) transcriptRow {
	return transcriptRow{TicketID: ticketID, At: dbTime(e.At), Role: string(e.Role), Text: e.Text}
}

func toDomainTranscript(r transcriptRow) triage.TranscriptEntry {
	return triage.TranscriptEntry{At: r.At.UTC(), Role: triage.Role(r.Role), Text: r.Text}
}

// AppendTranscript adds entries to the ticket's transcript, in the given order, in one
// multi-row insert; see triage.Store.
func (s *Store) AppendTranscript(ctx context.Context, number string, entries ...triage.TranscriptEntry) error {
	err := s.transaction(ctx, func(tx *gorm.DB) error {
		id, err := ticketID(tx, number)
		if err != nil || len(entries) == 0 {
			return err
		}
		rows := make([]transcriptRow, len(entries))
		for i, e := range entries {
			rows[i] = toDBTranscript(id, e)
		}
		return tx.CreateInBatches(rows, 500).Error
	})
	return wrap("append transcript", err)
}

// Transcript returns the ticket's transcript in the order it was appended, or
// triage.ErrNotFound.
func (s *Store) Transcript(ctx context.Context, number string) ([]triage.TranscriptEntry, error) {
	db := s.conn(ctx)
	id, err := ticketID(db, number)
	if err != nil {
		return nil, wrap("transcript", err)
	}
	var rows []transcriptRow
	if err := db.Where("ticket_id = ?", id).Order("id").Find(&rows).Error; err != nil {
		return nil, wrap("transcript", err)
	}
	out := make([]triage.TranscriptEntry, len(rows))
	for i, r := range rows {
		out[i] = toDomainTranscript(r)
	}
	return out, nil
}
