package triagedb

import (
	"strconv"
	"time"

	"github.com/wxintake/intake/triage"
)

// The JSON documents of a ticket row. They mirror triage.Record and triage.Result with
// their own snake_case names, so renaming a Go field never breaks stored tickets; a field
// added to the domain must be added here too (TestTicketRoundTrip fails until it is).
// Dates use triage.Date's text form ("2025-06-10", "2025-06" or "").

// recordJSON is the stored triage.Record.
type recordJSON struct {
	Name       string         `json:"name"`
	Phone      string         `json:"phone"`
	OtherPhone string         `json:"other_phone,omitempty"`
	CallWindow string         `json:"call_window,omitempty"`
	Address    string         `json:"address"`
	Latitude   float64        `json:"lat,omitempty"`
	Longitude  float64        `json:"lng,omitempty"`
	Serial     string         `json:"serial,omitempty"`
	Channel    string         `json:"channel,omitempty"`
	Occurred   string         `json:"occurred,omitempty"`
	Case       caseJSON       `json:"case"`
	Evidence   []evidenceJSON `json:"evidence,omitempty"`
}

// evidenceJSON is the stored triage.Evidence.
type evidenceJSON struct {
	Field  string `json:"field"`
	Value  string `json:"value"`
	Media  string `json:"media"`
	Source string `json:"source,omitempty"`
	Verify bool   `json:"verify,omitempty"`
}

// caseJSON is the stored triage.Case.
type caseJSON struct {
	Category         string       `json:"category"`
	CategoryName     string       `json:"category_name,omitempty"`
	Brand            string       `json:"brand,omitempty"`
	Model            string       `json:"model,omitempty"`
	PurchaseDate     dateText     `json:"purchase_date"`
	Delivered        dateText     `json:"delivered,omitzero"`
	ExtendedWarranty string       `json:"extended_warranty,omitempty"`
	ExtendedMonths   int          `json:"extended_months,omitempty"`
	ExtendedTotal    bool         `json:"extended_total,omitempty"`
	ProofDoubt       string       `json:"proof_doubt,omitempty"`
	RepairClaim      string       `json:"repair_claim,omitempty"`
	Symptom          string       `json:"symptom"`
	ErrorCode        string       `json:"error_code,omitempty"`
	Trigger          string       `json:"trigger,omitempty"`
	Safety           bool         `json:"safety,omitempty"`
	Complaint        string       `json:"complaint,omitempty"`
	ComplaintNotes   []string     `json:"complaint_notes,omitempty"`
	Hint             hintJSON     `json:"hint"`
	ReportedAt       time.Time    `json:"reported_at"`
	Region           string       `json:"region,omitempty"`
	Repairs          []repairJSON `json:"repairs,omitempty"`
}

// repairJSON is the stored triage.Repair: an earlier repair of the same fault.
type repairJSON struct {
	Ticket string   `json:"ticket"`
	Done   dateText `json:"done"`
}

// rightsJSON is the stored triage.Rights: the 三包 decision on the report day.
type rightsJSON struct {
	Stage            string       `json:"stage,omitempty"`
	Options          []string     `json:"options,omitempty"`
	DaysMin          int          `json:"days_min"`
	DaysMax          int          `json:"days_max"`
	FromDelivery     bool         `json:"from_delivery,omitempty"`
	RepeatFree       bool         `json:"repeat_free,omitempty"`
	FreeUntil        dateText     `json:"free_until"`
	LastRepair       repairJSON   `json:"last_repair"`
	Repairs          int          `json:"repairs,omitempty"`
	RepairsExhausted bool         `json:"repairs_exhausted,omitempty"`
	Reasons          []reasonJSON `json:"reasons,omitempty"`
}

