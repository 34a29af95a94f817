package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
)

// ticketDetail is one ticket: the list fields, the intake, the triage with its reasons,
// the status history and — for PermReadCustomerPII only — the customer's contact
// details, the transcript and the internal notes. Redacted says those were withheld.
type ticketDetail struct {
	ticketItem
	UpdatedAt   time.Time     `json:"updated_at"`
	Group       string        `json:"group"`
	RuleID      string        `json:"rule_id"`
	StepsTried  []string      `json:"steps_tried"`
	Product     productJSON   `json:"product"`
	Fault       faultJSON     `json:"fault"`
	Triage      triageJSON    `json:"triage"`
	VisitWindow *windowJSON   `json:"visit_window"`
	Rating      int           `json:"rating"`
	History     []historyJSON `json:"history"`
	Redacted    bool          `json:"redacted"`
	Customer    *customerJSON `json:"customer,omitempty"`
	Comment     string        `json:"comment,omitempty"`
	Attachments []string      `json:"attachments,omitempty"`
	Transcript  []messageJSON `json:"transcript,omitempty"`
	Notes       []noteJSON    `json:"notes,omitempty"`
}

type customerJSON struct {
	Name      string  `json:"name"`
	Phone     string  `json:"phone"`
	Address   string  `json:"address"`
	Latitude  float64 `json:"latitude,omitempty"`
	Longitude float64 `json:"longitude,omitempty"`
}

type productJSON struct {
	Category         string      `json:"category"`
	CategoryName     string      `json:"category_name"`
	Brand            string      `json:"brand"`
	Model            string      `json:"model"`
	Serial           string      `json:"serial"`
	Channel          string      `json:"channel"`
	PurchaseDate     triage.Date `json:"purchase_date"`
	ExtendedWarranty string      `json:"extended_warranty"`
}

type faultJSON struct {
	Symptom      string    `json:"symptom"`
	ErrorCode    string    `json:"error_code"`
	Trigger      string    `json:"trigger"`
	TriggerLabel string    `json:"trigger_label"`
	Safety       bool      `json:"safety"`
	Occurred     string    `json:"occurred"`
	Region       string    `json:"region"`
	ReportedAt   time.Time `json:"reported_at"`
}

type triageJSON struct {
	FaultClass      string       `json:"fault_class"`
	Warranty        warrantyJSON `json:"warranty"`
	Priority        string       `json:"priority"`
	OnSite          bool         `json:"on_site"`
	Skill           string       `json:"skill"`
	FirstResponseBy *time.Time   `json:"first_response_by"`
	DiagnosisBy     *time.Time   `json:"diagnosis_by"`
	Reasons         []reasonJSON `json:"reasons"`
}

type warrantyJSON struct {
	Status       string      `json:"status"`
	CoveredUntil triage.Date `json:"covered_until"`
	Estimate     string      `json:"estimate"`
}

type reasonJSON struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

type windowJSON struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Label string    `json:"label"`
}

type historyJSON struct {
	From string    `json:"from"`
	To   string    `json:"to"`
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	Note string    `json:"note"`
}

type messageJSON struct {
	At   time.Time `json:"at"`
	Role string    `json:"role"`
	Text string    `json:"text"`
}

type noteJSON struct {
	ID     uint64    `json:"id"`
	Author string    `json:"author"`
	Text   string    `json:"text"`
	At     time.Time `json:"at"`
}

func toNoteJSON(n staff.Note) noteJSON {
	return noteJSON{ID: n.ID, Author: n.Author, Text: n.Text, At: n.At}
}

