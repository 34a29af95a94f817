package triage

import (
	"errors"
	"fmt"
	"time"

	"github.com/wxintake/intake/catalog"
)

// Slot is a visit period offered every working day, as configured: {"上午", "09:00", "11:00"}.
type Slot struct {
	Label string `yaml:"label" json:"label"` // as the customer reads it: "上午", "下午"
	Start string `yaml:"start" json:"start"` // "09:00"
	End   string `yaml:"end" json:"end"`     // "11:00"
}

// CheckSlots reports the slots that cannot be used: a bad clock time, or an end not after
// the start. VisitWindows skips such slots; call this when loading configuration.
func CheckSlots(slots []Slot) error {
	var errs []error
	for _, s := range slots {
		if _, _, ok := s.clocks(); !ok {
			errs = append(errs, fmt.Errorf("triage: visit slot %q %s–%s: want HH:MM with end after start",
				s.Label, s.Start, s.End))
		}
	}
	return errors.Join(errs...)
}

// clocks returns the slot's start and end as minutes after midnight.
func (s Slot) clocks() (start, end int, ok bool) {
	sh, sm, err1 := parseClock(s.Start)
	eh, em, err2 := parseClock(s.End)
	start, end = sh*60+sm, eh*60+em
	return start, end, err1 == nil && err2 == nil && start < end
}

// Window is one bookable visit: a slot on a given day.
type Window struct {
	Start time.Time
	End   time.Time
	Slot  string // the slot's label, "上午"
}

// IsZero reports whether no window is set.
func (w Window) IsZero() bool { return w.Start.IsZero() }

// Label returns the window as the customer reads it: "11月24日（周二）上午 9:00–11:00".
func (w Window) Label() string {
	return catalog.T("triage.visit.window", "day", dayText(w.Start), "slot", w.Slot,
		"start", clockText(w.Start), "end", clockText(w.End))
}
