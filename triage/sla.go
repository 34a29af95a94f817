package triage

import "time"

// SLA holds the deadlines promised for a case, in the calendar's location.
type SLA struct {
	FirstResponseBy time.Time // staff answer the customer online
	DiagnosisBy     time.Time // fault classified and warranty checked
	Reason          Reason
}

// Deadlines computes the SLA of a case reported at c.ReportedAt with priority p, on cal's
// targets: a first online response within FirstResponseDays working days and a diagnosis
// within DiagnosisDays working days (see Calendar.AddWorkingDays for how a working day is
// counted); an urgent case gets both within UrgentWithin. A hazard's UrgentWithin counts
// clock time by default (a hazard reported on Friday night cannot wait for Monday: the duty
// line calls back) or working hours when the calendar says so; any other urgent case (a
// device that cannot be used, lost data) counts working hours, so the bot never promises a
// call at 2 a.m. in the same breath as "客服 09:00 起". A complaint (Case.Complaint) gets both within ComplaintWithin, in
// clock time: a customer who names 12315 is not kept waiting over the weekend. Routine
// cases share the normal targets.
func Deadlines(c Case, p Priority, cal *Calendar) SLA {
	t := c.ReportedAt.In(cal.loc)
	tg := cal.targets
	if c.Complaint != "" && tg.ComplaintWithin > 0 {
		by := t.Add(tg.ComplaintWithin)
		return SLA{by, by, because("triage.why.sla.complaint",
			"within", durationText(tg.ComplaintWithin), "by", momentText(by))}
	}
	if p == PriorityUrgent {
		if tg.UrgentClock && c.Safety {
			by := t.Add(tg.UrgentWithin)
			return SLA{by, by, because("triage.why.sla.urgent_clock",
				"within", durationText(tg.UrgentWithin), "by", momentText(by))}
		}
		by := cal.AddWorkingHours(t, tg.UrgentWithin)
		return SLA{by, by, because("triage.why.sla.urgent_working",
			"within", durationText(tg.UrgentWithin), "by", momentText(by))}
	}
	first := cal.AddWorkingDays(t, tg.FirstResponseDays)
	diag := cal.AddWorkingDays(t, tg.DiagnosisDays)
	kv := []any{"first_days", tg.FirstResponseDays, "first", momentText(first),
		"diagnosis_days", tg.DiagnosisDays, "diagnosis", momentText(diag)}
	if start := cal.nextWorking(t); !start.Equal(t) {
		return SLA{first, diag, because("triage.why.sla.after_hours", append(kv, "start", momentText(start))...)}
	}
	return SLA{first, diag, because("triage.why.sla.normal", kv...)}
}
