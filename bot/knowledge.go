package bot

import (
	"strconv"
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// Knowledge is what the dialog needs from the knowledge base: the product vocabulary and
// the rules that match a symptom. Implementations are read-only snapshots, so a Step with
// the same inputs always decides the same way; a publish swaps in a new snapshot between
// turns, never during one.
type Knowledge interface {
	// Lexicon returns the product vocabulary for the extractors.
	Lexicon() *Lexicon
	// Match returns the best rule for the case's symptom, if any fits.
	Match(c *Case) (Rule, bool)
	// Hazard returns the safety rule a message triggers (gas smell, smoke, sparks, water
	// on live electrics), if any, from its Canon form and the hazard reading the turn made
	// of it (Understanding.HazardReading).
	Hazard(canon string, read knowledge.HazardReading) (Rule, bool)
	// Rule returns a rule by id, for a walkthrough in progress.
	Rule(id string) (Rule, bool)
	// Faults returns the common faults of a category, for the numbered menu the bot offers
	// when a description is vague or matches no rule confidently; at most 8, none a hazard.
	Faults(category string) []Rule
	// Warranty returns the category's warranty policy, to answer "还在保吗".
	Warranty(category string) (Warranty, bool)
}

// Warranty is a category's warranty policy as the dialog tells it.
type Warranty struct {
	WholeMonths int
	Components  []ComponentWarranty
	// The 三包 rights in days (see triage.Policy); 0 takes the statutory default.
	ReturnDays, ExchangeDays, RepairWarrantyDays, MaxRepairs int
}

// ComponentWarranty is a main component's own, longer period.
type ComponentWarranty struct {
	Name   string
	Months int
	Fuel   string // FuelGas or FuelElectric for a part of one fuel's appliances only; "" for any
}

// forFuel keeps the components an appliance running on fuel can have: a gas water heater
// is told of no 加热管. Every one stays when the fuel is not known.
func (w Warranty) forFuel(fuel string) Warranty {
	if fuel == "" {
		return w
	}
	out := w
	out.Components = nil
	for _, c := range w.Components {
		if c.Fuel == "" || c.Fuel == fuel {
			out.Components = append(out.Components, c)
		}
	}
	return out
}

// parts renders the component periods: "压缩机 72 个月、主板 36 个月".
// longerThan keeps the components whose own period runs beyond months: the ones that are
// still covered at that age, or that are "longer" than the whole unit.
func (w Warranty) longerThan(months int) Warranty {
	out := Warranty{WholeMonths: w.WholeMonths}
	for _, c := range w.Components {
		if c.Months > months {
			out.Components = append(out.Components, c)
		}
	}
	return out
}

func (w Warranty) parts() string {
	var b strings.Builder
	for i, c := range w.Components {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(c.Name + " " + itoa(c.Months) + " 个月")
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// Rule is a knowledge rule as the dialog uses it.
type Rule struct {
	ID    string
	Title string
	Steps []string // self-service checks, one message each
	// Gas and Electric are, per step, its text for a gas or an electric appliance ("" is
	// Steps[i]); see StepText.
	Gas, Electric []string
	Safety        bool   // a hazard: skip self-service, escalate as urgent
	Advice        string // what to do right now, for safety rules

	Price     [2][2]int // out-of-warranty estimate in yuan: parts and labour, each [min, max]
	Component string    // the component the fault concerns, with its own warranty ("压缩机"); "" when none
	// GasComponent and ElectricComponent replace Component on a gas or an electric appliance
	// when the rule names one (see ComponentFor).
	GasComponent, ElectricComponent string
	Confident                       bool    // the match is sure enough to act on without asking (Match only)
	Score                           float64 // the match's calibrated confidence, 0–1 (Match only)
}

// ComponentFor is the component the fault concerns on an appliance running on fuel.
func (r Rule) ComponentFor(fuel string) string {
	switch {
	case fuel == FuelGas && r.GasComponent != "":
		return r.GasComponent
	case fuel == FuelElectric && r.ElectricComponent != "":
		return r.ElectricComponent
	}
	return r.Component
}

// StepText is step i as a case of the given fuel reads it: a gas boiler gets no electric
// water heater's RESET button (FuelGas, FuelElectric; "" is the text for either).
func (r Rule) StepText(i int, fuel string) string {
	switch {
	case fuel == FuelGas && i < len(r.Gas) && r.Gas[i] != "":
		return r.Gas[i]
	case fuel == FuelElectric && i < len(r.Electric) && r.Electric[i] != "":
		return r.Electric[i]
	}
	return r.Steps[i]
}

// noKnowledge knows nothing; the dialog still collects the record.
type noKnowledge struct{}

func (noKnowledge) Lexicon() *Lexicon                                   { return nil }
func (noKnowledge) Match(*Case) (Rule, bool)                            { return Rule{}, false }
func (noKnowledge) Hazard(string, knowledge.HazardReading) (Rule, bool) { return Rule{}, false }
func (noKnowledge) Rule(string) (Rule, bool)                            { return Rule{}, false }
func (noKnowledge) Faults(string) []Rule                                { return nil }
func (noKnowledge) Warranty(string) (Warranty, bool) {
	return Warranty{}, false
}

func itoa(n int) string { return strconv.Itoa(n) }
