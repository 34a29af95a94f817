package triage

import (
	"fmt"
	"time"
)

// SLATargets are the response targets a Calendar carries.
type SLATargets struct {
	FirstResponseDays int           // online first response, in working days
	DiagnosisDays     int           // diagnosis and policy check, in working days
	UrgentWithin      time.Duration // both, for urgent cases
	UrgentClock       bool          // a hazard's UrgentWithin counts clock time, not working hours
	ComplaintWithin   time.Duration // both, for a complaint risk, in clock time
	VisitLead         time.Duration // the earliest visit slot starts this long after now
}

// Calendar knows which hours are working hours: WorkStart to WorkEnd on working days, where
// a working day is a day that is neither weekend nor holiday, or is a make-up workday. It
// also carries the SLA targets counted on it. Build one with NewCalendar; it is immutable
// and safe for concurrent use.
type Calendar struct {
	loc            *time.Location
	startH, startM int // opening clock time
	endH, endM     int // closing clock time
	weekend        [7]bool
	holidays       map[Date]bool
	makeup         map[Date]bool
	statutory      bool         // StatutoryHolidays are days off too
	published      map[int]bool // the years whose adjustments are known
	targets        SLATargets
}

// WorkHours is the working day as customers read it: "9:00–18:00".
func (c *Calendar) WorkHours() string {
	return fmt.Sprintf("%d:%02d–%d:%02d", c.startH, c.startM, c.endH, c.endM)
}

// Location returns the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// Targets returns the SLA targets counted on the calendar.
func (c *Calendar) Targets() SLATargets { return c.targets }

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if c.makeup[d] {
		return true
	}
	return !c.weekend[d.Weekday()] && !c.holidays[d] && !(c.statutory && isStatutoryHoliday(d))
}

// Published reports whether year's adjustments (调休) are in the calendar.
func (c *Calendar) Published(year int) bool { return c.published[year] }

// MissingAdjustments returns the year whose published adjustments the calendar lacks and
// should have by now, or 0: the current year, or from 1 December the next. Without them
// that year counts only weekends and the statutory days, missing the extra days off and
// the make-up workdays. Only a calendar of statutory holidays asks for them.
func (c *Calendar) MissingAdjustments(now time.Time) int {
	if !c.statutory {
		return 0
	}
	today := DateOf(now.In(c.loc))
	switch {
	case !c.published[today.Year]:
		return today.Year
	case today.Month == time.December && !c.published[today.Year+1]:
		return today.Year + 1
	}
	return 0
}

// AddWorkingHours returns the instant when d of working time has passed after t. Counting
// starts at t if t is inside working hours, else at the next opening; a result that falls
// exactly on closing time stays there (Friday 09:00 + 9h is Friday 18:00, not Monday
// 09:00). d <= 0 returns where counting starts. The result is in the calendar's location.
func (c *Calendar) AddWorkingHours(t time.Time, d time.Duration) time.Time {
	t = c.nextWorking(t)
	for {
		closing := c.closing(DateOf(t))
		left := closing.Sub(t)
		if d <= left {
			if d < 0 {
				d = 0
			}
			return t.Add(d)
		}
		d -= left
		t = c.nextWorking(closing)
	}
}

// AddWorkingDays returns the deadline "within n working days" of t: n whole working days of
// working time after t. For t inside working hours that is the same clock time n working
// days later (Friday 15:00 + 1 is Monday 15:00, skipping weekend and holidays); for t
// outside working hours counting starts at the next opening, so the deadline is the close
// of the n-th working day (Saturday + 1 is Monday 18:00, the same working instant as Tuesday
// 09:00 but the earlier promise).
func (c *Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	return c.AddWorkingHours(t, time.Duration(n)*c.dayLength())
}

// nextWorking returns t (in the calendar's location) if it is inside working hours, else
// the next opening. Working hours include the opening instant and exclude the closing one.
func (c *Calendar) nextWorking(t time.Time) time.Time {
	t = t.In(c.loc)
	d := DateOf(t)
	for {
		if c.IsWorkingDay(d) {
			if open := c.opening(d); t.Before(open) {
				return open
			} else if t.Before(c.closing(d)) {
				return t
			}
		}
		d = d.AddDays(1)
		t = d.At(0, 0, c.loc)
	}
}

func (c *Calendar) opening(d Date) time.Time { return d.At(c.startH, c.startM, c.loc) }
func (c *Calendar) closing(d Date) time.Time { return d.At(c.endH, c.endM, c.loc) }

func (c *Calendar) dayLength() time.Duration {
	return time.Duration((c.endH-c.startH)*60+c.endM-c.startM) * time.Minute
}

// isHoliday reports whether d is a day off for a holiday (statutory, published or
// configured), not a make-up workday.
func (c *Calendar) isHoliday(d Date) bool {
	return !c.makeup[d] && (c.holidays[d] || c.statutory && isStatutoryHoliday(d))
}
