package knowledge

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// t2sConvert is cc.Convert (OpenCC's segmentation: at each character, the longest key of
// the first dictionary of a group that has one starting there, within ten characters)
// walking the dictionaries' tries in place. OpenCC's own Convert builds a map and the
// matched keys' strings for every character of the message; this gives the same text
// without them. TestT2SConvert holds it to cc.Convert.
func t2sConvert(cc *opencc.OpenCC, in string) (string, error) {
	for _, g := range cc.DictChains {
		for _, d := range g.Dicts {
			if d == nil || d.Trie == nil {
				return cc.Convert(in) // what OpenCC reports then
			}
		}
	}
	if !utf8.ValidString(in) {
		return cc.Convert(in) // OpenCC matches the runes it decodes, not the bytes
	}
	const window = 10 // OpenCC's preOffset
	for _, g := range cc.DictChains {
		buf := []byte(in) // the bytes the tries walk, one at a time
		var b strings.Builder
		b.Grow(len(in))
		for i := 0; i < len(in); {
			// the window: up to ten characters from i, as bytes of the text (valid UTF-8)
			end, n := i, 0
			for end < len(in) && n < window {
				_, w := utf8.DecodeRuneInString(in[end:])
				end += w
				n++
			}
			matched := false
			for _, d := range g.Dicts {
				if l, v, ok := longestKey(d.Trie, buf[i:end]); ok {
					b.WriteString(d.Values[v][0])
					i += l
					matched = true
					break
				}
			}
			if !matched {
				r, w := utf8.DecodeRuneInString(in[i:])
				b.WriteRune(r)
				i += w
			}
		}
		in = b.String()
	}
	return in, nil
}

// trie is the part of a cedar trie t2sConvert walks.
type trie interface {
	Jump(path []byte, from int) (int, error)
	Value(id int) (int, error)
}

// longestKey returns the byte length and value of the longest key of t that s starts
// with, as cedar's PrefixMatch finds keys (a NUL byte ends the walk: it would only reach
// a key already seen).
func longestKey(t trie, s []byte) (n, value int, ok bool) {
	from := 0
	for i := 0; i < len(s) && s[i] != 0; i++ {
		to, err := t.Jump(s[i:i+1], from)
		if err != nil {
			break
		}
		if v, err := t.Value(to); err == nil {
			n, value, ok = i+1, v, true
		}
		from = to
	}
	return n, value, ok
}

// typoFirst is the first rune of each typo's from, by index.
var typoFirst = func() []rune {
	first := make([]rune, len(typos))
	for i, t := range typos {
		first[i], _ = utf8.DecodeRuneInString(t.from)
	}
	return first
}()

// fixTypos applies typos in order, each to the text the ones before it left. A typo whose
// first character the text cannot hold is not searched for: the runes of the text (and
// of every replacement made) are kept in a set with false positives, never negatives.
func fixTypos(s string) string {
	var have runeBits
	for _, r := range s {
		have.add(r)
	}
	for i, t := range typos {
		if !have.has(typoFirst[i]) || !strings.Contains(s, t.from) {
			continue
		}
		s = strings.ReplaceAll(s, t.from, t.to)
		for _, r := range t.to {
			have.add(r)
		}
	}
	return s
}

// canonMemo remembers the Canon form of the last messages read: a turn reads its message
// in Canon form several times (understanding, the matcher, the safety read), and a
// message's Canon form is read again as is. Direct-mapped and lock-free: a slot holds one
// message and its form, a collision replaces it.
var canonMemo struct {
	seed  maphash.Seed
	slots [512]atomic.Pointer[canonMemoEntry]
}

type canonMemoEntry struct{ in, out string }

// maxMemoText is the longest text remembered; longer ones are rare and costly to keep.
const maxMemoText = 1024

func init() { canonMemo.seed = maphash.MakeSeed() }

// CanonMemo is Canon(s), remembered for the messages read last.
func CanonMemo(s string) string {
	if len(s) > maxMemoText {
		return Canon(s)
	}
	slot := &canonMemo.slots[maphash.String(canonMemo.seed, s)%uint64(len(canonMemo.slots))]
	if e := slot.Load(); e != nil && e.in == s {
		return e.out
	}
	out := Canon(s)
	slot.Store(&canonMemoEntry{in: s, out: out})
	return out
}
