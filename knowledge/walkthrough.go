package knowledge

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
)

// Answer is what a customer's reply to a self-service step means.
type Answer int

// The answers to a step. The bot offers numbered choices (WeChat text chat has no
// buttons): 1 solved, 2 not solved, 0 a human; colloquial replies are understood too.
const (
	AnswerUnclear   Answer = iota // anything else: ask again
	AnswerSolved                  // "1", "好了", "可以了"
	AnswerNotSolved               // "2", "没解决", "还是不行"
	AnswerHuman                   // "0", "转人工"
)

// String names the answer for logs.
func (a Answer) String() string {
	switch a {
	case AnswerSolved:
		return "solved"
	case AnswerNotSolved:
		return "not_solved"
	case AnswerHuman:
		return "human"
	}
	return "unclear"
}

// Phrases of each answer, checked in this order: asking for a human wins over everything,
// and the denials ("没好", "不行", "还是卡") are checked before the agreement they may
// contain ("门关好了也不行" is not solved).
var (
	humanPhrases     = []string{"转人工", "人工", "客服", "真人", "工程师", "师傅", "投诉", "找人", "派人", "派个", "叫个人", "来个人"}
	notSolvedPhrases = []string{
		"没解决", "未解决", "没有解决", "解决不了", "不行", "没用", "没有用", "没啥用", "没什么用", "不好使", "不管用",
		"不顶用", "没好", "不好", "还没", "还是一样", "老样子", "一样的", "依旧", "依然", "仍然", "照样", "还是",
		"一直是这样", "没反应", "没有反应", "没变化", "没什么变化", "没效果", "没啥效果", "不可以", "有问题", "无效", "失败", "没法",
		"不能", "不正常", "不成功", "没成功", "白搭", "白试", "没改善", "不见好", "没区别", "又不", "又开始", "又坏",
		"又停", "又出现", "又响", "又漏", "试过了", "都试了", "早试过", "都试过", "试了好几次", "不灵", "没动静",
		"没卵用", "白整", "白搞", "白弄", "不中", "唔得", "仲系", "冇用", "唔work", "就是不", "就是还", "但是还", "但还是",
		"可是还", "不得行", "莫得用", "没得用", "还那样", "还是那样", "一样不", "照旧", "不work", "现在又", "又黑", "又死",
		"又卡", "又没", "又是", "又来了", "唔会行", "唔行", "唔郁", "唔动", "勿灵", "勿会动", "还系唔", "还是唔", "还系不", "都系不", "又犯", "过一会又", "没过多久又", "仲未", "未好", "仲有", "仲系咁", "仍未", "还在转", "还在响", "还在漏", "还在滴", "还在报", "还在闪", "还在跳", "还在卡", "还在叫", "还在冒",
		"好几遍", "几遍了", "是坏了", "坏掉了",
	}
	solvedPhrases = []string{
		"解决了", "已解决", "已经解决", "问题解决", "解决啦", "转起来", "好了", "好啦", "可以了", "可以啦", "行了", "搞定", "正常了", "恢复正常",
		"没问题", "没有问题", "没啥问题", "没什么问题", "恢复了", "能用了", "可以用", "修好", "好使了", "管用", "有效", "成功", "ok了", "弄好",
		"好用了", "不用修", "不用报修", "有用", "灵了", "ok啦", "妥了", "搞掂", "冇问题", "得咗", "好返", "好翻",
		"好使", "要得", "可以咯", "没毛病", "中了", "正常工作", "恢复", "出水了", "出热水了", "排出去了", "凉快了",
		"流畅", "亮了", "开始洗", "转了", "通了", "能用", "不用派人", "不用上门", "不用来",
		"搞好哒", "搞好了", "没事喇", "没事啦", "冇事喇", "好返啦", "得咗喇", "弄好哒", "出画面了", "有画面了", "有声音了", "凉下来了", "热起来了", "制冷了", "制热了", "唔使师傅", "唔使上门", "连上了", "连上wifi", "能连上", "也能控制", "能控制了",
		"好咗", "搞掂咗", "整好咗",
		// the fault gone, told by what works again: "插上就出来画面了", "现在能看了 没事了"
		"能看了", "没事了", "出来画面", "画面出来了", "有信号了", "能开机了", "能开了", "不响了", "不漏了", "不滴了",
	}
	// solvedWords are whole replies that agree; inside a longer reply they mean too little
	// ("可以" in "可以再说一遍吗").
	solvedWords    = []string{"可以", "ok", "yes", "解决", "行", "中", "中中"}
	notSolvedWords = []string{"no", "否", "不", "没有", "没", "没呢", "不是", "并没有"}
	// choiceUnits after a leading digit make it a quantity, not a choice: "2个方法都试了".
	choiceUnits = "个分秒天次遍步种下点号小周月年台块元多来米度"
)

