package bot

import (
	"fmt"
	"time"
)

// Date is a calendar date known to a precision: Day is 0 when only the year and month are
// known, Month is 0 when only the year is. The zero Date means unknown.
type Date struct {
	Year  int `json:"y,omitempty"`
	Month int `json:"m,omitempty"`
	Day   int `json:"d,omitempty"`
}

// DatePrecision says how much of a Date is known.
type DatePrecision int8

// The precisions of a Date.
const (
	PrecisionNone  DatePrecision = iota // the zero Date
	PrecisionYear                       // 2023
	PrecisionMonth                      // 2023-06
	PrecisionDay                        // 2023-06-15
)

// DateOf returns the day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, int(m), d}
}

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision says how much of d is known.
func (d Date) Precision() DatePrecision {
	switch {
	case d.Year == 0:
		return PrecisionNone
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// String formats d as far as it is known: "2024-05-01", "2024-05", "2024", or "".
func (d Date) String() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Start returns the first instant of the period d names, in loc: the day, the first of the
// month, or the first of January. The zero Date gives the zero time.
func (d Date) Start(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, loc)
}

// after reports whether the period d names begins after the day today.
func (d Date) after(today Date) bool {
	switch {
	case d.Year != today.Year:
		return d.Year > today.Year
	case max(d.Month, 1) != today.Month:
		return max(d.Month, 1) > today.Month
	}
	return max(d.Day, 1) > today.Day
}

// truncate drops what is finer than p.
func (d Date) truncate(p DatePrecision) Date {
	switch p {
	case PrecisionYear:
		return Date{Year: d.Year}
	case PrecisionMonth:
		return Date{Year: d.Year, Month: d.Month}
	case PrecisionNone:
		return Date{}
	}
	return d
}

// monthsDaysBack returns the day months and days before today, at precision p.
func monthsDaysBack(today Date, months, days int, p DatePrecision) Date {
	t := time.Date(today.Year, time.Month(today.Month), today.Day, 12, 0, 0, 0, time.UTC)
	if months != 0 {
		// Go normalises 31 March minus one month to 3 March; step back to the month's end instead.
		first := time.Date(today.Year, time.Month(today.Month)-time.Month(months), 1, 12, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		t = time.Date(first.Year(), first.Month(), min(today.Day, last), 12, 0, 0, 0, time.UTC)
	}
	return DateOf(t.AddDate(0, 0, -days)).truncate(p)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

const (
	roleEither   dateRole = iota // decided by the words around it
	rolePurchase                 // "刚买", "买了两年"
	roleStarted                  // "刚才", "一直"
	roleNeither                  // "上个月刚过保": about something else
	// roleDelivered: the day the product reached the customer ("礼拜一刚送到", "12月2号收到的"),
	// from which the 三包 periods count; the purchase date too when no other is told.
	roleDelivered
)
