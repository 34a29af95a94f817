package triagedb

import (
	"context"
	"sync"
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
	Media    string     `gorm:"size:128;not null;default:''"` // a customer's photo: its media id
}

// TableName is the table of transcript messages.
func (transcriptRow) TableName() string { return "ticket_transcript" }

func toDBTranscript(ticketID uint64, e triage.TranscriptEntry) transcriptRow {
	return transcriptRow{TicketID: ticketID, At: dbTime(e.At), Role: string(e.Role), Text: e.Text, Media: e.Media}
}

func toDomainTranscript(r transcriptRow) triage.TranscriptEntry {
	return triage.TranscriptEntry{At: r.At.UTC(), Role: triage.Role(r.Role), Text: r.Text, Media: r.Media}
}

// AppendTranscript adds entries to the ticket's transcript, in the given order; see
// triage.Store. It runs on every turn of a customer with a ticket, so it is one
// statement: a single multi-row insert (one per 500 rows, in a transaction, for longer
// copies), with the ticket's row id from the Store's cache after the first look-up.
func (s *Store) AppendTranscript(ctx context.Context, number string, entries ...triage.TranscriptEntry) error {
	id, err := s.cachedTicketID(ctx, number)
	if err != nil || len(entries) == 0 {
		return wrap("append transcript", err)
	}
	rows := make([]transcriptRow, len(entries))
	for i, e := range entries {
		rows[i] = toDBTranscript(id, e)
	}
	if len(rows) <= transcriptBatch {
		return wrap("append transcript", s.conn(ctx).Create(&rows).Error)
	}
	return wrap("append transcript", s.transaction(ctx, func(tx *gorm.DB) error {
		return tx.CreateInBatches(rows, transcriptBatch).Error
	}))
}

// transcriptBatch is the most rows one insert of AppendTranscript writes.
const transcriptBatch = 500

// cachedTicketID is ticketID through the Store's cache: a ticket's number and row id never
// change, and tickets are never deleted by the service.
func (s *Store) cachedTicketID(ctx context.Context, number string) (uint64, error) {
	if id, ok := s.ids.get(number); ok {
		return id, nil
	}
	id, err := ticketID(s.conn(ctx), number)
	if err == nil {
		s.ids.put(number, id)
	}
	return id, err
}

// idCache maps ticket numbers to row ids. It is bounded: when full it starts again empty,
// which costs the tickets still chatting one look-up each.
type idCache struct {
	mu  sync.RWMutex
	ids map[string]uint64
}

// idCacheSize bounds an idCache: ample for the tickets whose customers chat in an hour.
const idCacheSize = 50_000

func (c *idCache) get(number string) (uint64, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	id, ok := c.ids[number]
	return id, ok
}

func (c *idCache) put(number string, id uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids == nil || len(c.ids) >= idCacheSize {
		c.ids = make(map[string]uint64)
	}
	c.ids[number] = id
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
