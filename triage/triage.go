package triage

// Result is the triage of a case: every decision and why.
type Result struct {
	FaultClass FaultClass
	Warranty   WarrantyResult
	Priority   Priority
	OnSite     bool   // an engineer must visit (from the rule)
	Skill      string // engineer skill for dispatch (from the rule)
	Complaint  bool   // a complaint risk (Case.Complaint): urgent, the complaint group and target
	SLA        SLA
	// Reasons explain the decisions in order: fault class, warranty, priority, SLA.
	Reasons []Reason
	// Handoff: the customer waits in the chat for a person (they asked for one, or a hazard
	// is to be called back); set at escalation, not by Triage.
	Handoff bool
}

// Triage makes every decision for a case with its category's policy, on cal. The report
// time is read in cal's location, so the warranty's report date is the local civil date.
func Triage(c Case, p Policy, cal *Calendar) Result {
	c.ReportedAt = c.ReportedAt.In(cal.loc)
	class, classWhy := ClassifyFault(c)
	warranty, warrantyWhy := Warranty(c, p)
	priority, priorityWhy := Prioritise(c)
	sla := Deadlines(c, priority, cal)
	return Result{
		FaultClass: class,
		Warranty:   warranty,
		Priority:   priority,
		OnSite:     c.Hint.OnSite,
		Skill:      c.Hint.Skill,
		Complaint:  c.Complaint != "",
		SLA:        sla,
		Reasons:    []Reason{classWhy, warrantyWhy, priorityWhy, sla.Reason},
	}
}
