package knowledge

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A feature key is a pair of characters (21 bits each) or a token's 62-bit hash, with a bit
// for tokens and a bit for denial.
const (
	keyToken   = 1 << 63
	keyDenied  = 1 << 62
	keyPayload = 1<<62 - 1
)

// pairKey is the key of the characters a, b, the first denied or not.
func pairKey(denied bool, a, b rune) uint64 {
	k := uint64(a)<<21 | uint64(b)
	if denied {
		k |= keyDenied
	}
	return k
}

// tokenKey is the key of a Latin or digit token: its FNV-1a hash.
func tokenKey(denied bool, tok string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(tok); i++ {
		h ^= uint64(tok[i])
		h *= 1099511628211
	}
	k := h&keyPayload | keyToken
	if denied {
		k |= keyDenied
	}
	return k
}

// kindWeight is how much one feature of the key's kind tells.
func kindWeight(k uint64) float64 {
	if k&keyToken != 0 {
		return simWeightToken
	}
	return simWeightPair
}

// simFeatures appends the feature keys of t, a text in matching form, in text order and
// with repeats.
func simFeatures(t string, dst []uint64) []uint64 {
	var pol polarity
	var prev rune               // the previous character of the current run of letters
	var prevDenied bool         // and whether it is denied
	run := false                // whether a run of letters is open
	tok, tokDenied := -1, false // start of the current Latin/digit token
	endToken := func(end int) {
		if tok >= 0 {
			dst = append(dst, tokenKey(tokDenied, t[tok:end]))
			tok = -1
		}
	}
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		denied := pol.at(t, i)
		switch {
		case isASCIIAlnum(r):
			if tok < 0 {
				tok, tokDenied = i, denied
			}
			run = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			endToken(i)
			if run && !isNegatorChar(r) {
				dst = append(dst, pairKey(prevDenied, prev, r))
			}
			prev, prevDenied, run = r, denied, true
		default:
			endToken(i)
			run = false
		}
		i += size
	}
	endToken(len(t))
	return dst
}

// isNegatorChar reports the characters every negation starts with. A pair ending in one
// ("调不" of "空调不制冷") is left out: it says nothing about the fault, and the pairs after
// the negation carry it, denied.
func isNegatorChar(r rune) bool {
	switch r {
	case '不', '没', '无', '未', '非':
		return true
	}
	return false
}

// polarity remembers whether the last few characters were denied, so that a denied
// negation asserts again: in "不是不制冷" the second 不 is denied by 不是, so 制冷 is not.
type polarity struct {
	pos    [8]int // byte offsets of the last characters, a ring
	denied [8]bool
	n      int
}

// at reports whether the character at byte i of t is denied; characters must be asked in
// order.
func (p *polarity) at(t string, i int) bool {
	d := false
	if j := denier(t, i); j >= 0 {
		d = !p.was(j)
	}
	p.pos[p.n%len(p.pos)], p.denied[p.n%len(p.denied)] = i, d
	p.n++
	return d
}

func (p *polarity) was(j int) bool {
	for k := range min(p.n, len(p.pos)) {
		if p.pos[k] == j {
			return p.denied[k]
		}
	}
	return false
}

// counted sorts keys and collapses repeats into (key, count) pairs, in place.
func counted(keys []uint64, counts []uint8) ([]uint64, []uint8) {
	slices.Sort(keys)
	counts = counts[:0]
	n := 0
	for i, k := range keys {
		if i > 0 && k == keys[n-1] {
			if counts[n-1] < math.MaxUint8 {
				counts[n-1]++
			}
			continue
		}
		keys[n] = k
		counts = append(counts, 1)
		n++
	}
	return keys[:n], counts
}

// tfWeight is the weight in a text of a feature seen count times in it, whose weight is w
// (idf × kind weight).
func tfWeight(count uint8, w float32) float64 {
	if count == 1 {
		return float64(w)
	}
	return (1 + math.Log(float64(count))) * float64(w)
}

func idf(docs, df int) float32 {
	return float32(1 + math.Log(float64(docs+1)/float64(df+1)))
}
