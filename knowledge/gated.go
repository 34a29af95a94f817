package knowledge

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gated is a regular expression with a cheap test in front: the runes of its literals.
// When every way the expression can match needs at least one literal, a text holding none
// of those runes cannot match, and most messages skip the regexp engine altogether. The
// understanding step runs dozens of such cue patterns on every message.
type Gated struct {
	re     *regexp.Regexp
	gate   runeBits
	gating bool // false when some match needs no literal: always run re

	// The top-level alternatives that are plain words are looked up as words, without the
	// regexp engine; rest are the others, each compiled alone behind its own gate, so a
	// message runs only the few whose literals it holds.
	words map[rune][]string
	first runeBits // the first runes of words
	rest  []gatedAlt
	pf    *prefilter // the literals every match of re holds (prefilter.go)
}

// gatedAlt is one top-level alternative of a pattern with the literals it needs.
type gatedAlt struct {
	re     *regexp.Regexp
	gate   runeBits
	gating bool
	pf     *prefilter // the literals every match holds (prefilter.go)
}

func newGatedAlt(pattern string) gatedAlt {
	a := gatedAlt{re: regexp.MustCompile(pattern)}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	a.gating = needsLiteral(tree)
	collectLiterals(tree, &a.gate)
	a.pf = newPrefilter(pattern)
	registerPrefilter(a.re, a.pf)
	return a
}

// open reports whether s may match the alternative.
func (a *gatedAlt) open(s string) bool {
	if !a.gating {
		return a.pf.pass(s)
	}
	for _, r := range s {
		if a.gate.has(r) {
			return a.pf.pass(s)
		}
	}
	return false
}

// restIndex returns the leftmost match of the non-word alternatives in s, the earlier
// alternative at the same start as the whole alternation would: nil when none matches.
func (g *Gated) restIndex(s string, have *runeBits) []int {
	var best []int
	for i := range g.rest {
		a := &g.rest[i]
		if !a.openIn(s, have) {
			continue
		}
		if loc := a.re.FindStringIndex(s); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	return best
}

// runeBits is a set of runes with false positives: a rune's low 12 bits pick its bit.
// used marks the words that hold a bit, so two sets meet by looking only at the words
// both use (a message or a gate of a few runes uses a few of the 64).
type runeBits struct {
	words [64]uint64
	used  uint64 // bit i: words[i] != 0
}

func (b *runeBits) add(r rune) {
	i := (r & 4095) >> 6
	b.words[i] |= 1 << (r & 63)
	b.used |= 1 << i
}

func (b *runeBits) has(r rune) bool { return b.words[(r&4095)>>6]&(1<<(r&63)) != 0 }

// MustGate compiles pattern like regexp.MustCompile and derives its gate.
func MustGate(pattern string) *Gated {
	g := &Gated{re: regexp.MustCompile(pattern), pf: newPrefilter(pattern)}
	registerPrefilter(g.re, g.pf)
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	g.gating = needsLiteral(tree)
	collectLiterals(tree, &g.gate)
	var others []string
	alts := topLevelAlternatives(pattern)
	if strings.HasPrefix(pattern, "(?") { // flags apply to every alternative: keep it whole
		alts = []string{pattern}
	}
	for _, alt := range alts {
		if plainWord(alt) {
			if g.words == nil {
				g.words = map[rune][]string{}
			}
			r, _ := utf8.DecodeRuneInString(alt)
			g.words[r] = append(g.words[r], alt)
			g.first.add(r)
		} else {
			others = append(others, alt)
		}
	}
	for _, alt := range others {
		g.rest = append(g.rest, newGatedAlt(alt))
	}
	for _, list := range g.words { // longest first, as a regexp alternation need not be
		slices.SortStableFunc(list, func(a, b string) int { return len(b) - len(a) })
	}
	return g
}

// topLevelAlternatives splits a pattern at the "|" outside groups and classes; a pattern
// with flags or anchors around everything stays whole.
func topLevelAlternatives(p string) []string {
	var out []string
	depth, class, start := 0, false, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, p[start:i])
			start = i + 1
		}
	}
	return append(out, p[start:])
}

// plainWord reports an alternative without any regexp syntax: a word to look up.
func plainWord(alt string) bool {
	return alt != "" && !strings.ContainsAny(alt, `\.+*?()|[]{}^$`)
}

// findWord returns the leftmost plain word of the pattern in s.
func (g *Gated) findWord(s string) (int, string) {
	for i, r := range s {
		if !g.first.has(r) {
			continue
		}
		for _, w := range g.words[r] {
			if strings.HasPrefix(s[i:], w) {
				return i, w
			}
		}
	}
	return -1, ""
}

// Regexp returns the compiled expression.
func (g *Gated) Regexp() *regexp.Regexp { return g.re }

// open reports whether s may match.
func (g *Gated) open(s string) bool {
	if !g.gating {
		return true
	}
	for _, r := range s {
		if g.gate.has(r) {
			return true
		}
	}
	return false
}

// MatchString is regexp's MatchString behind the gate.
func (g *Gated) MatchString(s string) bool {
	have := runesIn(s)
	return g.matchIn(s, &have)
}

// matchIn is MatchString with the runes of s known (runesIn).
func (g *Gated) matchIn(s string, have *runeBits) bool {
	if g.gating && !g.gate.meets(have) {
		return false
	}
	if i, _ := g.findWord(s); i >= 0 {
		return true
	}
	for i := range g.rest {
		if a := &g.rest[i]; a.openIn(s, have) && a.re.MatchString(s) {
			return true
		}
	}
	return false
}

// FindString returns a match of the pattern in s, "" when there is none. It is the
// leftmost of the plain words, else what the rest of the pattern finds; which of two
// overlapping alternatives it reports may differ from regexp's FindString.
func (g *Gated) FindString(s string) string {
	have := runesIn(s)
	if g.gating && !g.gate.meets(&have) {
		return ""
	}
	i, w := g.findWord(s)
	if loc := g.restIndex(s, &have); loc != nil && (i < 0 || loc[0] < i) {
		return s[loc[0]:loc[1]]
	}
	return w
}

// FindStringSubmatch is regexp's FindStringSubmatch behind the gate.
func (g *Gated) FindStringSubmatch(s string) []string {
	if !g.open(s) || !g.pf.pass(s) {
		return nil
	}
	return g.re.FindStringSubmatch(s)
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex behind the gate.
func (g *Gated) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.open(s) || !g.pf.pass(s) {
		return nil
	}
	return g.re.FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp's ReplaceAllString behind the gate.
func (g *Gated) ReplaceAllString(s, repl string) string {
	if !g.open(s) || !g.pf.pass(s) {
		return s
	}
	return g.re.ReplaceAllString(s, repl)
}

// needsLiteral reports whether every match of re contains at least one literal rune.
func needsLiteral(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return needsLiteral(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min > 0 && needsLiteral(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if needsLiteral(s) {
				return true
			}
		}
		return false
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !needsLiteral(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// collectLiterals adds every literal rune of re to b, in both cases when it folds case.
func collectLiterals(re *syntax.Regexp, b *runeBits) {
	if re.Op == syntax.OpLiteral {
		for _, r := range re.Rune {
			b.add(r)
			if re.Flags&syntax.FoldCase != 0 {
				b.add(unicode.ToUpper(r))
				b.add(unicode.ToLower(r))
			}
		}
	}
	for _, s := range re.Sub {
		collectLiterals(s, b)
	}
}
