package triage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// CalendarConfig is the business calendar as configuration: strings an operator can edit.
// Empty fields take the defaults noted beside them.
type CalendarConfig struct {
	TimeZone  string `yaml:"time_zone" json:"time_zone"`   // "Asia/Shanghai"
	WorkStart string `yaml:"work_start" json:"work_start"` // "09:00"
	WorkEnd   string `yaml:"work_end" json:"work_end"`     // "18:00"
	// Weekend names the days off each week: "Saturday", "sat", … (default Saturday, Sunday).
	Weekend []string `yaml:"weekend" json:"weekend"`
	// Holidays are days off; each entry is a date "2026-10-01" or an inclusive range
	// "2026-10-01..2026-10-07".
	Holidays []string `yaml:"holidays" json:"holidays"`
	// MakeupWorkdays (调休上班) are weekend days worked in exchange for a holiday; same forms.
	MakeupWorkdays []string `yaml:"makeup_workdays" json:"makeup_workdays"`
	// Statutory adds mainland China's statutory public holidays, computed for every year
	// (StatutoryHolidays), to Holidays.
	Statutory bool `yaml:"statutory" json:"statutory"`
	// Adjustments are the State Council's published 调休 by year: that year's days off
	// (statutory days and the extra days joined to them) and make-up workdays. They add to
	// the statutory days, a make-up workday overriding one; a year listed here counts as
	// published (Calendar.Published), so no warning asks for it.
	Adjustments map[int]Adjustments `yaml:"adjustments" json:"adjustments"`

	FirstResponseDays int    `yaml:"first_response_days" json:"first_response_days"` // 1
	DiagnosisDays     int    `yaml:"diagnosis_days" json:"diagnosis_days"`           // 2
	UrgentWithin      string `yaml:"urgent_within" json:"urgent_within"`             // "4h"
	// UrgentBasis is how UrgentWithin is counted for a hazard: "clock" (default; a hazard
	// cannot wait for Monday) or "working" (working hours). Other urgent cases always count
	// working hours.
	UrgentBasis string `yaml:"urgent_basis" json:"urgent_basis"`
	// ComplaintWithin is the response target of a complaint risk, in clock time ("2h").
	ComplaintWithin string `yaml:"complaint_within" json:"complaint_within"`
	VisitLead       string `yaml:"visit_lead" json:"visit_lead"` // "2h": earliest visit after now
}

// Adjustments are one year's published 调休, in the forms of CalendarConfig.Holidays.
type Adjustments struct {
	Holidays       []string `yaml:"holidays" json:"holidays"`
	MakeupWorkdays []string `yaml:"makeup_workdays" json:"makeup_workdays"`
}

// ParseAdjustments reads an adjustments file: years mapped to their Adjustments,
//
//	2027:
//	  holidays: [2027-01-01, 2027-02-05..2027-02-12, …]
//	  makeup_workdays: [2027-02-14, …]
//
// Unknown keys are errors; the dates are checked by NewCalendar.
func ParseAdjustments(b []byte) (map[int]Adjustments, error) {
	var out map[int]Adjustments
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&out); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("triage: adjustments: %w", err)
	}
	return out, nil
}

