package bot

// Effect is something the service must do after a step. Effects are plain values, so Step
// stays pure; the service carries them out in order and feeds the outcome of those that
// have one (a ticket opened, the customer's tickets) back into Step as an Inbound of
// KindResult.
type Effect interface{ effect() }

// Reply sends text to the customer.
type Reply struct{ Text string }

// OpenTicket escalates the case into a ticket. Key makes it idempotent: the same key never
// opens a second ticket, whichever instance retries.
type OpenTicket struct {
	Key    string
	Case   Case
	Reason Escalation
}

// ListTickets looks up the customer's tickets (进度). Intro marks the status shown to a
// returning customer before their new message is answered.
type ListTickets struct{ Intro bool }

// FindTicket looks up a ticket by its number for a customer who is not its owner here
// (filed by phone or from another WeChat account): shown only when PhoneLast4 are the last
// four digits of the phone on it.
type FindTicket struct {
	Number     string
	PhoneLast4 string
}

// RecordOutcome records what became of a knowledge rule's self-service checks.
type RecordOutcome struct {
	RuleID  string
	Outcome string // shown, solved, escalated, abandoned
}

// BookVisit records the visit window the customer chose for a ticket.
type BookVisit struct {
	Number string
	Window VisitWindow
}

// RateTicket records the customer's follow-up rating (Score 1–5) or comment of a ticket.
type RateTicket struct {
	Number  string
	Score   int
	Comment string
}

// NoteUnmatched keeps a fault description the bot found no confident rule for (Kind
// "unmatched"), or one whose product the customer corrected after a rule was matched
// ("corrected"), for editors to learn from: the text, its category, the best rule and
// its confidence; never who said it. The service redacts personal data before storing.
type NoteUnmatched struct {
	Kind     string // "unmatched" or "corrected"
	Text     string
	Category string
	RuleID   string
	Score    float64
}

func (NoteUnmatched) effect() {}

func (RateTicket) effect()    {}
func (Reply) effect()         {}
func (OpenTicket) effect()    {}
func (ListTickets) effect()   {}
func (FindTicket) effect()    {}
func (RecordOutcome) effect() {}
func (BookVisit) effect()     {}

// Escalation says why a case became a ticket.
type Escalation string

// Reasons for escalating.
const (
	EscalateConfirmed Escalation = "confirmed" // the customer confirmed the record
	EscalateHuman     Escalation = "human"     // the customer asked for a person
	EscalateSafety    Escalation = "safety"    // a hazard: no self-service
)

// Outcomes of self-service checks, as recorded against a rule.
const (
	OutcomeShown     = "shown"
	OutcomeSolved    = "solved"
	OutcomeEscalated = "escalated"
	OutcomeAbandoned = "abandoned"
)

// EffectResult is the outcome of an effect, fed back into Step.
type EffectResult struct {
	Opened  *TicketOpened   `json:"opened,omitempty"`  // OpenTicket succeeded
	Tickets []TicketSummary `json:"tickets,omitempty"` // ListTickets
	Listed  bool            `json:"listed,omitempty"`  // ListTickets ran (Tickets may be empty)
	Intro   bool            `json:"intro,omitempty"`   // for ListTickets{Intro: true}
	Lookup  bool            `json:"lookup,omitempty"`  // FindTicket ran; Tickets holds the ticket if the phone matched
	Failed  bool            `json:"failed,omitempty"`  // the effect failed; the customer is told to retry
}

// TicketOpened is what triage decided for a new ticket.
type TicketOpened struct {
	Number     string        // RS20261122-0001
	Commitment string        // the promise to the customer, ready to send
	Windows    []VisitWindow // visit windows to offer when an engineer must come
	// VisitLate is the promised time ("11月28日（周六）2:30") when no window starts by it:
	// the customer is told so, and offered the earliest; "" when the first fits.
	VisitLate string
	Pending   bool // kept aside while the database is away; Number is a reference
}

// VisitWindow is an engineer visit slot offered to the customer.
type VisitWindow struct {
	Label string `json:"l"` // "11月24日（周二）上午 9:00–11:00"
	Start int64  `json:"s"` // Unix seconds
	End   int64  `json:"e"`
	Slot  string `json:"t,omitempty"` // the slot's own label, "上午"
}

// TicketSummary is one ticket as the customer sees it in 进度.
type TicketSummary struct {
	Number  string
	Status  string // 已受理
	Next    string // what happens next
	Promise string // by when
	Visit   string // the booked engineer visit, "11月24日（周二）上午 9:00–11:00"; "" when none
	Link    string // the customer's page for the ticket (status, visit, rating); "" when there is none
}
