package triage

import (
	"strings"
	"testing"
)

var daySlots = []Slot{{"上午", "09:00", "11:00"}, {"下午", "14:00", "16:00"}}

func TestVisitWindows(t *testing.T) {
	tests := []struct {
		name  string
		from  string
		slots []Slot
		days  int
		want  []string
	}{
		{"over the weekend", "2026-11-20 17:00", daySlots, 2, []string{
			"11月23日（周一）上午 9:00–11:00", "11月23日（周一）下午 14:00–16:00",
			"11月24日（周二）上午 9:00–11:00", "11月24日（周二）下午 14:00–16:00"}},
		{"morning too soon, day still counts", "2026-11-23 08:00", daySlots, 2, []string{
			"11月23日（周一）下午 14:00–16:00",
			"11月24日（周二）上午 9:00–11:00", "11月24日（周二）下午 14:00–16:00"}},
		{"lead time boundary is inclusive", "2026-11-23 12:00", daySlots, 1, []string{
			"11月23日（周一）下午 14:00–16:00"}},
		{"a minute late", "2026-11-23 12:01", daySlots, 1, []string{
			"11月24日（周二）上午 9:00–11:00", "11月24日（周二）下午 14:00–16:00"}},
		{"over National Day", "2026-09-30 10:00", daySlots, 2, []string{
			"9月30日（周三）下午 14:00–16:00",
			"10月8日（周四）上午 9:00–11:00", "10月8日（周四）下午 14:00–16:00"}},
		{"make-up Saturday", "2026-10-09 15:00", daySlots, 1, []string{
			"10月10日（周六）上午 9:00–11:00", "10月10日（周六）下午 14:00–16:00"}},
		{"slots sorted, invalid skipped", "2026-11-20 17:00",
			[]Slot{{"下午", "14:00", "16:00"}, {"坏的", "16:00", "15:00"}, {"上午", "9:00", "11:00"}}, 1, []string{
				"11月23日（周一）上午 9:00–11:00", "11月23日（周一）下午 14:00–16:00"}},
		{"no valid slot", "2026-11-20 17:00", []Slot{{"坏的", "x", "y"}}, 3, nil},
		{"no days", "2026-11-20 17:00", daySlots, 0, nil},
	}
	cal := china(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range VisitWindows(at(t, tt.from), cal, tt.slots, tt.days) {
				got = append(got, w.Label())
				if w.Start.Location() != cal.Location() || !w.End.After(w.Start) {
					t.Errorf("window %+v", w)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCheckSlots(t *testing.T) {
	if err := CheckSlots(daySlots); err != nil {
		t.Errorf("good slots: %v", err)
	}
	err := CheckSlots([]Slot{{"上午", "09:00", "11:00"}, {"反了", "16:00", "14:00"}, {"乱写", "9点", "11点"}})
	if err == nil || !strings.Contains(err.Error(), "反了") || !strings.Contains(err.Error(), "乱写") || strings.Contains(err.Error(), "上午") {
		t.Errorf("err = %v", err)
	}
}
