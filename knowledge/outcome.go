package knowledge

import "github.com/wxintake/intake/catalog"

// Outcome is what became of a rule offered to a customer, counted per rule so editors see
// which rules help (results per rule: solved / escalated).
type Outcome string

// The outcomes. Every offer is Shown; it then ends Solved (the customer said a step
// helped), Escalated (the steps didn't help, or the customer asked for a human) or
// Abandoned (the customer stopped answering).
const (
	OutcomeShown     Outcome = "shown"
	OutcomeSolved    Outcome = "solved"
	OutcomeEscalated Outcome = "escalated"
	OutcomeAbandoned Outcome = "abandoned"
)

// Outcomes lists every valid Outcome.
var Outcomes = []Outcome{OutcomeShown, OutcomeSolved, OutcomeEscalated, OutcomeAbandoned}

// Valid reports whether o is one of Outcomes.
func (o Outcome) Valid() bool {
	switch o {
	case OutcomeShown, OutcomeSolved, OutcomeEscalated, OutcomeAbandoned:
		return true
	}
	return false
}

// Label is the outcome in Chinese for staff, from the catalog.
func (o Outcome) Label() string { return catalog.T("knowledge.outcome." + string(o)) }

// OutcomeOf maps a walkthrough verdict to the outcome it ends in; ok is false for the
// verdicts that don't end the walkthrough (show, repeat).
func OutcomeOf(v Verdict) (o Outcome, ok bool) {
	switch v {
	case VerdictSolved:
		return OutcomeSolved, true
	case VerdictEscalate, VerdictHuman:
		return OutcomeEscalated, true
	}
	return "", false
}

// RuleStats are the counted outcomes of one rule.
type RuleStats struct {
	RuleID    string
	Shown     int
	Solved    int
	Escalated int
	Abandoned int
}

// Add counts one outcome.
func (s *RuleStats) Add(o Outcome) {
	switch o {
	case OutcomeShown:
		s.Shown++
	case OutcomeSolved:
		s.Solved++
	case OutcomeEscalated:
		s.Escalated++
	case OutcomeAbandoned:
		s.Abandoned++
	}
}

// SolveRate is the share of finished walkthroughs that the rule solved (0 when none
// finished).
func (s RuleStats) SolveRate() float64 {
	done := s.Solved + s.Escalated + s.Abandoned
	if done == 0 {
		return 0
	}
	return float64(s.Solved) / float64(done)
}
