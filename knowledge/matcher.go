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
	// Reasons say why the rule matched, strongest first, as short identifiers for the API
	// and logs: `keyword "不制冷"`, `synonym "不冷了"`, `error code E1`, `regex "制冷.{0,4}差"`,
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
// rules that already hit.
type Matcher struct {
	set      *Set
	rules    []compiledRule
	phrases  phraseIndex // phrases, in matchForm, found in the text without fillers
	literal  phraseIndex // phrases of one character in matchForm ("摔了"), found as written
	codes    map[string][]codeEntry
	regexes  []compiledRegex
	gates    phraseIndex // required literals of the regexes, in normalised form
	ungated  []int32     // regexes without required literals: always run
	catIndex map[string]int
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
type phraseIndex struct {
	ac       *automaton
	entries  [][]entry
	ids      map[string]int32
	patterns []string
}

func (x *phraseIndex) add(pattern string, e entry) {
	if x.ids == nil {
		x.ids = make(map[string]int32)
	}
	id, ok := x.ids[pattern]
	if !ok {
		id = int32(len(x.patterns))
		x.ids[pattern] = id
		x.patterns = append(x.patterns, pattern)
		x.entries = append(x.entries, nil)
	}
	x.entries[id] = append(x.entries[id], e)
}

func (x *phraseIndex) build() {
	x.ac = buildAutomaton(x.patterns)
	x.ids = nil
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
			add(k, entry{kind: kindKeyword, index: ri, reason: "keyword " + strconv.Quote(k)})
		}
		for _, k := range r.Triggers.Synonyms {
			add(k, entry{kind: kindSynonym, index: ri, reason: "synonym " + strconv.Quote(k)})
		}
		for _, c := range r.Triggers.ErrorCodes {
			if k := codeKey(c); validCode(k) && !slices.ContainsFunc(m.codes[k], func(e codeEntry) bool { return e.rule == ri }) {
				m.codes[k] = append(m.codes[k], codeEntry{rule: ri, reason: "error code " + strings.ToUpper(c)})
			}
		}
		for _, src := range r.Triggers.Regex {
			re, err := compileRegex(src)
			if err != nil {
				return nil, fmt.Errorf("knowledge: rule %s: regex %q: %w", r.ID, src, err)
			}
			x := int32(len(m.regexes))
			m.regexes = append(m.regexes, compiledRegex{re: re, rule: ri, reason: "regex " + strconv.Quote(src)})
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
	return m, nil
}

// compileRegex compiles a trigger regex the way it runs: case-insensitive, over normalised
// text.
func compileRegex(src string) (*regexp.Regexp, error) {
	return regexp.Compile("(?i)" + src)
}

// Set returns the set the matcher was built from.
func (m *Matcher) Set() *Set { return m.set }

// Safety returns the strongest safety rule the text describes, if any. It is meant to run
// before anything else on every message: a hazard ("有煤气味", "冒烟了") stops self-service.
func (m *Matcher) Safety(text string) (*Match, bool) {
	ms := m.Match(Query{Text: text, Case: CaseFacts{AgeMonths: UnknownAge}, Limit: 1})
	if len(ms) == 0 || !ms[0].Safety {
		return nil, false
	}
	return &ms[0], true
}

// Mentions returns the ids of the categories the text names by name or alias ("空调",
// "挂机"), in set order; denied mentions ("不是空调") are left out.
func (m *Matcher) Mentions(text string) []string {
	_, mentioned := m.collect(Normalize(text), "")
	var ids []string
	for i, ok := range mentioned {
		if ok {
			ids = append(ids, m.set.Categories[i].ID)
		}
	}
	return ids
}
