package bot

import (
	"regexp"
	"strings"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// dateRole says whether a time expression names the purchase or the start of the fault.
type dateRole uint8

// dateMention is one time expression found in a message.
type dateMention struct {
	start, end int
	date       Date
	approx     bool
	noDate     bool     // "一直": says how long, not since when
	vague      bool     // "好几年": many years, no number to count back from
	age        bool     // counted back from today ("两年多了", "买了半年"), not a calendar date
	role       dateRole // what the words themselves say
	dflt       dateRole // what it means when nothing around it says
}

// ParsePurchaseDate reads the answer to "when did you buy it?". It is more liberal than
// Extract: any date counts ("昨天", "6月"), and so does a bare age ("两年了", "半年") or year
// ("2023"). approx is true for relative or hedged answers. ok is false when no date that is
// not in the future can be read ("不记得了").
func ParsePurchaseDate(text string, now time.Time) (d Date, approx bool, ok bool) {
	x := newExtraction(text)
	var buf [8]dateMention
	ms := x.scanDates(now, true, buf[:0])
	best := -1
	for i := range ms {
		if ms[i].noDate || ms[i].vague || deniedDate(x.s, ms[i].start) {
			continue
		}
		role := x.classify(&ms[i])
		if role == rolePurchase || role == roleDelivered && best < 0 {
			best = i
			break
		}
		if role == roleNeither && x.upkeepAfter(&ms[i]) {
			continue // "滤网上周刚洗过的": the date of a check done, no answer to when it was bought
		}
		if role == roleStarted && !ms[i].age && (lastsFor(x.s, ms[i].start) || x.faultBeganAt(&ms[i])) {
			continue // "今天早上发现的", "充一晚上都不变绿": when the fault began or how long it lasts, not the purchase
		}
		if best < 0 {
			best = i
		}
	}
	if best < 0 {
		return Date{}, false, false
	}
	for i := best + 1; i < len(ms) && ms[best].age; i++ {
		// "两年多了吧 前年十月份买的": the month told after the age is the date meant
		if m := &ms[i]; !m.age && !m.noDate && !m.vague && !deniedDate(x.s, m.start) && refines(m.date, ms[best].date) &&
			x.classify(m) == rolePurchase {
			best = i
		}
	}
	if b := ms[best]; !b.age && b.date.Precision() == PrecisionYear {
		for i := best + 1; i < len(ms); i++ {
			// "2020年装修时候装的 大概9月": the month told after the year is that year's
			m := &ms[i]
			if m.age || m.noDate || m.vague || deniedDate(x.s, m.start) || m.date.Precision() < PrecisionMonth || x.classify(m) == roleStarted {
				continue
			}
			if m.date.Year == b.date.Year || !strings.Contains(x.s[m.start:m.end], "年") {
				d := m.date
				d.Year = b.date.Year
				return d, m.approx || b.approx, true
			}
		}
	}
	return ms[best].date, ms[best].approx, true
}

// faultBeganAt reports a date followed in its clause by the fault beginning: "今天早上发现的",
// "昨天开始不制冷".
func (x *extraction) faultBeganAt(m *dateMention) bool {
	_, end := x.clause(m.end)
	return faultBegan.MatchString(x.s[m.end:end])
}

var faultBegan = regexp.MustCompile(`发现|开始|出现|坏的|坏了|就不|就这样|突然`)

// lastsFor reports a time word at byte i told as a length of time, not a day: "充一晚上",
// "一整天", "用了一上午".
func lastsFor(s string, i int) bool {
	before := s[:i]
	for _, w := range []string{"一", "整", "一整", "大半"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// upkeepAfter reports a check or upkeep told in the clause after a date ("上个月刚换的电池").
func (x *extraction) upkeepAfter(m *dateMention) bool {
	_, clauseEnd := x.clause(m.end)
	for i, n := m.end, 0; i < clauseEnd && n < 10; n++ {
		if _, _, ok := setUpkeepAfter.at(x.s, i); ok {
			return true
		}
		i += runeLen(x.s, i)
	}
	return false
}

// keepsOn reports "一直" used as "keeps on" before what the fault does ("一直往左走", "一直滴水",
// "一直卡着"), not as "always been so" ("一直这样", "一直都是", "一直，买来就这样").
func keepsOn(word, after string) bool {
	if word != "一直" && word != "一直都" {
		return false
	}
	after = strings.TrimLeft(after, " ")
	if after == "" || strings.ContainsAny(firstRune(after), clauseBreaks+".!~") {
		return false
	}
	for _, w := range []string{"这样", "这个样", "都这样", "是这样", "如此", "就这样", "都是", "是", "有", "都有", "没好", "不好", "坏", "存在", "那样", "不", "没", "无法"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	return true
}

// dates finds the purchase date and the time the fault started.
func (x *extraction) dates(now time.Time) {
	var buf [8]dateMention
	ms := x.scanDates(now, false, buf[:0])
	purchaseEnd := -1
	fromDelivery := false // the purchase date is the delivery day, until a purchase is told
	fromAge := false      // the purchase date is an age counted back ("两年多了"), until a month is told
	for i := range ms {
		m := &ms[i]
		if deniedDate(x.s, m.start) {
			x.mark(m.start, m.end, spanPurchase) // "是前年买的 不是去年": not a date of the case
			continue
		}
		role := x.classify(m)
		switch {
		case role != roleStarted && role != roleDelivered && m.date.Year != x.f.PurchaseDate.Year && !m.noDate && !m.vague && !m.age && (x.f.PurchaseDate.Precision() == PrecisionYear || x.f.PurchaseApprox && x.f.PurchaseDate.Precision() == PrecisionMonth) &&
			m.date.Precision() >= PrecisionMonth && !strings.Contains(x.s[m.start:m.end], "年") &&
			purchaseEnd >= 0 && purchaseEnd <= m.start && !takesBack(x.s[purchaseEnd:m.start]):
			// "2023年夏天装的 7月份": the month of the year just told (or of its season), not
			// this year's
			x.f.PurchaseDate.Month, x.f.PurchaseDate.Day, x.f.PurchaseApprox = m.date.Month, m.date.Day, m.approx
			purchaseEnd = max(purchaseEnd, x.purchaseEnd(m))
			x.mark(m.start, purchaseEnd, spanPurchase)
		case m.vague:
			// "好几年了": owned for years, but no date to count from; never a guess
			if role == rolePurchase || role == roleEither {
				x.f.PurchaseVague = x.f.PurchaseDate.IsZero()
			}
			x.mark(m.start, m.end, spanPurchase)
		case role == rolePurchase && !m.noDate && (x.f.PurchaseDate.IsZero() || fromDelivery || purchaseEnd >= 0 && purchaseEnd <= m.start &&
			(takesBack(x.s[purchaseEnd:m.start]) || asked(x.s, purchaseEnd) && !asked(x.s, m.end))):
			// "什么2026年11月买的？洗衣机是2023年5月买的": the date asked back is the one denied
			// "前年10月买的 不对 是去年10月": the date after the correction is the one meant
			x.f.PurchaseDate, x.f.PurchaseApprox, fromDelivery, fromAge = m.date, m.approx, false, m.age
			purchaseEnd = x.purchaseEnd(m)
			x.mark(m.start, purchaseEnd, spanPurchase)
		case (role == rolePurchase || role == roleEither) && !fromAge && !m.age && !m.noDate && !m.vague && x.f.PurchaseDate.Precision() == PrecisionYear &&
			m.date.Precision() >= PrecisionMonth && m.date.Year == x.f.PurchaseDate.Year && purchaseEnd >= 0 && purchaseEnd <= m.start:
			// "去年冬天买的 2025年11月": the month told after the year is the date meant
			x.f.PurchaseDate, x.f.PurchaseApprox = m.date, m.approx
			purchaseEnd = x.purchaseEnd(m)
			x.mark(m.start, purchaseEnd, spanPurchase)
		case role == rolePurchase && fromAge && !m.age && !m.noDate && refines(m.date, x.f.PurchaseDate):
			// "两年多了吧 前年十月份买的": the month told after the age is the date meant
			x.f.PurchaseDate, x.f.PurchaseApprox, fromAge = m.date, m.approx, false
			purchaseEnd = x.purchaseEnd(m)
			x.mark(m.start, purchaseEnd, spanPurchase)
		case role == roleDelivered && !m.noDate && m.date.Precision() == PrecisionDay &&
			(x.f.Delivered.IsZero() || purchaseEnd >= 0 && purchaseEnd <= m.start && takesBack(x.s[purchaseEnd:m.start])):
			// "11月25号下的单 12月1号才送到": the 三包 days count from the delivery; the
			// purchase date is the delivery day only when no purchase is told
			x.f.Delivered = m.date
			if x.f.PurchaseDate.IsZero() || fromDelivery {
				x.f.PurchaseDate, x.f.PurchaseApprox, fromDelivery = m.date, m.approx, true
			}
			purchaseEnd = x.purchaseEnd(m)
			x.mark(m.start, purchaseEnd, spanPurchase)
		case role == roleDelivered && !m.noDate && x.f.PurchaseDate.IsZero():
			// "去年6月装的", "前年送到的": delivered in a month or a year, not to the day — no
			// 三包 day to count from, but the purchase date as near as the customer can tell
			x.f.PurchaseDate, x.f.PurchaseApprox, fromDelivery = m.date, m.approx, true
			purchaseEnd = x.purchaseEnd(m)
			x.mark(m.start, purchaseEnd, spanPurchase)
		case role == roleStarted && x.f.StartedPhrase == "" && keepsOn(x.s[m.start:m.end], x.s[m.end:]):
			// "一直往左走", "一直滴水": how the fault behaves, not since when; never a start time
			x.mark(m.start, m.end, spanStarted)
		case role == roleStarted && x.f.StartedPhrase == "" && lastedFor(x.s, m.start):
			// "充一晚上才显示三格": how long, not when it started
			x.mark(m.start, m.end, spanStarted)
		case role == roleStarted && x.f.StartedPhrase == "" && chatAction.MatchString(x.s[m.end:]):
			// "刚才复制的是另一台的铭牌", "刚才说错了": what the customer did in the chat
			x.mark(m.start, m.end, spanStarted)
		case role == roleStarted && whenItHappens(x.s, m.start, m.end):
			// "天天掉线 晚上特别严重", "一到晚上就不热了": when the fault shows, part of it;
			// left in its words, neither when it began nor when to call
		case role == roleStarted && x.f.StartedPhrase == "" && timeOfVisit(x.s, m.start, m.end):
			// "请登记上门维修，周六上午最佳", "下午三点以后在家": when to come, not since when
			x.mark(m.start, m.end, spanStarted)
		case role == roleStarted && x.f.StartedPhrase == "":
			x.f.StartedAt, x.f.StartedApprox = m.date, m.approx
			x.f.StartedPhrase = x.s[m.start:m.end]
			x.mark(m.start, m.end, spanStarted)
		}
	}
}

// timeOfDay are the times of day a fault can keep to: "晚上特别严重" says when it shows.
var timeOfDay = map[string]bool{"早上": true, "上午": true, "中午": true, "下午": true, "晚上": true}

// whenItHappens reports a time of day at s[start:end] told as when the fault shows, not
// when it began: with how often or how much ("晚上特别严重", "尤其晚上", "一到晚上就断",
// "每天晚上都", "早上洗衣服的时候最多").
func whenItHappens(s string, start, end int) bool {
	if !timeOfDay[s[start:end]] {
		return false
	}
	if faultTimeBefore.MatchString(s[:start]) {
		return true
	}
	return faultTimeAfter.MatchString(s[end:])
}

var (
	faultTimeBefore = knowledge.MustFilter(`(每天|天天|每|一到|每到|到了|尤其是|特别是|尤其|特别|一般|通常|主要是|主要|老是|总是|经常|一般都是|都是)$`)
	faultTimeAfter  = knowledge.MustFilter(`^(的时候|时候|时|里)?[^,，。!?？ ]{0,8}?(特别|尤其|更|最|比较|老是|老|总是|总|经常|频繁|容易|多|严重|厉害|明显|一般|基本)`)
)

// timeOfVisit reports a time told as when a visit suits, not when the fault began: the clause
// around s[start:end] speaks of coming, being home or suiting.
func timeOfVisit(s string, start, end int) bool {
	cs, ce := 0, len(s)
	if i := strings.LastIndexAny(s[:start], clauseBreaks+" "); i >= 0 {
		cs = i
	}
	if i := strings.IndexAny(s[end:], clauseBreaks+" "); i >= 0 {
		ce = end + i
	}
	return cueVisitTime.MatchString(s[cs:ce])
}

// chatAction follows a time word that tells something done in the chat, not the fault.
var chatAction = knowledge.MustFilter(`^(那个|我)?(说|讲|发(的|了|给|错|过)|复制|粘贴|打(的|错|字)|写|填|问|提到|给你|回复|选|输入|拍的|截图|那条|那句)`)

// cueVisitTime are the words around a time that say when to come.
// "别等到明天晚上6点" names a time the visit should come before, never when the fault began.
var cueVisitTime = knowledge.MustFilter(`最佳|最好|方便|有空|有人|在家|上门|过来|来修|来看|能来|可以来|约|安排|以后都行|都可以|等到|别等|不要等`)

// asked reports whether the clause going on at byte i ends in a question mark.
func asked(s string, i int) bool {
	for _, r := range s[i:] {
		switch {
		case r == '？' || r == '?':
			return true
		case isClauseBreak(r):
			return false
		}
	}
	return false
}

// lastedFor reports a time of day counted as a length: "一晚上", "整夜", "两个晚上".
func lastedFor(s string, start int) bool {
	before := s[:start]
	_, ok := endsWithAny(before, "一", "整", "半", "两", "几", "两个", "几个", "一整个", "一个")
	return ok
}

// refines reports whether a calendar date d names a month within a year of the date an age
// counted back to (the same purchase told more exactly): "前年十月份" after "两年多了".
func refines(d, counted Date) bool {
	if d.Precision() < PrecisionMonth || counted.IsZero() {
		return false
	}
	months := func(x Date) int { return x.Year*12 + max(x.Month, 1) }
	gap := months(d) - months(counted)
	return gap >= -12 && gap <= 12
}

// deniedDate reports whether the date starting at i is denied: "不是去年", "并非今年".
func deniedDate(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range []string{"不是", "并非", "不是在", "而非"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// "我什么时候说上周买的了", "谁说是去年": what the customer never said, quoted back
	before = strings.TrimSuffix(strings.TrimSuffix(before, "是"), "过")
	_, ok := endsWithAny(before, "什么时候说", "啥时候说", "几时说", "哪里说", "哪儿说", "哪说", "谁说", "没说", "没有说", "冇讲", "几时讲", "边度讲", "没讲")
	return ok
}

// startedLabel names the start time before its date: "开始时间", "故障时间", "什么时候开始的".
var startedLabel = knowledge.MustFilter(`(开始|出问题|坏|故障|发生)的?时间|什么时候开始|啥时候开始|开始于|开始是`)

// takesBack reports words between two dates that withdraw the first: "不对", "说错了", "应该是".
func takesBack(between string) bool {
	for _, w := range []string{"不对", "错了", "说错", "记错", "应该是", "其实是", "哦不", "不是", "更正", "改成"} {
		if strings.Contains(between, w) {
			return true
		}
	}
	return false
}

// classify decides what a mention names: the words themselves, then a lead-in before it
// ("购买于"), then the first telling word after it in its clause ("…京东买的" or "…开始不制冷"),
// then its kind (a calendar month is a purchase, "昨天" the start of the fault).
func (x *extraction) classify(m *dateMention) dateRole {
	if m.noDate {
		return roleStarted
	}
	if w := x.s[m.start:m.end]; (w == "刚才" || w == "刚刚") && strings.ContainsAny(firstRune(x.s[m.end:]), "说讲打写发问提填选登录留记输按点回") {
		return roleNeither // "刚才说错了": when the customer spoke, not a date of the case
	}
	if w := x.s[m.start:m.end]; (w == "刚才" || w == "刚刚") && strings.HasPrefix(x.s[m.end:], "那") &&
		!strings.HasPrefix(x.s[m.end:], "那会") && !strings.HasPrefix(x.s[m.end:], "那阵") && !strings.HasPrefix(x.s[m.end:], "那下") {
		return roleNeither // "就刚才那个投影仪啊": the one spoken of, no time of the fault
	}
	if m.role != roleEither && m.role != roleStarted {
		return m.role
	}
	s := x.s
	if startedLabel.MatchString(s[max(0, m.start-36):m.start]) {
		return roleStarted // "开始时间不对 是这个月初": the start time, named before its date
	}
	if _, ok := precededBy(setDeliveryLeadIns, s, skipLabelBack(s, m.start), 6); ok {
		return roleDelivered // "签收是12月7号"
	}
	if _, ok := precededBy(setPurchaseLeadIns, s, skipLabelBack(s, m.start), 6); ok {
		return rolePurchase
	}
	if stillThen(s[m.end:]) {
		// "昨晚还戴着睡觉的", "昨天还好好的", "上周还能用": when it was still in use or fine,
		// neither the purchase nor the start of the fault
		return roleNeither
	}
	if p := m.date.Precision(); (p == PrecisionYear || p == PrecisionMonth) && !m.age && strings.HasPrefix(s[m.end:], "的") &&
		(m.end+len("的") == len(s) || strings.ContainsAny(firstRune(s[m.end+len("的"):]), " ,，。!！~")) {
		return rolePurchase // "22年的 早过保了吧", "前年的 过保了没": the product's year, told as what it is
	}
	_, clauseEnd := x.clause(m.end)
	if occasionBought.MatchString(s[m.end:clauseEnd]) {
		return rolePurchase // "去年九月 刚出的时候买": bought at an occasion told after the date
	}
	occasion := false // "…搬家的时候": an occasion; what happened then comes after it
	for i, n := m.end, 0; i < clauseEnd && n < 10; n++ {
		if strings.HasPrefix(s[i:], "装修") {
			i += len("装修") // "20年装修的时候装的": the home's renovation, no repair ("修的")
			continue
		}
		if _, _, ok := setUnrelatedAfter.at(s, i); ok && !occasion {
			return roleNeither
		}
		if _, _, ok := setDeliveryVerbs.at(s, i); ok {
			return roleDelivered
		}
		if _, _, ok := setPurchaseVerbs.at(s, i); ok {
			return rolePurchase // "二三年搬家的时候买的"
		}
		if _, end, ok := setFaultAfterTime.at(s, i); ok {
			if w := s[i:end]; (w == "时候" || w == "后" || w == "之后" || w == "以后") && i > m.end {
				occasion = true
				i = end
				continue
			}
			return roleStarted
		}
		i += runeLen(s, i)
	}
	if occasion || m.role == roleStarted {
		return roleStarted
	}
	return m.dflt
}

// stillThen reports words right after a time that say the product was still fine or in
// use then: "还好好的", "还戴着", "都还能用".
func stillThen(after string) bool {
	after = strings.TrimLeft(after, " ")
	after = strings.TrimPrefix(strings.TrimPrefix(after, "都"), "我")
	return strings.HasPrefix(after, "还") && !strings.HasPrefix(after, "还没") && !strings.HasPrefix(after, "还是")
}

// purchaseEnd extends a purchase mention over the words that made it one ("…京东买的"), so
// that the symptom does not repeat them.
func (x *extraction) purchaseEnd(m *dateMention) int {
	s := x.s
	_, clauseEnd := x.clause(m.end)
	// a space between words ends the part: "买了5天就不脱水了 朋友送的" keeps the fault
	clauseEnd = spaceBreak(s, m.end, clauseEnd)
	for i, n := m.end, 0; i < clauseEnd && n < 10; n++ {
		end, ok := 0, false
		if _, end, ok = setDeliveryVerbs.at(s, i); !ok {
			_, end, ok = setPurchaseVerbs.at(s, i)
		}
		if ok {
			if strings.HasPrefix(s[end:], "的") {
				end += len("的")
			}
			return end
		}
		i += runeLen(s, i)
	}
	return m.end
}

// skipLabelBack moves back from i over what people put between a label and a value: spaces,
// colons, "是", "在", and hedges.
func skipLabelBack(s string, i int) int {
	for i > 0 {
		if w, ok := endsWithAny(s[:i], "改成", "改为", "改到", "应该是", "其实是", "写成", "填成"); ok {
			i -= len(w) // "购买时间改成10月25号": the label's value, corrected
			continue
		}
		if w, ok := endsWithAny(s[:i], "在背面", "在后面", "在背后", "在底下", "在底部", "在侧面", "写着", "印着", "标着"); ok {
			i -= len(w) // "型号在背面 7440i": where the label is, then its value
			continue
		}
		j := prevRuneStart(s, i)
		switch s[j:i] {
		case " ", ":", "是", "在", "于", "为", "係", "系", "喺": // "型号係 AL60SH2.0": Cantonese 是
			i = j
			continue
		}
		if k, ok := precededBy(setHedgesBefore, s, i, 3); ok {
			i = k
			continue
		}
		return i
	}
	return i
}

// endsWithAny returns the first of words s ends with.
func endsWithAny(s string, words ...string) (string, bool) {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w, true
		}
	}
	return "", false
}

// scanDates finds the time expressions of the message, outside parts already read, in
// order. targeted also accepts a bare age ("两年") and a bare year ("2023"), as answers to
// "when did you buy it?".
func (x *extraction) scanDates(now time.Time, targeted bool, out []dateMention) []dateMention {
	s := x.s
	today := DateOf(now)
	for i := 0; i < len(s) && len(out) < cap(out); {
		if end, ok := x.taken(i); ok {
			i = end
			continue
		}
		if !dateStarts.has(firstRuneFolded(s, i)) {
			i += runeLen(s, i)
			continue
		}
		m, ok := readDateAt(s, i, today, targeted)
		if !ok || x.overlaps(m.start, m.end) {
			i += runeLen(s, i)
			continue
		}
		if m.noDate || !m.date.after(today) {
			if _, ok := precededBy(setHedgesBefore, s, len(strings.TrimRight(s[:m.start], " ")), 3); ok {
				m.approx = true
			}
			if _, end, ok := setHedgesAfter.at(s, m.end); ok {
				m.approx = true
				if h := s[m.end:end]; h != "多" && h != "吧" {
					m.end = end
				}
			}
			out = append(out, m)
		}
		i = m.end
	}
	return out
}

// ParseStartedAt reads the answer to "when did the fault start?": "昨天", "三天前", "一周了",
// "上个月", or a date; a bare length of time ("三天") counts back from now. "一直" and the like
// give a phrase without a date. ok is false when the answer holds no time expression.
func ParseStartedAt(text string, now time.Time) (d Date, phrase string, approx bool, ok bool) {
	x := newExtraction(text)
	var buf [4]dateMention
	ms := x.scanDates(now, true, buf[:0])
	if len(ms) == 0 {
		return Date{}, "", false, false
	}
	m := ms[0]
	return m.date, x.s[m.start:m.end], m.approx, true
}

// firstRune is the first character of s, "" when s is empty.
func firstRune(s string) string {
	if s == "" {
		return ""
	}
	return s[:runeLen(s, 0)]
}

// occasionBought is an occasion right after a date that the purchase happened at: " 刚出的时候
// 买", "搬家那会儿装的".
var occasionBought = knowledge.MustFilter(`^[^,，。!?？]{0,10}(的时候|时候|那会儿|那会|那阵子|那阵)(买|购|入手|装|下单|抢|拿)`)
