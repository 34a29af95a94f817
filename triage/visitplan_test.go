package triage

import (
	"strings"
	"testing"
)

// TestPlanVisits: the first window offered starts by the promise whenever the calendar and
// the operator's weekend and evening settings allow one; otherwise the plan says so and
// offers the earliest.
func TestPlanVisits(t *testing.T) {
	evening := Slot{"晚上", "18:00", "20:00"}
	tests := []struct {
		name     string
		reported string
		priority Priority
		evening  bool
		weekend  bool
		first    []string // the first windows offered
		late     bool
	}{
		{"Friday afternoon urgent, evening on: tonight", "2026-11-27 16:00", PriorityUrgent, true, false,
			[]string{"11月27日（周五）晚上 18:00–20:00", "11月30日（周一）上午 9:00–11:00"}, false},
		{"Friday afternoon urgent, evening off, weekend on: late, Saturday", "2026-11-27 16:00", PriorityUrgent, false, true,
			[]string{"11月28日（周六）上午 9:00–11:00"}, true},
		{"Friday afternoon urgent, both off: late, Monday", "2026-11-27 16:00", PriorityUrgent, false, false,
			[]string{"11月30日（周一）上午 9:00–11:00"}, true},
		{"Friday evening urgent: nothing tonight, late", "2026-11-27 19:30", PriorityUrgent, true, true,
			[]string{"11月28日（周六）上午 9:00–11:00", "11月28日（周六）下午 14:00–16:00"}, true},
		{"Saturday-morning promise, weekend on: Saturday first", "2026-11-28 06:00", PriorityUrgent, false, true,
			[]string{"11月28日（周六）上午 9:00–11:00"}, false},
		{"Saturday-morning promise, weekend off: late, Monday", "2026-11-28 06:00", PriorityUrgent, false, false,
			[]string{"11月30日（周一）上午 9:00–11:00"}, true},
		{"routine promise on a make-up Saturday", "2026-10-09 15:00", PriorityNormal, false, false,
			[]string{"10月10日（周六）上午 9:00–11:00", "10月10日（周六）下午 14:00–16:00"}, false},
		{"routine over National Day: the promised 8 October", "2026-09-30 17:00", PriorityNormal, true, true,
			[]string{"10月8日（周四）上午 9:00–11:00"}, false},
		{"urgent in the holiday week, weekend on: no holiday visits, late", "2026-10-02 08:00", PriorityUrgent, false, true,
			[]string{"10月8日（周四）上午 9:00–11:00"}, true},
		{"routine Monday, evening on: tonight first", "2026-11-23 15:00", PriorityNormal, true, false,
			[]string{"11月23日（周一）晚上 18:00–20:00", "11月24日（周二）上午 9:00–11:00"}, false},
		{"routine Monday, evening off: tomorrow", "2026-11-23 15:00", PriorityNormal, false, false,
			[]string{"11月24日（周二）上午 9:00–11:00"}, false},
		{"routine Friday, weekend on: Saturday before the Monday promise", "2026-11-27 15:00", PriorityNormal, false, true,
			[]string{"11月28日（周六）上午 9:00–11:00"}, false},
	}
	if by := VisitDeadline(Result{Priority: PriorityUrgent, Complaint: true, SLA: SLA{FirstResponseBy: at(t, "2026-11-22 12:00")}}, china(t)); !by.IsZero() {
		t.Errorf("a complaint's call-back is a visit promise: %v", by)
	}
	cal := china(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := at(t, tt.reported)
			// the urgent cases here are hazards: their promise counts clock time
			r := Result{Priority: tt.priority, SLA: Deadlines(Case{ReportedAt: now, Safety: tt.priority == PriorityUrgent}, tt.priority, cal)}
			p := VisitPolicy{Slots: daySlots, Weekend: tt.weekend, Days: 3}
			if tt.evening {
				p.Evening = evening
			}
			by := VisitDeadline(r, cal)
			plan := PlanVisits(now, by, cal, p)
			var got []string
			for i, w := range plan.Windows {
				if i < len(tt.first) {
					got = append(got, w.Label())
				}
				if i > 0 && !plan.Windows[i-1].Start.Before(w.Start) {
					t.Errorf("windows out of order: %v", plan.Windows)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.first, "\n") {
				t.Errorf("first windows\n got %q\nwant %q", got, tt.first)
			}
			if plan.Late != tt.late {
				t.Errorf("late = %v, want %v (by %s)", plan.Late, tt.late, by)
			}
			if !plan.Late && len(plan.Windows) > 0 && plan.Windows[0].Start.After(by) {
				t.Errorf("first window %s after the promise %s", plan.Windows[0].Label(), by)
			}
			if plan.Late != (plan.Reason.Key != "") {
				t.Errorf("reason %+v with late %v", plan.Reason, plan.Late)
			}
		})
	}
}
