package bot

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

const (
	maxSymptomRunes = 200 // a symptom longer than this is cut
	maxSymptomParts = 8   // clauses kept in a symptom
	symptomJoiner   = "，"
)

// symptom collects the clauses that describe the fault, trimmed of words that belong to
// other facts or say nothing ("今天突然不制冷" gives "不制冷"). Adjacent clauses keep the
// customer's punctuation; others are joined with "，".
// noTrouble is a part of a message that says nothing is wrong: "没毛病", "都没啥问题了", "空调没问题".
// deniedSign is a part that only denies a sign of danger told beside the fault: "但没有
// 烧焦的味道", "没冒烟", "也没火花". It is no fault of its own.
var deniedSign = knowledge.MustFilter(`^(但|但是|不过|可是|而且|也|都|倒是)?(也|都|倒是|并|还)?(没|没有|没得|无|冇|未|不是)(有)?(闻到|看到|见|听到|发现)?(什么|啥|任何)?(烧焦|焦糊|焦|糊|冒烟|烟|火花|火星|火苗|明火|火|着火|起火|漏电|电人|麻|异味|怪味|味道|味儿|味|变色|发黑|发烫|烫)(的|了|呢|啊|哈|呀|啦|的味道|味道|的味|的那种味|那种味|的气味)?$`)

var noTrouble = knowledge.MustFilter(`^[^,，。 ]{0,6}?(都|也|就|倒是|其实|应该)?(没|没有|没啥|没什么|没得|无|冇)(啥|什么|任何|大)?(问题|毛病|故障|异常)(了|啦|的|呀|哈|啊|呢)?$`)

// aboutService is anger at the service, not the product's fault: "你们什么破售后", "售后太差了",
// "垃圾客服".
var aboutService = knowledge.MustFilter(`^[^,，。 ]{0,4}(什么破|啥破|破|垃圾|烂)(售后|客服|服务|公司|品牌|平台)|^(你们|你家)?(售后|客服|服务|态度)[^,，。 ]{0,4}(太差|真差|差劲|垃圾|太烂|不行)`)

// deniedDenial denies that the fault is its opposite, before saying what it is: "不是不制冷"
// ("是制冷太猛了" follows), "洗衣机不是不转", "唔系唔制冷". correctionLead opens what it is.
var (
	deniedDenial   = knowledge.MustFilter(`^[^,，。 ]{0,6}?(并|也|倒)?(不是|唔系|不系|勿是)(不|没|没有|唔|冇)[^,，。 ]{1,6}$`)
	correctionLead = knowledge.MustFilter(`^(而是|就是|是|而系|系)`)
)

// insult is a part that only calls the product or the service names: "你们这什么破", "咩嘢破烂嘢",
// "什么垃圾玩意儿" (the product's name read out of it as a fact).
var insult = knowledge.MustFilter(`^[^,，。 ]{0,4}?(什么|啥|咩嘢|咩|乜嘢|这|这个|呢个)?(破|烂|垃圾|破烂|烂鬼)(玩意儿?|东西|嘢|烂嘢|货|牌子)?[!！~]*$`)

// saidAgain points back at what was told, in a reproach: "我说了两个都坏了", "都说了坏了",
// "我不是说了不转吗". The fault it points at is in the earlier words.
var saidAgain = knowledge.MustFilter(`^(我|俺|偶)?(都|不是|早就|刚|刚才|已经)?(说|讲)(了|过|咗)(啊|嘛|呀)?(两个|俩|都|也)?[^,，。 ]{0,6}(坏了|不行了|有问题|坏咗)(吗|嘛|啊|呀)?$`)

// fillerLead is a part that only opens the story: "还有个事", "有个事", "是这样的", "那个就是".
var fillerLead = knowledge.MustFilter(`^(还有|另外|还|就是|那个|嗯|喂)?(有)?(个|一个|件)(事|事情|问题)(啊|哈|哦|呀|儿)?$|^(是这样的?|是酱紫|事情是这样的?)$`)

