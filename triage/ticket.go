package triage

import "time"

// Ticket is an escalated case: what the customer reported, what triage decided, and where
// the repair stands.
type Ticket struct {
	Number  string // "RS20261122-0001", assigned by the Store
	CaseKey string // idempotency key of the case it came from; see Store.Create
	OpenID  string // the customer's WeChat OpenID
	Status  Status

	Priority Priority
	Category string // product category id, as in Record.Case
	Record   Record // the intake
	RuleID   string // the knowledge rule that matched, if any
	// StepsTried are the ids of the self-service steps the customer already tried.
	StepsTried  []string
	Attachments []string // WeChat media ids of photos and voice messages
	Result      Result   // the triage at escalation

	// Complaint flags a complaint risk (Result.Complaint at escalation, or set by staff);
	// the queue can be filtered by it.
	Complaint bool

	Assignee    string // staff member handling it; "" while queued
	Group       string // the staff group (region or skill) it is routed to
	VisitWindow Window // booked visit; zero when none

	CreatedAt time.Time
	UpdatedAt time.Time

	Rating  int    // satisfaction 1–5 from the follow-up; 0 when not rated
	Comment string // the customer's follow-up comment
}

// Record is the intake: who reports, about what, in the customer's words. The product and
// fault fields are the Case triage decided on.
type Record struct {
	Name  string
	Phone string
	// OtherPhone is a second contact as the customer told it, with whose it is and whether
	// the engineer calls it for the visit ("我妈家座机027-88765432（上门联系）"); "" when none.
	OtherPhone string
	// CallWindow is when the customer can be phoned, as they said it ("中午12点到1点",
	// "晚上六点半以后"); "" when they did not say.
	CallWindow string
	Address    string
	// Latitude and Longitude come from a shared WeChat location; zero when none.
	Latitude  float64
	Longitude float64

	Serial   string // serial number, if the customer has it
	Channel  string // where it was bought: "京东", "线下门店"…
	Occurred string // when the fault happened, as the customer said it: "昨天晚上"
	Case     Case
	// Evidence are the facts above read from the customer's photos (issue 17).
	Evidence []Evidence
}

// Evidence is a fact of the record read from a customer's photo, which staff see beside
// the field.
type Evidence struct {
	Field  string // "model", "serial", "purchase", "channel", "made" (production date)
	Value  string // as read: "KFR-35GW/N8MXA3", "2025-06-18"
	Media  string // the photo's media id, one of the ticket's Attachments
	Source string // "order", "invoice", "nameplate", "label"
	// Verify marks a fact staff must check (待核实): a warranty start derived from the
	// production date because there is no invoice.
	Verify bool
}

// StatusChange is one entry of a ticket's status history.
type StatusChange struct {
	From Status
	To   Status
	At   time.Time
	By   string // staff member id, or "system"
	Note string // why, as staff wrote it
}

// Role is who wrote a transcript line.
type Role string

// The roles of a transcript.
const (
	RoleCustomer Role = "customer"
	RoleBot      Role = "bot"
	RoleStaff    Role = "staff"
	RoleSystem   Role = "system" // notices: "工程师已接入", status changes
)

// TranscriptEntry is one message of the conversation kept with the ticket.
type TranscriptEntry struct {
	At   time.Time
	Role Role
	Text string // the text, or a placeholder like "[图片]" for media
	// Media is the media id of a photo the customer sent, recorded from the message's
	// kind; empty for every other line, whatever its text says.
	Media string
}
