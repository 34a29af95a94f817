package triage

import (
	"fmt"
	"strconv"
	"time"

	"github.com/wxintake/intake/catalog"
)

// The Chinese forms of dates and times that staff and customers read, built from catalog
// patterns so a copy editor can change them.

// clockText formats a clock time as "9:00" or "14:30".
func clockText(t time.Time) string { return fmt.Sprintf("%d:%02d", t.Hour(), t.Minute()) }

// dayText formats a day as "11月24日（周二）".
func dayText(t time.Time) string {
	return catalog.T("triage.time.day", "month", int(t.Month()), "day", t.Day(),
		"weekday", catalog.T("triage.weekday."+strconv.Itoa(int(t.Weekday()))))
}

// momentText formats an instant as "11月24日（周二）12:00".
func momentText(t time.Time) string {
	return catalog.T("triage.time.moment", "day", dayText(t), "clock", clockText(t))
}

// durationText formats a duration as "4 小时" or "90 分钟".
func durationText(d time.Duration) string {
	if d%time.Hour == 0 {
		return catalog.T("triage.duration.hours", "n", int(d/time.Hour))
	}
	return catalog.T("triage.duration.minutes", "n", int(d/time.Minute))
}
