package bot

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
	// on live electrics), if any.
	Hazard(text string) (Rule, bool)
	// Rule returns a rule by id, for a walkthrough in progress.
	Rule(id string) (Rule, bool)
}

// Rule is a knowledge rule as the dialog uses it.
type Rule struct {
	ID     string
	Title  string
	Steps  []string // self-service checks, one message each
	Safety bool     // a hazard: skip self-service, escalate as urgent
	Advice string   // what to do right now, for safety rules
}

// noKnowledge knows nothing; the dialog still collects the record.
type noKnowledge struct{}

func (noKnowledge) Lexicon() *Lexicon          { return nil }
func (noKnowledge) Match(*Case) (Rule, bool)   { return Rule{}, false }
func (noKnowledge) Hazard(string) (Rule, bool) { return Rule{}, false }
func (noKnowledge) Rule(string) (Rule, bool)   { return Rule{}, false }