// whichUnit says which of the customer's units is the broken one, not what is wrong with it:
// "我老公说坏的其实是卧室那台海信", "有问题的是客厅那个". whichUnitWords is the saying itself,
// which the dialog notes for the engineer (bot.unit_noted).
const whichUnitWords = `(坏的|坏了的|坏掉的|出问题的|有问题的|不行的|坏咗嘅)(其实|应该)?(是|系)[^,，。!?？ ]{0,6}(那台|这台|那个|这个|一台|那部|嗰部|嗰个)`

var whichUnit = knowledge.MustFilter(`^[^,，。 ]{0,8}?` + whichUnitWords + `[^,，。 ]{0,4}$`)

// slowService is the service, not the product, being slow: "你们太慢了", "客服回复好慢".
var slowService = knowledge.MustFilter(`^(你们|你|客服|师傅|售后|回复|回消息|处理|速度|效率)[^,，。 ]{0,4}(太|真|好|这么|那么|也太|实在)?慢`)

// skipWord passes a question: "跳过", "先跳过吧" ("跳" alone tells a fault: 跳闸).
var skipWord = knowledge.MustFilter(`^(先|就)?(跳过|略过|skip)(吧|了|啦|这个|这题)?$`)

// ruledOut is a part that rules a cause out, a check the customer already did: "不是没放洗涤块",
// "又不是没开加热", "不系冇放洗碗块啊". It is no fault; the customer says what it is not.
var ruledOut = knowledge.MustFilter(`^(但|但是|而且|可|可是|我|也|都|并|又|倒)*(不是|并不是|又不是|也不是|不系|唔系|唔是|勿是|弗是)(因为|说)?(我|我们|家里|家人)?(没|没有|冇|未|忘了|忘记|忘记了|忘)[^,，。!?？ ]{1,10}$`)

// faultQualifier tells when or how much the fault told just before shows: "晚上特别严重",
// "尤其晚上", "开久了更明显", "早上洗衣服的时候最多". faultQualifierNot is a part that says it
// has got better or asks.
var (
	faultQualifier    = knowledge.MustFilter(`^(尤其是|特别是|尤其|主要是|主要在|一般在|一般是|通常)[^,，。!?？ ]{0,8}$|^[^,，。!?？ ]{0,12}(严重|厉害|明显|频繁|多一些|更多|最多|比较多|次数多)[^,，。!?？ ]{0,3}$`)
	faultQualifierNot = knowledge.MustFilter(`吗|么|呢|不严重|没那么|没有那么|好多了|好点|好些|轻`)
)

// ruledOutStart is where a cause ruled out begins inside a longer part.
var ruledOutStart = knowledge.MustFilter(`(又|也|并)?(不是|不系|唔系|唔是|勿是)(我|我们)?(没|没有|冇|忘了|忘记|忘)`)

// ruledOutAgain is the short confirmation told right after a cause ruled out, saying the
// check was done or its sign is fine: "放了的", "开着的", "窗户都关了", "灯是亮的", "开的最大档".
// It holds no negation; a fault told after ("不转了") is kept.
func ruledOutAgain(part, denial string) bool {
	t := strings.TrimRight(part, "啊呀哈啦嘛呢哦噢吖咯喔~～!！。😤😅😂🙄 ")
	if t == "" || runes(t) > 7 || strings.ContainsAny(t, "不没冇唔未无别") {
		return false
	}
	if strings.ContainsAny(t, "了过着咗") || strings.HasSuffix(t, "的") || strings.HasSuffix(t, "嘅") {
		return true
	}
	for _, r := range t { // "开的最大档" after "不是没开大档": the same doing, told done
		if unicode.Is(unicode.Han, r) && strings.ContainsRune(denial, r) && !strings.ContainsRune("的是我了", r) {
			return true
		}
	}
	return false
}

