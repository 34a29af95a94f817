package bot

import (
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// Channel is where a product was bought, in canonical form.
type Channel string

// The purchase channels.
const (
	ChannelJD        Channel = "京东"
	ChannelTmall     Channel = "天猫"
	ChannelTaobao    Channel = "淘宝"
	ChannelPinduoduo Channel = "拼多多"
	ChannelSuning    Channel = "苏宁"
	ChannelGome      Channel = "国美"
	ChannelDouyin    Channel = "抖音"
	ChannelOfficial  Channel = "官方商城" // the brand's own web shop or app
	ChannelOffline   Channel = "线下门店" // a physical shop
	ChannelOther     Channel = "其他"   // second-hand, a gift, abroad …
)

// YesNo is an answer that may not have been given.
type YesNo int8

// The values of a YesNo.
const (
	YesNoUnset YesNo = iota // not said
	YesNoYes
	YesNoNo
)

// String returns "yes", "no" or "unset".
func (v YesNo) String() string {
	switch v {
	case YesNoYes:
		return "yes"
	case YesNoNo:
		return "no"
	}
	return "unset"
}

type channelWord struct {
	channel Channel
	weak    bool
}

// channelSet maps the channel words of lexicon_words.go to their channel.
var channelSet = func() *phraseSet[channelWord] {
	p := &phraseSet[channelWord]{}
	for _, c := range channelWords {
		p.add(c.word, channelWord{c.channel, c.weak})
	}
	p.sort()
	return p
}()

// channel finds where the product was bought. A weak word ("商场", "二手") counts only in a
// clause that speaks of buying.
func (x *extraction) channel() {
	s := x.s
	buyingEnd, notBuyingEnd := 0, 0 // the last clauses found to speak, or not, of buying
	for i := 0; i < len(s); i += runeLen(s, i) {
		if end, ok := x.taken(i); ok && x.kindAt(i) != spanPurchase {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		c, end, ok := channelSet.at(s, i)
		if !ok {
			continue
		}
		if c.weak && i >= buyingEnd {
			if i < notBuyingEnd {
				continue
			}
			cs, ce := x.clause(i)
			if !setPurchaseVerbs.contains(s, cs, ce) {
				notBuyingEnd = ce
				continue
			}
			buyingEnd = ce
		}
		x.f.Channel = c.channel
		x.mark(i, end, spanChannel)
		return
	}
}

// kindAt returns the kind of the first part read that covers byte i, or 0.
func (x *extraction) kindAt(i int) spanKind {
	k, _, _ := x.spanAt(i)
	return k
}

// ParseChannel reads the answer to "where did you buy it?". Every channel word counts, weak
// ones too ("商场", "朋友送的"). ok is false when the answer names no channel.
func ParseChannel(text string) (Channel, bool) {
	s := normalizeText(text)
	_, _, c, ok := channelSet.find(s, 0, len(s))
	return c.channel, ok
}

// warrantyFillers may stand between a negation and "延保": "没有买延保".
var setWarrantyFillers = wordSet([]string{"买", "办", "有", "了", "过", "购买", "也", "都", "还", "开通", "买过", "办过"})

// warranty finds whether the customer has an extended warranty: "买了延保", "有延保" say yes;
// "没买延保", "延保没办" say no; "不知道有没有延保" leaves it unset.
func (x *extraction) warranty() {
	s := x.s
	for i := 0; i < len(s); i += runeLen(s, i) {
		_, end, ok := setWarranty.at(s, i)
		if !ok {
			continue
		}
		cs, ce := x.clause(i)
		if e := spaceBreak(s, i, ce); e < ce && !setUnsure.contains(s, cs, e) && !isQuestion(s, cs, e) && toldLength(s[cs:e]) {
			ce = e // "买了三年延保 还在保吗": the length is told, the question is about the warranty
		}
		if setUnsure.contains(s, cs, ce) || isQuestion(s, cs, ce) {
			x.mark(cs, ce, spanWarranty)
			return
		}
		start := skipBack(setWarrantyFillers, s, i)
		answer := YesNoYes
		if k, ok := precededBy(setNegations, s, start, 3); ok {
			answer, start = YesNoNo, k
		} else if j := skipForward(setNegationFillers, s, skipSpaces(s, end), ce); j < ce {
			if _, e, ok := setNegations.at(s, j); ok {
				answer, end = YesNoNo, skipForward(setWarrantyFillers, s, e, ce)
			}
		}
		x.f.ExtendedWarranty = answer
		if answer == YesNoYes {
			if m, ok := ParseExtendedMonths(s[cs:ce]); ok {
				x.f.ExtendedMonths = m // "当时买了3年延保"
			}
			if m, ok := ParseExtendedTotal(s); ok {
				x.f.ExtendedMonths, x.f.ExtendedTotal = m, true // "加了三年延保，一共保五年"
				if loc := extendedTotal.FindStringIndex(s); loc != nil && !x.overlaps(loc[0], loc[1]) {
					x.mark(loc[0], loc[1], spanWarranty)
				}
			}
		}
		if answer == YesNoYes {
			start = lengthBefore(s, cs, start) // "加了三年延保": the length is the warranty's too
		}
		x.mark(start, end, spanWarranty)
		return
	}
	// "整机包五年的": a cover told as its total, without the word 延保
	if loc := extendedTotal.FindStringIndex(s); loc != nil && !x.overlaps(loc[0], loc[1]) && strings.Contains(s[loc[0]:loc[1]], "整机") ||
		loc != nil && !x.overlaps(loc[0], loc[1]) && cueTotalCover.MatchString(s[loc[0]:loc[1]]) {
		cs, ce := x.clause(loc[0])
		if m, ok := ParseExtendedTotal(s[loc[0]:loc[1]]); ok && !isQuestion(s, cs, min(ce, spaceBreak(s, loc[0], ce))) {
			x.f.ExtendedWarranty, x.f.ExtendedMonths, x.f.ExtendedTotal = YesNoYes, m, true
			x.mark(loc[0], loc[1], spanWarranty)
		}
	}
}

// cueTotalCover is a total told with the cover's verb ("一共保五年", "总共包5年"), not a
// count of something else ("一共三年了").
var cueTotalCover = knowledge.MustFilter(`(一共|总共|共|合计|加起来|加一起)(是|能|可以)?(保修?|包修?|质保)`)

// lengthBefore moves start back over a length told just before the warranty's name and the
// verb before it ("加了三年延保", "买了3年的延保"), not past the clause's start cs.
func lengthBefore(s string, cs, start int) int {
	before := strings.TrimSuffix(s[cs:start], "的")
	locs := extendedLength.FindAllStringIndex(before, -1)
	if len(locs) == 0 || locs[len(locs)-1][1] != len(before) {
		return start
	}
	i := cs + locs[len(locs)-1][0]
	for _, verb := range []string{"加了", "买了", "办了", "加", "买", "办", "送了", "送"} {
		if strings.HasSuffix(s[cs:i], verb) {
			return i - len(verb)
		}
	}
	return i
}

// toldLength reports whether s tells an extended warranty's length or total.
func toldLength(s string) bool {
	if _, ok := ParseExtendedTotal(s); ok {
		return true
	}
	_, ok := ParseExtendedMonths(s)
	return ok
}

// isQuestion reports whether the clause s[cs:ce] asks rather than tells: "有延保吗？".
func isQuestion(s string, cs, ce int) bool {
	c := s[cs:ce]
	return strings.Contains(c, "吗") || strings.Contains(c, "有没有") || strings.Contains(c, "是否") ||
		strings.Contains(c, "能不能") || strings.HasPrefix(s[ce:], "?") || strings.HasPrefix(s[ce:], "？")
}

// spokenYesNo are whole replies typed in pinyin, the way they are said ("mei" is 没, "you"
// is 有, "dui" is 对), with a trailing "a" (啊) trimmed ("meiyoua", "duia"). Only a whole
// reply counts: inside a longer one "bu" or "you" may be anything.
var spokenYesNo = map[string]bool{
	"you": true, "youd": true, "youde": true, "yo": true, "dui": true, "duid": true, "duide": true, "shi": true, "shid": true,
	"shide": true, "en": true, "enen": true, "ng": true, "mai": true, "maile": true, "maiguo": true, "youmai": true,
	"mei": false, "meiy": false, "meiyou": false, "meiyo": false, "meiyoude": false, "meid": false, "meide": false, "meimai": false,
	"mo": false, "moyou": false, "mud": false, "mude": false, "muyou": false, "bu": false, "bus": false, "bushi": false, "buyao": false,
	"buyong": false, "meiban": false, "meijia": false, "mou": false, "mouyou": false, "my": false,
}

// spokenYesNoReply reads a whole reply of spokenYesNo, spaces and a trailing "a" (啊) aside.
func spokenYesNoReply(s string) (yes, ok bool) {
	k := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	if yes, ok = spokenYesNo[k]; ok {
		return yes, ok
	}
	yes, ok = spokenYesNo[strings.TrimRight(k, "a~!")]
	return yes, ok
}

// ParseYesNo reads the answer to a yes/no question: "是", "对", "有", "买了", "嗯", "好的",
// "yes", "1" say yes; "否", "没有", "不是", "没买", "no", "2" say no. When an answer holds
// both ("嗯，没有") the last one counts. ok is false for "不知道" and for answers that say
// neither.
func ParseYesNo(text string) (yes, ok bool) {
	s := strings.Trim(normalizeText(text), clauseBreaks+" .!?")
	switch s {
	case "":
		return false, false
	case "1":
		return true, true
	case "2":
		return false, true
	}
	if setUnsure.contains(s, 0, len(s)) {
		return false, false
	}
	if yes, ok := spokenYesNoReply(s); ok {
		return yes, true // "mei", "meiyou", "dui": a whole reply typed in pinyin
	}
	for i := 0; i < len(s); {
		_, yEnd, y := setYes.at(s, i)
		_, nEnd, n := setNo.at(s, i)
		switch {
		case y && (!n || yEnd >= nEnd):
			yes, ok = true, true
			i = yEnd
		case n:
			yes, ok = false, true
			i = nEnd
		default:
			i += runeLen(s, i)
		}
	}
	return yes, ok
}
