package knowledge

import (
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// prefilter is a condition on the substrings of a text that every text a regular
// expression matches meets: an AND and OR of literals the match must contain. A text that
// fails it cannot match, and the regexp engine (a backtracker, without any literal
// prefilter of its own for alternations of Chinese words) is never started on it. The
// condition is necessary, never sufficient: passing it, the regexp still decides.
//
// "(碰|摸|挨|触)[^,?]{0,4}(有点|有些|会)电" needs 电, and one of 碰 摸 挨 触, and one of 有点
// 有些 会: a message with 会 alone no longer runs it.
type prefilter struct {
	op    pfOp
	lit   string       // pfLit
	first rune         // pfLit: its first rune
	subs  []*prefilter // pfAnd, pfOr

	// firsts are the first runes of subs when p is a choice of literals only (pfOr), side
	// by side, so that passIn rejects a text by reading one slice, not every sub's node.
	firsts []rune

	// runes is the condition's first runes flattened (a condition's root only): most texts
	// lack them, and are rejected by a few bit tests instead of a walk of the tree.
	runes runeCNF
}

// runeCNF is a condition on the runes of a text that every text meeting a prefilter meets:
// all of the bits in all, and for each clause in anyOf some bit of it, the bits being those
// runeBits gives the literals' first runes. It is implied by the tree, since passIn tests
// the same bit of a literal's first rune before searching for the literal: a text that
// fails it fails the tree, and the tree still decides every text that meets it.
type runeCNF struct {
	all   []runeWord
	anyOf [][]runeWord
}

// runeWord is some bits of one word of a runeBits.
type runeWord struct {
	i    uint8
	bits uint64
}

// meets reports whether have meets the condition.
func (c *runeCNF) meets(have *runeBits) bool {
	for _, w := range c.all {
		if have.words[w.i]&w.bits != w.bits {
			return false
		}
	}
clauses:
	for _, clause := range c.anyOf {
		for _, w := range clause {
			if have.words[w.i]&w.bits != 0 {
				continue clauses
			}
		}
		return false
	}
	return true
}

// empty reports a condition every text meets.
func (c *runeCNF) empty() bool { return len(c.all) == 0 && len(c.anyOf) == 0 }

// runeClauses returns clauses of first runes, each holding a rune of every text that
// passes p: a literal needs its first rune; a conjunction every clause of its subs; a
// choice the union of one clause (the shortest) of each of its ways, none when a way
// needs nothing.
func (p *prefilter) runeClauses() [][]rune {
	switch p.op {
	case pfLit:
		return [][]rune{{p.first}}
	case pfAnd:
		var out [][]rune
		for _, q := range p.subs {
			out = append(out, q.runeClauses()...)
		}
		return out
	case pfOr:
		var union []rune
		for _, q := range p.subs {
			cs := q.runeClauses()
			if len(cs) == 0 {
				return nil
			}
			best := cs[0]
			for _, c := range cs[1:] {
				if len(c) < len(best) {
					best = c
				}
			}
			union = append(union, best...)
		}
		slices.Sort(union)
		return [][]rune{slices.Compact(union)}
	}
	return nil
}

// flatRunes is p's condition on runes as a runeCNF.
func (p *prefilter) flatRunes() runeCNF {
	var c runeCNF
	var all runeBits
	for _, clause := range p.runeClauses() {
		if len(clause) == 1 {
			all.add(clause[0])
			continue
		}
		var b runeBits
		for _, r := range clause {
			b.add(r)
		}
		c.anyOf = append(c.anyOf, b.asWords())
	}
	c.all = all.asWords()
	return c
}

// asWords lists the words of b that hold a bit.
func (b *runeBits) asWords() []runeWord {
	var out []runeWord
	for i, w := range b.words {
		if w != 0 {
			out = append(out, runeWord{i: uint8(i), bits: w})
		}
	}
	return out
}

type pfOp uint8

const (
	pfTrue pfOp = iota // no condition
	pfLit              // the text contains lit
	pfAnd              // every sub holds
	pfOr               // some sub holds
)

var pfAlways = &prefilter{op: pfTrue}

// maxPrefilterClass is the largest character class read as a choice of one-rune literals.
const maxPrefilterClass = 8

// maxPrefilterNodes bounds the size of a condition: past it, evaluating the condition
// could cost more than the regexp it saves.
const maxPrefilterNodes = 400

// newPrefilter derives the condition of a pattern (pfAlways when it has none, or when it
// does not parse as Go's regexp would compile it).
func newPrefilter(pattern string) *prefilter {
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return pfAlways
	}
	p := prefilterOf(tree.Simplify())
	if p.nodes() > maxPrefilterNodes {
		return pfAlways
	}
	if p.op != pfTrue {
		p = &prefilter{op: p.op, lit: p.lit, first: p.first, subs: p.subs, firsts: p.firsts, runes: p.flatRunes()}
	}
	return p
}