// ParseAnswer reads a reply to a step. A reply that is only a choice digit ("1", "２。",
// "选2") decides, and so does a digit followed by words that agree with it ("2 还是不行");
// a digit that counts something ("2个方法都试了没用", "3分钟后又停了") is read as words.
// Otherwise the words decide, in the message's understanding form (Canon): a request for a
// human first, then a denial, then agreement. Anything else is AnswerUnclear.
func ParseAnswer(text string) Answer {
	t := strings.Trim(Normalize(Canon(text)), ",")
	t = strings.Trim(apology.ReplaceAllString(t, ""), ", ") // "不好意思 是前年5月": sorry, not "不好"
	t = factoryReset.ReplaceAllString(t, "重置")              // "恢复出厂也按了": a check done, not "恢复"
	t = notUnfixed.ReplaceAllString(t, "好了")                // "唔系冇好 系好咗啊": not unfixed is fixed
	for _, p := range []string{"我", "选", "回复", "按", "输入"} {
		t = strings.TrimPrefix(t, p)
	}
	if t == "" {
		return AnswerUnclear
	}
	if digitsOnly(text) >= 5 {
		return AnswerUnclear // "1 3 9 1 2 3 4 5 6 7 8": a number typed with spaces, not a choice
	}
	words := parseAnswerWords(t)
	if d := t[0]; d >= '0' && d <= '2' && (len(t) == 1 || !isASCIIAlnum(rune(t[1]))) {
		rest := strings.TrimLeft(t[1:], ",")
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !strings.ContainsRune(choiceUnits, r) {
			choice := map[byte]Answer{'0': AnswerHuman, '1': AnswerSolved, '2': AnswerNotSolved}[d]
			if words == AnswerUnclear || words == choice || rest == "" {
				return choice
			}
			return words // "1 还是不行": the words are more careful than the finger
		}
	}
	if d, ok := trailingChoice(text); ok {
		choice := map[byte]Answer{'0': AnswerHuman, '1': AnswerSolved, '2': AnswerNotSolved}[d]
		switch {
		case words == AnswerUnclear || words == choice || choice == AnswerHuman:
			return choice // "没有硬物 2": what they saw, then the choice
		case words == AnswerSolved || choice == AnswerSolved:
			return AnswerNotSolved // "管子看着没问题 2": the check found nothing; the fault stays
		}
	}
	return words
}

// asksHuman reports a phrase of humanPhrases not denied right before it.
func asksHuman(t string) bool {
	for _, p := range humanPhrases {
		if i := strings.Index(t, p); i >= 0 && !deniedRightBefore(t, i, "不用", "不要", "别", "不需要", "没") {
			return true
		}
	}
	return false
}

// wantsRepair asks for the repair to be filed or someone sent, which no fixed device needs:
// "给我登记嘛", "帮俺报修", "派个师傅来", "登记一下吧".
var wantsRepair = regexp.MustCompile(`(帮|给)(我|俺|偶|额|我们|阿拉|侬)?(登记|报修|提交|报个修|派单|派个|派人|安排(个|一下)?(师傅|人|上门))|` +
	`(登记|报修|提交|派单)(一下|下|上)?(吧|嘛|呗|咯|啦|哈|喽)|派(个|一个)?(师傅|人|工程师)(来|过来|上门)`)

// asksCan is a question whether something may be done, ending the reply: "能用热水洗吗",
// "可以直接插上吗".
var asksCan = regexp.MustCompile(`(能|可以)[^,]{0,10}(吗|么|嘛|\?)[,~!]*$`)

// factoryReset names a reset, a check the customer did: "恢复出厂设置", "恢复默认".
var factoryReset = regexp.MustCompile(`恢复(出厂|默认|原厂)(设置|值)?`)

// notUnfixed denies a denial of the fix: "不是没好" (Cantonese "唔系冇好"), "并不是没解决".
var notUnfixed = regexp.MustCompile(`(并不是|也不是|不是)(没|未)(有)?(好|解决|修好|弄好|搞好|用)`)

