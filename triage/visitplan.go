package triage

import (
	"slices"
	"time"
)

// VisitPolicy is when engineers can be booked: the Slots of every working day, and where
// the operator allows them, an Evening slot after work on those days and the Slots on
// weekend days (never on holidays). Days is how many days with at least one window are
// offered.
type VisitPolicy struct {
	Slots   []Slot
	Evening Slot // zero: no evening visits
	Weekend bool // weekend days (not holidays) offer Slots too
	Days    int
}

// VisitPlan is what a ticket is offered: windows in time order, the instant the promise
// says someone comes by, and whether no window starts by then.
type VisitPlan struct {
	Windows []Window
	By      time.Time // the promise; zero: none (windows are then just the earliest)
	// Late says no offered window starts by By: the customer is told so honestly and
	// offered the earliest, and staff see Reason on the ticket.
	Late   bool
	Reason Reason
}

// VisitDeadline is the instant by which the promise of r says someone comes: an urgent
// case's response deadline itself (a hazard promised by Saturday 02:00 is not offered
// Monday first), a routine one's promised date, to its end (a first response "by Monday
// 15:00" is a visit on Monday at the latest). A complaint's promise is the complaint
// officer's call-back, no visit: zero.
func VisitDeadline(r Result, cal *Calendar) time.Time {
	by := r.SLA.FirstResponseBy
	if by.IsZero() || r.Complaint {
		return time.Time{}
	}
	by = by.In(cal.loc)
	if r.Priority == PriorityUrgent {
		return by
	}
	return DateOf(by).AddDays(1).At(0, 0, cal.loc)
}

// PlanVisits offers the visit windows of p from now (plus the calendar's visit lead time),
// on the business calendar, measured against the promise by. Windows come in time order, so
// the first starts by the promise whenever any can; when none can, the plan is Late and the
// earliest windows are offered all the same.
func PlanVisits(now, by time.Time, cal *Calendar, p VisitPolicy) VisitPlan {
	plan := VisitPlan{Windows: visitWindows(now, cal, p), By: by}
	if by.IsZero() || len(plan.Windows) == 0 {
		return plan
	}
	if plan.Windows[0].Start.After(by) {
		plan.Late = true
		plan.Reason = because("triage.why.visit.late", "by", momentText(by.In(cal.loc)),
			"first", plan.Windows[0].Label())
	}
	return plan
}

// VisitWindows offers the visit windows of the next days working days: every slot of a
// working day (see Calendar.IsWorkingDay) that starts no earlier than from plus the
// calendar's visit lead time. Days are counted only when they offer at least one window, so
// a customer writing in the evening still sees days full choices. Windows come in time order,
// in the calendar's location; invalid slots are skipped (see CheckSlots).
func VisitWindows(from time.Time, cal *Calendar, slots []Slot, days int) []Window {
	return visitWindows(from, cal, VisitPolicy{Slots: slots, Days: days})
}

type clockSlot struct {
	label      string
	start, end int
}

func validSlots(slots []Slot) []clockSlot {
	var valid []clockSlot
	for _, s := range slots {
		if a, b, ok := s.clocks(); ok {
			valid = append(valid, clockSlot{s.Label, a, b})
		}
	}
	slices.SortStableFunc(valid, func(x, y clockSlot) int { return x.start - y.start })
	return valid
}

func visitWindows(from time.Time, cal *Calendar, p VisitPolicy) []Window {
	day := validSlots(p.Slots)
	evening := validSlots([]Slot{p.Evening})
	if (len(day) == 0 && len(evening) == 0) || p.Days <= 0 {
		return nil
	}
	from = from.In(cal.loc)
	earliest := from.Add(cal.targets.VisitLead)
	var out []Window
	// A year ahead at most: a calendar with every day a holiday offers nothing, not forever.
	for d, offered, n := DateOf(from), 0, 0; offered < p.Days && n < 366; d, n = d.AddDays(1), n+1 {
		var slots []clockSlot
		switch {
		case cal.IsWorkingDay(d):
			slots = append(append(slots, day...), evening...)
		case p.Weekend && cal.weekend[d.Weekday()] && !cal.isHoliday(d):
			slots = day
		}
		before := len(out)
		for _, s := range slots {
			start := d.At(s.start/60, s.start%60, cal.loc)
			if start.Before(earliest) {
				continue
			}
			out = append(out, Window{Start: start, End: d.At(s.end/60, s.end%60, cal.loc), Slot: s.label})
		}
		if len(out) > before {
			offered++
		}
	}
	return out
}

// ByText is the promise as the customer reads it: "11月28日（周六）2:30", or for a promised
// date (By at midnight) the day itself, "11月30日（周一）".
func (p VisitPlan) ByText() string {
	if p.By.Hour() == 0 && p.By.Minute() == 0 {
		return dayText(p.By.Add(-time.Minute))
	}
	return momentText(p.By)
}
