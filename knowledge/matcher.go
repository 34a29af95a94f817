package knowledge

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/vm"
)

// Query is one message to match against the rules.
type Query struct {
	// Text is the customer's message as received (it is normalised here).
	Text string
	// Category is an optional category id hint: its rules and general rules are boosted,
	// other categories' rules demoted (not dropped). Empty means Case.Category.
	Category string
	// Case are the facts known so far; rule conditions are evaluated over them.
	Case CaseFacts
	// Limit caps the number of results; 0 or less means all.
	Limit int

	ignoreConditions bool // SelfTest: samples carry no case facts
}

// Match is one rule recognised in a message.
type Match struct {
	// RuleID is the rule's id.
	RuleID string
	// Title is the rule's title.
	Title string
	// Score orders the matches; it is finite and positive, comparable only within one query.
	Score float64
	// Confidence estimates, in [0, 1], how likely this is the fault the customer means,
	// from its score and its margin over the best other match; below MinConfidence the
	// dialog should offer a menu rather than guess.
	Confidence float64
	// Similarity is the cosine (0–1) of the rule's document most like the message (see
	// the similarity index in similar.go); 0 when only triggers found it.
	Similarity float64
	// Reasons say why the rule matched, strongest first, as short identifiers for the API
	// and logs: `keyword "不制冷"`, `synonym "不冷了"`, `error code E1`, `regex "制冷.{0,4}差"`,
	// `similar "空调开了半天一点都不凉"` (the most similar sample, title or phrase),
	// `category air_conditioner`, `mentions air_conditioner`.
	Reasons []string
	// Safety is the rule's Safety flag: such a match ranks before every other.
	Safety bool
	// Rule is the matched rule, inside the Set the matcher was built from.
	Rule *Rule
}

// Matcher finds the rules a message describes. It is built once per Set and is safe for
// concurrent use. Matching costs one pass of an Aho–Corasick automaton over the message
// for every keyword, synonym and category alias, a map lookup per code-like token, and,
// for regexes, a pass of a small automaton over their required literals and only the
// regexes whose literals occurred (or that have none); conditions are evaluated only for
// rules that already hit. The similarity index adds a lookup per character n-gram of the
// message in posting lists of the rules' documents (see similar.go).
type Matcher struct {
	set        *Set
	rules      []compiledRule
	phrases    phraseIndex // phrases, in matchForm, found in the text without fillers
	literal    phraseIndex // phrases of one character in matchForm ("摔了"), found as written
	codes      map[string][]codeEntry
	regexes    []compiledRegex
	gates      phraseIndex // required literals of the regexes, in normalised form
	ungated    []int32     // regexes without required literals: always run
	catIndex   map[string]int
	catReasons []catReason // by category index
	sim        *simIndex   // the rules' samples, titles and phrases, by character pairs
	safety     *Matcher    // the safety rules alone, for Safety; nil when they are all there is
}

// catReason are the reasons naming a category, made once.
type catReason struct {
	hint     string // "category air_conditioner"
	mentions string // "mentions air_conditioner"
}

type compiledRule struct {
	rule *Rule
	cond *vm.Program
}

type triggerKind uint8

const (
	kindKeyword triggerKind = iota
	kindSynonym
	kindCode
	kindRegex // a regex hit; in the gates index, a regex to run
	kindAlias // a category alias: the message mentions the category
)

// phraseIndex finds phrases with one automaton; entries say what each pattern means.
// Pattern id's entries are entries[starts[id]:starts[id+1]], in the order they were added:
// one flat slice rather than a slice per pattern, of which a large set has hundreds of
// thousands.
type phraseIndex struct {
	ac       *automaton
	entries  []entry
	starts   []int32
	patterns []string
	ids      map[string]int32 // while adding
	added    []idEntry        // while adding
	arena    *strArena        // the patterns' bytes
}

// idEntry is an entry added for pattern id.
type idEntry struct {
	id int32
	e  entry
}

func (x *phraseIndex) add(pattern string, e entry) {
	if x.ids == nil {
		x.ids = make(map[string]int32)
	}
	id, ok := x.ids[pattern]
	if !ok {
		if x.arena != nil {
			pattern = x.arena.add(pattern)
		}
		id = int32(len(x.patterns))
		x.ids[pattern] = id
		x.patterns = append(x.patterns, pattern)
	}
	x.added = append(x.added, idEntry{id, e})
}