// apology is a "sorry" that holds a verdict's words: "不好意思", "不好意思啊".
var apology = regexp.MustCompile(`不好意思(啊|哈|呀|哦|了)?|对不起|抱歉`)

// trailingChoice reads a choice typed after the words: "没有硬物 2", "管子看着没问题，2".
// The digit stands alone after a space or a comma, and no other digit is in the reply.
func trailingChoice(text string) (byte, bool) {
	rs := []rune(strings.TrimRight(strings.TrimRight(text, " \t,.!~。！，"), "吧呗啦嘛咯"))
	if len(rs) < 3 {
		return 0, false
	}
	d := rs[len(rs)-1]
	if d >= '０' && d <= '２' {
		d = d - '０' + '0'
	}
	if d < '0' || d > '2' || !strings.ContainsRune(" \t,，、;；就选按", rs[len(rs)-2]) {
		return 0, false // "试了2", "E2": the digit belongs to the words; "那就0吧" chooses
	}
	for _, r := range rs[:len(rs)-1] {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			return 0, false
		}
	}
	return byte(d), true
}

// asksSomething marks a reply that asks rather than tells.
var asksSomething = regexp.MustCompile(`能不能|可不可以|行不行|到底|要不要|怎么|咋|吗|\?|？`)

// asksBefore reports a question before the words of working at t[i:i+n] ("我到底能不能给手机
// 充电啊"), or right after them ("能充电了吗"); "好了 以后还会这样吗" tells, then asks.
func asksBefore(t string, i, n int) bool {
	if q := asksSomething.FindStringIndex(t); q != nil && q[0] < i {
		return true
	}
	after := strings.TrimLeft(t[i+n:], "了啦")
	return strings.HasPrefix(after, "吗") || strings.HasPrefix(after, "么") || strings.HasPrefix(after, "没") || strings.HasPrefix(after, "?")
}

// digitsOnly counts the digits of a reply made only of digits, spaces and number
// punctuation (0 when anything else is in it).
func digitsOnly(text string) int {
	n := 0
	for _, r := range Normalize(text) {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == ' ' || r == '-' || r == '+' || r == ',' || r == '.':
		default:
			return 0
		}
	}
	return n
}