// prefilterOf computes the condition of a syntax tree.
func prefilterOf(re *syntax.Regexp) *prefilter {
	switch re.Op {
	case syntax.OpLiteral:
		return literalFilter(re.Rune, re.Flags&syntax.FoldCase != 0)
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxPrefilterClass {
				return pfAlways
			}
		}
		var subs []*prefilter
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r == utf8.RuneError || !utf8.ValidRune(r) {
					return pfAlways // matches an invalid byte, which no literal finds
				}
				subs = append(subs, &prefilter{op: pfLit, lit: string(r), first: r})
			}
		}
		return pfOrOf(subs)
	case syntax.OpCapture, syntax.OpPlus:
		return prefilterOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return prefilterOf(re.Sub[0])
		}
		return pfAlways
	case syntax.OpConcat:
		subs := make([]*prefilter, 0, len(re.Sub))
		for _, s := range re.Sub {
			subs = append(subs, prefilterOf(s))
		}
		return pfAndOf(subs)
	case syntax.OpAlternate:
		subs := make([]*prefilter, 0, len(re.Sub))
		for _, s := range re.Sub {
			subs = append(subs, prefilterOf(s))
		}
		return pfOrOf(subs)
	}
	// Empty-width assertions, any character, stars, optionals, empty and no match: no
	// condition.
	return pfAlways
}

// literalFilter is the condition of a literal: the text holds it. A case-folded literal
// needs only its runs of runes that have no other case (Chinese characters, digits).
func literalFilter(runes []rune, fold bool) *prefilter {
	var subs []*prefilter
	start := 0
	flush := func(end int) {
		if end > start {
			subs = append(subs, &prefilter{op: pfLit, lit: string(runes[start:end]), first: runes[start]})
		}
	}
	for i, r := range runes {
		if r == utf8.RuneError || !utf8.ValidRune(r) || fold && unicode.SimpleFold(r) != r {
			flush(i)
			start = i + 1
		}
	}
	flush(len(runes))
	return pfAndOf(subs)
}

func pfAndOf(subs []*prefilter) *prefilter { return pfJoin(pfAnd, subs) }

func pfOrOf(subs []*prefilter) *prefilter { return pfJoin(pfOr, subs) }

// pfJoin is every sub (pfAnd) or some sub (pfOr), flattened: a sub of the same op gives its
// own subs; a sub that needs nothing is dropped from a conjunction, and makes a choice need
// nothing (one way needs nothing).
func pfJoin(op pfOp, subs []*prefilter) *prefilter {
	var out []*prefilter
	for _, s := range subs {
		switch s.op {
		case pfTrue:
			if op == pfOr {
				return pfAlways
			}
		case op:
			out = append(out, s.subs...)
		default:
			out = append(out, s)
		}
	}
	switch len(out) {
	case 0:
		return pfAlways
	case 1:
		return out[0]
	}
	p := &prefilter{op: op, subs: out}
	if op == pfOr && !slices.ContainsFunc(out, func(q *prefilter) bool { return q.op != pfLit }) {
		for _, q := range out {
			p.firsts = append(p.firsts, q.first)
		}
	}
	return p
}