func toTicketDetail(t triage.Ticket, pii bool) ticketDetail {
	rc, r := t.Record.Case, t.Result
	d := ticketDetail{
		ticketItem: toTicketItem(t, pii), UpdatedAt: t.UpdatedAt, Group: t.Group, RuleID: t.RuleID,
		StepsTried: stringsOrEmpty(t.StepsTried), Rating: t.Rating, Redacted: !pii,
		Product: productJSON{Category: rc.Category, CategoryName: rc.CategoryName, Brand: rc.Brand, Model: rc.Model,
			Serial: t.Record.Serial, Channel: t.Record.Channel, PurchaseDate: rc.PurchaseDate,
			ExtendedWarranty: string(rc.ExtendedWarranty)},
		Fault: faultJSON{Symptom: rc.Symptom, ErrorCode: rc.ErrorCode, Trigger: string(rc.Trigger),
			TriggerLabel: rc.Trigger.Label(), Safety: rc.Safety, Occurred: t.Record.Occurred, Region: rc.Region,
			ReportedAt: rc.ReportedAt},
		Triage: triageJSON{FaultClass: string(r.FaultClass), Priority: string(r.Priority), OnSite: r.OnSite,
			Skill: r.Skill, FirstResponseBy: timePtr(r.SLA.FirstResponseBy), DiagnosisBy: timePtr(r.SLA.DiagnosisBy),
			Warranty: warrantyJSON{Status: string(r.Warranty.Status), CoveredUntil: r.Warranty.CoveredUntil},
			Reasons:  make([]reasonJSON, len(r.Reasons))},
	}
	if r.Warranty.Status.Paid() {
		d.Triage.Warranty.Estimate = r.Warranty.Estimate.String()
	}
	for i, why := range r.Reasons {
		d.Triage.Reasons[i] = reasonJSON{Key: why.Key, Text: why.Text}
	}
	if w := t.VisitWindow; !w.IsZero() {
		d.VisitWindow = &windowJSON{Start: w.Start, End: w.End, Label: w.Label()}
	}
	if pii {
		rec := t.Record
		d.Customer = &customerJSON{Name: rec.Name, Phone: rec.Phone, Address: rec.Address,
			Latitude: rec.Latitude, Longitude: rec.Longitude}
		d.Comment, d.Attachments = t.Comment, stringsOrEmpty(t.Attachments)
	}
	return d
}

func stringsOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ticket returns one ticket: GET /api/v1/tickets/{number}. Staff without
// PermReadCustomerPII (editors) get it redacted: no customer, OpenID, attachments,
// comment, transcript or notes.
func (a *api) ticket(c echo.Context) error {
	ctx := c.Request().Context()
	number := c.Param("number")
	t, err := a.Tickets.Get(ctx, number)
	if err != nil {
		return a.fail(c, err)
	}
	pii := who(c).User.Can(staff.PermReadCustomerPII)
	d := toTicketDetail(t, pii)
	history, err := a.Tickets.History(ctx, number)
	if err != nil {
		return a.fail(c, err)
	}
	d.History = make([]historyJSON, len(history))
	for i, h := range history {
		d.History[i] = historyJSON{From: string(h.From), To: string(h.To), At: h.At, By: h.By, Note: h.Note}
	}
	if pii {
		transcript, err := a.Tickets.Transcript(ctx, number)
		if err != nil {
			return a.fail(c, err)
		}
		d.Transcript = make([]messageJSON, len(transcript))
		for i, m := range transcript {
			d.Transcript[i] = messageJSON{At: m.At, Role: string(m.Role), Text: m.Text}
		}
		notes, err := a.Notes.Notes(ctx, number)
		if err != nil {
			return a.fail(c, err)
		}
		d.Notes = make([]noteJSON, len(notes))
		for i, n := range notes {
			d.Notes[i] = toNoteJSON(n)
		}
	}
	return c.JSON(http.StatusOK, d)
}

// StatusChanger moves a ticket along its lifecycle on behalf of a staff member and tells
// the customer (internal/notify's Notifier: the change and its notification in one
// transaction). Errors are the store's: triage.ErrNotFound, triage.ErrConflict,
// *triage.TransitionError.
type StatusChanger interface {
	ChangeStatus(ctx context.Context, number string, to triage.Status, by, note string) (triage.Ticket, error)
}

// storeStatuses changes statuses in the store alone, without notifying anyone: the
// StatusChanger of a service built without a notifier.
type storeStatuses struct {
	store triage.Store
	now   func() time.Time
}