// of returns the entries of pattern id.
func (x *phraseIndex) of(id int32) []entry { return x.entries[x.starts[id]:x.starts[id+1]] }

func (x *phraseIndex) build() {
	x.ac = buildAutomaton(x.patterns)
	x.starts = make([]int32, len(x.patterns)+1)
	for _, a := range x.added {
		x.starts[a.id+1]++
	}
	for i := range len(x.patterns) {
		x.starts[i+1] += x.starts[i]
	}
	x.entries = make([]entry, len(x.added))
	next := slices.Clone(x.starts[:len(x.patterns)])
	for _, a := range x.added {
		x.entries[next[a.id]] = a.e
		next[a.id]++
	}
	x.ids, x.added, x.arena = nil, nil, nil
}

// entry is what one automaton pattern means: a trigger of a rule, a category alias, or a
// regex to run.
type entry struct {
	kind   triggerKind
	index  int32 // rule, regex or category index
	weight float64
	reason string // `keyword "不制冷"`, with the phrase as authored
}

type codeEntry struct {
	rule   int32
	reason string // "error code E1", the code upper-cased
}

type compiledRegex struct {
	re     *regexp.Regexp
	pf     *prefilter // the literals every match holds (prefilter.go)
	rule   int32
	reason string // `regex "制冷.{0,4}差"`
}

// NewMatcher compiles the set's triggers, regexes and conditions. The set should be
// valid (see Set.Validate); a regex or condition that does not compile is an error.
func NewMatcher(s *Set) (*Matcher, error) {
	m := &Matcher{
		set:      s,
		rules:    make([]compiledRule, len(s.Rules)),
		codes:    make(map[string][]codeEntry),
		catIndex: make(map[string]int, len(s.Categories)),
	}
	arena := new(strArena) // patterns and reasons: one per trigger, as long-lived as the matcher
	m.phrases.arena, m.literal.arena, m.gates.arena = arena, arena, arena
	// add files a phrase under its matching form; one that fillers shrink to a single
	// character ("摔了" → "摔") would hit everywhere, so it is matched as written instead.
	// A keyword or synonym weighs by its length in the form it is matched in.
	add := func(phrase string, e entry) {
		index, p := &m.phrases, matchForm(phrase)
		if runeCount(p) < 2 && runeCount(Normalize(phrase)) > runeCount(p) {
			index, p = &m.literal, Normalize(phrase)
		}
		if p == "" {
			return
		}
		switch e.kind {
		case kindKeyword:
			e.weight = phraseWeight(runeCount(p), maxWeightedChars)
		case kindSynonym:
			e.weight = synonymFactor * phraseWeight(runeCount(p), maxWeightedChars)
		}
		index.add(p, e)
	}
	for i, c := range s.Categories {
		m.catIndex[c.ID] = i
		m.catReasons = append(m.catReasons, catReason{hint: "category " + c.ID, mentions: "mentions " + c.ID})
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			add(a, entry{kind: kindAlias, index: int32(i)})
		}
	}
	for i := range s.Rules {
		r := &s.Rules[i]
		cr := compiledRule{rule: r}
		if strings.TrimSpace(r.Condition) != "" {
			p, err := compileCondition(r.Condition)
			if err != nil {
				return nil, fmt.Errorf("knowledge: rule %s: condition: %w", r.ID, err)
			}
			cr.cond = p
		}
		m.rules[i] = cr
		ri := int32(i)
		for _, k := range r.Triggers.Keywords {
			add(k, entry{kind: kindKeyword, index: ri, reason: arena.quoted("keyword ", k)})
		}
		for _, k := range r.Triggers.Synonyms {
			add(k, entry{kind: kindSynonym, index: ri, reason: arena.quoted("synonym ", k)})
		}
		for _, c := range r.Triggers.ErrorCodes {
			if k := codeKey(c); validCode(k) && !slices.ContainsFunc(m.codes[k], func(e codeEntry) bool { return e.rule == ri }) {
				m.codes[k] = append(m.codes[k], codeEntry{rule: ri, reason: arena.add("error code " + strings.ToUpper(c))})
			}
		}
		for _, src := range r.Triggers.Regex {
			re, err := compileRegex(src)
			if err != nil {
				return nil, fmt.Errorf("knowledge: rule %s: regex %q: %w", r.ID, src, err)
			}
			x := int32(len(m.regexes))
			m.regexes = append(m.regexes, compiledRegex{re: re, pf: newPrefilter(re.String()), rule: ri, reason: arena.quoted("regex ", src)})
			gates := regexGates(src)
			for _, g := range gates {
				m.gates.add(g, entry{kind: kindRegex, index: x})
			}
			if gates == nil {
				m.ungated = append(m.ungated, x)
			}
		}
	}
	m.phrases.build()
	m.literal.build()
	m.gates.build()
	m.sim = buildSimIndex(s, nil)
	var safety []Rule
	for _, r := range s.Rules {
		if r.Safety {
			safety = append(safety, r)
		}
	}
	if len(safety) > 0 && len(safety) < len(s.Rules) {
		// Safety runs on every message: it searches the safety rules only, not thousands.
		sub, err := NewMatcher(&Set{Version: s.Version, Hash: s.Hash, Categories: s.Categories, Rules: safety})
		if err != nil {
			return nil, err
		}
		m.safety = sub
	}
	return m, nil
}

