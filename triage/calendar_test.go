package triage

import (
	"strings"
	"testing"
	"time"
)

func TestChina2026WorkingDays(t *testing.T) {
	cal := china(t)
	tests := []struct {
		day     string
		working bool
	}{
		{"2025-12-31", true},  // Wednesday
		{"2026-01-01", false}, // 元旦
		{"2026-01-03", false}, // 元旦, Saturday
		{"2026-01-04", true},  // Sunday, make-up workday
		{"2026-01-10", false}, // ordinary Saturday
		{"2026-02-13", true},
		{"2026-02-14", true},  // Saturday, make-up for 春节
		{"2026-02-15", false}, // 春节 starts
		{"2026-02-23", false}, // 春节, Monday
		{"2026-02-24", true},
		{"2026-02-28", true}, // Saturday, make-up for 春节
		{"2026-03-01", false},
		{"2026-04-03", true},
		{"2026-04-06", false}, // 清明节, Monday
		{"2026-05-05", false}, // 劳动节, Tuesday
		{"2026-05-09", true},  // Saturday, make-up for 劳动节
		{"2026-06-19", false}, // 端午节, Friday
		{"2026-09-20", true},  // Sunday, make-up for 国庆节
		{"2026-09-25", false}, // 中秋节, Friday
		{"2026-10-07", false}, // 国庆节, Wednesday
		{"2026-10-08", true},
		{"2026-10-10", true}, // Saturday, make-up for 国庆节
		{"2026-11-24", true},
		{"2026-11-22", false},
	}
	for _, tt := range tests {
		if got := cal.IsWorkingDay(day(t, tt.day)); got != tt.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.day, got, tt.working)
		}
	}
}

func TestAddWorkingHours(t *testing.T) {
	cal := china(t)
	tests := []struct {
		from string
		d    time.Duration
		want string
	}{
		{"2026-11-23 10:00", 4 * time.Hour, "2026-11-23 14:00"},
		{"2026-11-23 16:00", 4 * time.Hour, "2026-11-24 11:00"}, // overnight
		{"2026-11-23 09:00", 9 * time.Hour, "2026-11-23 18:00"}, // ends on closing: stays there
		{"2026-11-20 16:00", 2 * time.Hour, "2026-11-20 18:00"},
		{"2026-11-20 16:00", 2*time.Hour + time.Minute, "2026-11-23 09:01"}, // over the weekend
		{"2026-11-21 12:00", time.Hour, "2026-11-23 10:00"},                 // from Saturday
		{"2026-11-23 07:00", time.Hour, "2026-11-23 10:00"},                 // before opening
		{"2026-11-23 18:00", time.Hour, "2026-11-24 10:00"},                 // closing is outside hours
		{"2026-11-23 17:59", time.Minute, "2026-11-23 18:00"},
		{"2026-11-23 20:00", 0, "2026-11-24 09:00"}, // zero: where counting starts
		{"2026-11-23 10:30", -time.Hour, "2026-11-23 10:30"},
		{"2026-09-30 17:00", 2 * time.Hour, "2026-10-08 10:00"},  // over 国庆节
		{"2026-02-13 17:00", 2 * time.Hour, "2026-02-14 10:00"},  // make-up Saturday
		{"2026-02-14 17:00", 2 * time.Hour, "2026-02-24 10:00"},  // over 春节
		{"2026-11-23 10:00", 27 * time.Hour, "2026-11-26 10:00"}, // three working days
	}
	for _, tt := range tests {
		if got := stamp(cal.AddWorkingHours(at(t, tt.from), tt.d)); got != tt.want {
			t.Errorf("AddWorkingHours(%s, %v) = %s, want %s", tt.from, tt.d, got, tt.want)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	cal := china(t)
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-23 15:00", 1, "2026-11-24 15:00"},
		{"2026-11-20 15:00", 1, "2026-11-23 15:00"}, // Friday to Monday
		{"2026-11-20 15:00", 2, "2026-11-24 15:00"},
		{"2026-11-21 10:00", 1, "2026-11-23 18:00"}, // Saturday: the whole of Monday
		{"2026-11-23 08:00", 1, "2026-11-23 18:00"}, // before opening: the same day's close
		{"2026-11-23 20:00", 1, "2026-11-24 18:00"}, // after closing: the next day's close
		{"2026-11-23 09:00", 1, "2026-11-23 18:00"},
		{"2026-09-30 15:00", 1, "2026-10-08 15:00"},
		{"2026-10-09 15:00", 1, "2026-10-10 15:00"}, // make-up Saturday
		{"2026-12-31 15:00", 1, "2027-01-01 15:00"}, // no 2027 holiday data yet: weekends only
	}
	for _, tt := range tests {
		if got := stamp(cal.AddWorkingDays(at(t, tt.from), tt.n)); got != tt.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestWorkingTimeInCalendarLocation(t *testing.T) {
	cal := china(t)
	utc := time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC) // 09:00 in Beijing
	got := cal.AddWorkingHours(utc, time.Hour)
	if got.Location() != cal.Location() || stamp(got) != "2026-11-23 10:00" {
		t.Errorf("got %v", got)
	}
}

func TestNewCalendarDefaults(t *testing.T) {
	cal, err := NewCalendar(CalendarConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if cal.Location().String() != "Asia/Shanghai" {
		t.Errorf("location %v", cal.Location())
	}
	want := SLATargets{FirstResponseDays: 1, DiagnosisDays: 2, UrgentWithin: 4 * time.Hour, UrgentClock: true, ComplaintWithin: 2 * time.Hour, VisitLead: 2 * time.Hour}
	if cal.Targets() != want {
		t.Errorf("targets %+v, want %+v", cal.Targets(), want)
	}
	if got := stamp(cal.AddWorkingHours(at(t, "2026-11-21 10:00"), time.Hour)); got != "2026-11-23 10:00" {
		t.Errorf("default weekend not Saturday/Sunday: %s", got)
	}
	if !cal.IsWorkingDay(day(t, "2026-10-01")) {
		t.Error("a calendar without holidays has a holiday")
	}
}

func TestNewCalendarRejects(t *testing.T) {
	tests := []struct {
		name string
		cfg  CalendarConfig
		want string
	}{
		{"zone", CalendarConfig{TimeZone: "Mars/Olympus"}, "time zone"},
		{"start", CalendarConfig{WorkStart: "9am"}, "work start"},
		{"end before start", CalendarConfig{WorkStart: "18:00", WorkEnd: "09:00"}, "not after"},
		{"weekday", CalendarConfig{Weekend: []string{"Caturday"}}, "Caturday"},
		{"all weekend", CalendarConfig{Weekend: []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}}, "every day"},
		{"holiday", CalendarConfig{Holidays: []string{"2026-02-30"}}, "2026-02-30"},
		{"month holiday", CalendarConfig{Holidays: []string{"2026-10"}}, "full date"},
		{"backwards range", CalendarConfig{Holidays: []string{"2026-10-07..2026-10-01"}}, "ends before"},
		{"huge range", CalendarConfig{Holidays: []string{"2026-01-01..2030-01-01"}}, "longer than a year"},
		{"both", CalendarConfig{Holidays: []string{"2026-10-01"}, MakeupWorkdays: []string{"2026-10-01"}}, "both"},
		{"urgent", CalendarConfig{UrgentWithin: "soon"}, "urgent within"},
		{"basis", CalendarConfig{UrgentBasis: "lunar"}, "urgent basis"},
		{"lead", CalendarConfig{VisitLead: "-1h"}, "visit lead"},
	}
	for _, tt := range tests {
		_, err := NewCalendar(tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}
