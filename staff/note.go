package staff

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Note is an internal remark staff write on a ticket ("客户下午不在家，改约明天"). Notes are
// read by staff with PermReadCustomerPII only and are never sent to the customer; they
// live apart from the transcript, which is the conversation with the customer.
type Note struct {
	ID     uint64
	Ticket string // the ticket number
	Author string // username
	Text   string
	At     time.Time
}

// MaxNote is the longest note, in characters.
const MaxNote = 2000

// CheckNoteText reports whether a note's text is acceptable: not blank, at most MaxNote
// characters.
func CheckNoteText(s string) error {
	if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > MaxNote {
		return &FieldError{Field: "text", Key: "staff.invalid.note", KV: []any{"max", MaxNote}}
	}
	return nil
}

// Notes keeps the internal notes of tickets.
type Notes interface {
	// AddNote stores n and returns it with its ID.
	AddNote(ctx context.Context, n Note) (Note, error)
	// Notes returns a ticket's notes, oldest first.
	Notes(ctx context.Context, ticket string) ([]Note, error)
}
