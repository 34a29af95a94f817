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
	// Rights are the 三包 rights on the report day (return, exchange, repair; a repeat
	// inside a repair's warranty; repairs exhausted). Not stored: its reasons are.
	Rights Rights
	// Reasons explain the decisions in order: fault class, warranty, the 三包 rights,
	// priority, SLA.
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
	if warranty.Status == InWarranty {
		warranty.Period = warrantyPeriod(c, p, c.ExtendedWarranty == AnswerYes).label
		warranty.Bought, warranty.Product = c.PurchaseDate, c.name()
		if c.Hint.Component != "" {
			// free by the part's own period only: the rule's guess of the part is checked first
			unit := c
			unit.Hint.Component = ""
			warranty.PartOnly = DateOf(c.ReportedAt).After(warrantyPeriod(unit, p, c.ExtendedWarranty == AnswerYes).until)
		}
	}
	if warranty.Status == OutOfWarranty && c.Hint.Component == "" {
		// the unit's period is over but the fault is not pinned on a part: the parts still
		// covered are named, so nobody is told a free repair is out of the question
		if parts := partsCovered(c, p); parts != "" {
			warranty.Period, warranty.Bought, warranty.Product = parts, c.PurchaseDate, c.name()
		}
	}
	rights := RightsOf(c, p)
	if rights.RepeatFree && warranty.Status != UserDamage && warranty.Status != InWarranty {
		// the same fault back inside the last repair's own warranty: free whatever the
		// unit's period says
		warranty = WarrantyResult{Status: InWarranty, CoveredUntil: rights.FreeUntil, Bought: warranty.Bought, Product: warranty.Product}
	}
	priority, priorityWhy := Prioritise(c)
	sla := Deadlines(c, priority, cal)
	reasons := []Reason{classWhy, warrantyWhy}
	for _, why := range rights.Reasons {
		switch why.Key {
		case "triage.rights.repair", "triage.rights.no_date", "triage.rights.invalid_date":
			// nothing beyond the warranty reason: repair in warranty, or its date is 待核实
		default:
			reasons = append(reasons, why)
		}
	}
	reasons = append(reasons, priorityWhy, sla.Reason)
	return Result{
		FaultClass: class,
		Warranty:   warranty,
		Priority:   priority,
		OnSite:     c.Hint.OnSite,
		Skill:      c.Hint.Skill,
		Complaint:  c.Complaint != "",
		SLA:        sla,
		Rights:     rights,
		Reasons:    reasons,
	}
}