// parseAnswerWords reads a reply without a leading choice.
func parseAnswerWords(t string) Answer {
	for _, m := range secondThoughts {
		if i := strings.LastIndex(t, m); i > 0 {
			if a := parseAnswerWords(strings.TrimLeft(t[i+len(m):], ",")); a != AnswerUnclear {
				return a // "还是不行…哦等下 好了好了": the second thought counts
			}
		}
	}
	if notTried.MatchString(t) && !stillFailing.MatchString(t) {
		return AnswerUnclear // "还没试呢": nothing to tell yet
	}
	if unsure.MatchString(t) {
		return AnswerUnclear // "好像好点了又好像没有，说不好": the customer cannot tell yet
	}
	if deniesSolved.MatchString(t) {
		return AnswerNotSolved // "我啥时候说解决了 还在转圈"
	}
	if partlyBetter.MatchString(t) || betterBut.MatchString(t) || stillWeak.MatchString(t) {
		return AnswerNotSolved // "好咗少少 有啲水入但系好慢", "好多了 还有一点点声音": only partly
	}
	if noChange.MatchString(t) || againCounted.MatchString(t) {
		return AnswerNotSolved // "没啥变化", "又掉了三次": the check changed nothing
	}
	if checkedNothing.MatchString(t) || doneAlready.MatchString(t) {
		return AnswerNotSolved // "掏了 没东西", "螺栓早拆了": the step was done or already so, and the fault stays
	}
	if givesUp.MatchString(t) && !fixedNow.MatchString(t) {
		return AnswerUnclear // "算了 买个新的 不用修了": the customer walks away; nothing is fixed
	}
	if asksCan.MatchString(t) && !fixedNow.MatchString(t) {
		return AnswerUnclear // "滤网拆下来能用热水洗吗": asks whether one may, tells nothing fixed
	}
	if loc := wantsRepair.FindStringIndex(t); loc != nil && !deniedRightBefore(t, loc[0], "不用", "不要", "别", "不需要", "无需", "唔使", "甭", "先不", "暂时不") && !asksHuman(t) {
		return AnswerNotSolved // "要得 给我登记嘛": asked to file the repair, so nothing was fixed
	}
	core := strings.TrimRight(t, ",啊呀哦吧啦嘛哈的了~!")
	switch {
	case slices.Contains(solvedWords, core) || slices.Contains(solvedWords, t):
		return AnswerSolved
	case slices.Contains(notSolvedWords, core) || slices.Contains(notSolvedWords, t):
		return AnswerNotSolved
	}
	for _, list := range []struct {
		phrases []string
		answer  Answer
	}{{humanPhrases, AnswerHuman}, {notSolvedPhrases, AnswerNotSolved}, {solvedPhrases, AnswerSolved}} {
		for _, p := range list.phrases {
			i := strings.Index(t, p)
			if i < 0 {
				continue
			}
			switch {
			case list.answer == AnswerHuman && deniedRightBefore(t, i, "不用", "不要", "别", "不需要", "没"):
				continue // "不用派人了" asks for nobody
			case list.answer == AnswerNotSolved && p == "有问题" && deniedRightBefore(t, i, "没", "木"):
				continue // "没有问题了" is the opposite
			case list.answer == AnswerNotSolved && aNotA(t, i, p):
				continue // "能不能快点" asks, it does not say it failed
			case list.answer == AnswerNotSolved && p == "还是" && choiceQuestion(t, i):
				continue // "要上门吗 还是我拿过去" asks which, it does not say it failed
			case list.answer == AnswerHuman && thanked(t, i):
				continue // "谢谢客服小姐姐" thanks a person, it asks for none
			case list.answer == AnswerSolved && deniedRightBefore(t, i, "没有", "还没", "并没", "没", "不", "未"):
				return AnswerNotSolved // "还没好", "没有恢复"
			case list.answer == AnswerSolved && asksBefore(t, i, len(p)):
				continue // "我到底能不能给手机充电啊", "能充电了吗": asked, not told
			case list.answer == AnswerSolved && aboutSomethingElse(t, i):
				continue // "插座是好的 别的电器能用": something else works
			case list.answer == AnswerSolved && cameBack.MatchString(t[i:]):
				return AnswerNotSolved // "弄好了但是又有了"
			}
			return list.answer
		}
		if list.answer == AnswerHuman && butStill.MatchString(t) {
			return AnswerNotSolved // "电源都好着呢，就是开不了机"
		}
	}
	if a := changeAnswer(t); a != AnswerUnclear {
		return a
	}
	if stepDone.MatchString(t) {
		return AnswerNotSolved // "我刚说了擦过了啊": told before, still there
	}
	return AnswerUnclear
}

// DeniesSolved reports a reply, in its canonical form (Canon), that takes back a "solved"
// the bot heard: "我啥时候说解决了", "谁说好了", "我冇讲过好咗", "哪里好了 还在响".
func DeniesSolved(canon string) bool { return deniesSolved.MatchString(Normalize(canon)) }

