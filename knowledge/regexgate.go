package knowledge

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// regexGates returns literals of which every match of the regex contains at least one, in
// normalised form, or nil when no such set is known; the matcher then runs the regex only
// on messages where one of them occurs. For '(结|挂)了?一?层?(霜|冰)' they are
// 结 and 挂 (or 霜 and 冰: the set with the longer literals wins).
func regexGates(src string) []string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	set := required(re.Simplify())
	for i, lit := range set {
		set[i] = strings.ToLower(lit)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// maxGateClass is the largest character class still used as a set of one-character gates.
const maxGateClass = 4

// required computes the literal set of a regex node (nil: none known).
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		lit := string(re.Rune)
		if Normalize(lit) != strings.ToLower(lit) {
			return nil // regexes run on normalised text, where this never occurs
		}
		return []string{lit}
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxGateClass || len(set) >= maxGateClass {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if c := string(r); Normalize(c) == strings.ToLower(c) {
					set = append(set, c)
				} else {
					return nil
				}
			}
		}
		return set
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if set := required(sub); set != nil && better(set, best) {
				best = set
			}
		}
		return best
	case syntax.OpAlternate:
		var set []string
		for _, sub := range re.Sub {
			s := required(sub)
			if s == nil {
				return nil
			}
			set = append(set, s...)
		}
		return set
	}
	return nil
}

// better prefers the set whose shortest literal is longest, then the smaller set.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	if la, lb := shortest(a), shortest(b); la != lb {
		return la > lb
	}
	return len(a) < len(b)
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if l := utf8.RuneCountInString(s); n < 0 || l < n {
			n = l
		}
	}
	return n
}
