package bot

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// phraseSet finds which of a fixed set of phrases starts at a position of a text, preferring
// the longest. It is how every word list of the extractors is searched: built once, read by
// many goroutines, no allocation per lookup.
//
// Matching ignores the case of ASCII letters. A phrase that begins with an ASCII letter or
// digit does not match right after another ASCII letter or digit, and one that ends with an
// ASCII letter (digit) does not match right before another letter (digit): "mi" is not
// found in "midea", "jd" is found in "jd618".
type phraseSet[T any] struct {
	filter runeFilter // the first runes of the phrases
	first  map[rune][]phraseEntry[T]

	// Once sorted, the phrases are also held by their first two runes (pairs, longest
	// first) and, for those of one rune, by that rune (singles): a position tries only the
	// phrases that share its first two runes, where "不" alone starts over a hundred symptom
	// cues. indexed is false while phrases are added after the last sort.
	pairs   map[[2]rune][]phraseEntry[T]
	singles map[rune][]phraseEntry[T]
	indexed bool
}

type phraseEntry[T any] struct {
	text  string // ASCII letters lower-cased
	value T
}

// add registers text with its value; an empty text is ignored. Call sort after the last add.
func (p *phraseSet[T]) add(text string, v T) {
	text = strings.TrimSpace(asciiLower(text))
	if text == "" {
		return
	}
	if p.first == nil {
		p.first = make(map[rune][]phraseEntry[T])
	}
	r, _ := utf8.DecodeRuneInString(text)
	p.filter.add(r)
	p.first[r] = append(p.first[r], phraseEntry[T]{text: text, value: v})
	p.indexed = false
}

// sort orders each bucket longest first, so that the first hit is the longest, and indexes
// the phrases by their first two runes. Within a first rune every phrase of two runes or
// more is longer than the one-rune phrase, so trying the pair's phrases, then the single,
// tries the same phrases in the same order as the bucket, less those that cannot match.
func (p *phraseSet[T]) sort() {
	p.pairs = make(map[[2]rune][]phraseEntry[T])
	p.singles = make(map[rune][]phraseEntry[T])
	for r, list := range p.first {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].text) > len(list[j].text) })
		for _, ph := range list {
			_, size := utf8.DecodeRuneInString(ph.text)
			if size == len(ph.text) {
				p.singles[r] = append(p.singles[r], ph)
				continue
			}
			second, _ := utf8.DecodeRuneInString(ph.text[size:])
			key := [2]rune{r, second}
			p.pairs[key] = append(p.pairs[key], ph)
		}
	}
	p.indexed = true
}

// at returns the longest phrase starting at byte i of s, and the byte just after it. The
// common case, no phrase starts with the rune at i, costs a bit test and is inlined.
func (p *phraseSet[T]) at(s string, i int) (v T, end int, ok bool) {
	if i >= len(s) || !p.filter.has(runeKey(s, i)) {
		return v, i, false
	}
	return p.longestAt(s, i)
}

// longestAt is at without the filter.
func (p *phraseSet[T]) longestAt(s string, i int) (v T, end int, ok bool) {
	r := firstRuneFolded(s, i)
	if !p.indexed {
		return longestOf(p.first[r], s, i)
	}
	if j := i + runeLen(s, i); j < len(s) {
		if v, end, ok := longestOf(p.pairs[[2]rune{r, firstRuneFolded(s, j)}], s, i); ok {
			return v, end, true
		}
	}
	return longestOf(p.singles[r], s, i)
}

// longestOf returns the first phrase of list (longest first) that starts at byte i of s.
func longestOf[T any](list []phraseEntry[T], s string, i int) (v T, end int, ok bool) {
	for _, ph := range list {
		if !hasPrefixFold(s[i:], ph.text) {
			continue
		}
		end = i + len(ph.text)
		if !asciiBoundary(s, i, end) {
			continue
		}
		return ph.value, end, true
	}
	return v, i, false
}

