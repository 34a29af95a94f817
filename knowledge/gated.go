package knowledge

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// Gated is a regular expression with a cheap test in front: the runes of its literals.
// When every way the expression can match needs at least one literal, a text holding none
// of those runes cannot match, and most messages skip the regexp engine altogether. The
// understanding step runs dozens of such cue patterns on every message.
type Gated struct {
	re     *regexp.Regexp
	gate   runeBits
	gating bool // false when some match needs no literal: always run re
}

// runeBits is a set of runes with false positives: a rune's low 12 bits pick its bit.
type runeBits [64]uint64

func (b *runeBits) add(r rune)      { b[(r&4095)>>6] |= 1 << (r & 63) }
func (b *runeBits) has(r rune) bool { return b[(r&4095)>>6]&(1<<(r&63)) != 0 }

// MustGate compiles pattern like regexp.MustCompile and derives its gate.
func MustGate(pattern string) *Gated {
	g := &Gated{re: regexp.MustCompile(pattern)}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	g.gating = needsLiteral(tree)
	collectLiterals(tree, &g.gate)
	return g
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
func (g *Gated) MatchString(s string) bool { return g.open(s) && g.re.MatchString(s) }

// FindString is regexp's FindString behind the gate.
func (g *Gated) FindString(s string) string {
	if !g.open(s) {
		return ""
	}
	return g.re.FindString(s)
}

// FindStringSubmatch is regexp's FindStringSubmatch behind the gate.
func (g *Gated) FindStringSubmatch(s string) []string {
	if !g.open(s) {
		return nil
	}
	return g.re.FindStringSubmatch(s)
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex behind the gate.
func (g *Gated) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.open(s) {
		return nil
	}
	return g.re.FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp's ReplaceAllString behind the gate.
func (g *Gated) ReplaceAllString(s, repl string) string {
	if !g.open(s) {
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
