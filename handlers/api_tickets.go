package handlers

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// Ticket list paging.
const (
	ticketsPerPage    = 20
	maxTicketsPerPage = 200
	// openIDLookup is how many of a customer's tickets the openid filter reads.
	openIDLookup = 200
)

// ticketItem is a ticket in a list: what the queue shows. OpenID is personal data and
// only present for PermReadCustomerPII.
type ticketItem struct {
	Number          string     `json:"number"`
	Status          string     `json:"status"`
	StatusLabel     string     `json:"status_label"`
	Priority        string     `json:"priority"`
	PriorityLabel   string     `json:"priority_label"`
	Complaint       bool       `json:"complaint"`                  // a complaint risk (投诉)
	ComplaintReason string     `json:"complaint_reason,omitempty"` // why, as staff read it
	Handoff         bool       `json:"handoff"`                    // the customer asked for a person (or a hazard waits for a call-back)
	FaultClass      string     `json:"fault_class"`
	FaultClassLabel string     `json:"fault_class_label"`
	Warranty        string     `json:"warranty"`
	WarrantyLabel   string     `json:"warranty_label"`
	Category        string     `json:"category"`
	CategoryName    string     `json:"category_name"`
	Symptom         string     `json:"symptom"`
	SLADueAt        *time.Time `json:"sla_due_at"` // first-response deadline; null when none
	CreatedAt       time.Time  `json:"created_at"`
	Assignee        string     `json:"assignee"`
	Reasons         []string   `json:"reasons"`
	OpenID          string     `json:"openid,omitempty"`
}

func toTicketItem(t triage.Ticket, pii bool) ticketItem {
	r := t.Result
	it := ticketItem{
		Number: t.Number, Status: string(t.Status), StatusLabel: t.Status.Label(),
		Priority: string(t.Priority), PriorityLabel: t.Priority.Label(),
		Complaint: t.Complaint, ComplaintReason: t.Record.Case.Complaint, Handoff: r.Handoff,
		FaultClass: string(r.FaultClass), Warranty: string(r.Warranty.Status),
		Category: t.Category, CategoryName: t.Record.Case.CategoryName, Symptom: t.Record.Case.Symptom,
		SLADueAt: timePtr(r.SLA.FirstResponseBy), CreatedAt: t.CreatedAt, Assignee: t.Assignee,
		Reasons: make([]string, 0, len(r.Reasons)),
	}
	if r.FaultClass != "" {
		it.FaultClassLabel = r.FaultClass.Label()
	}
	if r.Warranty.Status != "" {
		it.WarrantyLabel = r.Warranty.Status.Label()
	}
	for _, why := range r.Reasons {
		it.Reasons = append(it.Reasons, why.Text)
	}
	if pii {
		it.OpenID = t.OpenID
	} else {
		it.Symptom = maskNumbers(it.Symptom)
	}
	return it
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

type ticketList struct {
	Items   []ticketItem `json:"items"`
	Total   int          `json:"total"`
	Page    int          `json:"page"`
	PerPage int          `json:"per_page"`
}

// listTickets lists tickets: GET /api/v1/tickets. Without openid it is the queue of open
// tickets, urgent first, then by first-response deadline; filters status (comma-
// separated, open statuses only), priority, category, complaint ("true": complaint risks
// only) and assignee ("me", "none" or a username). With openid it is that customer's tickets, newest first, in any status;
// the openid filter needs PermReadCustomerPII.
func (a *api) listTickets(c echo.Context) error {
	p := who(c)
	pii := p.User.Can(staff.PermReadCustomerPII)
	page, per, err := paging(c, ticketsPerPage, maxTicketsPerPage)
	if err != nil {
		return a.fail(c, err)
	}
	f, err := ticketFilter(c, p.User.Username)
	if err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	var tickets []triage.Ticket
	var total int
	if openID := c.QueryParam("openid"); openID != "" {
		if !pii {
			return a.fail(c, errs.E(errs.Forbidden, "forbidden", "staff.error.forbidden"))
		}
		all, err := a.Tickets.ListByOpenID(ctx, openID, openIDLookup)
		if err != nil {
			return a.fail(c, err)
		}
		all = slices.DeleteFunc(all, func(t triage.Ticket) bool { return !matches(t, f) })
		total = len(all)
		lo := min((page-1)*per, total)
		tickets = all[lo:min(lo+per, total)]
	} else {
		for _, s := range f.Statuses {
			if !s.Open() {
				return a.fail(c, errs.InvalidField("status", "staff.error.queue_open_only"))
			}
		}
		if tickets, total, err = a.Tickets.ListOpen(ctx, f, triage.Page{Offset: (page - 1) * per, Limit: per}); err != nil {
			return a.fail(c, err)
		}
	}
	out := ticketList{Items: make([]ticketItem, len(tickets)), Total: total, Page: page, PerPage: per}
	for i, t := range tickets {
		out.Items[i] = toTicketItem(t, pii)
	}
	return c.JSON(http.StatusOK, out)
}

// ticketFilter reads the list filters of the query string.
func ticketFilter(c echo.Context, me string) (triage.Filter, error) {
	var f triage.Filter
	if s := c.QueryParam("status"); s != "" {
		for _, part := range strings.Split(s, ",") {
			st := triage.Status(strings.TrimSpace(part))
			if !st.Valid() {
				return f, errs.InvalidField("status", "staff.error.unknown_status")
			}
			f.Statuses = append(f.Statuses, st)
		}
	}
	if s := c.QueryParam("priority"); s != "" {
		f.Priority = triage.Priority(s)
		if f.Priority.Rank() > 2 {
			return f, errs.InvalidField("priority", "staff.error.unknown_priority")
		}
	}
	f.Category = c.QueryParam("category")
	switch s := c.QueryParam("complaint"); s {
	case "", "false":
	case "true":
		f.Complaint = true
	default:
		return f, errs.InvalidField("complaint", "staff.error.complaint_filter")
	}
	switch s := c.QueryParam("assignee"); s {
	case "":
	case "me":
		f.Assignee = me
	case "none":
		f.Unassigned = true
	default:
		f.Assignee = staff.NormalizeUsername(s)
	}
	return f, nil
}

// matches applies f to one ticket, for lists the store does not filter.
func matches(t triage.Ticket, f triage.Filter) bool {
	return (len(f.Statuses) == 0 || slices.Contains(f.Statuses, t.Status)) &&
		(f.Priority == "" || t.Priority == f.Priority) &&
		(f.Category == "" || t.Category == f.Category) &&
		(f.Assignee == "" || t.Assignee == f.Assignee) &&
		(!f.Unassigned || t.Assignee == "") &&
		(!f.Complaint || t.Complaint)
}