// hintJSON is the stored triage.Hint.
type hintJSON struct {
	FaultClass    string `json:"fault_class,omitempty"`
	Priority      string `json:"priority,omitempty"`
	OnSite        bool   `json:"on_site,omitempty"`
	Skill         string `json:"skill,omitempty"`
	Component     string `json:"component,omitempty"`
	ComponentName string `json:"component_name,omitempty"`
	PartsMin      int    `json:"parts_min,omitempty"`
	PartsMax      int    `json:"parts_max,omitempty"`
	LabourMin     int    `json:"labour_min,omitempty"`
	LabourMax     int    `json:"labour_max,omitempty"`
}

// resultJSON is the stored triage.Result.
type resultJSON struct {
	FaultClass   string       `json:"fault_class"`
	Warranty     string       `json:"warranty"`
	CoveredUntil dateText     `json:"covered_until"`
	Estimate     estimateJSON `json:"estimate"`
	Priority     string       `json:"priority"`
	OnSite       bool         `json:"on_site,omitempty"`
	Skill        string       `json:"skill,omitempty"`
	Complaint    bool         `json:"complaint,omitempty"`
	Handoff      bool         `json:"handoff,omitempty"`
	SLA          slaJSON      `json:"sla"`
	Reasons      []reasonJSON `json:"reasons"`
	// Why a repair is free at filing ("压缩机保修 72 个月", the purchase date, the product).
	Period   string     `json:"period,omitempty"`
	Bought   dateText   `json:"bought"`
	Product  string     `json:"product,omitempty"`
	PartOnly bool       `json:"part_only,omitempty"`
	Rights   rightsJSON `json:"rights"`
}

// estimateJSON is the stored triage.Estimate.
type estimateJSON struct {
	PartsMin  int `json:"parts_min,omitempty"`
	PartsMax  int `json:"parts_max,omitempty"`
	LabourMin int `json:"labour_min,omitempty"`
	LabourMax int `json:"labour_max,omitempty"`
}

// slaJSON is the stored triage.SLA.
type slaJSON struct {
	FirstResponseBy time.Time  `json:"first_response_by"`
	DiagnosisBy     time.Time  `json:"diagnosis_by"`
	Reason          reasonJSON `json:"reason"`
}

// reasonJSON is the stored triage.Reason: the catalog key and the sentence staff read.
type reasonJSON struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

func toRecordJSON(r triage.Record) recordJSON {
	c, h := r.Case, r.Case.Hint
	return recordJSON{
		Name: r.Name, Phone: r.Phone, OtherPhone: r.OtherPhone, CallWindow: r.CallWindow, Address: r.Address,
		Latitude: r.Latitude, Longitude: r.Longitude,
		Serial: r.Serial, Channel: r.Channel, Occurred: r.Occurred,
		Case: caseJSON{
			Category: c.Category, CategoryName: c.CategoryName, Brand: c.Brand, Model: c.Model,
			PurchaseDate: dateText(c.PurchaseDate), Delivered: dateText(c.Delivered), ExtendedWarranty: string(c.ExtendedWarranty),
			ExtendedMonths: c.ExtendedMonths, ExtendedTotal: c.ExtendedTotal, ProofDoubt: c.ProofDoubt, RepairClaim: c.RepairClaim, Symptom: c.Symptom, ErrorCode: c.ErrorCode,
			Trigger: string(c.Trigger), Safety: c.Safety, Complaint: c.Complaint, ComplaintNotes: c.ComplaintNotes,
			Hint: hintJSON{
				FaultClass: string(h.FaultClass), Priority: string(h.Priority), OnSite: h.OnSite,
				Skill: h.Skill, Component: h.Component, ComponentName: h.ComponentName,
				PartsMin: h.PartsMin, PartsMax: h.PartsMax, LabourMin: h.LabourMin, LabourMax: h.LabourMax,
			},
			ReportedAt: c.ReportedAt, Region: c.Region, Repairs: toRepairsJSON(c.Repairs),
		},
		Evidence: toEvidenceJSON(r.Evidence),
	}
}

