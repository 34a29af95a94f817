package bot

import (
	"strings"
	"unicode/utf8"
)

// alsoProduct finds a second appliance told with its own trouble after the first one
// ("空调不制冷 还有冰箱也不太冷", "冰箱漏水，另外电视也没声音了", "洗衣机和热水器都坏了"): the
// words about it are kept as Also and read no further, so its fault, brand or date never
// land on the first product's case. The bot files the first and then offers the second.
// A product named as a place or a cause ("空调漏水滴到冰箱上了") has no joining word and is
// not a second appliance.
func (x *extraction) alsoProduct(lx *Lexicon) {
	if lx == nil || x.cat < 0 {
		return
	}
	s := x.s
	from := -1
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanCategory && sp.end > from {
			from = sp.end
		}
	}
	if from < 0 {
		return
	}
	for i := from; i < len(s); i += runeLen(s, i) {
		if end, ok := x.taken(i); ok {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		c, end, ok := lx.catWords.at(s, i)
		if !ok || lx.categories[c].id == lx.categories[x.cat].id || deniedProduct(s, i, end) {
			continue
		}
		cs, ce := x.clause(i)
		st, coord, ok := alsoStart(s, cs, i, end, ce)
		if !ok {
			continue
		}
		x.f.Also = truncateRunes(strings.Trim(s[i:ce], clauseBreaks+" "), maxSymptomRunes)
		if coord {
			x.mark(st, end, spanAlso) // the fault after it is said of both
			as, ae, own := coordAlso(s, lx, c, i, end)
			x.f.Also = truncateRunes(strings.Trim(s[as:ae], clauseBreaks+" "), maxSymptomRunes)
			if own {
				x.mark(as, ae, spanAlso) // its own words are no fault of the first
			}
			return
		}
		x.alsoAt = st
		x.mark(st, ce, spanAlso)
		return
	}
}

// alsoJoiners join a second appliance to the first: "还有冰箱", "另外电视", "洗衣机和热水器".
var alsoJoiners = []string{"还有", "另外", "以及", "加上", "顺便", "同时", "然后", "而且", "和", "跟", "与", "、"}

// alsoFillers may stand between the joining word and the product: "还有家里的冰箱".
var alsoFillers = []string{"家里的", "家里", "我家的", "我家", "那个", "这个", "那台", "这台", "的", " "}

// alsoStart returns where the words about a second product at s[i:end] begin: at the
// joining word before it, or at the product when it opens its clause (or a part after a
// space) and "也", "同样", "一样", "都" or "还" follow it ("…，冰箱也不太冷"). coord is a
// product joined by "和", "跟", "与" or "、": what follows is said of both ("洗衣机和热水器都
// 坏了"), so only the joining word and the name are set aside.
func alsoStart(s string, cs, i, end, ce int) (start int, coord, ok bool) {
	before := s[cs:i]
	for trimmed := true; trimmed; {
		trimmed = false
		for _, f := range alsoFillers {
			if strings.HasSuffix(before, f) {
				before, trimmed = before[:len(before)-len(f)], true
			}
		}
	}
	for _, j := range alsoJoiners {
		if strings.HasSuffix(before, j) {
			return cs + len(before) - len(j), j == "和" || j == "跟" || j == "与" || j == "、", true
		}
	}
	if strings.TrimSpace(s[cs:i]) == "" || i > cs && s[i-1] == ' ' {
		after := strings.TrimLeft(s[end:ce], " 的")
		for _, w := range []string{"也", "同样", "一样", "都", "还"} {
			if strings.HasPrefix(after, w) {
				return i, false, true
			}
		}
	}
	return 0, false, false
}

// coordAlso is where what is said of a second appliance joined by "和" at s[i:end] is: its own words
// later on ("洗衣机和热水器都坏了 洗衣机不脱水 热水器不出热水" gives "热水器不出热水"), or
// else its name with what is said of both, up to the next space or clause break ("热水器都坏了").
// own reports its own words.
func coordAlso(s string, lx *Lexicon, c, i, end int) (start, stop int, own bool) {
	for j := end; j < len(s); j += runeLen(s, j) {
		if cj, jend, ok := lx.catWords.at(s, j); ok && lx.categories[cj].id == lx.categories[c].id && wordBreakBefore(s, j) {
			return j, wordEnd(s, jend), true
		}
	}
	return i, wordEnd(s, end), false
}

// wordBreakBefore reports whether byte j follows a space or a clause break.
func wordBreakBefore(s string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return r == ' ' || isClauseBreak(r)
}

// wordEnd returns where the words from byte j stop: at the next space or clause break.
func wordEnd(s string, j int) int {
	for k := j; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		if r == ' ' || isClauseBreak(r) {
			return k
		}
		k += n
	}
	return len(s)
}
