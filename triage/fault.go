package triage

import "github.com/wxintake/intake/catalog"

// FaultClass is the diagnosis category of a fault, which decides who may pay for it.
type FaultClass string

// The fault classes.
const (
	FaultHardware   FaultClass = "hardware"
	FaultSoftware   FaultClass = "software"
	FaultUserDamage FaultClass = "user_damage" // water, drop, self-disassembly, wrong voltage
)

// Label returns the class as staff read it, e.g. "硬件故障".
func (f FaultClass) Label() string { return catalog.T("triage.class." + string(f)) }

// ClassifyFault decides the fault class. In order:
//
//  1. a trigger that is the customer's doing (water, drop, self-disassembly, wrong supply
//     voltage) makes it user damage, whatever the knowledge rule says;
//  2. otherwise the matched rule's class, if it gives one;
//  3. otherwise hardware, the class a technician checks first.
//
// A grid voltage fluctuation or a foreign object is not by itself user damage; a rule can
// still say so for its fault.
func ClassifyFault(c Case) (FaultClass, Reason) {
	if c.Trigger.UserDamage() {
		return FaultUserDamage, because("triage.why.class.trigger", "trigger", c.Trigger.Label())
	}
	switch c.Hint.FaultClass {
	case FaultHardware, FaultSoftware, FaultUserDamage:
		return c.Hint.FaultClass, because("triage.why.class.rule", "class", c.Hint.FaultClass.Label())
	}
	if c.Trigger == TriggerVoltage || c.Trigger == TriggerForeignObject {
		return FaultHardware, because("triage.why.class.not_user", "trigger", c.Trigger.Label())
	}
	return FaultHardware, because("triage.why.class.default")
}
