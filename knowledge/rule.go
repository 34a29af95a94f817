package knowledge

import (
	"slices"

	"github.com/wxintake/intake/catalog"
)

// Rule is one troubleshooting rule: how a fault is recognised in a customer's message
// (Triggers, Condition), which self-service checks the bot offers (Steps), and what happens
// when they don't help (Unresolved).
type Rule struct {
	// ID is unique across the set ([a-z0-9-]+), e.g. "ac-not-cooling".
	ID string `yaml:"id"`
	// Title names the fault for staff and customers, e.g. "空调不制冷".
	Title string `yaml:"title"`
	// Categories are the category ids the rule applies to; empty means any category.
	Categories []string `yaml:"categories,flow"`
	// Safety marks a hazard: no self-service, escalate as urgent, show Advice.
	Safety bool `yaml:"safety"`
	// Advice is what the customer is told to do at once (required when Safety).
	Advice string `yaml:"advice,omitempty"`
	// Triggers are the phrases, codes and patterns that recognise the fault.
	Triggers Triggers `yaml:"triggers"`
	// Condition is an optional expr-lang expression over the case (see CaseFacts); a rule
	// whose condition is false is not offered.
	Condition string `yaml:"condition,omitempty"`
	// Steps are the ordered self-service checks, one per message; may be empty.
	Steps []Step `yaml:"steps"`
	// Unresolved says how the case is escalated when the steps don't solve it.
	Unresolved Unresolved `yaml:"unresolved"`
	// Samples are real customer utterances that must rank this rule first (at least 3).
	Samples []string `yaml:"samples"`
}

// Triggers recognise a rule in a customer's message. Phrases are compared after
// normalisation (see Normalize).
type Triggers struct {
	// Keywords strongly indicate the rule.
	Keywords []string `yaml:"keywords,flow"`
	// Synonyms are colloquial variants, weighted a bit lower than keywords.
	Synonyms []string `yaml:"synonyms,flow"`
	// ErrorCodes are display codes ("E1"), matched case-insensitively as whole codes.
	ErrorCodes []string `yaml:"error_codes,flow,omitempty"`
	// Regex are Go RE2 expressions over the normalised text.
	Regex []string `yaml:"regex,flow,omitempty"`
}

// Step is one self-service check shown to the customer.
type Step struct {
	// Text is the instruction, one message long.
	Text string `yaml:"text"`
	// Image is an optional picture URL illustrating the step.
	Image string `yaml:"image,omitempty"`
	// Safety marks a step that touches power or gas; it is shown with a caution.
	Safety bool `yaml:"safety,omitempty"`
	// Gas and Electric are the step's text for a gas or an electric appliance of the
	// category (a wall-mounted gas boiler is no electric water heater: no RESET button);
	// empty: Text for both. Text serves when the kind is not known.
	Gas      string `yaml:"gas,omitempty"`
	Electric string `yaml:"electric,omitempty"`
}

// Unresolved describes the escalation when the self-service steps don't solve the fault.
type Unresolved struct {
	// FaultClass is the initial classification of the fault.
	FaultClass FaultClass `yaml:"fault_class"`
	// Priority is the initial priority of the ticket.
	Priority Priority `yaml:"priority"`
	// OnSite says whether an engineer visit is needed.
	OnSite bool `yaml:"onsite"`
	// Skill is the ASCII skill tag used to route the ticket, e.g. "refrigeration".
	Skill string `yaml:"skill,omitempty"`
	// Component is the component concerned, for component warranty (optional).
	Component string `yaml:"component,omitempty"`
	// GasComponent and ElectricComponent are the component concerned on a gas or an
	// electric appliance when the fuel changes it ("不出热水" is a gas heater's igniter or gas
	// valve, an electric one's 加热管); see Set.RuleComponent.
	GasComponent      string `yaml:"gas_component,omitempty"`
	ElectricComponent string `yaml:"electric_component,omitempty"`
	// Price is the out-of-warranty estimate.
	Price Price `yaml:"price"`
}

// Price is an out-of-warranty estimate in CNY, each as [min, max].
type Price struct {
	// Parts is the range for spare parts.
	Parts [2]int `yaml:"parts,flow"`
	// Labour is the range for labour (including the visit).
	Labour [2]int `yaml:"labour,flow"`
}

// FaultClass is the diagnosis class of a fault (the seeds' hardware / software / damage
// caused by the user).
type FaultClass string

// The fault classes.
const (
	FaultHardware   FaultClass = "hardware"
	FaultSoftware   FaultClass = "software"
	FaultUserDamage FaultClass = "user_damage"
)

// FaultClasses lists every valid FaultClass.
var FaultClasses = []FaultClass{FaultHardware, FaultSoftware, FaultUserDamage}

// Valid reports whether c is one of FaultClasses.
func (c FaultClass) Valid() bool { return slices.Contains(FaultClasses, c) }

// Label is the class in Chinese for staff, from the catalog.
func (c FaultClass) Label() string { return catalog.T("knowledge.fault_class." + string(c)) }

// Priority is how urgently a ticket is handled.
type Priority string

// The priorities: urgent faults stop core use or are hazards; routine is cosmetic.
const (
	PriorityUrgent  Priority = "urgent"
	PriorityNormal  Priority = "normal"
	PriorityRoutine Priority = "routine"
)

// Priorities lists every valid Priority, most urgent first.
var Priorities = []Priority{PriorityUrgent, PriorityNormal, PriorityRoutine}

// Valid reports whether p is one of Priorities.
func (p Priority) Valid() bool { return slices.Contains(Priorities, p) }

// Label is the priority in Chinese for staff, from the catalog.
func (p Priority) Label() string { return catalog.T("knowledge.priority." + string(p)) }

// AppliesTo reports whether the rule applies to the category id: a rule without
// categories applies to every category.
func (r *Rule) AppliesTo(category string) bool {
	return len(r.Categories) == 0 || slices.Contains(r.Categories, category)
}

// General reports whether the rule applies to every category.
func (r *Rule) General() bool { return len(r.Categories) == 0 }

// EscalationPriority is the priority of the ticket opened for the rule: always urgent for
// a safety rule, whatever the data says, else Unresolved.Priority.
func (r *Rule) EscalationPriority() Priority {
	if r.Safety {
		return PriorityUrgent
	}
	return r.Unresolved.Priority
}