func toRepairsJSON(rs []triage.Repair) []repairJSON {
	var out []repairJSON
	for _, r := range rs {
		out = append(out, repairJSON{Ticket: r.Ticket, Done: dateText(r.Done)})
	}
	return out
}

func fromRepairsJSON(rs []repairJSON) []triage.Repair {
	var out []triage.Repair
	for _, r := range rs {
		out = append(out, triage.Repair{Ticket: r.Ticket, Done: triage.Date(r.Done)})
	}
	return out
}

func toRightsJSON(r triage.Rights) rightsJSON {
	out := rightsJSON{Stage: string(r.Stage), DaysMin: r.DaysMin, DaysMax: r.DaysMax, FromDelivery: r.FromDelivery, RepeatFree: r.RepeatFree,
		FreeUntil: dateText(r.FreeUntil), LastRepair: repairJSON{Ticket: r.LastRepair.Ticket, Done: dateText(r.LastRepair.Done)},
		Repairs: r.Repairs, RepairsExhausted: r.RepairsExhausted}
	for _, o := range r.Options {
		out.Options = append(out.Options, string(o))
	}
	for _, why := range r.Reasons {
		out.Reasons = append(out.Reasons, reasonJSON(why))
	}
	return out
}

func (r rightsJSON) toDomain() triage.Rights {
	out := triage.Rights{Stage: triage.Stage(r.Stage), DaysMin: r.DaysMin, DaysMax: r.DaysMax, FromDelivery: r.FromDelivery, RepeatFree: r.RepeatFree,
		FreeUntil: triage.Date(r.FreeUntil), LastRepair: triage.Repair{Ticket: r.LastRepair.Ticket, Done: triage.Date(r.LastRepair.Done)},
		Repairs: r.Repairs, RepairsExhausted: r.RepairsExhausted}
	for _, o := range r.Options {
		out.Options = append(out.Options, triage.Remedy(o))
	}
	for _, why := range r.Reasons {
		out.Reasons = append(out.Reasons, triage.Reason(why))
	}
	return out
}

func toEvidenceJSON(es []triage.Evidence) []evidenceJSON {
	var out []evidenceJSON
	for _, e := range es {
		out = append(out, evidenceJSON(e))
	}
	return out
}

func fromEvidenceJSON(es []evidenceJSON) []triage.Evidence {
	var out []triage.Evidence
	for _, e := range es {
		out = append(out, triage.Evidence(e))
	}
	return out
}

func (r recordJSON) toDomain() triage.Record {
	c, h := r.Case, r.Case.Hint
	return triage.Record{
		Name: r.Name, Phone: r.Phone, OtherPhone: r.OtherPhone, CallWindow: r.CallWindow, Address: r.Address,
		Latitude: r.Latitude, Longitude: r.Longitude,
		Serial: r.Serial, Channel: r.Channel, Occurred: r.Occurred,
		Case: triage.Case{
			Category: c.Category, CategoryName: c.CategoryName, Brand: c.Brand, Model: c.Model,
			PurchaseDate: triage.Date(c.PurchaseDate), Delivered: triage.Date(c.Delivered), ExtendedWarranty: triage.Answer(c.ExtendedWarranty),
			ExtendedMonths: c.ExtendedMonths, ExtendedTotal: c.ExtendedTotal, ProofDoubt: c.ProofDoubt, RepairClaim: c.RepairClaim, Symptom: c.Symptom, ErrorCode: c.ErrorCode,
			Trigger: triage.Trigger(c.Trigger), Safety: c.Safety, Complaint: c.Complaint, ComplaintNotes: c.ComplaintNotes,
			Hint: triage.Hint{
				FaultClass: triage.FaultClass(h.FaultClass), Priority: triage.Priority(h.Priority),
				OnSite: h.OnSite, Skill: h.Skill, Component: h.Component, ComponentName: h.ComponentName,
				PartsMin: h.PartsMin, PartsMax: h.PartsMax, LabourMin: h.LabourMin, LabourMax: h.LabourMax,
			},
			ReportedAt: c.ReportedAt, Region: c.Region, Repairs: fromRepairsJSON(c.Repairs),
		},
		Evidence: fromEvidenceJSON(r.Evidence),
	}
}

