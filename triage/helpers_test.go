package triage

import (
	"testing"
	"time"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at parses "2006-01-02 15:04" in Beijing time.
func at(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// day parses a date or month; "" is the unknown date.
func day(tb testing.TB, s string) Date {
	tb.Helper()
	d, err := ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// china returns the default 2026 calendar, with changes applied to its configuration.
func china(tb testing.TB, changes ...func(*CalendarConfig)) *Calendar {
	tb.Helper()
	cfg := China2026()
	for _, f := range changes {
		f(&cfg)
	}
	cal, err := NewCalendar(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return cal
}

// stamp formats an instant as at parses it, in Beijing time; "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(shanghai).Format("2006-01-02 15:04")
}
