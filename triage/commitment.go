package triage

import (
	"strings"

	"github.com/wxintake/intake/catalog"
)

// Commitment is the promise the customer reads when the case becomes ticket number: an
// apology for the trouble, the ticket number, the warranty outcome (with the estimate for
// a paid repair), and who contacts them by when, in cal's time zone. Short and kind; the
// sentences come from the catalog. A complaint (Result.Complaint) gets the named next step —
// the complaint officer calls back by the deadline — instead of the usual contact promise,
// and no apology of its own: the words before it apologise for what made it a complaint.
func Commitment(r Result, number string, cal *Calendar) string {
	return CommitmentAt(r, number, cal, "")
}

// CommitmentAt is Commitment for a customer who can be phoned only at window, as they said
// it ("中午12点到1点", "晚上六点半以后"): the call is promised in that time, never by a
// deadline the customer cannot take a call at. An empty window is Commitment.
func CommitmentAt(r Result, number string, cal *Calendar, window string) string {
	var b strings.Builder
	if !r.Complaint {
		b.WriteString(catalog.T("triage.commit.sorry"))
	}
	b.WriteString(catalog.T("triage.commit.number", "number", number))
	switch r.Warranty.Status {
	case OutOfWarranty, UserDamage:
		if r.Priority == PriorityUrgent {
			// a hazard first: no price in the same breath, the engineer says it after checking
			b.WriteString(catalog.T("triage.commit.fee_later"))
			break
		}
		if r.Warranty.Status == OutOfWarranty && r.Warranty.Period != "" {
			// "整机保修已过，但压缩机（至 2029-05-31）还在保修期内…"
			b.WriteString(catalog.T("triage.commit.out_parts_covered", "parts", r.Warranty.Period, "estimate", r.Warranty.Estimate.String()))
		} else if r.Warranty.Status == OutOfWarranty {
			b.WriteString(catalog.T("triage.commit.out_of_warranty", "estimate", r.Warranty.Estimate.String()))
		} else {
			b.WriteString(catalog.T("triage.commit.user_damage", "estimate", r.Warranty.Estimate.String()))
		}
	case InWarranty:
		w := r.Warranty
		switch {
		case r.Rights.RepeatFree:
			b.WriteString(catalog.T("triage.commit.repeat_free", "repair_days", r.Rights.FreeUntil.DaysSince(r.Rights.LastRepair.Done),
				"until", r.Rights.FreeUntil.String()))
		case w.PartOnly && w.Period != "" && !w.Bought.IsZero() && w.Product != "":
			// "整机保修已过；压缩机保修 72 个月…如果工程师检测确认是这个部件的故障，维修免费"
			b.WriteString(catalog.T("triage.commit.in_warranty_part", "product", w.Product, "bought", w.Bought.String(),
				"period", w.Period, "until", w.CoveredUntil.String()))
		case w.Period != "" && !w.Bought.IsZero() && w.Product != "":
			// "您的空调购买于 2023-06-01，压缩机保修 72 个月（保修至 2029-05-31），非人为损坏的故障维修免费，以工程师检测为准。"
			b.WriteString(catalog.T("triage.commit.in_warranty_period", "product", w.Product, "bought", w.Bought.String(),
				"period", w.Period, "until", w.CoveredUntil.String()))
		default:
			b.WriteString(catalog.T("triage.commit.in_warranty", "until", w.CoveredUntil.String()))
		}
	default:
		b.WriteString(catalog.T("triage.commit.unknown"))
	}
	if rights := notableRights(r.Rights); rights != "" {
		b.WriteString(rights)
	}
	// the promise: by the deadline, or within the time the customer can take a call
	complaint, next, arg, val := "triage.commit.complaint_next", "triage.commit.next", "by", momentText(r.SLA.FirstResponseBy.In(cal.loc))
	if window != "" {
		complaint, next, arg, val = "triage.commit.complaint_window", "triage.commit.next_window", "window", window
	}
	if r.Complaint {
		b.WriteString(catalog.T(complaint, arg, val))
		return b.String()
	}
	if r.Priority == PriorityUrgent {
		b.WriteString(catalog.T("triage.commit.urgent"))
	}
	if r.OnSite {
		next = strings.Replace(next, "triage.commit.next", "triage.commit.next_onsite", 1)
	}
	b.WriteString(catalog.T(next, arg, val))
	return b.String()
}

// notableRights is what the customer reads of the 三包 rights at filing: the return or
// exchange period they are in, and an exchange or return after repeated repairs; "" when
// the rights say no more than the warranty sentence.
func notableRights(r Rights) string {
	var parts []string
	for _, why := range r.Reasons {
		switch why.Key {
		case "triage.rights.return", "triage.rights.exchange", "triage.rights.repairs_exhausted":
			parts = append(parts, why.Text)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "。"
}
