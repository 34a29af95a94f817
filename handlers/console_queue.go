package handlers

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

const (
	// perPage is how many tickets a queue page shows.
	perPage = 30
	// breachedScan is how many open tickets the breached filter looks through: the
	// store does not filter by deadline, so that filter shows one page of them.
	breachedScan = 500
)

// queueRow is one ticket in the queue.
type queueRow struct {
	Number, Priority, PriorityLabel, Status, StatusLabel string
	Category, Symptom, Assignee                          string
	DueAt, CreatedAt                                     time.Time
	Breached, Mine                                       bool
	Complaint                                            bool // a complaint risk (投诉)
}

// queueFilter is the queue's filters as the query string gives them.
type queueFilter struct {
	Status, Category, Assignee, Group string
	Breached                          bool
	Complaint                         bool // complaint risks only
}

type queueData struct {
	Filter    queueFilter
	Statuses  []triage.Status
	Rows      []queueRow
	Total     int
	Page      int
	PrevURL   string
	NextURL   string
	CanAssign bool
	Waiting   []waitingRow // chats waiting for a person with no ticket (console_waiting.go)
}

// queue lists the open tickets, urgent first, then by first-response deadline:
// GET /console/?status=&category=&assignee=&group=&breached=1&complaint=1&page=.
func (c *Pages) queue(ec echo.Context) error {
	v := viewerOf(ec)
	q := ec.QueryParams()
	qf := queueFilter{Status: q.Get("status"), Category: q.Get("category"), Assignee: q.Get("assignee"),
		Group: q.Get("group"), Breached: q.Get("breached") == "1", Complaint: q.Get("complaint") == "1"}
	f := triage.Filter{Category: qf.Category, Group: qf.Group, Complaint: qf.Complaint}
	if st := triage.Status(qf.Status); qf.Status != "" {
		if !st.Valid() || !st.Open() {
			return ec.String(http.StatusBadRequest, catalog.T("staff.error.unknown_status"))
		}
		f.Statuses = []triage.Status{st}
	}
	switch qf.Assignee {
	case "":
	case "me":
		f.Assignee = v.User.Username
	case "none":
		f.Unassigned = true
	default:
		f.Assignee = staff.NormalizeUsername(qf.Assignee)
	}
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	p := triage.Page{Offset: (pageNo - 1) * perPage, Limit: perPage}
	if qf.Breached {
		p = triage.Page{Limit: breachedScan}
	}
	tickets, total, err := c.Tickets.ListOpen(ec.Request().Context(), f, p)
	if err != nil {
		return err
	}
	now := c.Now()
	d := queueData{Filter: qf, Statuses: openStatuses(), Total: total, Page: pageNo,
		Rows: make([]queueRow, 0, len(tickets)), Waiting: c.waitingRows(ec)}
	for _, t := range tickets {
		row := toQueueRow(t, v.User.Username, now)
		if qf.Breached && !row.Breached {
			continue
		}
		d.Rows = append(d.Rows, row)
	}
	if qf.Breached {
		d.Total = len(d.Rows)
	} else {
		if pageNo > 1 {
			d.PrevURL = pageURL(q, pageNo-1)
		}
		if pageNo*perPage < total {
			d.NextURL = pageURL(q, pageNo+1)
		}
	}
	return c.render(ec, http.StatusOK, "queue.html", catalog.T("console.queue.title"), d)
}

func toQueueRow(t triage.Ticket, me string, now time.Time) queueRow {
	due := t.Result.SLA.FirstResponseBy
	return queueRow{Number: t.Number, Priority: string(t.Priority), PriorityLabel: t.Priority.Label(),
		Status: string(t.Status), StatusLabel: t.Status.Label(), Category: t.Record.Case.CategoryName,
		Symptom: t.Record.Case.Symptom, Assignee: t.Assignee, DueAt: due, CreatedAt: t.CreatedAt,
		Breached: !due.IsZero() && now.After(due), Mine: t.Assignee == me, Complaint: t.Complaint}
}

// openStatuses lists the statuses a queue filter may pick.
func openStatuses() []triage.Status {
	var out []triage.Status
	for _, s := range triage.Statuses() {
		if s.Open() {
			out = append(out, s)
		}
	}
	return out
}

func pageURL(q url.Values, n int) string {
	q2 := url.Values{}
	for k, vs := range q {
		q2[k] = vs
	}
	q2.Set("page", strconv.Itoa(n))
	return "/console/?" + q2.Encode()
}
