package knowledge

import (
	"strings"
	"unicode/utf8"
)

// negators are the words that deny a phrase right after them ("没有漏水", "不是异响"; "别写冒烟",
// "你别给俺写成着火了" deny what the ticket must not say), longest first so that "没有" wins
// over "没".
var negators = []string{"并没有", "从来没", "别写成", "别记成", "不要写", "覅写", "没有", "不是", "并非", "从没", "别写", "别记", "写成", "记成", "没", "不", "无", "未"}

// notNegating are words that begin with a negator but deny nothing that follows
// ("不停地漏水", "不小心进水", "没几天就坏了").
var notNegating = []string{
	"不停", "不断", "不时", "不知", "不少", "不久", "不到", "不一", "不仅", "不只", "不光",
	"不管", "不论", "不然", "不过", "不但", "不小心", "不留神", "不经意", "不明", "不定",
	"没多", "没几", "没想到", "没过", "没注意", "无论", "无缘无故", "未知",
	// product names that begin with a negator: "无人机着火了", "不粘锅冒烟"
	"无人机", "无线", "无叶", "无绳", "无刷", "无霜", "无油", "无极", "无级", "无边框", "无感", "无菌",
	"无水箱", "无尘", "不粘", "不锈钢", "不间断", "未来",
}

// maxNegationGap is how many characters may stand between a negator and the phrase it
// denies ("没有发现漏水").
const maxNegationGap = 2

// negated reports whether the phrase starting at byte p of the normalised text t is
// denied: a negator ends at most maxNegationGap characters before it, within the same
// clause, and is not part of a non-negating word or an A-not-A question ("是不是漏水",
// "有没有异响", "会不会漏电"). The phrase's own characters are never looked at, so a
// keyword that itself begins with 不 ("不制冷") still counts.
func negated(t string, p int) bool { return denier(t, p) >= 0 }

// denier returns the byte offset in t of the negator that denies the phrase starting at p
// (see negated), or -1 when nothing does.
func denier(t string, p int) int {
	if !negatorNear(t, p) {
		return -1
	}
	q := p
	for gap := 0; gap <= maxNegationGap; gap++ {
		head := t[:q]
		for _, n := range negators {
			if strings.HasSuffix(head, n) {
				if exempt(t, q-len(n), n) {
					return -1
				}
				return q - len(n)
			}
		}
		r, size := utf8.DecodeLastRuneInString(head)
		if size == 0 || r == ',' {
			return -1
		}
		q -= size
	}
	return -1
}

// negatorNear is a quick test: whether a character every negator contains (不没无未非写记)
// stands among the few characters before p that a negator could span.
func negatorNear(t string, p int) bool {
	for range maxNegationGap + 3 {
		r, size := utf8.DecodeLastRuneInString(t[:p])
		switch r {
		case '不', '没', '无', '未', '非', '写', '记', '覅':
			return true
		case ',', '?', utf8.RuneError:
			return false
		}
		p -= size
	}
	return false
}

// exempt reports whether the negator n found at byte at of t is not a denial.
func exempt(t string, at int, n string) bool {
	rest := t[at:]
	for _, w := range notNegating {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	before, _ := utf8.DecodeLastRuneInString(t[:at])
	switch n {
	case "不是":
		return before == '是' || before == '系' // 是不是; Cantonese 系唔系, which Canon makes 系不是
	case "没有":
		return before == '有' // 有没有
	case "不", "没":
		after, _ := utf8.DecodeRuneInString(t[at+len(n):])
		return before == after && before != utf8.RuneError // 能不能, 会不会, 好没好
	}
	return false
}
