package bot

import (
	"strconv"
	"strings"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// An edit told in words at the confirmation summary goes to the line it names ("故障前情况
// 不对 前两天停过电", "10不对 …停过一回电") or whose content it gives ("之前停过电的 不是没原因"),
// never to the fault as a catch-all; when no line can be told, the customer is asked which.

// cueTriggerLine names line 10, what happened before the fault: "故障前情况", "原因那块".
var cueTriggerLine = knowledge.MustGate(`故障前|出故障前|坏之前|坏前|原因|起因|诱因`)

// cueNoneDenied denies that nothing caused the fault: "不是没原因", "我没说没原因", "有原因的".
var cueNoneDenied = knowledge.MustGate(`(不是|没说|没有说|哪里|咋|怎么|啥子)[^,，。!?？]{0,2}(没原因|没有原因|没啥原因|没什么原因|无缘无故)|有原因`)

// numberedLine is a line named by its number with the words that say it is wrong: "10不对",
// "第十项错了", "13 写错了"; the rest of the message may hold the new value.
var numberedLine = knowledge.MustFilter(`^第?([0-9]{1,2}|十[一二三]?|[一二三四五六七八九十])(项|条|个|行|那个|那项)?[ ,，]*(不对|错了|错啦|有误|写错了?|填错了?|记错了?|搞错了?|要改|改一下|改下|不是)`)

var lineNumerals = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13}

// namedLine is the summary line a message names by its number, and the words after the
// naming; ok is false when it names none.
func namedLine(canon string) (s Slot, rest string, ok bool) {
	t := strings.TrimSpace(normalizeText(canon))
	m := numberedLine.FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", false
	}
	num := t[m[2]:m[3]]
	n, err := strconv.Atoi(num)
	if err != nil {
		n = lineNumerals[num]
	}
	if n < 1 || n > len(summarySlots) {
		return "", "", false
	}
	rest = strings.Trim(t[m[1]:], clauseBreaks+" ")
	for _, w := range []string{"应该是", "改成", "改为", "写成", "换成", "是"} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			rest = strings.TrimSpace(r) // "13不对 是泉城路1号…": the value after "是"
			break
		}
	}
	return summarySlots[n-1], rest, true
}

// toldTrigger is the cause a correction tells of line 10, read as its answer would be; a
// "没原因" the customer denies is none. ok is false when it tells no cause.
func toldTrigger(u *Understanding, words string) (Trigger, bool) {
	if tr := u.Facts.Trigger; tr != "" && tr != TriggerNone {
		return tr, true
	}
	if words == "" {
		return "", false
	}
	if tr, ok := ParseTrigger(words); ok && tr != TriggerNone {
		return tr, true
	}
	return "", false
}

// fieldEdit applies an edit at the summary that names a line or gives line 10's content:
// the value goes to that line and the summary is shown again; a line named with no value
// is asked for. false when the message names no line this reads (correct takes it).
func (d *Dialog) fieldEdit(t *step) bool {
	c := t.c
	if len(t.u.Hazards) > 0 {
		return false
	}
	tx := compact(t.u.Canon)
	slot, rest, numbered := namedLine(t.u.Canon)
	if !numbered && (cueTriggerLine.MatchString(tx) && !cueQuestion.MatchString(tx) ||
		cueNoneDenied.MatchString(tx) && c.Case.Trigger == TriggerNone) {
		slot, rest = SlotTrigger, t.u.Canon
	}
	switch {
	case slot == SlotTrigger:
		if tr, ok := toldTrigger(&t.u, rest); ok {
			c.Case.Trigger = tr
			t.sayKey("bot.corrected", "changes", catalog.T("bot.slot."+string(SlotTrigger))+" "+d.show(&c.Case, SlotTrigger))
			d.summary(t)
			return true
		}
	case numbered && rest != "":
		probe := c.Case
		probe.clear(slot)
		if ok, _ := d.answer(&probe, slot, rest, t.in.At); ok && slot != SlotCategory && slot != SlotSymptom {
			if slot == SlotAddress {
				probe.Address = withPlace(probe.Address, c.Case.Address) // "13不对 泉城路1号2单元304": the city kept
			}
			c.Case = probe
			t.sayKey("bot.corrected", "changes", catalog.T("bot.slot."+string(slot))+" "+d.show(&c.Case, slot))
			d.summary(t)
			return true
		}
	case !numbered:
		return false
	}
	// the line named, its new value not told (or not read): that line is asked again
	c.State, c.Asking, c.Fails = StateEdit, slot, 0
	t.sayKey("bot.edit", "label", catalog.T("bot.slot."+string(slot)))
	t.say(d.question(&c.Case, slot))
	return true
}

// cueSaysWrong says something is wrong without naming what: "这个不对", "有个地方写错了".
var cueSaysWrong = knowledge.MustGate(`不对|错了|错啦|有误|写错|填错|记错|搞错|要改|改一下|改下|不是这样`)

// cutNameValue cuts a name correction at the word before the new name: "是", "系", "叫",
// "改成", "改为", "写成".
func cutNameValue(s string) (before, after string, ok bool) {
	at, size := -1, 0
	for _, w := range []string{"是", "系", "叫", "改成", "改为", "写成"} {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at, size = i, len(w)
		}
	}
	if at < 0 {
		return s, "", false
	}
	return s[:at], s[at+size:], true
}

// namesOtherLine reports a message that names a line of the summary other than the fault
// (电话, 地址, 名字, 购买时间, 故障前情况…): its words are that line's, not the fault's.
func namesOtherLine(tx string) bool {
	if cueTriggerLine.MatchString(tx) {
		return true
	}
	for _, n := range slotNames {
		if n.re.MatchString(tx) {
			return true
		}
	}
	return false
}

// toldName is the name a correction gives after the line's word and "是", "叫" or "改成"
// ("名字不对 叫小李", "俩单子的名字都改成赵建华"), read as if introduced; "" when none.
func (d *Dialog) toldName(t *step) (name string, surname bool) {
	if !cueNameSlot.MatchString(compact(t.u.Canon)) {
		return "", false
	}
	if _, after, ok := cutNameValue(t.u.Canon); ok {
		if n := Extract("我叫"+strings.TrimSpace(after), t.in.At, d.lexicon()); n.Name != "" {
			return n.Name, n.NameSurname
		}
	}
	return "", false
}