func (x *extraction) symptom() {
	s := x.s
	var parts, denied [maxSymptomParts][2]int
	n, nd := 0, 0
	lastRuledOut := ""  // the part just before, when it ruled a cause out
	correcting := false // a part just before denied a fault the customer then put right
	limit := len(s)
	if x.alsoAt >= 0 {
		limit = x.alsoAt // the second appliance's trouble is not this one's
	}
	for cs := 0; cs < limit && n < len(parts); {
		_, ce := x.clause(cs)
		ce = min(ce, limit)
		// A space between Chinese words ends a part of the story too: "吸力变小了 方太的
		// 去年买的" keeps "吸力变小了", not the brand and date told after it.
		for ps := cs; ps < ce && n < len(parts); {
			pe := spaceBreak(s, ps, ce)
			if loc := ruledOutStart.FindStringIndex(s[ps:pe]); loc != nil && loc[0] > 0 {
				pe = ps + loc[0] // "洗完碗还是油油的不是没放洗涤剂": the cause ruled out is a part of its own
			}
			part := strings.Trim(s[ps:pe], clauseBreaks+" ")
			if ruledOut.MatchString(part) || lastRuledOut != "" && ruledOutAgain(part, lastRuledOut) {
				// "洗完还是油乎乎的 不是没放洗涤块 放了的": what the fault is not, and the
				// check done, are no part of it
				if ruledOut.MatchString(part) {
					lastRuledOut = part
				} else {
					lastRuledOut = ""
				}
				ps = pe
				continue
			}
			lastRuledOut = ""
			if deniedDenial.MatchString(part) {
				// "冰箱不是不制冷 是制冷太猛了 冷藏室的菜都冻成冰坨子了": the fault it is not; what
				// it is follows, in words the lists may not know, and is kept as told
				correcting = true
				ps = pe
				continue
			}
			if correcting {
				if st := x.trimFront(ps, pe); st < pe && hanCount(s[st:pe]) >= 3 && x.cutAsked(ps, pe) == pe &&
					!noTrouble.MatchString(part) && !aboutService.MatchString(part) && !insult.MatchString(part) {
					st += len(correctionLead.FindString(s[st:pe]))
					parts[n] = [2]int{st, pe}
					n++
					ps = pe
					continue
				}
				correcting = false
			}
			if after := strings.Trim(s[x.afterFacts(ps, pe):pe], clauseBreaks+" "); after != part && after != "" && (noTrouble.MatchString(after) || sinceTail.MatchString(after)) {
				ps = pe // "13851762209 其他没问题", "今天开始的": a fact told, then nothing wrong
				continue
			}
			if noTrouble.MatchString(part) || skipWord.MatchString(part) || slowService.MatchString(part) || aboutService.MatchString(part) || whichUnit.MatchString(part) || insult.MatchString(part) || fillerLead.MatchString(part) || saidAgain.MatchString(part) {
				ps = pe // "没毛病 提交吧", "空调没问题 冰箱坏了": no fault in that part
				continue
			}
			if ae := x.cutAsked(ps, pe); ae == ps {
				ps = pe // "修一下多少钱", "师傅能今天来吗": a question, no part of the fault
				continue
			} else if ae < pe {
				pe = ae // "不制冷了是不是坏了": the fault before the question
			}
			if st, en, ok := x.symptomClause(ps, pe); ok && deniedSign.MatchString(strings.Trim(s[st:en], clauseBreaks+" ")) {
				if nd < len(denied) {
					denied[nd] = [2]int{st, en} // "没冒烟": kept only when nothing else is told
					nd++
				}
			} else if ok && insult.MatchString(strings.Trim(s[st:en], clauseBreaks+" ")) {
				// "你们这什么破油烟机": a name called, the product read out of it; no fault
			} else if ok {
				parts[n] = [2]int{st, en}
				n++
			} else if (ps > cs || pe < ce) && x.causeIn(ps, pe) {
				// "游泳后进水了 屏幕花了": the cause told beside the fault stays with it
				parts[n] = [2]int{x.trimFront(ps, pe), pe}
				n++
			} else if n > 0 && faultQualifier.MatchString(part) && !faultQualifierNot.MatchString(part) {
				// "天天漏水 晚上开得久的时候更严重", "老掉线 尤其晚上": when or how much the
				// fault just told shows is part of it
				parts[n] = [2]int{ps + strings.Index(s[ps:pe], part), ps + strings.Index(s[ps:pe], part) + len(part)}
				n++
			}
			ps = pe
		}
		if ce >= limit {
			break
		}
		cs = ce + runeLen(s, ce)
	}
	if n == 0 {
		parts, n = denied, nd // only a sign denied ("没有 没有焦味"): it is what was told
	}
	if n == 0 {
		return
	}
	contiguous := true
	for k := 1; k < n; k++ {
		if strings.Trim(s[parts[k-1][1]:parts[k][0]], clauseBreaks+" ") != "" {
			contiguous = false
			break
		}
	}
	var out string
	if contiguous {
		out = s[parts[0][0]:parts[n-1][1]]
	} else {
		var b strings.Builder
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteString(symptomJoiner)
			}
			b.WriteString(s[parts[k][0]:parts[k][1]])
		}
		out = b.String()
	}
	if loc := requestTail.FindStringIndex(out); loc != nil && loc[0] > 0 {
		if kept := strings.TrimRight(out[:loc[0]], clauseBreaks+" "+symptomJoiner); hanCount(kept) >= 2 {
			out = kept // "…不太吸烟了 一起看看呗", "…不脱水两个都要修": the request, no part of the fault
		}
	}
	x.f.Symptom = truncateRunes(out, maxSymptomRunes)
}

