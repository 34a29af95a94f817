package bot

import (
	"slices"
	"strings"
	"time"
)

// Case is the intake record the dialog fills: what the seed process asks an agent to
// record by phone. The extractor's Facts carry the customer's answers; the rest is what the
// dialog itself learns (photos, location, which checks were tried).
type Case struct {
	Facts

	Lat float64 `json:"lat,omitempty"` // from a location message
	Lng float64 `json:"lng,omitempty"`

	Photos []string `json:"photos,omitempty"` // image media ids, attached to the ticket

	Made        Date       `json:"made,omitzero"`        // production date read from a photo (nameplate)
	Evidence    []Evidence `json:"evidence,omitempty"`   // facts confirmed from photos, for the ticket
	PhotoHinted bool       `json:"photo_hint,omitempty"` // an unreadable photo got its one hint

	ModelUnknown    bool `json:"model_unknown,omitempty"`  // "型号不知道"
	PurchaseUnknown bool `json:"bought_unknown,omitempty"` // "不记得什么时候买的"
	StartedUnknown  bool `json:"started_unknown,omitempty"`

	RuleID     string `json:"rule,omitempty"`       // the knowledge rule matched to the symptom
	RuleTitle  string `json:"rule_title,omitempty"` // its title, for the summary and the ticket
	StepsTried int    `json:"steps,omitempty"`      // self-service steps the customer went through
	SelfDone   bool   `json:"self_done,omitempty"`  // self-service is behind us (tried, or none fits)
	// Recovered is set when the fault went away while the details were asked ("搞掂了 多谢"):
	// the case is kept, and taken up again if the fault comes back soon ("又唔得了").
	Recovered bool `json:"recovered,omitempty"`
	// SubmitNow is set when the customer asked to file while optional details were still
	// asked ("就这些 提交吧", "别问了 直接报修"): those are left for staff, and the ticket is
	// filed as soon as the contact details are in, read back instead of a summary to confirm.
	SubmitNow bool `json:"submit_now,omitempty"`
	// Advised is set once the customer was told not to charge a ridden vehicle's battery
	// indoors (chargesIndoors): said once a case.
	Advised bool `json:"advised,omitempty"`
	// LeakAdvised is set once the customer was told to close a leaking appliance's inlet
	// valve (leakAdvice): said once a case, unless asked again.
	LeakAdvised bool `json:"leak_advised,omitempty"`
	// Cared is set once the customer was told to look after a fever first (cueFever).
	Cared bool `json:"cared,omitempty"`
	// HazardDenied holds the parts of the safety rule's title the customer denied ("没有焦味啊
	// 你们别写错了" drops "有烧焦味"): the ticket and the read-back leave them out
	// (HazardTitle); the case stays a safety case.
	HazardDenied []string `json:"hz_denied,omitempty"`

	At time.Time `json:"at,omitempty"` // when the case started, for the product's age

	Safety     bool   `json:"safety,omitempty"`      // a hazard was reported
	SafetyRule string `json:"safety_rule,omitempty"` // the safety rule that fired
	// HazardsBefore are the safety rules of hazards told earlier in the case than SafetyRule
	// ("冒火星子了" before "插头有焦糊味"): the latest one's advice answers what follows, and
	// every one of them is on the ticket.
	HazardsBefore []string `json:"hazards_before,omitempty"`
	// SafetyAsked is set when the hazard was read from words that tell no sign of it ("晚上充
	// 电会不会起火"): a clear denial ("没着火啊 我就是问问") may then step back from it.
	SafetyAsked bool `json:"safety_asked,omitempty"`
	Return      bool `json:"return,omitempty"` // the customer asked to return or exchange it
	// ProofDoubt is why the purchase cannot be shown as told: a gift, second-hand, bought
	// abroad, no invoice (the words the customer used); triage then leaves the warranty 待核实.
	ProofDoubt string `json:"proof_doubt,omitempty"`
	// Outside is the place outside the mainland the customer is in (Conversation.Outside):
	// no visit is promised there, and the warranty is checked.
	Outside string `json:"outside,omitempty"`
	// RepairClaim is the customer's word that the fault is back after a recent repair
	// ("上个月刚修过又坏了"): triage leaves a paid repair out until the repair record is
	// checked (a repeat inside a repair's own warranty is free).
	RepairClaim string `json:"repair_claim,omitempty"`
	// CallWindow is when the customer can be phoned, as they said it ("中午12点到1点",
	// "晚上六点半以后", "周末"): on the ticket, and every callback promise keeps to it.
	CallWindow string `json:"call_window,omitempty"`
	Complaints int    `json:"complaints,omitempty"` // complaints made during this case
	Complaint  string `json:"complaint,omitempty"`  // a complaint risk: the words that made it one
	// ComplaintNotes are what a supervisor needs of a complaint, as told anywhere in the
	// case: the repeat count, an earlier paid repair with its amount and part, the demand,
	// the escalation named ("同一故障第 3 次报修", "此前付费维修 260 元（更换四通阀）").
	ComplaintNotes []string `json:"complaint_notes,omitempty"`

	Guided  bool     `json:"guided,omitempty"`  // the menu of common faults was offered
	Offered []string `json:"offered,omitempty"` // the rule ids of that menu, in order
	Skipped []Slot   `json:"skipped,omitempty"` // optional details the customer could not give
}