func (p *prefilter) nodes() int {
	n := 1
	for _, s := range p.subs {
		n += s.nodes()
	}
	return n
}

// pass reports whether s meets the condition: false means the regexp cannot match s.
func (p *prefilter) pass(s string) bool {
	if p.op != pfLit && !p.runes.empty() { // a literal alone is one search
		have := runesIn(s)
		return p.passIn(s, &have)
	}
	return p.passTree(s)
}

// passTree is pass, walking the tree.
func (p *prefilter) passTree(s string) bool {
	switch p.op {
	case pfLit:
		return strings.Contains(s, p.lit)
	case pfAnd:
		for _, q := range p.subs {
			if !q.passTree(s) {
				return false
			}
		}
		return true
	case pfOr:
		for _, q := range p.subs {
			if q.passTree(s) {
				return true
			}
		}
		return false
	}
	return true
}

// always reports a condition every text meets.
func (p *prefilter) always() bool { return p.op == pfTrue }

// Filtered is a regular expression behind its literal prefilter: the same answers as the
// regexp, without starting the engine on texts that lack the literals every match holds.
type Filtered struct {
	re *regexp.Regexp
	pf *prefilter
}

// MustFilter compiles pattern like regexp.MustCompile, with its prefilter.
func MustFilter(pattern string) *Filtered {
	return filterOf(regexp.MustCompile(pattern))
}

// filterOf puts a compiled expression behind its prefilter.
func filterOf(re *regexp.Regexp) *Filtered {
	f := &Filtered{re: re, pf: newPrefilter(re.String())}
	registerPrefilter(f.re, f.pf)
	return f
}

// Regexp returns the compiled expression.
func (f *Filtered) Regexp() *regexp.Regexp { return f.re }

// MatchString is regexp's MatchString.
func (f *Filtered) MatchString(s string) bool { return f.pf.pass(s) && f.re.MatchString(s) }

// FindStringIndex is regexp's FindStringIndex.
func (f *Filtered) FindStringIndex(s string) []int {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindStringIndex(s)
}

// FindAllStringIndex is regexp's FindAllStringIndex.
func (f *Filtered) FindAllStringIndex(s string, n int) [][]int {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindAllStringIndex(s, n)
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex.
func (f *Filtered) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindAllStringSubmatchIndex(s, n)
}

// String is the pattern.
func (f *Filtered) String() string { return f.re.String() }

// FindString is regexp's FindString.
func (f *Filtered) FindString(s string) string {
	if !f.pf.pass(s) {
		return ""
	}
	return f.re.FindString(s)
}

// FindStringSubmatch is regexp's FindStringSubmatch.
func (f *Filtered) FindStringSubmatch(s string) []string {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp's FindStringSubmatchIndex.
func (f *Filtered) FindStringSubmatchIndex(s string) []int {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindStringSubmatchIndex(s)
}

// FindAllString is regexp's FindAllString.
func (f *Filtered) FindAllString(s string, n int) []string {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindAllString(s, n)
}

// FindAllStringSubmatch is regexp's FindAllStringSubmatch.
func (f *Filtered) FindAllStringSubmatch(s string, n int) [][]string {
	if !f.pf.pass(s) {
		return nil
	}
	return f.re.FindAllStringSubmatch(s, n)
}

// ReplaceAllString is regexp's ReplaceAllString: s itself when nothing matches.
func (f *Filtered) ReplaceAllString(s, repl string) string {
	if !f.pf.pass(s) {
		return s
	}
	return f.re.ReplaceAllString(s, repl)
}

// ReplaceAllStringFunc is regexp's ReplaceAllStringFunc: s itself when nothing matches.
func (f *Filtered) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !f.pf.pass(s) {
		return s
	}
	return f.re.ReplaceAllStringFunc(s, repl)
}