// compileRegex compiles a trigger regex the way it runs: case-insensitive, over normalised
// text.
func compileRegex(src string) (*regexp.Regexp, error) {
	return regexp.Compile("(?i)" + src)
}

// withSimilarity returns a copy of the matcher, sharing its triggers, with another
// similarity index (the held-out self-test leaves samples out of it).
func (m *Matcher) withSimilarity(x *simIndex) *Matcher {
	c := *m
	c.sim = x
	return &c
}

// Set returns the set the matcher was built from.
func (m *Matcher) Set() *Set { return m.set }

// Safety returns the strongest safety rule the text describes, if any. It is meant to run
// before anything else on every message: a hazard ("有煤气味", "冒烟了") stops self-service.
//
// The hazard families (Hazards) are checked first and cannot be switched off by editing:
// a family found is answered with its shipped safety rule (HazardRuleIDs) when the set has
// it, else with the catalog's advice for the family. Then the editors' safety rules.
func (m *Matcher) Safety(text string) (*Match, bool) {
	canon := Canon(text)
	return m.SafetyRead(canon, ReadHazards(canon))
}

// SafetyRead is Safety of text already in Canon form whose hazard reading the caller
// has (a turn reads it once).
func (m *Matcher) SafetyRead(canon string, read HazardReading) (*Match, bool) {
	hits, denials := read.Hits, read.Explains
	if len(hits) > 0 {
		h := hits[0]
		r := m.set.Rule(HazardRuleIDs[h.Family])
		if r == nil || !r.Safety {
			r = FamilyRule(h.Family)
		}
		reason := "hazard " + h.Family + " " + strconv.Quote(h.Evidence)
		if h.Suspected {
			reason += " (suspected)"
		}
		return &Match{RuleID: r.ID, Title: r.Title, Score: weightCode, Reasons: []string{reason}, Safety: true, Rule: r}, true
	}
	sm := m
	if m.safety != nil {
		sm = m.safety
	}
	ms := sm.Match(Query{Text: canon, Case: CaseFacts{AgeMonths: UnknownAge}, Limit: 8})
	for i := range ms {
		if !ms[i].Safety {
			break
		}
		if denials && isFamilyRule(ms[i].RuleID) {
			continue // "没什么烧焦味": the customer denied it
		}
		return &ms[i], true
	}
	return nil, false
}

// Mentions returns the ids of the categories the text names by name or alias ("空调",
// "挂机"), in set order; denied mentions ("不是空调") are left out.
func (m *Matcher) Mentions(text string) []string {
	_, mentioned, _ := m.collect(Normalize(text), "")
	var ids []string
	for i, ok := range mentioned {
		if ok {
			ids = append(ids, m.set.Categories[i].ID)
		}
	}
	return ids
}
