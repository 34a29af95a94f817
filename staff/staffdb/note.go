package staffdb

import (
	"context"
	"time"

	"github.com/wxintake/intake/staff"
)

// noteRow is a row of staff_notes.
type noteRow struct {
	ID     uint64    `gorm:"primaryKey;autoIncrement"`
	Ticket string    `gorm:"size:32;not null;index:idx_staff_notes_ticket"`
	Author string    `gorm:"size:32;not null"`
	Text   string    `gorm:"type:text;not null"`
	At     time.Time `gorm:"precision:6;not null"`
}

// TableName is the table of internal notes.
func (noteRow) TableName() string { return "staff_notes" }

func toDomainNote(r noteRow) staff.Note {
	return staff.Note{ID: r.ID, Ticket: r.Ticket, Author: r.Author, Text: r.Text, At: r.At.UTC()}
}

// AddNote stores a note; see staff.Notes. The text is validated first.
func (s *Store) AddNote(ctx context.Context, n staff.Note) (staff.Note, error) {
	if err := staff.CheckNoteText(n.Text); err != nil {
		return staff.Note{}, wrap("add note", err)
	}
	row := noteRow{Ticket: n.Ticket, Author: n.Author, Text: n.Text, At: dbTime(n.At)}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return staff.Note{}, wrap("add note", err)
	}
	return toDomainNote(row), nil
}

// Notes returns a ticket's notes, oldest first.
func (s *Store) Notes(ctx context.Context, ticket string) ([]staff.Note, error) {
	var rows []noteRow
	if err := s.conn(ctx).Where("ticket = ?", ticket).Order("id").Find(&rows).Error; err != nil {
		return nil, wrap("notes", err)
	}
	out := make([]staff.Note, len(rows))
	for i, r := range rows {
		out[i] = toDomainNote(r)
	}
	return out, nil
}
