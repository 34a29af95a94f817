package triage

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FormatNumber returns the ticket number of the seq-th ticket (from 1) opened on day's date:
// prefix, the date, a hyphen and seq with at least four digits, "RS20261122-0001"; the
// sequence grows past 9999 ("RS20261122-10000"). day must already be in the service's
// location, since the date is read in day's own.
func FormatNumber(prefix string, day time.Time, seq int) string {
	return fmt.Sprintf("%s%s-%04d", prefix, day.Format("20060102"), seq)
}

// ParseNumber splits a ticket number made by FormatNumber into its prefix (one or more
// ASCII letters), date and sequence. It accepts only the canonical form: a real date, a
// sequence of at least four digits from 1 with no padding beyond four digits. Surrounding
// space is ignored and the prefix is upper-cased, since customers type numbers.
func ParseNumber(s string) (prefix string, day Date, seq int, err error) {
	bad := func(why string) (string, Date, int, error) {
		return "", Date{}, 0, fmt.Errorf("triage: ticket number %q: %s", s, why)
	}
	body, seqText, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "-")
	if !ok || len(body) < 9 {
		return bad("want a prefix, a date and a sequence like RS20261122-0001")
	}
	prefix, dateText := body[:len(body)-8], body[len(body)-8:]
	for _, r := range prefix {
		if r < 'A' || r > 'Z' {
			return bad("the prefix must be letters")
		}
	}
	t, err := time.Parse("20060102", dateText)
	if err != nil {
		return bad("no such date")
	}
	if len(seqText) < 4 || len(seqText) > 4 && seqText[0] == '0' || strings.TrimLeft(seqText, "0123456789") != "" {
		return bad("the sequence must be four or more digits")
	}
	if seq, err = strconv.Atoi(seqText); err != nil || seq < 1 {
		return bad("the sequence must be a number from 1")
	}
	return prefix, DateOf(t), seq, nil
}
