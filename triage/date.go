package triage

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date with no time zone: the purchase date a customer gives, or a holiday
// in a calendar. Day 0 means the customer named only the month ("2024年5月"); Month and Day
// 0 mean they named only the year ("2024年", "前年"); the zero Date means the date is unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// MonthOnly reports whether only the year and month are known.
func (d Date) MonthOnly() bool { return d.Year != 0 && d.Month != 0 && d.Day == 0 }

// YearOnly reports whether only the year is known.
func (d Date) YearOnly() bool { return d.Year != 0 && d.Month == 0 && d.Day == 0 }

// Partial reports whether d is known to the month or the year only: a range of days.
func (d Date) Partial() bool { return d.MonthOnly() || d.YearOnly() }

// Valid reports whether d names a real day, a real month when MonthOnly, or a year when
// YearOnly.
func (d Date) Valid() bool {
	if d.YearOnly() {
		return d.Year >= 1 && d.Year <= 9999
	}
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December {
		return false
	}
	return d.Day >= 0 && d.Day <= daysIn(d.Year, d.Month)
}

// First returns the first day d can mean: d itself, the 1st of its month when MonthOnly,
// or 1 January when YearOnly.
func (d Date) First() Date {
	if d.YearOnly() {
		return Date{d.Year, time.January, 1}
	}
	if d.MonthOnly() {
		d.Day = 1
	}
	return d
}

// Last returns the last day d can mean: d itself, or the last day of its month when
// MonthOnly, or 31 December when YearOnly.
func (d Date) Last() Date {
	if d.YearOnly() {
		return Date{d.Year, time.December, 31}
	}
	if d.MonthOnly() {
		d.Day = daysIn(d.Year, d.Month)
	}
	return d
}

// AddDays returns the day n days after d (before it when n < 0). d must be a full date.
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	default:
		return cmpInt(d.Day, o.Day)
	}
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Weekday returns the day of the week of a full date.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// At returns the instant of the clock time hour:min on day d in loc.
func (d Date) At(hour, min int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, min, 0, 0, loc)
}

// String formats d as "2025-06-10", "2025-06" when MonthOnly, "2025" when YearOnly, or ""
// when unknown.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.YearOnly():
		return fmt.Sprintf("%04d", d.Year)
	case d.MonthOnly():
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
}

// MarshalText encodes d as String does, so dates read well in JSON and YAML.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes any form ParseDate accepts; empty text is the unknown date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads "2025-06-10", "2025/6/10", "2025.06.10", "2025年6月10日", or a month
// alone: "2025-06", "2025年6月", or a year alone: "2025", "2025年". Empty text is the
// unknown (zero) date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	norm := strings.NewReplacer("年", "-", "月", "-", "日", "", "号", "", "/", "-", ".", "-").Replace(s)
	parts := strings.Split(strings.TrimSuffix(norm, "-"), "-")
	if len(parts) < 1 || len(parts) > 3 || len(parts) == 1 && len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("triage: date %q: want year-month-day, year-month or year", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("triage: date %q: %q is not a number", s, p)
		}
		n[i] = v
	}
	d := Date{n[0], time.Month(n[1]), n[2]}
	if len(parts) == 3 && d.Day == 0 || len(parts) >= 2 && d.Month == 0 || !d.Valid() {
		return Date{}, fmt.Errorf("triage: date %q does not exist", s)
	}
	return d, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// DaysSince returns how many days d is after o (negative when before). Both must be full
// dates.
func (d Date) DaysSince(o Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	b := time.Date(o.Year, o.Month, o.Day, 12, 0, 0, 0, time.UTC)
	return int(a.Sub(b).Hours()) / 24
}
