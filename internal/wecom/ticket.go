package wecom

import (
	"strings"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/triage"
)

// Ticket alerts staff to ticket t when it needs someone now: waiting (the customer asked
// for a person, or a hazard is to be called back), urgent, or a complaint. link is the
// ticket's console page. It never blocks.
func (a *Alerts) Ticket(t triage.Ticket, waiting bool, link string) {
	if a == nil || !waiting && t.Priority != triage.PriorityUrgent && !t.Complaint {
		return
	}
	a.queueAlert(t.Number, TicketText(t, waiting, link))
}

// TicketText is the markdown of a ticket's alert: what needs doing, the number, category,
// priority and group, and the console link. Nothing the customer said or is.
func TicketText(t triage.Ticket, waiting bool, link string) string {
	var why []string
	if waiting {
		why = append(why, catalog.T("wecom.why.waiting"))
	}
	if t.Complaint {
		why = append(why, catalog.T("wecom.why.complaint"))
	}
	if t.Priority == triage.PriorityUrgent {
		why = append(why, catalog.T("wecom.why.urgent"))
	}
	group := t.Group
	if group == "" {
		group = catalog.T("wecom.no_group")
	}
	category := t.Record.Case.CategoryName
	if category == "" {
		category = t.Category
	}
	return catalog.T("wecom.ticket", "why", strings.Join(why, "·"), "number", t.Number, "category", category,
		"priority", t.Priority.Label(), "group", group, "link", link)
}
