package canned

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

// Limits of a reply, in characters.
const (
	MaxTitle = 40
	MaxText  = 600 // a staff reply to the customer is at most this long too
)

// labelRunes is how much of the text Label shows for a reply without a title.
const labelRunes = 20

// ErrNotFound is returned for an unknown reply id; match it with errors.Is.
var ErrNotFound = errs.Sentinel(errs.NotFound, "canned_not_found", "console.canned.error.not_found", "canned: no such reply")

// Reply is one canned reply.
type Reply struct {
	ID        uint64
	Title     string // optional, e.g. "预约上门"
	Text      string // what is inserted into the reply box
	CreatedBy string // username
	UpdatedBy string // username
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Label is what the picker shows: the title, or the start of the text.
func (r Reply) Label() string {
	if r.Title != "" {
		return r.Title
	}
	text := strings.Join(strings.Fields(r.Text), " ")
	if utf8.RuneCountInString(text) <= labelRunes {
		return text
	}
	return string([]rune(text)[:labelRunes]) + "…"
}

// Normalize trims the title and the text's surrounding white space.
func (r Reply) Normalize() Reply {
	r.Title = strings.TrimSpace(r.Title)
	r.Text = strings.TrimSpace(r.Text)
	return r
}

// Check reports whether a (normalised) reply may be stored: a title of at most MaxTitle
// characters on one line, and a text of 1 to MaxText characters.
func (r Reply) Check() error {
	if utf8.RuneCountInString(r.Title) > MaxTitle || strings.IndexFunc(r.Title, unicode.IsControl) >= 0 {
		return &staff.FieldError{Field: "title", Key: "console.canned.invalid.title", KV: []any{"max", MaxTitle}}
	}
	if strings.TrimSpace(r.Text) == "" || utf8.RuneCountInString(r.Text) > MaxText {
		return &staff.FieldError{Field: "text", Key: "console.canned.invalid.text", KV: []any{"max", MaxText}}
	}
	return nil
}
