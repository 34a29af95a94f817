package textmodel

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// gramIndex finds the rows of a message's n-gram features without hashing strings. A
// 1- to 3-gram is its runes packed into one integer (packRunes), and the features that
// pair it with a state ("collect|不制冷") are listed with the gram by the state's number,
// so PredictText makes one integer look-up per n-gram where it made two string look-ups,
// each hashing a key it first had to build. The two models hold 57,000 and 117,000
// features; most of a look-up's cost is the cache misses of a big map, which the smaller
// integer map and rows laid out by gram make fewer.
//
// The index answers exactly what logP answers: an n-gram g of the text has a row here
// if and only if logP holds g, and a row for state s if and only if logP holds s+"|"+g.
type gramIndex struct {
	grams  gramTable // packRunes of an n-gram → its gram in entries
	entry  []gram
	pairs  []statePair      // the entries' state pairs, each entry's in one run
	states map[string]int32 // a state some feature pairs with an n-gram → its number
}

// gram is an n-gram's features: its own and those pairing it with a state.
type gram struct {
	bare     int32 // the row of the n-gram's own feature, or -1
	from, to int32 // its pairs with states: pairs[from:to]
}

// statePair is the row of the feature state+"|"+gram.
type statePair struct{ state, row int32 }

// packRunes is the runes in one integer, 21 bits each (a rune is at most 0x10FFFF), each
// plus one so that no rune packs as nothing. It distinguishes every sequence of one to
// three runes.
func packRunes(r0, r1, r2 rune) uint64 {
	return uint64(r0+1) | uint64(r1+1)<<21 | uint64(r2+1)<<42
}

// noRune packs as no rune at all: packRunes(r, noRune, noRune) is the 1-gram r.
const noRune rune = -1

// packGram is packRunes of a valid string of one to three runes; ok is false for other
// strings, which no n-gram of a message can equal.
func packGram(s string) (key uint64, ok bool) {
	if s == "" || !utf8.ValidString(s) {
		return 0, false
	}
	r := [3]rune{noRune, noRune, noRune}
	n := 0
	for _, c := range s {
		if n == len(r) {
			return 0, false
		}
		r[n] = c
		n++
	}
	return packRunes(r[0], r[1], r[2]), true
}

// indexGrams indexes the n-gram features of counts and orders all its features into
// rows: an n-gram's own feature, then its state pairs, so that the rows one n-gram of a
// message reads lie together; the other features follow. Features are taken in sorted
// order, so the same model always has the same rows.
func indexGrams(counts map[string][]float64) (order []string, ix gramIndex) {
	features := make([]string, 0, len(counts))
	for f := range counts {
		features = append(features, f)
	}
	slices.Sort(features)

	type pending struct {
		bare  string
		pairs []string // features state+"|"+gram
		state []int32
	}
	gramIDs := map[uint64]int32{}
	ix.states = map[string]int32{}
	var grams []pending
	gramOf := func(g string) *pending {
		key, ok := packGram(g)
		if !ok {
			return nil
		}
		i, ok := gramIDs[key]
		if !ok {
			i = int32(len(grams))
			gramIDs[key] = i
			grams = append(grams, pending{})
		}
		return &grams[i]
	}
	for _, f := range features {
		if g := gramOf(f); g != nil {
			g.bare = f
		}
		// Every "|" may end a state: "a|b|c" is the state "a" with "b|c", and "a|b" with "c".
		for i := strings.IndexByte(f, '|'); i >= 0; {
			state := f[:i]
			if g := gramOf(f[i+1:]); g != nil {
				s, ok := ix.states[state]
				if !ok {
					s = int32(len(ix.states))
					ix.states[state] = s
				}
				g.pairs = append(g.pairs, f)
				g.state = append(g.state, s)
			}
			next := strings.IndexByte(f[i+1:], '|')
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}

	rowOf := make(map[string]int32, len(features))
	place := func(f string) int32 {
		r, ok := rowOf[f]
		if !ok {
			r = int32(len(order))
			rowOf[f] = r
			order = append(order, f)
		}
		return r
	}
	ix.entry = make([]gram, len(grams))
	for i, g := range grams {
		e := gram{bare: -1, from: int32(len(ix.pairs))}
		if g.bare != "" {
			e.bare = place(g.bare)
		}
		for j, f := range g.pairs {
			ix.pairs = append(ix.pairs, statePair{state: g.state[j], row: place(f)})
		}
		e.to = int32(len(ix.pairs))
		ix.entry[i] = e
	}
	for _, f := range features {
		place(f)
	}
	ix.grams = newGramTable(gramIDs)
	return order, ix
}

// gramTable is a read-only hash table from packed n-grams to their grams: open
// addressing with linear probing in one slice, so a look-up of a message's n-gram, made
// for every n-gram of every message by both models, costs one multiplication and
// usually one cache line, where a Go map reads its control word and then its slot.
type gramTable struct {
	slots []gramSlot // len is a power of two, at most half full
	shift uint       // 64 - log2(len(slots))
}

// gramSlot is a packed n-gram and its gram; key 0 (no packed n-gram is 0) marks a free
// slot.
type gramSlot struct {
	key  uint64
	gram int32
}

func newGramTable(ids map[uint64]int32) gramTable {
	bits := uint(1)
	for 1<<bits < 2*len(ids) {
		bits++
	}
	t := gramTable{slots: make([]gramSlot, 1<<bits), shift: 64 - bits}
	mask := uint64(len(t.slots) - 1)
	for key, id := range ids {
		i := t.home(key)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = gramSlot{key: key, gram: id}
	}
	return t
}

// home is the slot where the search for key starts (Fibonacci hashing).
func (t *gramTable) home(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> t.shift }

// get returns key's gram.
func (t *gramTable) get(key uint64) (int32, bool) {
	if len(t.slots) == 0 || key == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case key:
			return t.slots[i].gram, true
		case 0:
			return 0, false
		}
	}
}

// state is the number of a state in the index, or -1 if no feature pairs it with an
// n-gram.
func (ix *gramIndex) state(s string) int32 {
	if n, ok := ix.states[s]; ok {
		return n
	}
	return -1
}

// rows is the rows of the n-gram's own feature and of its pair with the state: -1 for a
// feature the model does not have.
func (ix *gramIndex) rows(key uint64, state int32) (bare, paired int32) {
	i, ok := ix.grams.get(key)
	if !ok {
		return -1, -1
	}
	e := ix.entry[i]
	paired = -1
	for _, p := range ix.pairs[e.from:e.to] {
		if p.state == state {
			paired = p.row
			break
		}
	}
	return e.bare, paired
}