func toResultJSON(r triage.Result) resultJSON {
	e := r.Warranty.Estimate
	reasons := make([]reasonJSON, len(r.Reasons))
	for i, why := range r.Reasons {
		reasons[i] = reasonJSON(why)
	}
	return resultJSON{
		FaultClass: string(r.FaultClass), Warranty: string(r.Warranty.Status),
		CoveredUntil: dateText(r.Warranty.CoveredUntil),
		Estimate:     estimateJSON{PartsMin: e.PartsMin, PartsMax: e.PartsMax, LabourMin: e.LabourMin, LabourMax: e.LabourMax},
		Priority:     string(r.Priority), OnSite: r.OnSite, Skill: r.Skill, Complaint: r.Complaint, Handoff: r.Handoff,
		SLA:     slaJSON{FirstResponseBy: r.SLA.FirstResponseBy, DiagnosisBy: r.SLA.DiagnosisBy, Reason: reasonJSON(r.SLA.Reason)},
		Reasons: reasons,
		Period:  r.Warranty.Period, Bought: dateText(r.Warranty.Bought), Product: r.Warranty.Product, PartOnly: r.Warranty.PartOnly,
		Rights: toRightsJSON(r.Rights),
	}
}

func (r resultJSON) toDomain() triage.Result {
	e := r.Estimate
	var reasons []triage.Reason
	for _, why := range r.Reasons {
		reasons = append(reasons, triage.Reason(why))
	}
	return triage.Result{
		FaultClass: triage.FaultClass(r.FaultClass),
		Warranty: triage.WarrantyResult{
			Status:       triage.WarrantyStatus(r.Warranty),
			CoveredUntil: triage.Date(r.CoveredUntil),
			Estimate:     triage.Estimate{PartsMin: e.PartsMin, PartsMax: e.PartsMax, LabourMin: e.LabourMin, LabourMax: e.LabourMax},
			Period:       r.Period, Bought: triage.Date(r.Bought), Product: r.Product, PartOnly: r.PartOnly,
		},
		Rights:   r.Rights.toDomain(),
		Priority: triage.Priority(r.Priority), OnSite: r.OnSite, Skill: r.Skill, Complaint: r.Complaint, Handoff: r.Handoff,
		SLA: triage.SLA{
			FirstResponseBy: r.SLA.FirstResponseBy, DiagnosisBy: r.SLA.DiagnosisBy,
			Reason: triage.Reason(r.SLA.Reason),
		},
		Reasons: reasons,
	}
}

// dateText stores a triage.Date in its text form, "2025-06-10", "2025-06" or "". Reading
// the canonical forms directly skips triage.ParseDate, which accepts every way a customer
// writes a date and costs a good part of decoding a queue page.
type dateText triage.Date

// MarshalText writes the date as triage.Date does.
func (d dateText) MarshalText() ([]byte, error) { return triage.Date(d).MarshalText() }

// UnmarshalText reads the canonical forms, and anything else through triage.ParseDate.
func (d *dateText) UnmarshalText(b []byte) error {
	s := string(b)
	if (len(s) == 7 || len(s) == 10) && s[4] == '-' && (len(s) == 7 || s[7] == '-') {
		y, errY := strconv.Atoi(s[:4])
		m, errM := strconv.Atoi(s[5:7])
		day := 0
		var errD error
		if len(s) == 10 {
			day, errD = strconv.Atoi(s[8:])
		}
		v := triage.Date{Year: y, Month: time.Month(m), Day: day}
		if errY == nil && errM == nil && errD == nil && (len(s) == 7 || day > 0) && v.Valid() {
			*d = dateText(v)
			return nil
		}
	}
	v, err := triage.ParseDate(s)
	*d = dateText(v)
	return err
}
