package bot

import (
	"fmt"
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// Trigger is what the customer says caused the fault. Water, drop, self-disassembly and a
// wrong supply voltage are damage the warranty may not cover; the zero Trigger means the
// message did not say.
type Trigger string

// The triggers.
const (
	TriggerNone            Trigger = "none"             // no particular cause: "无缘无故", "没摔也没进水"
	TriggerVoltage         Trigger = "voltage"          // 电压不稳, 停电后, 跳闸后, 打雷后
	TriggerForeignObject   Trigger = "foreign_object"   // 异物, 掉进去, 卡了东西
	TriggerWater           Trigger = "water"            // 进水, 泡水, 淋雨, 掉水里
	TriggerDrop            Trigger = "drop"             // 摔, 掉地上, 磕到
	TriggerSelfDisassembly Trigger = "self_disassembly" // 自己拆, 拆开过, 外面修过
	TriggerWrongVoltage    Trigger = "wrong_voltage"    // 插错电压, 110V
)

// triggerSet maps the trigger words of lexicon_words.go to their trigger.
var triggerSet = func() *phraseSet[Trigger] {
	p := &phraseSet[Trigger]{}
	for _, t := range triggerWords {
		p.add(t.word, t.trigger)
	}
	for _, drink := range spilledDrinks {
		for _, form := range []string{"进了%s", "进了点%s", "进%s", "洒了%s", "泼了%s", "打翻了%s", "%s洒", "%s泼", "%s打翻"} {
			p.add(fmt.Sprintf(form, drink), TriggerWater) // a drink inside the device is water damage
		}
	}
	p.sort()
	return p
}()

// trigger finds the first cause the message admits. Denied causes ("没进水", "不是摔的") do
// not count; a message that only denies causes, or says there was none ("无缘无故"), gives
// TriggerNone.
func (x *extraction) trigger() {
	s := x.s
	denied := false
	for i := 0; i < len(s); i += runeLen(s, i) {
		t, end, ok := triggerSet.at(s, i)
		if !ok {
			continue
		}
		if t == TriggerWater && s[i:end] == "水泡" && blister(s, i) {
			continue // "起了个小水泡": a blister on the skin
		}
		if askedCause(s, i, end) {
			continue // "是不是进水了", "会进水吗", "怕进水": asked or feared, not told
		}
		if neg, ok := negationStart(s, i); ok {
			denied = true
			x.mark(neg, end, spanTrigger)
			continue
		}
		if t == TriggerWater && waterIsTheFault(s, i, end) {
			continue // "不进水", "进水很慢", "进水进个不停": the machine's filling; nothing got wet
		}
		if t == TriggerSelfDisassembly && askedOrCleaning(s, i, end) {
			continue // "滤网可以自己拆洗吗", "能不能自己拆": asked, or cleaning as the manual says
		}
		if t == TriggerVoltage && consequence(s, i) {
			continue // "一开就跳闸 整个家都停电": the outage is what the fault does, not its cause
		}
		x.f.Trigger = t
		x.mark(i, end, spanTrigger)
		return
	}
	if m := powerCutInWords.FindStringIndex(s); m != nil && !consequence(s, m[0]) && !askedCause(s, m[0], m[1]) {
		if neg, ok := negationStart(s, m[0]); ok {
			denied = true // "没停过电"
			x.mark(neg, m[1], spanTrigger)
		} else {
			x.f.Trigger = TriggerVoltage // "前两天停过电", "上礼拜停过一回电", "停了一宿电"
			x.mark(m[0], m[1], spanTrigger)
			return
		}
	}
	if m := wetInWords.FindStringIndex(s); m != nil && x.carriedDevice() {
		if _, neg := negationStart(s, m[0]); !neg && !askedCause(s, m[0], m[1]) {
			x.f.Trigger = TriggerWater // "键盘上洒了半杯奶茶", "戴着去游泳了 屏幕里面雾雾的"
			x.mark(m[0], m[1], spanTrigger)
			return
		}
	}
	if denied || setNoTrigger.contains(s, 0, len(s)) {
		x.f.Trigger = TriggerNone
	}
}

// wetInWords tells that liquid got into a device in more words than the trigger list holds:
// a spill with a measure or place between ("洒了半杯奶茶", "一杯水全倒在键盘上"), a swim or a
// shower worn into, fog or droplets inside a screen. Read only of a device carried about
// (carriedDevice): of a washing machine or a purifier such words tell its own water.
var wetInWords = knowledge.MustFilter(`(洒|泼|撒|溅|打翻)(了|上|进|到|在)?[^,，。?？!！ ]{0,5}(水|茶|奶|咖啡|可乐|饮料|汤|酒|果汁|豆浆|汽水|雪碧|粥)|` +
	`(水|茶|奶茶|咖啡|可乐|饮料|汤|果汁|牛奶|酒|雨)[^,，。?？!！ ]{0,5}(洒|泼|倒|打翻|溅|灌|渗)(了)?[^,，。?？!！ ]{0,2}(在|到|进|上|里)|` +
	`泡(了|过|在)[^,，。?？!！ ]{0,5}水|游泳|泳池|泡温泉|潜水|浮潜|冲浪|淋了?[^,，。?？!！ ]{0,2}雨|(戴|带)着[^,，。?？!！ ]{0,3}(洗澡|冲凉|洗碗|洗手|洗衣服|泡澡|蒸桑拿|桑拿)|` +
	`(屏幕|表盘|表镜|镜头|摄像头|里面|内部|玻璃)[^,，。?？!！ ]{0,4}(雾|水汽|水珠|水雾|水渍)|起雾|进雾`)

// powerCutInWords tells a power cut with words between its two halves: "停过电", "停过一回电",
// "停了一宿电", "跳过一次闸".
var powerCutInWords = knowledge.MustFilter(`停(过|了)[^,，。?？!！ 电]{0,4}电|跳(过|了)[^,，。?？!！ 闸]{0,3}闸`)

// carriedDevice reports a message about a phone, laptop, tablet, watch or earphones: named
// as the category, or by a part only such devices have.
func (x *extraction) carriedDevice() bool {
	if portable[x.f.Category] {
		return true
	}
	return (x.f.Category == "" || x.f.Category == OtherCategory) && carriedDeviceWords.MatchString(x.s)
}

var carriedDeviceWords = knowledge.MustFilter(`键盘|触控板|手机|电脑|笔记本|平板|手表|手环|表盘|耳机|充电口|听筒|ipad|iphone|airpods`)

// blister reports "水泡" at byte i as a blister: "起了个水泡", "一个小水泡".
func blister(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range []string{"起", "个", "小", "大", "了", "长"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// askedCause reports a cause word at s[i:end] that is asked or feared, not told: "是不是进水了",
// "会不会进水", "会进水吗", "怕进水", "防止进水"; or quoted as what not to write down: "别给我
// 写成进水了", "当成摔的".
func askedCause(s string, i, end int) bool {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range []string{"是不是", "是唔是", "系唔系", "系咪", "会不会", "会唔会", "会", "怕", "担心", "防", "防止", "避免", "以免", "万一", "如果", "要是", "有没有", "有冇",
		"写成", "写", "记成", "当成", "当作", "当做", "说成", "算成", "判成", "认定", "定成", "以为"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	after := s[end:]
	for _, w := range []string{"了", "过", "咗"} {
		after = strings.TrimPrefix(after, w)
	}
	for _, w := range []string{"吗", "么", "嘛", "没有", "没", "未", "冇", "?", "？"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// withoutDeniedCauses is s with the causes it denies, asks about or quotes blanked out ("没进水",
// "没有进过水", "从来没摔", "别给我写成进水"): words that look for a cause in the raw text
// (knowledge.Wet, waterGotIn, wetInWords) then read only the causes told.
func withoutDeniedCauses(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i += runeLen(s, i) {
		if i < last {
			continue
		}
		_, end, ok := triggerSet.at(s, i)
		if !ok {
			continue
		}
		from := -1
		if neg, ok := negationStart(s, i); ok {
			from = neg
		} else if askedCause(s, i, end) {
			from = i
		}
		if from < last {
			continue
		}
		b.WriteString(s[last:from])
		b.WriteString("，") // a clause break where the cause was: what is left is read apart
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// askedOrCleaning reports a self-repair word at s[i:end] that asks rather than tells ("可以
// 自己拆吗", "要不要拆开") or is the cleaning the manual asks for ("自己拆洗滤网").
func askedOrCleaning(s string, i, end int) bool {
	if strings.HasPrefix(s[end:], "洗") || strings.HasPrefix(s[end:], "下来洗") || strings.HasPrefix(s[end:], "下来清洗") {
		return true
	}
	// "拆的时候要注意啥子", "拆之前要断电不": how to do it asked, nothing was taken apart yet
	if askedAfter.MatchString(s[end:]) {
		return true
	}
	before := strings.TrimRight(s[:i], " ")
	// "我自己找外面修", "拿去外面修": an intent, not a repair that was done
	for _, w := range []string{"可以", "能", "能不能", "可不可以", "要不要", "需要", "用不用", "敢", "怎么", "咋", "会不会", "是不是要",
		"找", "去", "拿去", "送去", "拿到", "送到", "打算", "准备", "想", "非要", "非得", "硬要", "说要", "还没", "没有"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// askedAfter is the rest of a clause that asks how to do what was just named: "…的时候要注意
// 啥", "…之前要断电不", "…行不行".
var askedAfter = knowledge.MustFilter(`^[^,，。!！]{0,6}(的时候|之前|以前|前)[^,，。!！]{0,6}(注意|小心|怎么|咋|啥|什么|要不要|吗|不|没)|^[^,，。!！]{0,4}(行不行|可以吗|可以不|能行吗|安全吗|安全不|要紧吗|有没有危险)`)

// consequence reports a word at byte i told as what the fault caused: "整个家都停电",
// "一开就停电", "导致停电".
func consequence(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range []string{"都", "就", "全", "导致", "害得", "搞得", "弄得", "造成", "然后", "直接"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// ParseTrigger reads the answer to "did anything happen before the fault (water, a drop,
// a power cut…)?". Besides the causes Extract knows, a plain "没有", "不知道" or "正常使用"
// gives TriggerNone. ok is false when the answer says neither.
func ParseTrigger(text string) (Trigger, bool) {
	s := normalizeText(text)
	denied := false
	for i := 0; i < len(s); i += runeLen(s, i) {
		t, _, ok := triggerSet.at(s, i)
		if !ok {
			continue
		}
		if negatedAt(s, i) {
			denied = true
			continue
		}
		return t, true
	}
	if denied || setNoTriggerAnswer.contains(s, 0, len(s)) {
		return TriggerNone, true
	}
	return "", false
}

// errorCode finds an error code the device shows: "显示E1", "报E4", "e1故障", "代码F3",
// "UNb". A code needs a cue before or after it, except the common one-letter shape ("E1",
// "F12") which counts alone. Codes are upper-cased; "E1" is never read out of "E10".
func (x *extraction) errorCode() {
	s := x.s
	for i := 0; i < len(s); i++ {
		if !isTokenStart(s, i) {
			continue
		}
		if end, ok := x.taken(i); ok {
			i = end - 1
			continue
		}
		code, end, shape := readErrorCode(s, i)
		if code == "" {
			for i < len(s) && isASCIIAlnum(s[i]) {
				i++
			}
			continue
		}
		cueStart, before := precededBy(setCodeCuesBefore, s, skipLabelBack(s, i), 4)
		_, _, after := setCodeCuesAfter.at(s, skipSpaces(s, end))
		strongCue := before && codeWordBefore(s, cueStart, i)
		ok := false
		switch shape {
		case codeDigits:
			ok = strongCue
		case codeLetters:
			ok = before || after
		case codeCommon:
			ok = true
		default:
			ok = before || after
		}
		if ok {
			x.f.ErrorCode = code
			x.mark(i, end, spanErrorCode)
			return
		}
		i = end - 1
	}
}

// codeShape classifies the look of a possible error code.
type codeShape uint8

const (
	codeOther   codeShape = iota // letters and digits: "CH05", "4C", "E-21"
	codeCommon                   // one letter and one or two digits: "E1", "F12"
	codeLetters                  // letters only: "UNb", "dE"
	codeDigits                   // digits only: "88"
)

// readErrorCode reads a possible error code at byte i: up to three letters, an optional dash
// and up to three digits, or one or two digits and one or two letters; five characters at
// most, not glued to more letters or digits. The code comes back upper-case, without the dash.
func readErrorCode(s string, i int) (code string, end int, shape codeShape) {
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	letters := j - i
	dash := false
	if letters > 0 && j+1 < len(s) && s[j] == '-' && isASCIIDigit(s[j+1]) {
		dash = true
		j++
	}
	k := j
	for k < len(s) && isASCIIDigit(s[k]) {
		k++
	}
	digits := k - j
	if letters == 0 && digits > 0 {
		for k < len(s) && isASCIILetter(s[k]) && k-j-digits < 2 {
			k++
		}
	}
	if k < len(s) && isASCIIAlnum(s[k]) {
		return "", k, codeOther
	}
	total := k - i
	if dash {
		total--
	}
	trailing := k - j - digits
	switch {
	case total < 1 || total > 5 || letters > 3 || digits > 3:
		return "", k, codeOther
	case letters == 0 && trailing == 0:
		shape = codeDigits
	case digits == 0 && letters > 0:
		if letters < 2 || isCommonWord(s[i:k]) {
			return "", k, codeOther
		}
		shape = codeLetters
	case letters == 1 && digits <= 2 && !dash && strings.IndexByte("EeFfPpHhUuCcLl", s[i]) >= 0:
		shape = codeCommon
	}
	code = s[i:k]
	if dash {
		code = s[i:i+letters] + s[i+letters+1:k]
	}
	return asciiUpper(code), k, shape
}

// isCommonWord reports whether letters are an ordinary word rather than a code: "OK", "WiFi".
func isCommonWord(w string) bool {
	switch asciiLower(w) {
	case "ok", "on", "off", "app", "wifi", "led", "usb", "tv", "pc", "ai", "cpu", "pro", "max", "plus", "mini":
		return true
	}
	return false
}

// codeWordBefore reports whether the cue before a code names a code ("代码", "故障码"), which
// a bare number needs: "代码88" but not "显示88".
func codeWordBefore(s string, cueStart, i int) bool {
	c := s[cueStart:i]
	return strings.Contains(c, "码")
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// waterIsTheFault reports a water word that names a fault of the water supply rather than
// water damage: "不进水", "无法进水", "进水慢", "进水阀".
func waterIsTheFault(s string, i, end int) bool {
	for _, w := range []string{"不", "不能", "无法", "没法", "不会", "停止", "唔", "唔识", "唔会", "一直", "不停地", "不停", "老是", "总是"} {
		if strings.HasSuffix(s[:i], w) {
			return true
		}
	}
	for _, w := range []string{"慢", "很慢", "太慢", "特别慢", "不畅", "不足", "阀", "管", "口", "时间", "超时", "报警", "故障", "不了", "少", "小",
		"的阀", "的角阀", "角阀", "的管", "的水管", "的龙头", "龙头", "的开关", "开关", "的口", "滤网", "的滤网", "电磁阀", "的电磁阀", "水压",
		// filling that does not stop: "进水进个不停", "进水停不下来", "一直进水关不住"
		"进个不停", "个不停", "不停", "停不下来", "停不了", "停不住", "关不住", "关不掉", "一直进", "溢出", "溢"} {
		if strings.HasPrefix(s[end:], w) {
			return true
		}
	}
	return false
}
