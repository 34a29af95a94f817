package bot

import (
	"strconv"
	"time"
)

// State names where a conversation is. It is a string so a conversation can be stored as
// plain data and read back by any instance.
type State string

// The states of the conversation. Step has one case for each.
const (
	StateNew     State = ""        // never talked, or forgotten after the idle expiry
	StateCollect State = "collect" // asking for Asking
	StateSelf    State = "self"    // walking through a rule's self-service checks
	StateConfirm State = "confirm" // showing the numbered summary, waiting for 确认 or a number
	StateEdit    State = "edit"    // changing one field of the summary (Asking)
	StateVisit   State = "visit"   // offering engineer visit windows for the new ticket
	StateHuman   State = "human"   // handed to a person; the bot stays quiet
	StateDone    State = "done"    // the case ended (solved, escalated or cancelled)
	StateResume  State = "resume"  // asking whether to continue an interrupted case
	StateRating  State = "rating"  // the follow-up asked for a 1–5 rating of RateTicket
	StateComment State = "comment" // a rating was given; an optional comment may follow
)

// Conversation is everything the bot remembers about one customer between messages. It is
// plain data: the service loads it, Step changes a copy, the service saves it. Field names
// are short because every active customer has one in Redis.
type Conversation struct {
	OpenID string `json:"o"`
	State  State  `json:"s,omitempty"`
	Prev   State  `json:"ps,omitempty"` // the state a resume question interrupted

	Asking  Slot   `json:"q,omitempty"`  // the question waiting for an answer
	Fails   int    `json:"f,omitempty"`  // unclear answers to that question
	History []Slot `json:"h,omitempty"`  // questions answered, for 返回
	Step    int    `json:"st,omitempty"` // walkthrough: the step shown
	// Verdict is what the bot's last reply in self-service asked (verdictStep,
	// verdictPlain; self_verdict.go); SelfDoubt that the customer said they could not tell
	// whether a check helped. A bare "嗯 行" closes the case only after the plain question.
	Verdict   string `json:"vd,omitempty"`
	SelfDoubt bool   `json:"sd,omitempty"`
	Reminded  int    `json:"rm,omitempty"` // reminders of the step shown, answered with something else

	Case    Case `json:"c"`
	CaseSeq int  `json:"cs,omitempty"` // cases this customer started
	// Outside is the place outside the mainland the customer said they are in (香港, 台中)
	// or whose phone number they gave; told once, kept for every case.
	Outside  string        `json:"out,omitempty"`
	CaseAt   time.Time     `json:"ca,omitempty"` // when the current case started
	Pending  Escalation    `json:"pe,omitempty"` // why the ticket being opened is opened
	Windows  []VisitWindow `json:"w,omitempty"`  // visit windows on offer
	VisitAsk bool          `json:"wa,omitempty"` // none suited: asked when suits them (visit.go)
	Ticket   string        `json:"tk,omitempty"` // the current case's ticket
	Also     string        `json:"al,omitempty"` // a second appliance offered for a report after this case (offerAlso)
	Tickets  []string      `json:"ts,omitempty"` // recent tickets, newest last
	// Household are the recent tickets with the product each is for, newest last: a name,
	// phone or address told after filing goes onto those filed lately (household.go), and
	// "热水器那单" picks one by its product.
	Household []FiledTicket `json:"hh,omitempty"`
	Contact   Contact       `json:"ct,omitempty"` // remembered across cases

	// AskedHuman says the customer asked for a person during this case ("转人工"): they are
	// not told to ask for one again.
	AskedHuman bool `json:"ah,omitempty"`

	Paused     bool   `json:"p,omitempty"`  // a staff member has taken over the chat
	Agent      string `json:"ag,omitempty"` // who took it over
	RateTicket string `json:"rt,omitempty"` // the ticket the follow-up survey is about

	SafetyCheck string `json:"sc,omitempty"` // the hazard family asked about in the last reply (bot.safety.check)
	// SafetyCheckLeft is how many more turns the safety question stays open when a reply
	// answers something else first ("有" two messages later still confirms it).
	SafetyCheckLeft int `json:"scl,omitempty"`

	Photo *PhotoReading `json:"ph,omitempty"` // what a photo read, waiting for the customer's 对 (dialog_photo.go)

	FindNumber string `json:"fn,omitempty"` // a ticket number not ours, waiting for the phone's last four digits
	Lookups    int    `json:"fl,omitempty"` // lookups that found nothing: after maxLookups, no more`

	Turns     int       `json:"n,omitempty"`
	StartedAt time.Time `json:"t0,omitempty"`
	UpdatedAt time.Time `json:"t,omitempty"`
	AckedAt   time.Time `json:"ack,omitempty"` // last "a person will answer" acknowledgement
	WaitSince time.Time `json:"wt,omitempty"`  // queued for a person with no ticket since (handoff.go)
}

// CaseKey identifies the current case across retries and instances: opening its ticket
// twice yields one ticket.
func (c *Conversation) CaseKey() string {
	return c.OpenID + ":" + strconv.FormatInt(c.CaseAt.Unix(), 10) + ":" + strconv.Itoa(c.CaseSeq)
}

// inProgress reports whether a case is being collected.
func (s State) inProgress() bool {
	switch s {
	case StateCollect, StateSelf, StateConfirm, StateEdit, StateVisit:
		return true
	}
	return false
}

const maxHistory = 16
const maxTickets = 5

func (c *Conversation) pushHistory(s Slot) {
	if s == "" {
		return
	}
	c.History = append(c.History, s)
	if len(c.History) > maxHistory {
		c.History = c.History[len(c.History)-maxHistory:]
	}
}

func (c *Conversation) addTicket(number string, at time.Time) {
	c.Ticket = number
	c.Tickets = append(c.Tickets, number)
	if len(c.Tickets) > maxTickets {
		c.Tickets = c.Tickets[len(c.Tickets)-maxTickets:]
	}
	c.Household = append(c.Household, FiledTicket{Number: number, Category: c.Case.Category, Product: c.Case.Product, At: at})
	if len(c.Household) > maxTickets {
		c.Household = c.Household[len(c.Household)-maxTickets:]
	}
}