// NewCalendar checks cfg and builds its Calendar.
func NewCalendar(cfg CalendarConfig) (*Calendar, error) {
	c := &Calendar{holidays: map[Date]bool{}, makeup: map[Date]bool{}}
	var errs []error
	var err error
	if c.loc, err = time.LoadLocation(or(cfg.TimeZone, "Asia/Shanghai")); err != nil {
		errs = append(errs, fmt.Errorf("time zone: %w", err))
	}
	start, end := or(cfg.WorkStart, "09:00"), or(cfg.WorkEnd, "18:00")
	var errStart, errEnd error
	if c.startH, c.startM, errStart = parseClock(start); errStart != nil {
		errs = append(errs, fmt.Errorf("work start: %w", errStart))
	}
	if c.endH, c.endM, errEnd = parseClock(end); errEnd != nil {
		errs = append(errs, fmt.Errorf("work end: %w", errEnd))
	}
	if errStart == nil && errEnd == nil && c.dayLength() <= 0 {
		errs = append(errs, fmt.Errorf("work end %s is not after work start %s", end, start))
	}
	weekend := cfg.Weekend
	if weekend == nil {
		weekend = []string{"Saturday", "Sunday"}
	}
	for _, name := range weekend {
		wd, ok := parseWeekday(name)
		if !ok {
			errs = append(errs, fmt.Errorf("weekend: unknown day %q", name))
			continue
		}
		c.weekend[wd] = true
	}
	if c.weekend == [7]bool{true, true, true, true, true, true, true} {
		errs = append(errs, errors.New("weekend: every day is a weekend day"))
	}
	errs = append(errs, addDates(c.holidays, "holiday", cfg.Holidays)...)
	errs = append(errs, addDates(c.makeup, "make-up workday", cfg.MakeupWorkdays)...)
	c.statutory = cfg.Statutory
	c.published = map[int]bool{}
	for _, year := range slices.Sorted(maps.Keys(cfg.Adjustments)) {
		adj := cfg.Adjustments[year]
		if year < 1901 || year > 2099 {
			errs = append(errs, fmt.Errorf("adjustments: year %d out of range", year))
			continue
		}
		c.published[year] = true
		holidays, makeup := map[Date]bool{}, map[Date]bool{}
		errs = append(errs, addDates(holidays, fmt.Sprintf("%d holiday", year), adj.Holidays)...)
		errs = append(errs, addDates(makeup, fmt.Sprintf("%d make-up workday", year), adj.MakeupWorkdays)...)
		for _, set := range []map[Date]bool{holidays, makeup} {
			for _, d := range slices.SortedFunc(maps.Keys(set), Date.Compare) {
				// A notice reaches at most into the days around its year (元旦 from 30 December).
				if d.Year < year-1 || d.Year > year+1 {
					errs = append(errs, fmt.Errorf("adjustments %d: %s is not near that year", year, d))
					break
				}
			}
		}
		maps.Copy(c.holidays, holidays)
		maps.Copy(c.makeup, makeup)
	}
	var both []Date
	for d := range c.makeup {
		if c.holidays[d] {
			both = append(both, d)
		}
	}
	slices.SortFunc(both, Date.Compare)
	for _, d := range both {
		errs = append(errs, fmt.Errorf("%s is both a holiday and a make-up workday", d))
	}
	c.targets = SLATargets{
		FirstResponseDays: orInt(cfg.FirstResponseDays, 1),
		DiagnosisDays:     orInt(cfg.DiagnosisDays, 2),
		UrgentClock:       true,
	}
	if c.targets.UrgentWithin, err = time.ParseDuration(or(cfg.UrgentWithin, "4h")); err != nil || c.targets.UrgentWithin <= 0 {
		errs = append(errs, fmt.Errorf("urgent within %q: want a positive duration like 4h", cfg.UrgentWithin))
	}
	if c.targets.ComplaintWithin, err = time.ParseDuration(or(cfg.ComplaintWithin, "2h")); err != nil || c.targets.ComplaintWithin <= 0 {
		errs = append(errs, fmt.Errorf("complaint within %q: want a positive duration like 2h", cfg.ComplaintWithin))
	}
	switch or(cfg.UrgentBasis, "clock") {
	case "clock":
	case "working":
		c.targets.UrgentClock = false
	default:
		errs = append(errs, fmt.Errorf("urgent basis %q: want clock or working", cfg.UrgentBasis))
	}
	if c.targets.VisitLead, err = time.ParseDuration(or(cfg.VisitLead, "2h")); err != nil || c.targets.VisitLead < 0 {
		errs = append(errs, fmt.Errorf("visit lead %q: want a duration like 2h", cfg.VisitLead))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("triage: calendar: %w", err)
	}
	return c, nil
}

// parseClock reads "09:00" or "9:00".
func parseClock(s string) (h, m int, err error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, 0, fmt.Errorf("clock time %q: want HH:MM", s)
	}
	return t.Hour(), t.Minute(), nil
}

func parseWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		name := strings.ToLower(wd.String())
		if s == name || s == name[:3] {
			return wd, true
		}
	}
	return 0, false
}

// addDates adds each date or inclusive range "a..b" of specs to set.
func addDates(set map[Date]bool, what string, specs []string) []error {
	var errs []error
	for _, spec := range specs {
		from, to, isRange := strings.Cut(spec, "..")
		a, err := parseFullDate(from)
		b := a
		if err == nil && isRange {
			b, err = parseFullDate(to)
		}
		if err == nil && b.Before(a) {
			err = fmt.Errorf("range ends before it starts")
		}
		if err == nil && a.AddDays(366).Before(b) {
			err = fmt.Errorf("range longer than a year")
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %q: %w", what, spec, err))
			continue
		}
		for d := a; !d.After(b); d = d.AddDays(1) {
			set[d] = true
		}
	}
	return errs
}

func parseFullDate(s string) (Date, error) {
	d, err := ParseDate(s)
	if err == nil && (d.IsZero() || d.MonthOnly()) {
		err = fmt.Errorf("want a full date like 2026-10-01")
	}
	return d, err
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func orInt(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}
