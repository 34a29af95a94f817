package knowledge

import (
	"slices"
	"strings"
)

// automaton is an Aho–Corasick automaton over the bytes of UTF-8 patterns: one pass over
// a message finds every occurrence of every pattern, overlapping ones included, whatever
// the number of patterns. Byte-level matching is exact for UTF-8, whose encoding never lets
// a character's bytes match in the middle of another character.
//
// The trie is stored compactly: state 0 is the root, with a dense 256-entry table; the
// other states keep their outgoing edges sorted in flat arrays (first[s]:first[s+1]).
type automaton struct {
	root   [256]int32 // root transitions; 0 means stay at the root
	first  []uint32   // edge range of each state, len = states+1
	label  []byte     // edge bytes, sorted within a state
	target []int32    // edge targets
	fail   []int32    // failure link of each state
	out    []int32    // pattern ending exactly at the state, or -1
	dict   []int32    // next state on the failure chain with out >= 0, or 0
	patLen []int32    // byte length of each pattern
}

// buildAutomaton compiles the patterns; pattern ids are their indexes. Patterns must be
// unique and non-empty.
func buildAutomaton(patterns []string) *automaton {
	a := &automaton{patLen: make([]int32, len(patterns))}
	// Insert in sorted order: each pattern shares its trie path with the previous one up
	// to their common prefix, so no child lookup is needed.
	order := make([]int32, len(patterns))
	for i := range order {
		order[i] = int32(i)
		a.patLen[i] = int32(len(patterns[i]))
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(patterns[x], patterns[y]) })
	type edge struct {
		from int32
		c    byte
		to   int32
	}
	var edges []edge
	out := []int32{-1}
	path := []int32{0} // path[d] is the state after d bytes of the previous pattern
	prev := ""
	for _, id := range order {
		p := patterns[id]
		common := 0
		for common < len(p) && common < len(prev) && p[common] == prev[common] {
			common++
		}
		path = path[:common+1]
		for i := common; i < len(p); i++ {
			next := int32(len(out))
			out = append(out, -1)
			edges = append(edges, edge{path[i], p[i], next})
			path = append(path, next)
		}
		out[path[len(p)]] = id
		prev = p
	}

	// Edges grouped by state (a counting sort); within a state they were created in byte
	// order, since the patterns were sorted.
	n := len(out)
	a.out = out
	a.first = make([]uint32, n+1)
	for _, e := range edges {
		a.first[e.from+1]++
	}
	for s := 1; s <= n; s++ {
		a.first[s] += a.first[s-1]
	}
	a.label = make([]byte, len(edges))
	a.target = make([]int32, len(edges))
	fill := slices.Clone(a.first[:n])
	for _, e := range edges {
		k := fill[e.from]
		fill[e.from]++
		a.label[k] = e.c
		a.target[k] = e.to
		if e.from == 0 {
			a.root[e.c] = e.to
		}
	}

	// Failure and dictionary links, breadth first so a state's links are known before its
	// children's.
	a.fail = make([]int32, n)
	a.dict = make([]int32, n)
	queue := make([]int32, 0, n)
	for _, t := range a.edgesOf(0) {
		queue = append(queue, t)
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		lo, hi := a.first[u], a.first[u+1]
		for e := lo; e < hi; e++ {
			c, v := a.label[e], a.target[e]
			f := a.fail[u]
			for {
				if t := a.step(f, c); t >= 0 {
					a.fail[v] = t
					break
				}
				f = a.fail[f]
			}
			if fv := a.fail[v]; a.out[fv] >= 0 {
				a.dict[v] = fv
			} else {
				a.dict[v] = a.dict[fv]
			}
			queue = append(queue, v)
		}
	}
	return a
}

// edgesOf returns the targets of the state's edges.
func (a *automaton) edgesOf(s int32) []int32 {
	return a.target[a.first[s]:a.first[s+1]]
}

// step follows the edge labelled c from s: the target, or -1 when s has none. From the
// root it never fails (it stays at the root).
func (a *automaton) step(s int32, c byte) int32 {
	if s == 0 {
		return a.root[c]
	}
	lo, hi := a.first[s], a.first[s+1]
	for lo < hi {
		mid := (lo + hi) / 2
		switch l := a.label[mid]; {
		case l == c:
			return a.target[mid]
		case l < c:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// scan calls fn for every occurrence of every pattern in text, with the pattern id and
// its byte span, in order of the span's end.
func (a *automaton) scan(text string, fn func(id int32, start, end int)) {
	s := int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		for {
			if t := a.step(s, c); t >= 0 {
				s = t
				break
			}
			s = a.fail[s]
		}
		o := s
		if a.out[o] < 0 {
			o = a.dict[o]
		}
		for o != 0 {
			id := a.out[o]
			fn(id, i+1-int(a.patLen[id]), i+1)
			o = a.dict[o]
		}
	}
}