// requestTail ends a fault with a request to look at it: "一起看看呗", "两个都要修", "帮忙修一下".
var requestTail = knowledge.MustFilter(`[ ,，]?(两个|两台|俩|都|也|一起|一块|顺便|帮忙|麻烦)+(都)?(要|得|需要|帮我|给我|你们)?(修|报修|看看|看一下|瞧瞧|修一下|修修|弄一下)(吧|呗|哈|啊|一下)?$`)

// cutAsked returns where the question in s[from:to] begins, if the part asks one of the
// questions the bot answers (a price, how long, the warranty, a visit …) or asks anything
// without telling a fault: from when the part is the question, to when it asks nothing.
// The question is answered; it is no part of the fault ("洗衣机不脱水 修一下多少钱").
func (x *extraction) cutAsked(from, to int) int {
	part := x.s[from:to]
	t := compact(part)
	topic, ev := questionTopic(t, Context{})
	if topic == "" {
		return to
	}
	if !x.faultIn0(from, to) {
		return from // asks, tells no fault
	}
	if topic == TopicOther || ev == "" {
		return to // "为什么…", a fault told as a question: kept whole
	}
	i := strings.Index(part, ev)
	if i < 0 {
		return to // the evidence is in the compact form only: keep the part
	}
	at := from + i
	if loc := askLeadIn.FindStringIndex(x.s[from:at]); loc != nil {
		at = from + loc[0] // "…修一下多少钱": the lead-in belongs to the question
	}
	if !x.faultIn0(from, at) {
		if topic == TopicKeepUsing {
			return from // "那能不能继续插着充电": using it is the question, no fault
		}
		return to // the fault word is inside the question: keep the part
	}
	return at
}

// askLeadIn are the words that open a question just before what it asks: "修一下多少钱",
// "请问还在保吗", "师傅什么时候能来".
var askLeadIn = knowledge.MustFilter(`(请问|想问一下|想问|问一下|问下|那|要|得|修一下|修理|修好|维修|修|换个|换|上门|师傅|你们|大概|一般|还|能不能|可不可以|能|可以)*$`)

// faultIn0 is faultIn on the lists alone: a clause of other words is no fault here, even
// in the loose reading.
func (x *extraction) faultIn0(from, to int) bool {
	loose := x.loose
	x.loose = false
	ok := x.faultIn(from, to)
	x.loose = loose
	return ok
}

// trimFront skips, from st, other facts (not the cause or code, which are part of the
// story), decoration and words that say nothing.
func (x *extraction) trimFront(st, ce int) int {
	s := x.s
	for st < ce {
		if s[st] == ' ' {
			st++
			continue
		}
		if r := firstRune(s[st:]); r != "" && isDecoration(r) {
			st += len(r) // "😭😭热水器E4了": the tears are no part of the fault
			continue
		}
		if k, end, ok := x.spanAt(st); ok && k != spanTrigger && k != spanErrorCode {
			st = end
			continue
		}
		if strings.HasPrefix(s[st:ce], "是不是") || strings.HasPrefix(s[st:ce], "是否") {
			break // "是不是漏电了" asks; trimming "是" would make it "不是漏电了"
		}
		if _, end, ok := setSymptomFillers.at(s, st); ok && end <= ce &&
			!(s[st:end] == "有" && strings.ContainsAny(firstRune(s[end:ce]), "点些股声画")) { // "有点响", "有声音" stay whole
			st = end
			continue
		}
		break
	}
	return st
}