var (
	deniesSolved = regexp.MustCompile(`(啥|什么|几|乜|边个)时(候)?(说|讲)(过|咗|了)?(解决|好|搞定)|谁(说|讲)(过|咗|了)?(解决|好|搞定)|(没|没有|冇|唔|并没|从没)(说|讲)(过|咗)?(解决|好|搞定)|哪(里|儿)?(解决|好|搞定)了|(边度|边)(好|解决)(咗|了)|还没(解决|好)(呢|啊|呀)|仲未(好|解决)`)
	// partlyBetter is a little better, which is not solved: "好咗少少", "好了一点", "稍微好些".
	partlyBetter = regexp.MustCompile(`(好|改善|好转)(了|咗)?(少少|少许|一点|一些|一啲|啲|些少|一丢丢|一丢|一半|点点)|(稍微|稍稍|略微|略|有少少|少少)(好|改善|好转)|好(一|了一|咗一)?(点|些)(了|咗)?[^,]{0,6}(但|可|不过|就是|只是|还|仍|仲|依然|依旧)`)
	// betterBut is better, but the fault is still there: "好多了 还有一点点声音", "好咗啲 但仲有声".
	betterBut = regexp.MustCompile(`(好多了|好很多|好了很多|好咗好多|有改善|有好转|好转了|改善了|强一点|强多了)[^,]{0,10}(但|可是|不过|就是|只是|还有|还是|还在|仍|仲|依然|依旧|好慢|太慢|很慢)`)
	// stillWeak is the function back but poor: "水有了 就是好慢", "能出风但系好细".
	stillWeak = regexp.MustCompile(`(就是|但是|但系|但|可是|不过|只是)[^,]{0,4}(好慢|很慢|太慢|特别慢|慢得|好细|很小|太小|好弱|很弱|太弱|还响|仲响|还吵|(超|超级|巨|贼|太|很|好|特别|非常|有点|有些|还是|还)(小声|小|慢|弱|细|轻|响|吵|暗|模糊|卡))`)
	// noChange is a check that changed nothing: "没啥变化", "一点变化都没有", "冇乜分别".
	noChange = regexp.MustCompile(`(没|没有|木有|冇|无)(啥|什么|任何|一点|多大|太大|咩|乜|乜嘢)?(变化|区别|分别|改善|改变|效果|作用|起色|用处|两样)|(一点|一丁点|丝毫)(变化|区别|用|效果|作用)?都?(没有|没|冇)|老样子|跟(之前|原来|以前|刚才)一样|和(之前|原来|以前|刚才)一样`)
	// againCounted counts the fault coming back since the check: "又掉了三次", "又跳了两回".
	againCounted = regexp.MustCompile(`又[^,]{0,4}了?[一二两三四五六七八九十几好多\d]+(次|回|遍|下)`)
	// givesUp walks away from the fault instead of telling whether the check helped: "算了
	// 买个新的 不用修了", "懒得弄了 直接换新的".
	givesUp = regexp.MustCompile(`懒得|(买|换)(个|台|一个|一台|部|只|块)?新的|不想(修|弄|折腾|搞)了?|扔了|不修了|不要了`)
	// fixedNow tells the fault is gone, whatever else the reply says: "算了 它自己好了".
	fixedNow = regexp.MustCompile(`(自己|已经|现在)[^,]{0,3}(好了|正常了|能用了)|(解决了|修好了|搞定了|恢复正常)`)
	// stepDone restates what was told before, the fault not said gone: "我刚说了擦过了啊",
	// "头先讲咗", "说过了".
	// checkedNothing did the step and found nothing to put right: "掏了 没东西", "看过了 没堵",
	// "查了一遍 都是干净的".
	checkedNothing = regexp.MustCompile(`(掏|拆|查|看|瞧|瞅|照|清|擦|洗|检查|摸|翻|捅|通|弄)(了|过|咗)[^,]{0,3},?(也)?(没|没有|冇|无)(东西|异物|堵|脏|杂物|垃圾|头发|看到|发现|找到|卡住|松)|(掏|拆|查|看|清|擦|洗|检查)(了|过)[^,]{0,4},?(都)?(是)?(干净的|干干净净|好好的|好的)$`)
	// doneAlready says the step's condition was met before it was asked: "螺栓早拆了",
	// "滤网上礼拜就洗过了".
	doneAlready = regexp.MustCompile(`早(就)?(拆|弄|换|清|洗|装|调|插|拔|关|开|擦|检查|看)(了|好了|过了|过|掉了)|(上礼拜|上周|前几天|之前|以前|昨天)(就)?(拆|洗|清|换|擦|检查)(过|了)`)
	stepDone    = regexp.MustCompile(`(刚|刚刚|刚才|已经|早就|之前|头先|啱先)(说|讲)(了|过|咗)|(说|讲)(过|咗)(了|啦|啊)`)
)

// Unsure reports a reply, in its canonical form (Canon), that cannot tell yet whether a
// check helped (see unsure).
func Unsure(canon string) bool { return unsure.MatchString(Normalize(canon)) }

// PartlyBetter reports a reply, in its canonical form (Canon), that tells the fault is only
// a little better or better but still there ("好一点了吧", "好多了 还有一点点声音"): not solved.
func PartlyBetter(canon string) bool {
	t := Normalize(canon)
	return partlyBetter.MatchString(t) || betterBut.MatchString(t) || stillWeak.MatchString(t)
}

// GivesUp reports a reply, in its canonical form (Canon), that walks away from the fault
// instead of telling whether a check helped ("算了 买个新的 不用修了", "懒得弄了 直接换新的"),
// not saying the fault is gone.
func GivesUp(canon string) bool {
	t := Normalize(canon)
	return givesUp.MatchString(t) && !fixedNow.MatchString(t)
}

// Pending reports a reply, in its canonical form (Canon), that tells nothing yet: the check
// is not tried ("还没试呢") or the customer cannot tell whether it helped ("说不好").
func Pending(canon string) bool {
	t := Normalize(canon)
	return notTried.MatchString(t) && !stillFailing.MatchString(t) || unsure.MatchString(t)
}