// OtherCategory is the category of a product outside every category the knowledge base
// knows: the case goes on, with the product as the customer named it (Facts.Product), to
// a person, under a warranty to be checked.
const OtherCategory = "other"

// Contact is what the bot remembers about a customer across cases, so a returning
// customer is not asked their name and phone again.
type Contact struct {
	Name    string  `json:"name,omitempty"`
	Surname bool    `json:"surname,omitempty"`
	Phone   Phone   `json:"phone,omitempty"`
	Address string  `json:"addr,omitempty"`
	Region  string  `json:"region,omitempty"`
	City    string  `json:"city,omitempty"`
	Lat     float64 `json:"lat,omitempty"`
	Lng     float64 `json:"lng,omitempty"`
}

// contact returns the case's contact details.
func (c *Case) contact() Contact {
	return Contact{Name: c.Name, Surname: c.NameSurname, Phone: c.Phone, Address: c.Address,
		Region: c.Region, City: c.City, Lat: c.Lat, Lng: c.Lng}
}

// withContact starts a case from remembered contact details.
func withContact(ct Contact) Case {
	var c Case
	c.Name, c.NameSurname, c.Phone, c.Address, c.Region, c.City, c.Lat, c.Lng =
		ct.Name, ct.Surname, ct.Phone, ct.Address, ct.Region, ct.City, ct.Lat, ct.Lng
	return c
}

// fill copies the facts of f into the empty fields of c only: what the customer already
// answered is changed through the confirmation summary, not by a stray word later.
func (c *Case) fill(f Facts) {
	merged := f.Merge(c.Facts) // c's own answers win
	c.Facts = merged
}

// addSymptomDetail adds words told beside a menu's number to the fault, once.
func (c *Case) addSymptomDetail(words string) {
	if words == "" || strings.Contains(c.Symptom, words) || runes(c.Symptom)+runes(words) > maxSymptomRunes {
		return
	}
	c.Symptom = strings.TrimPrefix(c.Symptom+symptomJoiner+words, symptomJoiner)
}

// someoneElses reports that the number f tells is told as another person's ("上门前先打我妈家
// 座机027-…"): OtherPhone names it.
func (f *Facts) someoneElses() bool {
	return !f.Phone.IsZero() && f.OtherPhone != "" && strings.Contains(digitsOf(f.OtherPhone), digitsOf(f.Phone.Number))
}

// tellPhone keeps the numbers f tells on a case that may already have one: the customer's
// own number is the phone; a number told as someone else's ("上门的话打我妈的 027-…") is kept
// beside it as OtherPhone and never replaces it, unless the customer says to (fix: "电话打错了
// 是…", "换成这个号"). It reports whether the case changed.
func (c *Case) tellPhone(f Facts, fix bool) bool {
	before, other := c.Phone, c.OtherPhone
	switch {
	case f.Phone.IsZero():
	case f.someoneElses() && !c.Phone.IsZero() && !fix:
		c.OtherPhone = f.OtherPhone
	default:
		c.Phone, c.PhoneErr = f.Phone, nil
		if f.OtherPhone != "" {
			c.OtherPhone = f.OtherPhone
		}
	}
	return c.Phone != before || c.OtherPhone != other
}

// digitsOf is the ASCII digits of s.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// dropModelFromFault takes the model back out of the fault words it went into ("充不进电了，
// H12 Pro吧" once the model is H12 Pro): a part of the fault that is the model, with a hedge
// or a label at most, is no fault. It reports whether the fault changed.
func (c *Case) dropModelFromFault() bool {
	key := alnumKey(c.Model)
	if key == "" || c.Symptom == "" {
		return false
	}
	parts := strings.Split(c.Symptom, symptomJoiner)
	kept := parts[:0]
	for _, p := range parts {
		if m, ok := modelAsWritten(p); ok && alnumKey(m) == key && hanCount(p) <= 6 {
			continue
		}
		kept = append(kept, p)
	}
	if len(kept) == len(parts) || len(kept) == 0 {
		return false
	}
	c.Symptom = strings.Join(kept, symptomJoiner)
	return true
}

// modelOutOfFault takes a model told to a filed case out of the fault words (dropModelFromFault),
// and sends the fault as it now stands with the details for the ticket.
func (c *Case) modelOutOfFault(f *Facts) {
	if f.Model != "" && c.dropModelFromFault() {
		f.Symptom = c.Symptom
	}
}

// setHazard marks the case a safety case under rule id, keeping a different earlier hazard
// in HazardsBefore.
func (c *Case) setHazard(id string) {
	if c.SafetyRule != "" && c.SafetyRule != id && !slices.Contains(c.HazardsBefore, c.SafetyRule) {
		c.HazardsBefore = append(c.HazardsBefore, c.SafetyRule)
	}
	c.HazardsBefore = slices.DeleteFunc(c.HazardsBefore, func(h string) bool { return h == id })
	c.Safety, c.SafetyRule = true, id
}

// HazardRules are the safety rules of every hazard told in the case, the earliest first.
func (c *Case) HazardRules() []string {
	if c.SafetyRule == "" {
		return nil
	}
	return append(slices.Clone(c.HazardsBefore), c.SafetyRule)
}
