package triage

import (
	"time"

	"github.com/wxintake/intake/catalog"
)

// Case is what the triage decisions read: the product, the fault as the customer described
// it, and the hint of the knowledge rule that matched. The bot fills it during intake.
type Case struct {
	Category     string // product category id, e.g. "air_conditioner"
	CategoryName string // the category as staff read it, e.g. "空调"
	Brand        string
	Model        string

	// PurchaseDate may be unknown (zero) or known to the month only.
	PurchaseDate Date
	// Delivered is the day the product reached the customer (delivered, signed for,
	// installed), when told to the day; the 三包 return and exchange days count from it,
	// the warranty period from PurchaseDate. Zero: they count from PurchaseDate.
	Delivered Date
	// ProofDoubt says why the purchase may not be provable as told (a gift, second-hand,
	// bought abroad, no invoice): the warranty is then 待核实, never promised or refused.
	ProofDoubt       string
	ExtendedWarranty Answer
	// ExtendedMonths is the length of the extended warranty; 0 takes the policy's.
	ExtendedMonths int
	// ExtendedTotal: ExtendedMonths is the whole cover from the purchase, the standard
	// period included ("一共保五年"), not months added to it.
	ExtendedTotal bool

	Symptom   string  // the fault in the customer's words
	ErrorCode string  // e.g. "E4"
	Trigger   Trigger // what set the fault off, if anything
	Safety    bool    // a hazard was detected (smoke, burning smell, electric shock…)
	// Complaint is why the case is a complaint risk, as staff read it (the customer named
	// 12315, asked to return it, or the same fault is back after a repair); "" when it is
	// none. A complaint is urgent, goes to the complaint group and is answered within the
	// complaint target (SLATargets.ComplaintWithin).
	Complaint string
	// ComplaintNotes are the complaint's details for the supervisor, as the customer told
	// them: the repeat count, an earlier paid repair, the demand, the escalation named.
	ComplaintNotes []string

	Hint Hint // from the matched knowledge rule; zero when none matched

	// RepairClaim is the customer's word that the same fault is back after a recent repair
	// ("上个月刚修过又坏了"), which no repair record here shows yet: a repeat inside the
	// repair's own warranty would be free, so the warranty is 待核实 — never a paid repair
	// before the last repair is looked up. "" when the customer said no such thing.
	RepairClaim string

	// Repairs are the customer's earlier completed repairs of the same fault (same rule or
	// error code), for the 三包 rights: a repeat inside a repair's own warranty is free,
	// and Policy.MaxRepairs of them offer an exchange or a return. See RightsOf.
	Repairs []Repair

	// ReportedAt is when the customer reported the fault; it must be set. Warranty reads
	// its civil date in ReportedAt's own location; Triage first moves it into the
	// calendar's location.
	ReportedAt time.Time
	Region     string // province/city, for dispatch
}

// Hint is what a knowledge rule says about the fault it matches. Every field is optional.
type Hint struct {
	FaultClass    FaultClass // "" when the rule does not say
	Priority      Priority   // "" when the rule does not say
	OnSite        bool       // the repair needs an engineer on site
	Skill         string     // engineer skill for dispatch, e.g. "refrigeration"
	Component     string     // component id with its own warranty period, e.g. "compressor"
	ComponentName string     // the component as staff read it, e.g. "压缩机"
	PartsMin      int        // parts price range in yuan, for out-of-warranty estimates
	PartsMax      int
	LabourMin     int // labour price range in yuan
	LabourMax     int
}

// Answer is a customer's yes/no answer that may not have been given.
type Answer string

// The answers; the zero value is AnswerUnknown.
const (
	AnswerUnknown Answer = ""
	AnswerYes     Answer = "yes"
	AnswerNo      Answer = "no"
)

// Trigger is an obvious cause the customer reports for the fault.
type Trigger string

// The triggers. TriggerVoltage is a fluctuation of the grid, which is not the customer's
// doing; TriggerWrongVoltage is plugging into the wrong supply (a 110 V product on 220 V),
// which is.
const (
	TriggerUnknown         Trigger = ""
	TriggerNone            Trigger = "none"
	TriggerVoltage         Trigger = "voltage"
	TriggerWrongVoltage    Trigger = "wrong_voltage"
	TriggerForeignObject   Trigger = "foreign_object"
	TriggerWater           Trigger = "water"
	TriggerDrop            Trigger = "drop"
	TriggerSelfDisassembly Trigger = "self_disassembly"
)

// UserDamage reports whether the trigger makes the fault the customer's own doing.
func (t Trigger) UserDamage() bool {
	switch t {
	case TriggerWrongVoltage, TriggerWater, TriggerDrop, TriggerSelfDisassembly:
		return true
	}
	return false
}

// Label returns the trigger as staff read it, e.g. "进水".
func (t Trigger) Label() string {
	if t == TriggerUnknown {
		return catalog.T("triage.trigger.unknown")
	}
	return catalog.T("triage.trigger." + string(t))
}

// name returns the category as staff read it, or its id.
func (c Case) name() string {
	if c.CategoryName != "" {
		return c.CategoryName
	}
	return c.Category
}