// sinceTail ends a clause that only tells since when: "今天开始的", "上周起".
var sinceTail = knowledge.MustFilter(`^(就|才)?(开始|起)(的|了|的吧|吧)?$|^(开始|才)(这样|出现)(的|了)?$`)

// afterFacts returns where s[from:to] goes on after the last contact or product detail in it.
func (x *extraction) afterFacts(from, to int) int {
	at := from
	for _, sp := range x.spans[:x.n] {
		if sp.kind != spanTrigger && sp.kind != spanErrorCode && sp.start >= from && sp.end <= to && sp.end > at {
			at = sp.end
		}
	}
	return at
}

// causeIn reports whether s[from:to] tells the cause the message gives (a trigger read and
// not denied: the case's trigger is set and is not "none").
func (x *extraction) causeIn(from, to int) bool {
	if x.f.Trigger == "" || x.f.Trigger == TriggerNone {
		return false
	}
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanTrigger && sp.start >= from && sp.end <= to {
			return true
		}
	}
	return false
}

// spaceBreak returns the end of the part of s[from:to] that runs up to a space between two
// Chinese characters (to when there is none); the space belongs to the next part.
func spaceBreak(s string, from, to int) int {
	for i := from + 1; i < to-1; i++ {
		if s[i] != ' ' || s[i-1] < 0x80 {
			continue
		}
		j := i
		for j < to && s[j] == ' ' {
			j++
		}
		if j < to && s[j] >= 0x80 {
			return i
		}
	}
	return to
}

// symptomClause decides whether s[cs:ce] describes the fault, and returns the part to keep.
func (x *extraction) symptomClause(cs, ce int) (start, end int, ok bool) {
	s := x.s
	if !x.faultIn(cs, ce) {
		return 0, 0, false
	}
	// Trim from the front: other facts (not the cause or code, which are part of the story)
	// and words that say nothing.
	st := x.trimFront(cs, ce)
	// Cut before contact details that follow the fault in the same clause.
	en, labelled := ce, false
	for _, sp := range x.spans[:x.n] {
		switch sp.kind {
		case spanPhone, spanName, spanAddress, spanSerial:
			if sp.start > st && sp.start < en {
				en = sp.start
			}
		case spanModel:
			// "用一会就停 型号C21-RT2140 今天开始的": the model under its label, and what follows
			if l := labelBefore(s, sp.start, "型号"); l >= st && l < en {
				en, labelled = l, true
			}
		}
	}
	if labelled && en <= st {
		return 0, 0, false // "型号C21-RT2140 今天开始的": the model told, no fault
	}
	// Cut facts that close the clause: "不凉了三天了" keeps "不凉了".
	for trimmed := true; trimmed; {
		trimmed = false
		en = len(strings.TrimRight(s[:en], " "))
		for _, w := range symptomTailLabels { // "黑屏 海信的 型号" once the model is cut
			if strings.HasSuffix(s[st:en], w) && en-len(w) > st {
				en, trimmed = en-len(w), true
				break
			}
		}
		for _, sp := range x.spans[:x.n] {
			if sp.start > st && sp.kind != spanTrigger && sp.kind != spanErrorCode &&
				(sp.end == en || sp.end < en && strings.TrimSpace(s[sp.end:en]) == "的") { // "…变小了 方太的"
				en, trimmed = sp.start, true
			}
		}
	}
	if labelled && (st >= en || !x.faultIn(st, en)) {
		return 0, 0, false // "型号C21-RT2140 今天开始的": the model told, no fault
	}
	if st >= en || !x.faultIn(st, en) {
		st, en = cs, ce // trimming went wrong: keep the customer's whole clause
	}
	start, end = st, en
	return start, end, true
}