// choiceQuestion reports "还是" at byte i joining the two sides of a question: "要上门吗 还是
// 我拿过去", "是上门还是寄修？".
func choiceQuestion(t string, i int) bool {
	before, after := t[:i], t[i+len("还是"):]
	if stillNot.MatchString(after) && !strings.ContainsAny(after, "?？") && !strings.HasSuffix(after, "吗") {
		return false // "都弄了还是没热水 老头子还等着洗澡呢": still failing, whatever follows
	}
	before = notAsking.Replace(before) // "好什么好 还是不转": 什么 asks nothing
	return strings.ContainsAny(before, "吗嘛么?？") || strings.ContainsAny(after, "?？") ||
		strings.HasSuffix(after, "呢") || strings.HasSuffix(after, "吗") || shiHaishi(before, after)
}

var (
	// stillNot is a fault told right after 还是: "还是不转", "还是没热水", "还是开不了机".
	stillNot = regexp.MustCompile(`^(不|没|冇|唔|未|无|[开打进出转用亮响动]不)`)
	// notAsking are words with 么 that ask nothing.
	notAsking = strings.NewReplacer("什么", "", "怎么", "", "这么", "", "那么", "", "多么", "", "咋么", "")
)

// shiHaishi reports the "是A还是B" of a choice between two short answers: "保修是半年还是一年啊",
// "是免费还是收费". What follows 还是 is B itself, never a fault still there ("是好了一点 还是
// 不行", "是清洗了 还是有点响").
func shiHaishi(before, after string) bool {
	if i := strings.LastIndexAny(before, ", "); i >= 0 {
		before = before[i+1:]
	}
	if j := strings.IndexAny(after, ", "); j >= 0 {
		after = after[:j]
	}
	after = strings.TrimRight(after, "啊呀哦嘛~!")
	a := []rune(after)
	if !strings.Contains(before, "是") || len(a) == 0 || len(a) > 6 || utf8.RuneCountInString(before) > 10 {
		return false
	}
	for _, w := range []string{"不", "没", "有", "一样", "那样", "老", "照样", "会", "要", "得", "在"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	return true
}

// aNotA reports a phrase starting with 不 inside an A-not-A question: "能不能", "行不行".
func aNotA(t string, i int, p string) bool {
	if !strings.HasPrefix(p, "不") || i == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	after, _ := utf8.DecodeRuneInString(p[len("不"):])
	return before == after
}

// cameBack is a fault back after a fix: "好了但是又有了", "好了一会儿又不转了".
var cameBack = regexp.MustCompile(`(但是|可是|不过|结果|然后|过了?一会儿?|没多久|没过多久)[^,]{0,8}又|又(有了|来了|出现|开始|坏|不|报|显示|提示|跳|响|漏|停|卡)|` +
	// only partly: "好了一半 有时候还掉", "好点了 但还是有点响"
	`^[^,]{0,3}(一半|一点|一些|点了?[^,]{0,2}(但|可|就是|还))|(有时|偶尔|时不时|隔一会)[^,]{0,4}(掉|断|停|响|漏|不|没|卡|黑|灭|跳|闪)|时好时坏|时有时无`)

// aboutSomethingElse reports a word of agreement said of something other than the product:
// "别的电器能用", "插座是好的".
func aboutSomethingElse(t string, i int) bool {
	start := max(0, i-12)
	if fixedBy.MatchString(t[max(0, i-24):i]) {
		return false // "换了个插座就好了": changing it was the fix
	}
	for _, w := range []string{"别的", "其他", "其它", "别人", "插座", "插头", "电源", "电闸", "线", "wifi", "网络"} {
		if strings.Contains(t[start:i], w) {
			return true
		}
	}
	return false
}

// fixedBy is a change the customer made, right before a word that it works: "换了个插座就",
// "插紧了以后".
var fixedBy = regexp.MustCompile(`(换|插紧|插好|拧紧|重新插|接好|合上|打开|推上)[^,]{0,6}(就|以后|之后|后)$`)

// secondThoughts introduce a reply that replaces what came before it in the message.
var secondThoughts = []string{"哦等下", "等下", "等等", "等一下", "诶等下", "啊等下"}

var (
	// notTried is a step not tried yet: "还没试呢", "没空弄".
	notTried = regexp.MustCompile(`还没(试|弄|做|来得及|顾上|动手|操作|开始)|没(空|时间)(试|弄|搞)|没法试|试不了|不敢(开机)?试|停电了`)
	// unsure is a customer who cannot tell whether it helped: "说不好", "好像好了又好像没好",
	// "再用几天看", "这算好了还是没好".
	unsure = regexp.MustCompile(`说不好|说不准|不好说|讲勿清|说不上来|不知道算不算|算好了还是|(好像|好似)[^,]{0,8}又(好像|好似)|(再|先)(用|观察|看)(几天|一两天|两天|一下)[^,]{0,2}看|需要观察|观察一下|无法判断|搞不懂|可能吧|也许吧|不确定`)
	// stillFailing is a failure told beside it: "这个还没试 那个试了不行".
	stillFailing = regexp.MustCompile(`不行|没用|没好|还是|不管用|没效果|没反应`)
)

// thanked reports a person named right after thanks: "谢谢客服", "辛苦师傅了".
func thanked(t string, i int) bool {
	before := t[:i]
	for _, w := range []string{"谢谢", "谢", "感谢", "辛苦", "麻烦"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return strings.HasPrefix(t[i:], "客服小姐姐") && strings.Contains(t, "谢")
}

// stopped are symptoms whose end ("不响了", "不跳闸了") means the fault is gone; working
// are functions whose return ("能制冷了", "可以开机了") means the same. "不制冷了" is
// neither: it is the fault.
var (
	stoppedSymptom = regexp.MustCompile(`不(再)?(响|漏|滴|跳闸|跳|卡|报警|叫|闪|报错|结霜|结冰|晃|震|抖|臭|吵|嗡|咔|乱跳|烫|掉线|断|重启|死机|自动关机|显示(那个|这个)?(代码|故障|错误|e\d|f\d))[^,]{0,6}了`)
	working        = regexp.MustCompile(`(能|可以|会|又能|又可以)[^,不没]{0,4}(用|制冷|制热|加热|出水|转|亮|启动|工作|开机|充电|充上|排水|进水|脱水|出风|通电|联网|连上|打着|点着|着火|洗|控制|连接|识别|登录|登陆|打开|开了)了?`)
)

// worksNow is the product doing its job again, told by what it does now: "现在能刷视频了",
// "现再能上网了", "终于可以打电话了", "现在哗哗进水了", "而家啲水流走晒喇" (Cantonese: all drained
// away), "换了个插座现在热得挺好". No negation may come between the "now" and the doing.
// perceived is a fault noticed, not a function back: "现在能听到咔咔响了".
var (
	worksNow = regexp.MustCompile(`(现在|现再|而家|宜家|这下|这回|终于|总算)[^,不没唔冇未]{0,4}(能|可以|又能|又可以)[^,不没唔冇未]{1,8}(了|喇|啦|咯|嘞)|` +
		`(现在|现再|而家|宜家|这下|终于|总算)[^,不没唔冇未]{0,3}(能|可以)[a-z]{2,}|` +
		`(现在|现再|而家|宜家|这下|终于|总算)(都|又|就|也)?(哗哗|呼呼|咕噜咕噜|咕嘟咕嘟|嗡嗡)(地|的|咁)?(进水|出水|排水|流|转|出风|出热水|往下流|往外流)|` +
		`(流|排|抽)(走|出|咗)晒|` + // never a bare 晒 ("拿去晒了" dries in the sun)
		`(热|冷|凉|转|洗|烧|烤|吹|排|抽)得(挺|蛮|还|可|老|贼|倍儿|很)?(好|正常|欢|带劲)(了|啦|的|呢|啊|哦|噻|,|$)|` +
		// "现在又呼呼往外吹冷风了", "现在开始进水了", "现在电视有了", "滤网洗完凉快多了", "风大多了"
		`(现在|现再|而家|宜家|这下|终于|总算)(都|又|就|也)?[^,不没唔冇未]{0,4}(吹|出)(冷风|凉风|热风|暖风|冷气|热水)|` +
		`(现在|这下|而家|终于)[^,不没唔冇未]{0,4}(开始)?(进水|出水|排水|制冷|制热|加热|有(图|声|画面|影|信号|网|热水)?)(了|喇|啦)|` +
		`(凉快|暖和|安静|顺畅|流畅|清楚)多了|风(也|都)?大多了|吹得(挺|蛮|很|好)?(凉|冷|暖)(快)?(的)?了|` +
		`(凍|冻|凉|热|暖|转|郁|亮|好|着)返(晒)?(喇|啦|了|嘞|咯)`) // Cantonese 返, back again: "依家凍返喇"
	perceived = regexp.MustCompile(`听到|看到|闻到|感觉到|摸到|听见|看见|闻见|响|漏|异|焦|糊|烟|味|臭|烫|报`)
)

// butStill is a fault still there after a "but": "就是开不了机", "但是还没反应".
var butStill = regexp.MustCompile(`(就是|但是|可是|但|不过)[^,]{0,4}(不|没|无法)`)

// deniedRightBefore reports whether one of the words ends right at byte i of t.
func deniedRightBefore(t string, i int, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(t[:i], w) {
			return true
		}
	}
	return false
}

// changeAnswer reads a reply that says what happened rather than whether it helped.
func changeAnswer(t string) Answer {
	if stoppedSymptom.MatchString(t) {
		return AnswerSolved
	}
	if loc := worksNow.FindStringIndex(t); loc != nil && !perceived.MatchString(t[loc[0]:loc[1]]) && !asksBefore(t, loc[0], loc[1]-loc[0]) {
		// "重启了一下 现在能刷视频了", "而家啲水…流走晒喇", "现在热得挺好": what the product does
		// again, told after the check; "现在能听到响声了" perceives a fault instead
		return AnswerSolved
	}
	if loc := working.FindStringIndex(t); loc != nil && !aboutSomethingElse(t, loc[0]) &&
		!strings.HasSuffix(t[:loc[0]], "也") && !strings.HasSuffix(t[:loc[0]], "都") {
		// "雷达也能转" tells what the check found; the fault is not said gone
		return AnswerSolved
	}
	return AnswerUnclear
}

// Walkthrough is the progress of a customer through a rule's self-service steps: the rule
// and the index of the step shown last. It is plain data, kept in the conversation.
type Walkthrough struct {
	RuleID string `json:"rule_id"`
	Step   int    `json:"step"`
}

// Verdict is what the dialog does after an answer to a step.
type Verdict int

// The verdicts.
const (
	VerdictShow     Verdict = iota // show the (new) current step
	VerdictSolved                  // the customer's problem is solved: close with thanks
	VerdictEscalate                // the last step didn't help: open a ticket
	VerdictHuman                   // the customer asked for a human
	VerdictRepeat                  // the answer was unclear: ask again
)

// String names the verdict for logs.
func (v Verdict) String() string {
	switch v {
	case VerdictShow:
		return "show"
	case VerdictSolved:
		return "solved"
	case VerdictEscalate:
		return "escalate"
	case VerdictHuman:
		return "human"
	}
	return "repeat"
}

// Start begins a walkthrough of r at its first step; ok is false when r has no steps (or
// is a safety rule, which never offers self-service).
func Start(r *Rule) (w Walkthrough, ok bool) {
	return Walkthrough{RuleID: r.ID}, len(r.Steps) > 0 && !r.Safety
}

// Current returns the step to show, false when the walkthrough is done.
func (w Walkthrough) Current(r *Rule) (Step, bool) {
	if w.Step < 0 || w.Step >= len(r.Steps) {
		return Step{}, false
	}
	return r.Steps[w.Step], true
}

// Done reports whether every step of r has been tried.
func (w Walkthrough) Done(r *Rule) bool { return w.Step >= len(r.Steps) }

// Next applies the customer's answer to the current step: solved and human end the
// walkthrough as they are; not solved moves to the next step, or escalates after the last;
// an unclear answer repeats the step.
func (w Walkthrough) Next(r *Rule, a Answer) (Walkthrough, Verdict) {
	switch a {
	case AnswerSolved:
		return w, VerdictSolved
	case AnswerHuman:
		return w, VerdictHuman
	case AnswerNotSolved:
		w.Step++
		if w.Done(r) {
			w.Step = len(r.Steps)
			return w, VerdictEscalate
		}
		return w, VerdictShow
	}
	return w, VerdictRepeat
}

// Prompt is the message showing the current step to the customer: its number, a caution
// when the step touches power or gas, the text and the choices. It is empty when the
// walkthrough is done.
func (w Walkthrough) Prompt(r *Rule) string {
	st, ok := w.Current(r)
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString(catalog.T("knowledge.step.header", "n", strconv.Itoa(w.Step+1), "total", strconv.Itoa(len(r.Steps))))
	b.WriteString("\n")
	if st.Safety {
		b.WriteString(catalog.T("knowledge.step.caution") + "\n")
	}
	b.WriteString(st.Text + "\n")
	b.WriteString(catalog.T("knowledge.step.choices"))
	return b.String()
}
