package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize prepares text for matching; trigger phrases and customer messages go through
// the same function, so they compare equal however they were typed:
//
//   - full-width forms become half-width ("ＥＲ１２" → "er12"), the ideographic space a space;
//   - Latin letters are lower-cased;
//   - white space is removed, except between two Latin letters or digits, where it becomes
//     a "," word boundary ("midea e1" keeps "midea" and "e1" apart);
//   - clause punctuation (，。！？、…, ASCII .,!?;: quotes and brackets) becomes one ",",
//     runs collapsed, none at either end; "-", "/", "_", "+", "%", "#" are kept, and so
//     is every other character.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	var last rune = ',' // as if preceded by a boundary: no leading ","
	for _, r := range s {
		r = fold(r)
		switch {
		case unicode.IsSpace(r):
			pendingSpace = true
			continue
		case isClausePunct(r):
			pendingSpace = false
			if last != ',' {
				b.WriteByte(',')
				last = ','
			}
			continue
		}
		if pendingSpace && isASCIIAlnum(last) && isASCIIAlnum(r) {
			b.WriteByte(',')
		}
		pendingSpace = false
		b.WriteRune(r)
		last = r
	}
	return strings.TrimSuffix(b.String(), ",")
}

// matchForm is the form trigger phrases and messages are compared in: Normalize, then
// the fillers dropped (see dropFillers).
func matchForm(s string) string {
	t, _ := dropFillers(Normalize(s), false)
	return t
}

// fillers are rewritten in messages and phrases alike before phrases are compared: the
// particles 的 and 了 and degree adverbs are dropped, so "冷藏室的灯" matches "冷藏室灯",
// "声音特别大" matches "声音大" and "冻住" matches "冻住了"; softened denials become plain
// ones ("不怎么制冷", "不是很凉快", "不能脱水", "无法开机" → "不制冷", "不凉快", "不脱水",
// "不开机"). "是不是" is kept whole, so the
// question "是不是很卡" doesn't turn into a denial. How often a fault happens is said one way,
// "经常" ("天天掉线", "老是跳闸", "动不动就断网" match "经常掉线", "经常跳闸", "经常断网").
// At each position the first (longest) filler that fits applies.
var fillers = []struct{ from, to string }{
	{"是不是", "是不是"},
	{"天天然", "天天然"}, {"每天然", "每天然"}, // "昨天天然气": no frequency
	{"天天", "经常"}, {"每天", "经常"}, {"老是", "经常"}, {"总是", "经常"}, {"频繁", "经常"}, {"时不时", "经常"},
	{"动不动就", "经常"}, {"动不动", "经常"}, {"隔三差五", "经常"}, {"三天两头", "经常"},
	{"不怎么", "不"}, {"没怎么", "没"}, {"不是很", "不"}, {"不是太", "不"},
	{"没办法", "不"}, {"不能", "不"}, {"无法", "不"}, {"没法", "不"},
	{"特别", ""}, {"非常", ""}, {"十分", ""}, {"超级", ""}, {"有点", ""}, {"有些", ""}, {"比较", ""},
	{"的", ""}, {"了", ""}, {"很", ""}, {"挺", ""}, {"太", ""},
	// Cantonese and Wu say the same denials and particles with other characters: "啲水唔够热"
	// matches "水不够热", "冇热水" "没热水", "勿制冷" "不制冷" ("咗" stays: "着咗火" is a keyword)
	{"唔", "不"}, {"冇", "没"}, {"勿", "不"}, {"嘅", ""}, {"啲", ""},
}

// fillerStarts are the first characters of the fillers.
const fillerStarts = "是不没无特非十超有比的了很挺太天每老总频时动隔三唔冇勿嘅啲"

// dropFillers rewrites the fillers of the normalised text n. With withPos it also returns
// where each byte offset of n lands in the result (len(n)+1 entries), to carry spans found
// in n over; the bytes of a rewritten filler land where its replacement starts.
func dropFillers(n string, withPos bool) (string, []int32) {
	var pos []int32
	if withPos {
		pos = make([]int32, len(n)+1)
	}
	var b strings.Builder
	b.Grow(len(n))
	for i := 0; i < len(n); {
		r, size := utf8.DecodeRuneInString(n[i:])
		to := n[i : i+size]
		if strings.ContainsRune(fillerStarts, r) {
			for _, f := range fillers {
				if strings.HasPrefix(n[i:], f.from) {
					size, to = len(f.from), f.to
					break
				}
			}
		}
		if withPos {
			for k := i; k < i+size; k++ {
				pos[k] = int32(b.Len())
			}
		}
		b.WriteString(to)
		i += size
	}
	if withPos {
		pos[len(n)] = int32(b.Len())
	}
	return b.String(), pos
}

// fold maps a full-width form to its half-width twin and lower-cases ASCII letters.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		return ' '
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

func isClausePunct(r rune) bool {
	switch r {
	case '-', '/', '_', '+', '%', '#', '&', '@', '*':
		return false
	case '~', '～', '…', '—', '·', '｜', '|', '^', '`':
		return true
	}
	if r >= 0x1F000 || (r >= 0x2600 && r <= 0x27BF) { // emoji and pictographs
		return true
	}
	return unicode.IsPunct(r)
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
}

// runeCount is the length of s in characters, the unit phrase weights are computed in.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
