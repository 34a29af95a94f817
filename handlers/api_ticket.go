package handlers

import (
	"net/http"
	"regexp"
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
	Name  string `json:"name"`
	Phone string `json:"phone"`
	// OtherPhone is a second contact with whose it is ("我妈家座机027-…（上门联系）").
	OtherPhone string `json:"other_phone,omitempty"`
	// CallWindow is when the customer can be phoned, as told ("中午12点到1点").
	CallWindow string  `json:"call_window,omitempty"`
	Address    string  `json:"address"`
	Latitude   float64 `json:"latitude,omitempty"`
	Longitude  float64 `json:"longitude,omitempty"`
}

type productJSON struct {
	Category     string      `json:"category"`
	CategoryName string      `json:"category_name"`
	Brand        string      `json:"brand"`
	Model        string      `json:"model"`
	Serial       string      `json:"serial"`
	Channel      string      `json:"channel"`
	PurchaseDate triage.Date `json:"purchase_date"`
	// Delivered is the day the product reached the customer when told to the day: the 三包
	// return and exchange days count from it.
	Delivered        triage.Date `json:"delivered"`
	ExtendedWarranty string      `json:"extended_warranty"`
	// ExtendedMonths is the extension's length as told (0: the policy's); with
	// ExtendedTotal it is the whole cover from the purchase, not months added to it.
	ExtendedMonths int  `json:"extended_months"`
	ExtendedTotal  bool `json:"extended_total"`
	// ProofDoubt says why the purchase may not be provable as told (a gift, bought abroad…).
	ProofDoubt string `json:"proof_doubt"`
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
	// RepairClaim is the customer's word that the fault is back after a recent repair.
	RepairClaim string `json:"repair_claim"`
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
	// Media is the media id of a photo the customer sent (GET /console/media/{id});
	// only lines stored as photos have one.
	Media string `json:"media,omitempty"`
	// Undelivered marks a staff reply WeChat has not taken: retry it with retry_of.
	Undelivered *undeliveredJSON `json:"undelivered,omitempty"`
}

type undeliveredJSON struct {
	ID   string `json:"id"`
	Note string `json:"note"`
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
			Serial: t.Record.Serial, Channel: t.Record.Channel, PurchaseDate: rc.PurchaseDate, Delivered: rc.Delivered,
			ExtendedWarranty: string(rc.ExtendedWarranty), ExtendedMonths: rc.ExtendedMonths,
			ExtendedTotal: rc.ExtendedTotal, ProofDoubt: rc.ProofDoubt},
		Fault: faultJSON{Symptom: rc.Symptom, ErrorCode: rc.ErrorCode, Trigger: string(rc.Trigger),
			TriggerLabel: rc.Trigger.Label(), Safety: rc.Safety, Occurred: t.Record.Occurred, Region: rc.Region,
			ReportedAt: rc.ReportedAt, RepairClaim: rc.RepairClaim},
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
	if !pii {
		d.Fault.Symptom = maskNumbers(d.Fault.Symptom)
	}
	if pii {
		rec := t.Record
		d.Customer = &customerJSON{Name: rec.Name, Phone: rec.Phone, OtherPhone: rec.OtherPhone, CallWindow: rec.CallWindow, Address: rec.Address,
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
	if d.VisitWindow != nil {
		d.VisitWindow.Label = a.local(t.VisitWindow).Label() // in the business time zone
	}
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
			d.Transcript[i] = messageJSON{At: m.At, Role: string(m.Role), Text: m.Text, Media: m.Media}
		}
		if err := a.markUndelivered(ctx, number, d.Transcript); err != nil {
			return a.fail(c, err)
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

// longNumber is a run of 7 or more digits, possibly split by spaces or hyphens: a phone
// number or an IMEI a customer typed into their description.
var longNumber = regexp.MustCompile(`\d(?:[\s-]?\d){6,}`)

// maskNumbers hides long numbers in free text for staff who may not read customers'
// contact details (editors see symptoms, not phone numbers typed into them).
func maskNumbers(s string) string { return longNumber.ReplaceAllString(s, "***") }