// spans reports whether some phrase occupies exactly s[i:end]; unlike at it does not prefer
// the longest phrase, so "没" is found before "有" in "没有" even though "没有" is a phrase too.
func (p *phraseSet[T]) spans(s string, i, end int) bool {
	if i >= end || end > len(s) {
		return false
	}
	r := firstRuneFolded(s, i)
	if !p.filter.has(r) {
		return false
	}
	for _, ph := range p.first[r] {
		if len(ph.text) == end-i && hasPrefixFold(s[i:], ph.text) && asciiBoundary(s, i, end) {
			return true
		}
	}
	return false
}

// find returns the first phrase found in s[from:to], scanning rune by rune.
func (p *phraseSet[T]) find(s string, from, to int) (start, end int, v T, ok bool) {
	for i := from; i < to; {
		if v, end, ok := p.at(s, i); ok && end <= to {
			return i, end, v, true
		}
		i += runeLen(s, i)
	}
	return 0, 0, v, false
}

// contains reports whether any phrase occurs in s[from:to].
func (p *phraseSet[T]) contains(s string, from, to int) bool {
	_, _, _, ok := p.find(s, from, to)
	return ok
}

// runeFilter is a set of runes with false positives: a rune's low 12 bits pick its bit.
type runeFilter [64]uint64

func (f *runeFilter) add(r rune)           { f[(r&4095)>>6] |= 1 << (r & 63) }
func (f *runeFilter) has(r rune) bool      { return f[(r&4095)>>6]&(1<<(r&63)) != 0 }
func (f *runeFilter) addFirst(word string) { f.add(firstRuneFolded(word, 0)) }

// runeKey is the rune at byte i of s as far as a runeFilter looks at it (its low 12 bits,
// ASCII lower-cased), computed from the bytes without decoding. Chinese characters take
// three bytes, whose last two hold those 12 bits.
func runeKey(s string, i int) rune {
	b := s[i]
	if b < utf8.RuneSelf {
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return rune(b)
	}
	if b&0xF0 == 0xE0 && i+2 < len(s) {
		return rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	}
	return firstRuneFolded(s, i)
}

// firstRuneFolded decodes the rune at byte i of s (ASCII letters lower-cased), with a fast
// path for the three-byte sequences of Chinese text.
func firstRuneFolded(s string, i int) rune {
	b := s[i]
	switch {
	case b < utf8.RuneSelf:
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return rune(b)
	case b&0xF0 == 0xE0 && i+2 < len(s):
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// hasPrefixFold reports whether s starts with prefix, which is already lower-case ASCII.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// asciiBoundary applies the Latin word-boundary rule of phraseSet to the match s[i:end].
func asciiBoundary(s string, i, end int) bool {
	if isASCIIAlnum(s[i]) && i > 0 && isASCIIAlnum(s[i-1]) {
		return false
	}
	if end < len(s) {
		last, next := s[end-1], s[end]
		if isASCIILetter(last) && isASCIILetter(next) || isASCIIDigit(last) && isASCIIDigit(next) {
			return false
		}
	}
	return true
}

// asciiLower lower-cases ASCII letters only, leaving every other byte as it is, so byte
// offsets stay valid. It allocates only when there is something to change.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// asciiUpper upper-cases ASCII letters only; it allocates only when there is something to change.
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'a' <= b[j] && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isASCIIAlnum(c byte) bool  { return isASCIIDigit(c) || isASCIILetter(c) }

// runeLen is the length in bytes of the rune starting at byte i of s (1 for invalid bytes).
func runeLen(s string, i int) int {
	switch b := s[i]; {
	case b < 0xC0: // ASCII, or a stray continuation byte
		return 1
	case b < 0xE0:
		return min(2, len(s)-i)
	case b < 0xF0:
		return min(3, len(s)-i)
	}
	return min(4, len(s)-i)
}

// prevRuneStart returns the byte offset of the rune that ends just before byte i.
func prevRuneStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return i - n
}