// prefiltered are the patterns built behind prefilters so far, for CheckPrefilters.
var prefiltered struct {
	sync.Mutex
	list []prefiltered1
}

type prefiltered1 struct {
	re *regexp.Regexp
	pf *prefilter
}

func registerPrefilter(re *regexp.Regexp, pf *prefilter) {
	prefiltered.Lock()
	prefiltered.list = append(prefiltered.list, prefiltered1{re, pf})
	prefiltered.Unlock()
}

// CheckPrefilters checks, for every expression built behind a prefilter so far (Gated,
// its alternatives, Filtered), that the prefilter lets s through whenever the expression
// matches s: the prefilters may only ever save work, never change an answer; and that the
// walk of the tree, the runes' flat condition in front of it (passIn) and pass agree. It
// returns the expressions that fail, for tests.
func CheckPrefilters(s string) []string {
	prefiltered.Lock()
	list := prefiltered.list
	prefiltered.Unlock()
	var bad []string
	have := runesIn(s)
	for _, p := range list {
		if pass := p.pf.passTree(s); pass != p.pf.passIn(s, &have) || pass != p.pf.pass(s) || !pass && p.re.MatchString(s) {
			bad = append(bad, p.re.String())
		}
	}
	return bad
}

// PrefilterStats counts the expressions built behind prefilters and those whose
// prefilter holds a condition, for tests.
func PrefilterStats() (all, conditioned int) {
	prefiltered.Lock()
	defer prefiltered.Unlock()
	for _, p := range prefiltered.list {
		if !p.pf.always() {
			conditioned++
		}
	}
	return len(prefiltered.list), conditioned
}

// runesIn is the set of the runes of s (invalid bytes read as utf8.RuneError, as range
// over a string reads them).
func runesIn(s string) runeBits {
	var b runeBits
	for _, r := range s {
		b.add(r)
	}
	return b
}

// meets reports whether the sets share a bit: with have the runes of a text, whether the
// text holds a rune of b (as far as b's false positives go).
func (b *runeBits) meets(have *runeBits) bool {
	for m := b.used & have.used; m != 0; m &= m - 1 {
		if i := bits.TrailingZeros64(m); b.words[i]&have.words[i] != 0 {
			return true
		}
	}
	return false
}

// openIn is open with the runes of s already known: the gate is met when the sets share
// a bit, the same test as looking up each rune of s.
func (a *gatedAlt) openIn(s string, have *runeBits) bool {
	if a.gating && !a.gate.meets(have) {
		return false
	}
	return a.pf.passIn(s, have)
}

// passIn is pass with the runes of s known: a literal whose first rune s lacks is not
// searched for, and a text that lacks the runes the condition needs is not walked.
func (p *prefilter) passIn(s string, have *runeBits) bool {
	if !p.runes.meets(have) {
		return false
	}
	return p.passTreeIn(s, have)
}

// passTreeIn is passIn, walking the tree.
func (p *prefilter) passTreeIn(s string, have *runeBits) bool {
	switch p.op {
	case pfLit:
		return have.has(p.first) && strings.Contains(s, p.lit)
	case pfAnd:
		for _, q := range p.subs {
			if !q.passTreeIn(s, have) {
				return false
			}
		}
		return true
	case pfOr:
		if p.firsts != nil {
			for i, r := range p.firsts {
				if have.has(r) && strings.Contains(s, p.subs[i].lit) {
					return true
				}
			}
			return false
		}
		for _, q := range p.subs {
			if q.passTreeIn(s, have) {
				return true
			}
		}
		return false
	}
	return true
}

// familyBits are the runes of familyRunes, as sets: a message that shares no bit with a
// family's set holds none of its runes, and its cues are skipped before ContainsAny.
var familyBits = func() map[string]*runeBits {
	m := map[string]*runeBits{}
	for f, rs := range familyRunes {
		b := new(runeBits)
		for _, r := range rs {
			b.add(r)
		}
		m[f] = b
	}
	return m
}()