// faultIn reports whether s[from:to] describes a fault: a symptom word outside the parts read
// as other facts, or an error code.
func (x *extraction) faultIn(from, to int) bool {
	s := x.s
	han := 0
	for i := from; i < to; {
		if k, end, ok := x.spanAt(i); ok {
			if k == spanErrorCode {
				return true
			}
			i = end
			continue
		}
		if _, end, ok := setNotFault.at(s, i); ok {
			i = end // "你慢慢查": words with a cue in them that say nothing of the fault
			continue
		}
		if _, end, ok := setSymptomCues.at(s, i); ok && end <= to {
			return true
		}
		if x.lx != nil && x.lx.faultWords != nil {
			if _, end, ok := x.lx.faultWords.at(s, i); ok && end <= to {
				return true
			}
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.Is(unicode.Han, r) {
			han++
		}
		i += runeLen(s, i)
	}
	return x.loose && han >= 2
}

// spanAt returns the kind and end of the part read as a fact that starts at or covers byte i.
func (x *extraction) spanAt(i int) (spanKind, int, bool) {
	for _, sp := range x.spans[:x.n] {
		if sp.start <= i && i < sp.end {
			return sp.kind, sp.end, true
		}
	}
	return 0, i, false
}

// ParseSymptom reads the answer to "what is wrong with it?": the symptom Extract finds, or,
// when no clause has a recognisable fault word, the customer's whole answer, trimmed.
func ParseSymptom(text string, now time.Time, lx *Lexicon) string {
	if f := Extract(text, now, lx); f.Symptom != "" {
		return f.Symptom
	}
	if f := Extract(text, now, lx); compact(statedPart(text)) != strings.Trim(compact(text), clauseBreaks) || otherDetail(f) || !f.PurchaseDate.IsZero() || f.Model != "" {
		if s := LooseSymptom(text, now, lx); s != "" {
			return s // "咣当咣当的 修一下多少钱 13800001111": the fault, less the question and the number
		}
	}
	return truncateRunes(strings.Trim(normalizeText(text), clauseBreaks+" "), maxSymptomRunes)
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// setNotFault are words holding a symptom cue that say nothing of the fault.
var setNotFault = wordSet([]string{"慢慢", "慢走", "不急", "不着急", "没事没事", "不打紧", "好用", "不错",
	// cries that say how the customer feels, not what is wrong: "救命😭", "急死了"
	"救命", "急死了", "急死", "烦死了", "烦死", "气死了", "怎么办", "咋办", "咋整", "肿么办", "help",
	// greetings before the fault: "你好 我家洗碗机洗完碗还是脏的" keeps no "你好"
	"你好", "您好", "你们好", "在吗", "在不在", "有人吗", "哈喽", "hello", "hi", "客服你好", "亲", "老板你好", "老板您好", "老板在吗",
	// apologies for the bother: "不好意思打扰一下 请问热水器多久能上门" tells no fault
	"不好意思", "唔好意思", "打扰", "打搅", "冒昧", "劳驾", "歹势", "拍谢"})

// symptomTailLabels are labels left at the end of a symptom once the value after them was
// read as another fact: "型号 65E3F", "电话 139…".
var symptomTailLabels = []string{"型号是", "型号:", "型号", "机型", "电话是", "电话:", "电话", "手机号", "联系方式"}

// isDecoration reports a character that carries feeling, not content: emoji and symbols.
func isDecoration(r string) bool {
	c, _ := utf8.DecodeRuneInString(r)
	return c >= 0x2600 && c <= 0x27BF || c >= 0x1F000 && c <= 0x1FAFF || c == 0xFE0F || c == 0x200D
}

// labelBefore returns where label starts when it stands right before byte i ("型号C21",
// "型号是 X", "型号：X"), or -1.
func labelBefore(s string, i int, label string) int {
	before := strings.TrimRight(s[:i], " :：")
	before = strings.TrimSuffix(before, "是")
	if strings.HasSuffix(before, label) {
		return len(before) - len(label)
	}
	return -1
}
