package knowledge

// CueIndex lists gated patterns under the runes one of which each needs, so that a text
// visits only the patterns it can match: reading the text's runes once replaces testing
// every pattern's gate and prefilters in turn. The index is a necessary condition, like a
// prefilter: a pattern it names still decides for itself.
type CueIndex struct {
	byRune map[rune][]int32
	always []int32 // patterns with no runes to name (a match may need no literal)
	n      int
}

// CueMask is a set of pattern positions in a CueIndex: Has(i) false means the i-th
// pattern cannot match the text.
type CueMask []uint64

func (m CueMask) Has(i int) bool { return m[i>>6]&(1<<(i&63)) != 0 }

func (m CueMask) add(i int32) { m[i>>6] |= 1 << (i & 63) }

// NewCueIndex indexes the patterns by position.
func NewCueIndex(gs []*Gated) *CueIndex {
	x := &CueIndex{byRune: map[rune][]int32{}, n: len(gs)}
	for i, g := range gs {
		keys, ok := g.keyRunes()
		if !ok {
			x.always = append(x.always, int32(i))
			continue
		}
		for _, r := range keys {
			if l := x.byRune[r]; len(l) == 0 || l[len(l)-1] != int32(i) {
				x.byRune[r] = append(l, int32(i))
			}
		}
	}
	return x
}

// candidates returns the patterns that may match s.
func (x *CueIndex) Candidates(s string) CueMask {
	m := make(CueMask, (x.n+63)/64)
	for _, i := range x.always {
		m.add(i)
	}
	for _, r := range s {
		for _, i := range x.byRune[r] {
			m.add(i)
		}
	}
	return m
}

// keyRunes returns runes one of which every match of g holds: a word's first rune, and for
// each other alternative the first runes of one choice of literals its prefilter needs. ok
// is false when some alternative has no such choice.
func (g *Gated) keyRunes() (keys []rune, ok bool) {
	for r := range g.words {
		keys = append(keys, r)
	}
	for i := range g.rest {
		a := &g.rest[i]
		if !a.gating {
			return nil, false
		}
		firsts, ok := a.pf.keyRunes()
		if !ok {
			return nil, false
		}
		keys = append(keys, firsts...)
	}
	return keys, len(keys) > 0
}

// keyRunes returns the first runes of a literal or a choice of literals the condition
// needs (the fewest, when a conjunction needs several), ok false when it needs none.
func (p *prefilter) keyRunes() ([]rune, bool) {
	switch p.op {
	case pfLit:
		return []rune{p.first}, true
	case pfOr:
		return p.firsts, p.firsts != nil
	case pfAnd:
		var best []rune
		for _, q := range p.subs {
			if k, ok := q.keyRunes(); ok && (best == nil || len(k) < len(best)) {
				best = k
			}
		}
		return best, best != nil
	}
	return nil, false
}