func (s storeStatuses) ChangeStatus(ctx context.Context, number string, to triage.Status, by, note string) (triage.Ticket, error) {
	t, err := s.store.Get(ctx, number)
	if err != nil {
		return triage.Ticket{}, err
	}
	return s.store.UpdateStatus(ctx, number, triage.StatusChange{From: t.Status, To: to, At: s.now(), By: by, Note: note})
}

type statusRequest struct {
	Status triage.Status `json:"status"`
	Note   string        `json:"note"`
}

// setStatus moves a ticket along its lifecycle: POST /api/v1/tickets/{number}/status.
// 400 for an unknown status, 409 for a change the lifecycle forbids or that lost a race.
func (a *api) setStatus(c echo.Context) error {
	var req statusRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	if !req.Status.Valid() {
		return a.fail(c, invalidField("status", "staff.error.unknown_status"))
	}
	if len([]rune(req.Note)) > staff.MaxNote {
		return a.fail(c, invalidField("note", "staff.invalid.note", "max", staff.MaxNote))
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	t, err := a.Tickets.Get(ctx, number)
	if err != nil {
		return a.fail(c, err)
	}
	me, from := who(c).User, t.Status
	t, err = a.Statuses.ChangeStatus(ctx, number, req.Status, me.Username, req.Note)
	if err != nil {
		return a.fail(c, err)
	}
	a.audit(ctx, me.Username, staff.ActionStatus, number, map[string]string{
		"from": string(from), "to": string(req.Status), "note": req.Note,
	})
	return c.JSON(http.StatusOK, toTicketItem(t, me.Can(staff.PermReadCustomerPII)))
}

type noteRequest struct {
	Text string `json:"text"`
}

// addNote writes an internal note on a ticket, never sent to the customer:
// POST /api/v1/tickets/{number}/notes.
func (a *api) addNote(c echo.Context) error {
	var req noteRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	if err := staff.CheckNoteText(req.Text); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	number := c.Param("number")
	if _, err := a.Tickets.Get(ctx, number); err != nil {
		return a.fail(c, err)
	}
	n, err := a.Notes.AddNote(ctx, staff.Note{Ticket: number, Author: who(c).User.Username, Text: req.Text, At: a.Now()})
	if err != nil {
		return a.fail(c, err)
	}
	return c.JSON(http.StatusCreated, toNoteJSON(n))
}

type assignRequest struct {
	Assignee string `json:"assignee"`
}

// assign sets who handles a ticket: POST /api/v1/tickets/{number}/assign. With
// PermAssignTickets (admin) to any agent or admin, or to nobody (""). Otherwise only a
// claim — to oneself, of a ticket nobody holds — or a release of one's own ticket.
func (a *api) assign(c echo.Context) error {
	var req assignRequest
	if err := decode(c, &req); err != nil {
		return a.fail(c, err)
	}
	ctx := c.Request().Context()
	me := who(c).User
	to := staff.NormalizeUsername(req.Assignee)
	anyone := me.Can(staff.PermAssignTickets)
	if !anyone && to != "" && to != me.Username {
		return a.fail(c, refuse(http.StatusForbidden, "forbidden", "staff.error.assign_self_only"))
	}
	if to != "" && to != me.Username {
		u, err := a.Staff.User(ctx, to)
		if err != nil || !u.Can(staff.PermWriteTickets) {
			return a.fail(c, invalidField("assignee", "staff.error.invalid_assignee"))
		}
	}
	number := c.Param("number")
	var from string
	t, err := a.Tickets.Update(ctx, number, func(t *triage.Ticket) error {
		from = t.Assignee
		if !anyone && t.Assignee != "" && t.Assignee != me.Username {
			return refuse(http.StatusConflict, "already_assigned", "staff.error.already_assigned", "assignee", t.Assignee)
		}
		t.Assignee, t.UpdatedAt = to, a.Now()
		return nil
	})
	if err != nil {
		return a.fail(c, err)
	}
	if from != to {
		a.audit(ctx, me.Username, staff.ActionAssign, number, map[string]string{"from": from, "to": to})
	}
	return c.JSON(http.StatusOK, toTicketItem(t, me.Can(staff.PermReadCustomerPII)))
}
