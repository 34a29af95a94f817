package triage

import (
	"strings"
	"testing"
	"time"
)

// A complaint risk is urgent, answered within the complaint target in clock time (a
// Friday-evening complaint does not wait for Monday), promised with its own apology and
// next step, and routed to the complaint group when one is configured.
func TestComplaint(t *testing.T) {
	cal := china(t, func(c *CalendarConfig) { c.ComplaintWithin = "90m" })
	c := Case{Category: "air_conditioner", CategoryName: "空调", Symptom: "不制冷",
		PurchaseDate: day(t, "2026-06-01"), Complaint: "12315", ReportedAt: at(t, "2026-11-20 17:30")}
	r := Triage(c, Policy{WholeMonths: 12}, cal)
	if !r.Complaint || r.Priority != PriorityUrgent || r.Reasons[2].Key != "triage.why.priority.complaint" ||
		!strings.Contains(r.Reasons[2].Text, "12315") {
		t.Fatalf("result %+v", r)
	}
	if want := at(t, "2026-11-20 19:00"); !r.SLA.FirstResponseBy.Equal(want) || !r.SLA.DiagnosisBy.Equal(want) ||
		r.SLA.Reason.Key != "triage.why.sla.complaint" {
		t.Fatalf("SLA %+v, want both by %v", r.SLA, want)
	}
	msg := Commitment(r, "RS20261120-0001", cal)
	for _, want := range []string{"RS20261120-0001", "投诉处理专员", "11月20日（周五）19:00"} {
		if !strings.Contains(msg, want) {
			t.Errorf("commitment lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "按紧急处理") || strings.Contains(msg, "抱歉") {
		t.Errorf("commitment repeats the generic urgent line or an apology:\n%s", msg)
	}

	c.Complaint = ""
	if r := Triage(c, Policy{WholeMonths: 12}, cal); r.Complaint || r.Priority == PriorityUrgent {
		t.Errorf("no complaint: %+v", r)
	}
	// A hazard stays a hazard first; the complaint target still applies.
	c.Complaint, c.Safety = "媒体", true
	if r := Triage(c, Policy{WholeMonths: 12}, cal); r.Reasons[2].Key != "triage.why.priority.safety" ||
		r.SLA.FirstResponseBy.Sub(c.ReportedAt) != 90*time.Minute {
		t.Errorf("hazard and complaint: %+v", r)
	}

	if g, why, ok := RouteComplaint("投诉处理组"); !ok || g != "投诉处理组" || why.Key != "triage.route.complaint" {
		t.Errorf("RouteComplaint = %q %+v %v", g, why, ok)
	}
	if _, _, ok := RouteComplaint(""); ok {
		t.Error("no complaint group configured, still routed")
	}
	if _, err := NewCalendar(CalendarConfig{ComplaintWithin: "-1h"}); err == nil {
		t.Error("a negative complaint target is accepted")
	}
}
